"""Figures for the year-end report: «khen thưởng 5 tập thể và 10 cá nhân», per programme."""

from tuyengiao.core.figures import Figure, number

from . import services
from .models import Commendation

SECTION = "awards"


def year_figures(unit, year: int) -> list[Figure]:
    """Programmes for the work of `year` conferred by the unit or a unit below it."""
    programmes = (
        Commendation.objects.in_subtree(unit)
        .filter(year=year)
        .with_counts()
        .select_related("unit", "decision")
        .order_by("name", "id")
    )
    figures = []
    for programme in programmes:
        source = {
            "what": f"Số người được khen thưởng trong đợt «{programme.name}» "
            f"({programme.decision or 'chưa gắn quyết định'})",
            "units": f"{programme.unit.code} (đơn vị khen thưởng)",
            "period": str(year),
            "url": programme.get_absolute_url(),
        }
        prefix = f"awards.{programme.pk}"
        figures += [
            number(
                f"{prefix}.collectives",
                f"Số tập thể được khen thưởng — {programme.name}",
                programme.n_collectives,
                source=source,
                section=SECTION,
            ),
            number(
                f"{prefix}.individuals",
                f"Số cá nhân được khen thưởng — {programme.name}",
                programme.n_individuals,
                source=source,
                section=SECTION,
            ),
            Figure(
                f"{prefix}.summary",
                f"Khen thưởng — {programme.name}",
                None,
                services.summary(programme.n_collectives, programme.n_individuals),
                source,
                SECTION,
            ),
        ]
    return figures
