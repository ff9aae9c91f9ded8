"""What the benchmark loads on top of the synthetic tree, and the queries it times.

The loading is bulk (a year of approved HT-NQ submissions for 52.105 units is 52.105
submissions and 208.420 values); the timed calls are the reporting engine's own services,
the ones the pages, the API and the command use.
"""

from __future__ import annotations

import io
import random
from decimal import Decimal

import experiments
import raw
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone
from openpyxl import load_workbook
from results import dots
from timing import measure, measure_beside

from tuyengiao.orgs.choices import Role, UnitKind
from tuyengiao.orgs.models import Membership, OrgUnit
from tuyengiao.reporting import demo, excel, pages, rollup, services, totals
from tuyengiao.reporting.choices import SubmissionStatus
from tuyengiao.reporting.excel_import import import_workbook
from tuyengiao.reporting.models import Submission, Value

IMPORT_ROWS = 5000


def _figures(rng: random.Random) -> dict[str, int]:
    total = rng.randint(20, 400)
    required = total - rng.randint(0, total // 5)
    attended = required - rng.randint(0, required // 10)
    return {
        "members_total": total,
        "members_required": required,
        "members_attended": attended,
        "non_members_attended": rng.randint(0, 300),
    }


def _user(tree):
    user = get_user_model().objects.create_user("bench", password=None)
    Membership.objects.create(user=user, unit=tree.root, role=Role.SPECIALIST)
    return user


@transaction.atomic
def _approved_year(form, period, units, user):
    """One approved submission with four values per unit, in bulk."""
    fields = {item.code: item for item in form.fields.all()}
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        [
            Submission(
                form=form,
                unit_id=unit_id,
                period=period,
                status=SubmissionStatus.APPROVED,
                submitted_by=user,
                submitted_at=now,
                approved_by=user,
                approved_at=now,
            )
            for unit_id in units
        ],
        batch_size=5000,
    )
    rng = random.Random(2022)
    values = [
        (submission.pk, fields[code].pk, Decimal(number), "")
        for submission in submissions
        for code, number in _figures(rng).items()
    ]
    # 208.420 model instances through bulk_create cost a minute; executemany a few seconds.
    q = connection.ops.quote_name
    sql = (
        f"INSERT INTO {q(Value._meta.db_table)} "
        f"({q('submission_id')}, {q('field_id')}, {q('number')}, {q('text')}) "
        "VALUES (%s, %s, %s, %s)"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(values), 20000):
            cursor.executemany(sql, values[start : start + 20000])
    return len(submissions), len(values)


def _import_file(form, period, units) -> bytes:
    """The template of `units` for `period`, every row filled with valid figures."""
    workbook = load_workbook(io.BytesIO(excel.build_template(form, period, units)))
    sheet = workbook[excel.DATA_SHEET]
    codes = [item.code for item in form.fields.all()]
    rng = random.Random(2023)
    for row in range(excel.FIRST_ROW, excel.FIRST_ROW + len(units)):
        figures = _figures(rng)
        for column, code in enumerate(codes, start=excel.FIRST_FIELD_COLUMN):
            sheet.cell(row=row, column=column, value=figures[code])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def load(tree, *, started, step) -> dict:
    user = _user(tree)
    form = demo.ensure_form()  # HT-NQ exactly as the demo defines it
    period = services.get_or_create_period("2022")
    with transaction.atomic():
        assigned = services.assign_form(form, tree.root, period, actor=user)
    started = step(f"{assigned} assignments", started)
    units = list(
        OrgUnit.objects.filter(kind=UnitKind.GRASSROOTS, path__startswith=tree.root.path)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    count, values = _approved_year(form, period, units, user)
    started = step(f"{count} approved submissions, {values} values", started)
    # Loaded past the verbs (executemany): the kept totals are rebuilt once, as
    # `tuyengiao totals rebuild` would.
    rows = totals.rebuild(form, period)
    started = step(f"{rows} kept total rows rebuilt", started)
    # 2023 is open: the import fills the first IMPORT_ROWS units' reports.
    next_period = services.get_or_create_period("2023")
    with transaction.atomic():
        services.assign_form(form, tree.root, next_period, actor=user)
    import_units = list(OrgUnit.objects.filter(pk__in=units[:IMPORT_ROWS]).order_by("path"))
    content = _import_file(form, next_period, import_units)
    step(f"2023 assigned, {len(import_units)}-row template filled", started)
    return {
        "user": user,
        "form": form,
        "period": period,
        "next_period": next_period,
        "import_units": import_units,
        "import_file": content,
        "notes": [
            f"Data: form HT-NQ; period 2022: {dots(count)} approved submissions, "
            f"{dots(values)} values; period 2023 assigned to every unit, empty.",
            f"Import file: {dots(len(import_units))} rows, {dots(len(content) // 1024)} KB.",
        ],
    }


def _import_once(setup):
    upload = SimpleUploadedFile("bench.xlsx", setup["import_file"], content_type=excel.XLSX_MIME)
    with transaction.atomic():
        result = import_workbook(upload, setup["form"], setup["next_period"], actor=setup["user"])
        if not result.ok or len(result.saved) != len(setup["import_units"]):
            raise RuntimeError(f"import failed: {result.messages[:3]}")
        transaction.set_rollback(True)  # the next run imports into the same empty period


def run(tree, setup: dict, *, repeat: int, experiments_too: bool = False):
    """Each engine query beside the raw SQL scan of the rows it would read from the
    values, interleaved; then the import (rolled back after each run)."""
    form, period, user = setup["form"], setup["period"], setup["user"]
    root = tree.root
    province = OrgUnit.objects.get(code=tree.province_codes[0])
    commune = OrgUnit.objects.get(code=tree.commune_codes[0])

    def rate(unit):
        return lambda: rollup.rollup(form, unit, period).indicators["participation_rate"]

    def breakdown(unit):
        return lambda: rollup.children_breakdown(form, unit, period)

    def scan(unit, by_child=False):
        return lambda: raw.scan(form, period, unit, by_child=by_child)

    units = dots(tree.grassroots)
    timings = [
        measure_beside(
            "rollup_root", f"rollup, root ({units} units)", rate(root), scan(root), repeat=repeat
        ),
        measure_beside(
            "rollup_province", "rollup, one province", rate(province), scan(province), repeat=repeat
        ),
        measure_beside(
            "rollup_commune", "rollup, one commune", rate(commune), scan(commune), repeat=repeat
        ),
        measure_beside(
            "breakdown_root",
            "children breakdown, root (34 provinces)",
            breakdown(root),
            scan(root, True),
            repeat=repeat,
        ),
        measure_beside(
            "breakdown_province",
            "children breakdown, one province",
            breakdown(province),
            scan(province, True),
            repeat=repeat,
        ),
        measure(
            "status board rows, one commune",
            lambda: pages.status_rows(user, form, period, commune),
            repeat=repeat,
            key="status_board_commune",
        ),
        measure(
            f"Excel import, {dots(len(setup['import_units']))} rows (check + save drafts)",
            lambda: _import_once(setup),
            repeat=3,
            note="in a transaction rolled back after each run",
            key="excel_import_5000",
        ),
    ]
    if experiments_too:
        timings += experiments.run(tree, setup, repeat=repeat)
    return timings
