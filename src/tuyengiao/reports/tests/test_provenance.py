"""After the data change, the report's sources say which figures changed, and only those."""

import pytest
from django.db.models import F

from tuyengiao.reporting import totals
from tuyengiao.reporting.models import Value
from tuyengiao.reports import docx, services
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
    value = Value.objects.filter(
        submission__form__code="HT-NQ",
        submission__period__code="HT-TW456-2022",
        submission__unit__code="DU-BEN-NGHE",
        field__code="members_attended",
    ).get()
    Value.objects.filter(pk=value.pk).update(number=F("number") - 1)
    totals.refresh(value.submission)  # a raw update passes no verb: keep the totals in step
    changes = {c.id: c for c in services.changes_since(report)}
    study = next(f["id"] for f in report.figures if f["id"].startswith("study."))
    campaign = study.split(".")[1]
    # The term target measured by the participation rate moves with it; nothing else does.
    measured_by_rate = {
        f["id"]
        for f in report.figures
        if f["id"].startswith("targets.") and f["display"] == "93,44%"
    }
    assert measured_by_rate
    assert set(changes) == {
        f"study.{campaign}.members_attended",
        f"study.{campaign}.participation_rate",
        *measured_by_rate,
    }
    attended = changes[f"study.{campaign}.members_attended"]
    assert (attended.before, attended.after) == ("6.513", "6.512")
    # Regenerated, the new report prints the new figures and nothing differs from it.
    again = services.generate_report(district, 2022, actor=specialist)
    assert services.changes_since(again) == []
    assert "6.512/6.970/8.021" in docx.read_text(again.file.read())


def test_the_snapshot_keeps_what_the_report_printed(district, specialist):
    report = services.generate_report(district, 2022, actor=specialist)
    by_id = {f["id"]: f for f in report.figures}
    assert by_id["training.chinh-tri-he.rate"]["display"] == "99,64%"
    assert report.file.name.endswith(".docx") and report.generated_by == specialist
