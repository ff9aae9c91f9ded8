"""What the benchmark loads on top of the synthetic tree, and the queries it times.

The loading is bulk (a year of approved HT-NQ submissions for 52.105 units is 52.105
submissions and 208.420 values); the timed calls are the reporting engine's own services,
the ones the pages, the API and the command use.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from timing import measure

from tuyengiao.orgs.choices import Role, UnitKind
from tuyengiao.orgs.models import Membership, OrgUnit
from tuyengiao.reporting import rollup, services
from tuyengiao.reporting.choices import FieldType, Operator, PeriodType, SubmissionStatus
from tuyengiao.reporting.models import (
    Field,
    Form,
    Indicator,
    Submission,
    ValidationRule,
    Value,
)

FORM_CODE = "HT-NQ"
FIELDS = [
    ("members_total", "Tổng số đảng viên"),
    ("members_required", "Số đảng viên phải học tập"),
    ("members_attended", "Số đảng viên tham gia học tập"),
    ("non_members_attended", "Số quần chúng, đoàn viên, hội viên tham gia"),
]
IMPORT_ROWS = 5000


def _form() -> Form:
    """HT-NQ as the demo defines it (the demo itself is District 1, not loaded here)."""
    form, created = Form.objects.get_or_create(
        code=FORM_CODE,
        defaults={"name": "Học tập, quán triệt nghị quyết", "period_type": PeriodType.YEAR},
    )
    if created:
        for order, (code, label) in enumerate(FIELDS):
            Field.objects.create(
                form=form, code=code, label=label, type=FieldType.INTEGER, min_value=0, order=order
            )
        for order, (left, right) in enumerate(
            [("members_attended", "members_required"), ("members_required", "members_total")]
        ):
            ValidationRule.objects.create(
                form=form, left=left, operator=Operator.LE, right=right, order=order
            )
        Indicator.objects.create(
            form=form,
            code="participation_rate",
            name="Tỷ lệ đảng viên tham gia học tập",
            numerator="members_attended",
            denominator="members_required",
        )
    return form


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
    values = []
    for submission in submissions:
        for code, number in _figures(rng).items():
            values.append(Value(submission=submission, field=fields[code], number=Decimal(number)))
    Value.objects.bulk_create(values, batch_size=10000)
    return len(submissions), len(values)


def load(tree, *, started, step) -> dict:
    user = _user(tree)
    form = _form()
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
    step(f"{count} approved submissions, {values} values", started)
    return {
        "user": user,
        "form": form,
        "period": period,
        "notes": [
            f"Data: form HT-NQ, period 2022, {count:,} approved submissions, "
            f"{values:,} values.".replace(",", ".")
        ],
    }


def run(tree, setup: dict, *, repeat: int):
    form, period = setup["form"], setup["period"]
    root = tree.root
    province = OrgUnit.objects.get(code=tree.province_codes[0])
    commune = OrgUnit.objects.get(code=tree.commune_codes[0])

    def rate(unit):
        return lambda: rollup.rollup(form, unit, period).indicators["participation_rate"]

    return [
        measure("participation rate rollup, root (52.105 units)", rate(root), repeat=repeat),
        measure("participation rate rollup, one province", rate(province), repeat=repeat),
        measure("participation rate rollup, one commune", rate(commune), repeat=repeat),
    ]
