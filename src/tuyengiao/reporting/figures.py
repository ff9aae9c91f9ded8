"""A form's rolled-up figures as core.figures.Figure, for the year-end report.

Not a registered figure provider (core.registry): the study-campaigns app knows which form
and period make a campaign and calls `form_figures` itself.
"""

from __future__ import annotations

from django.urls import reverse

from tuyengiao.core.figures import Figure, number
from tuyengiao.core.text import format_date

from .choices import Aggregation, SubmissionStatus
from .models import Submission, in_subtree
from .rollup import rollup

AGGREGATION_WORDS = {
    Aggregation.SUM: "Tổng",
    Aggregation.AVERAGE: "Trung bình",
    Aggregation.MAX: "Giá trị lớn nhất",
}


def form_figures(
    form, unit, period, *, prefix: str, section: str, labels: dict[str, str] | None = None
) -> list[Figure]:
    """Each aggregated field, each indicator and completeness (expected, submitted,
    approved) of `form` over `unit`'s subtree in `period`, from approved submissions.
    `labels` overrides the Vietnamese label of a field or indicator code, or of
    "expected" / "submitted" / "approved"."""
    labels = labels or {}
    result = rollup(form, unit, period)
    drilldown = reverse("reporting:drilldown", args=[form.code, period.code, unit.code])
    approved = (
        Submission.objects.filter(
            in_subtree("unit__", unit),
            form=form,
            period=period,
            status=SubmissionStatus.APPROVED,
        )
        .select_related("unit")
        .order_by("unit__sort_name")
    )
    base = {
        "units": f"{unit.code} — {unit.name} (cây đơn vị hiệu lực ngày "
        f"{format_date(period.reference_date)})",
        "period": period.code,
        "period_name": period.name,
        "statuses": [SubmissionStatus.APPROVED.value],
        "url": drilldown,
        "records": [
            {
                "label": s.unit.name,
                "url": reverse("reporting:submission", args=[form.code, period.code, s.unit.code]),
            }
            for s in approved
        ],
    }
    figures = []
    fields = {f.code: f for f in form.fields.all()}
    for code, value in result.fields.items():
        field = fields[code]
        word = AGGREGATION_WORDS.get(field.aggregation, "Tổng")
        source = {
            **base,
            "what": f"{word} chỉ tiêu «{field.label}» ({code}) của biểu mẫu "
            f"{form.code} trên các báo cáo đã duyệt",
        }
        figures.append(
            number(
                f"{prefix}.{code}",
                labels.get(code, field.label),
                value,
                source=source,
                section=section,
            )
        )
    for indicator in form.indicators.all():
        computed = result.indicators[indicator.code]
        source = {
            **base,
            "what": f"«{indicator.name}» = ({indicator.numerator}) ÷ ({indicator.denominator}) "
            f"× {indicator.factor.normalize():f}, tính trên tổng tử số và tổng mẫu số, "
            f"{indicator.decimals} chữ số thập phân, "
            f"{'cắt bớt' if indicator.rounding == 'truncate' else 'làm tròn'}",
        }
        figures.append(
            Figure(
                f"{prefix}.{indicator.code}",
                labels.get(indicator.code, indicator.name),
                computed.value,
                computed.display,
                source,
                section,
            )
        )
    c = result.completeness
    counts = {
        "expected": (c.expected, "Số đơn vị phải báo cáo", "được giao biểu mẫu, còn hiệu lực"),
        "submitted": (c.submitted, "Số đơn vị đã báo cáo", "đã gửi hoặc đã được duyệt"),
        "approved": (c.approved, "Số đơn vị có báo cáo đã duyệt", "đã được duyệt"),
    }
    for key, (value, label, how) in counts.items():
        source = {**base, "what": f"Số đơn vị {how}, biểu mẫu {form.code}"}
        if key != "approved":
            source["statuses"] = (
                [] if key == "expected" else [SubmissionStatus.SUBMITTED.value, "approved"]
            )
        figures.append(
            number(f"{prefix}.{key}", labels.get(key, label), value, source=source, section=section)
        )
    return figures
