"""A document's registration date: the day the department entered it in its register.

Shown on the document page and the register, filterable, and what the specialist's home page
counts as "documents this month" (it used to count signing dates)."""

import datetime as dt
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from tuyengiao.core.errors import DomainError
from tuyengiao.documents import services
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db

LIST = reverse("documents:list")


def _register(specialist, number="901-KH/QU", unit="QU-Q1", **extra):
    return services.register_document(
        actor=specialist,
        number_text=number,
        signed_on=dt.date(2023, 3, 1),
        title="Kế hoạch vào sổ thử",
        issuing_unit=OrgUnit.objects.get(code=unit),
        **extra,
    )[0]


def test_a_document_registered_without_a_date_is_registered_today(specialist):
    document = _register(specialist)
    assert document.registered_on == timezone.localdate()


def test_the_registration_date_cannot_precede_the_signing_nor_be_in_the_future(specialist):
    with pytest.raises(DomainError) as before:
        _register(specialist, registered_on=dt.date(2023, 2, 28))
    assert before.value.field == "registered_on"
    assert before.value.message == (
        "«Ngày vào sổ»: «28/02/2023» — trước ngày ban hành 01/03/2023; "
        "văn bản chỉ vào sổ từ ngày ban hành trở đi."
    )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(DomainError, match="ngày ở tương lai"):
        _register(specialist, registered_on=tomorrow)
    assert not Document.objects.filter(number_text="901-KH/QU").exists()


def test_the_form_takes_dd_mm_yyyy_and_the_pages_show_it(client, specialist):
    client.force_login(specialist)
    data = {
        "number_text": "902-KH/QU",
        "signed_on": "01/03/2023",
        "registered_on": "06/03/2023",
        "title": "Kế hoạch vào sổ thử",
        "issuing_unit": "QU-Q1",
        "classification": "ordinary",
    }
    client.post(reverse("documents:create"), data)
    document = Document.objects.get(number_text="902-KH/QU")
    assert document.registered_on == dt.date(2023, 3, 6)
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert re.search(r"Ngày vào sổ</dt><dd[^>]*>06/03/2023</dd>", page)
    listed = client.get(LIST, {"q": "902-KH/QU"}).content.decode()
    assert '<th class="d-none d-sm-table-cell">Ngày vào sổ</th>' in listed
    assert 'data-testid="registered-on">06/03/2023</td>' in listed
    # an edit that leaves the box as it was keeps the date; a bad date is named in Vietnamese
    edit = reverse("documents:edit", args=[document.pk])
    page = client.post(edit, {**data, "registered_on": "31/02/2023"}).content.decode()
    assert "«Ngày vào sổ»: «31/02/2023» — không phải là ngày hợp lệ" in page
    page = client.post(edit, {**data, "registered_on": "28/02/2023"}).content.decode()
    assert "trước ngày ban hành 01/03/2023" in page
    document.refresh_from_db()
    assert document.registered_on == dt.date(2023, 3, 6)


def test_the_register_filters_by_registration_date(client, specialist):
    client.force_login(specialist)
    _register(specialist, "903-KH/QU", registered_on=dt.date(2023, 3, 6))
    _register(specialist, "904-KH/QU", registered_on=dt.date(2023, 4, 6))
    page = client.get(
        LIST, {"q": "kh/qu", "registered_from": "01/03/2023", "registered_to": "31/03/2023"}
    ).content.decode()
    assert "903-KH/QU" in page and "904-KH/QU" not in page
    page = client.get(LIST, {"registered_from": "32/03/2023"}).content.decode()
    assert "«Vào sổ từ ngày»: «32/03/2023» — không phải là ngày hợp lệ" in page


def test_this_month_on_the_specialists_home_counts_registrations_not_signatures(client, specialist):
    def shown():
        page = client.get("/").content.decode()
        return int(re.search(r'data-testid="glance-documents">([\d.]+)<', page)[1].replace(".", ""))

    client.force_login(specialist)
    before = shown()
    expected = Document.objects.visible_to(specialist).filter(
        registered_on__year=timezone.localdate().year,
        registered_on__month=timezone.localdate().month,
    )
    assert before == expected.count()
    # a document signed in 2023 and entered in the register today counts this month
    _register(specialist, "905-KH/QU")
    assert shown() == before + 1
    assert "văn bản vào sổ trong tháng" in client.get("/").content.decode()


def test_the_sibling_ward_filtering_by_date_sees_none_of_the_district_documents(
    client, specialist, outsider
):
    _register(specialist, "906-KH/ĐU", "DU-BEN-NGHE", registered_on=dt.date(2023, 3, 6))
    client.force_login(specialist)
    dated = {"registered_from": "06/03/2023", "registered_to": "06/03/2023"}
    assert "906-KH/ĐU" in client.get(LIST, dated).content.decode()
    client.force_login(outsider)
    page = client.get(LIST, dated).content.decode()
    assert "906-KH/ĐU" not in page and "Kế hoạch vào sổ thử" not in page


def test_rows_older_than_the_column_take_their_signing_date(specialist):
    migration = importlib.import_module(
        "tuyengiao.documents.migrations.0005_document_registered_on"
    )
    document = _register(specialist, "907-KH/QU")
    assert document.registered_on != document.signed_on
    migration.backfill(apps, None)
    document.refresh_from_db()
    assert document.registered_on == dt.date(2023, 3, 1)


def test_a_registration_on_the_signing_day_follows_a_corrected_signing_date(specialist):
    document = _register(specialist, "908-KH/QU", registered_on=dt.date(2023, 3, 1))
    later = dict(
        actor=specialist,
        number_text=document.number_text,
        title=document.title,
        classification=document.classification,
    )
    services.update_document(document, signed_on=dt.date(2023, 3, 4), **later)
    assert document.registered_on == dt.date(2023, 3, 4)
    # a registration on another day is the department's own record: it is kept, or refused
    services.update_document(document, signed_on=dt.date(2023, 3, 2), **later)
    assert document.registered_on == dt.date(2023, 3, 4)
    with pytest.raises(DomainError, match="trước ngày ban hành 05/03/2023"):
        services.update_document(document, signed_on=dt.date(2023, 3, 5), **later)
