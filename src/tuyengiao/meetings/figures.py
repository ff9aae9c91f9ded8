"""Figures for the year-end report: the year's tasks, and next year's («Phương hướng, nhiệm vụ»).

A report on `year` is written at the conference held early in year + 1, whose conclusions
set that year's tasks; so "next year's tasks" are those due in year + 1 from conferences
hosted in the unit's subtree.
"""

from django.db.models import Count, Q
from django.urls import reverse

from tuyengiao.core.figures import Figure, number
from tuyengiao.orgs.access import subtree_q

from .choices import TaskStatus
from .models import Task

SECTION = "tasks"


def _tasks(unit, due_year: int):
    return Task.objects.filter(
        subtree_q(unit.path, "conclusion__conference__unit"), due_date__year=due_year
    )


def year_figures(unit, year: int) -> list[Figure]:
    url = reverse("meetings:tasks")
    source = {
        "what": f"Nhiệm vụ giao từ kết luận các hội nghị do {unit.name} và đơn vị trực thuộc chủ trì",
        "units": f"{unit.code} (cây đơn vị)",
    }
    counts = _tasks(unit, year).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
    )
    this_year = {**source, "period": f"hạn hoàn thành năm {year}", "url": f"{url}?year={year}"}
    figures = [
        number(
            "tasks.due",
            "Số nhiệm vụ đến hạn trong năm",
            counts["total"],
            source=this_year,
            section=SECTION,
        ),
        number(
            "tasks.done",
            "Số nhiệm vụ đã hoàn thành",
            counts["done"],
            source={**this_year, "statuses": [TaskStatus.DONE.value]},
            section=SECTION,
        ),
    ]
    upcoming = list(_tasks(unit, year + 1).select_related("unit").order_by("due_date", "id"))
    next_source = {
        **source,
        "period": f"hạn hoàn thành năm {year + 1}",
        "url": f"{url}?year={year + 1}",
    }
    figures.append(
        number(
            "tasks.next.count",
            f"Số nhiệm vụ năm {year + 1}",
            len(upcoming),
            source=next_source,
            section=SECTION,
        )
    )
    for index, task in enumerate(upcoming, start=1):
        figures.append(
            Figure(
                id=f"tasks.next.{index}",
                label=f"{task.title} ({task.unit.name}, hạn {task.due_date:%d/%m/%Y})",
                value=None,
                display=task.title,
                source={**next_source, "url": task.get_absolute_url()},
                section=SECTION,
            )
        )
    return figures
