"""After the data change, the report's sources say which figures changed, and only those."""

import pytest
from django.db.models import F

from tuyengiao.reporting.models import Value
from tuyengiao.reports import services
from tuyengiao.training.models import TrainingClass

pytestmark = pytest.mark.django_db


def test_a_fresh_report_has_no_changed_figure(district, specialist):
    report = services.generate_report(district, 2022, actor=specialist)
    assert services.changes_since(report) == []


def test_changing_one_class_reports_exactly_its_kind_planned_and_rate(district, specialist):
    report = services.generate_report(district, 2022, actor=specialist)
    one = TrainingClass.objects.filter(kind__code="chinh-tri-he", unit=district).first()
    TrainingClass.objects.filter(pk=one.pk).update(planned=F("planned") + 1)
    changes = {c.id: c for c in services.changes_since(report)}
    assert set(changes) == {"training.chinh-tri-he.planned", "training.chinh-tri-he.rate"}
    rate = changes["training.chinh-tri-he.rate"]
    assert (rate.before, rate.after, rate.kind) == ("99,64%", "99,60%", "changed")


def test_changing_one_submission_reports_exactly_the_figures_it_feeds(district, specialist):
    report = services.generate_report(district, 2022, actor=specialist)
    if not any(f["id"].startswith("study.") for f in report.figures):
        pytest.skip("no provider gives study figures yet")
    value = Value.objects.filter(
        submission__form__code="HT-NQ", submission__period__code="2022",
        submission__unit__code="DU-BEN-NGHE", field__code="members_attended",
    ).get()  # fmt: skip
    Value.objects.filter(pk=value.pk).update(number=F("number") - 1)
    changed = {c.id.rsplit(".", 1)[-1] for c in services.changes_since(report)}
    assert changed == {"members_attended", "participation_rate"}


def test_the_snapshot_keeps_what_the_report_printed(district, specialist):
    report = services.generate_report(district, 2022, actor=specialist)
    by_id = {f["id"]: f for f in report.figures}
    assert by_id["training.chinh-tri-he.rate"]["display"] == "99,64%"
    assert report.file.name.endswith(".docx") and report.generated_by == specialist
