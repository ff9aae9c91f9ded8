"""Experiments: what would make the national rollup faster, measured on the same data.

Not the engine's code paths (those are timed in scenarios.run); each variant here answers
one question for bench/RESULTS.md:

1. path range instead of LIKE: SQLite cannot use the path index for Django's
   `path__startswith` (LIKE is case-insensitive there), so every subtree filter scans;
   `path >= p AND path <= p || 'ZZZ…'` uses the index on any database.
2. Sum only: the rollup asks SUM, AVG and MAX of every field; a field needs one of them.
3. A summary table per (form, period, commune path prefix, status, field), kept by the
   submission verbs: the root rollup then adds up about 3.300 × 4 rows, not 208.420.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Sum
from timing import measure

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import rollup
from tuyengiao.reporting.models import Submission, Value

SUMMARY = "bench_rollup_summary"


def _upper(path: str) -> str:
    return path + "Z" * (255 - len(path))


def _range_values(form, unit, period, statuses):
    return Value.objects.filter(
        rollup._valid_unit_q("submission__unit__", period),
        submission__form=form,
        submission__period=period,
        submission__status__in=statuses,
        submission__unit__path__gte=unit.path,
        submission__unit__path__lte=_upper(unit.path),
    )


def _sum_by_field(values):
    return list(values.values("field_id").annotate(total=Sum("number")))


def _build_summary(form, period, prefix_length: int) -> None:
    q = connection.ops.quote_name
    value, submission, unit = (
        Value._meta.db_table,
        Submission._meta.db_table,
        OrgUnit._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {SUMMARY}")
        cursor.execute(
            f"CREATE TABLE {SUMMARY} AS "
            f"SELECT SUBSTR(u.{q('path')}, 1, {prefix_length}) AS prefix, s.{q('status')} AS status,"
            f" v.{q('field_id')} AS field_id, SUM(v.{q('number')}) AS total, COUNT(*) AS n "
            f"FROM {q(value)} v JOIN {q(submission)} s ON v.{q('submission_id')} = s.{q('id')} "
            f"JOIN {q(unit)} u ON s.{q('unit_id')} = u.{q('id')} "
            f"WHERE s.{q('form_id')} = %s AND s.{q('period_id')} = %s "
            "GROUP BY 1, 2, 3",
            [form.pk, period.pk],
        )
        cursor.execute(f"CREATE INDEX {SUMMARY}_prefix ON {SUMMARY} (prefix, status)")
        cursor.execute("ANALYZE")


def _summary_rollup(unit):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT field_id, SUM(total) FROM {SUMMARY} "
            "WHERE prefix >= %s AND prefix <= %s AND status = 'approved' GROUP BY field_id",
            [unit.path, _upper(unit.path)],
        )
        return cursor.fetchall()


def run(tree, setup: dict, *, repeat: int):
    form, period = setup["form"], setup["period"]
    statuses = rollup.counted_statuses(False)
    root = tree.root
    commune = OrgUnit.objects.get(code=tree.commune_codes[0])
    like = "experiment: field sums only, LIKE prefix (as the engine)"
    ranged = "experiment: field sums only, path range"
    timings = [
        measure(
            f"{like}, root",
            lambda: _sum_by_field(rollup._values(form, root, period, statuses)),
            repeat=repeat,
        ),
        measure(
            f"{ranged}, root",
            lambda: _sum_by_field(_range_values(form, root, period, statuses)),
            repeat=repeat,
        ),
        measure(
            f"{like}, commune",
            lambda: _sum_by_field(rollup._values(form, commune, period, statuses)),
            repeat=repeat,
        ),
        measure(
            f"{ranged}, commune",
            lambda: _sum_by_field(_range_values(form, commune, period, statuses)),
            repeat=repeat,
        ),
        measure(
            "experiment: completeness only, root",
            lambda: rollup.completeness(form, root, period),
            repeat=repeat,
        ),
    ]
    commune_prefix = OrgUnit.steplen * commune.depth
    _build_summary(form, period, commune_prefix)
    timings.append(
        measure(
            "experiment: field sums from a per-commune summary table, root",
            lambda: _summary_rollup(root),
            repeat=repeat,
        )
    )
    return timings
