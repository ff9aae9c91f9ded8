"""Hand-written SQL scans of exactly the rows a rollup needs when read from the values:
the yardstick each engine query is timed beside (not through the ORM)."""

from __future__ import annotations

from django.db import connection

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Assignment, Submission, Value

TOP = "Z" * 255


def _tables():
    q = connection.ops.quote_name
    return (
        q(Value._meta.db_table),
        q(Submission._meta.db_table),
        q(Assignment._meta.db_table),
        q(OrgUnit._meta.db_table),
    )


def _unit_filter(alias: str) -> str:
    return (
        f"{alias}.path >= %s AND {alias}.path <= %s "
        f"AND ({alias}.valid_from IS NULL OR {alias}.valid_from <= %s) "
        f"AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= %s)"
    )


def scan(form, period, unit, *, by_child: bool = False) -> list:
    """The approved values, the assignments and the submissions of `unit`'s subtree:
    summed by field (and by child with `by_child`), counted by status."""
    value, submission, assignment, org = _tables()
    date = period.reference_date
    top = unit.path + TOP[: 255 - len(unit.path)]
    unit_params = [unit.path, top, date, date]
    child = f"SUBSTR(u.path, 1, {OrgUnit.steplen * (unit.depth + 1)})"
    group = f"{child}, " if by_child else ""
    depth = f"AND u.depth > {unit.depth} " if by_child else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {group}v.field_id, SUM(v.number), COUNT(v.number) FROM {value} v "
            f"JOIN {submission} s ON s.id = v.submission_id JOIN {org} u ON u.id = s.unit_id "
            f"WHERE s.form_id = %s AND s.period_id = %s AND s.status = 'approved' "
            f"AND {_unit_filter('u')} {depth}GROUP BY {group}v.field_id",
            [form.pk, period.pk, *unit_params],
        )
        rows = cursor.fetchall()
        cursor.execute(
            f"SELECT {group}COUNT(*) FROM {assignment} a JOIN {org} u ON u.id = a.unit_id "
            f"WHERE a.form_id = %s AND a.period_id = %s AND {_unit_filter('u')} {depth}"
            + (f"GROUP BY {child}" if by_child else ""),
            [form.pk, period.pk, *unit_params],
        )
        rows += cursor.fetchall()
        cursor.execute(
            f"SELECT {group}s.status, COUNT(*) FROM {submission} s "
            f"JOIN {org} u ON u.id = s.unit_id "
            f"WHERE s.form_id = %s AND s.period_id = %s AND {_unit_filter('u')} {depth}"
            f"GROUP BY {group}s.status",
            [form.pk, period.pk, *unit_params],
        )
        rows += cursor.fetchall()
    return rows
