"""Figures for the year-end report: each term target's value in the year and whether it is met."""

from tuyengiao.core.figures import Figure
from tuyengiao.orgs.access import subtree_q

from . import services
from .models import Target

SECTION = "targets"


def year_figures(unit, year: int) -> list[Figure]:
    """Targets of terms of the unit's subtree that cover `year`."""
    targets = (
        Target.objects.filter(
            subtree_q(unit.path, "term__unit"),
            term__start_year__lte=year,
            term__end_year__gte=year,
        )
        .select_related("term__unit", "indicator__form")
        .prefetch_related("manual_values")
        .order_by("term__start_year", "term_id", "order", "id")
    )
    measurer = services.Measurer()
    figures = []
    for target in targets:
        measured = measurer.measure(target, year)
        source = {**measured.source, "url": target.get_absolute_url()}
        wanted = target.comparison_display
        figures += [
            Figure(
                f"targets.{target.pk}.value",
                f"{target.text} (chỉ tiêu {wanted})",
                measured.value,
                measured.display,
                source,
                SECTION,
            ),
            Figure(
                f"targets.{target.pk}.status",
                f"Đánh giá chỉ tiêu: {target.text}",
                None,
                services.STATUS_VI[measured.status],
                source,
                SECTION,
            ),
        ]
    return figures
