"""Initiative verbs: create, edit, assess a year; and the count of initiatives of a year."""

from __future__ import annotations

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery

from tuyengiao.core import audit
from tuyengiao.core.errors import ValidationFailed
from tuyengiao.orgs import access

from .choices import AssessmentStatus
from .models import Assessment, Initiative

FIELDS = ["name", "unit", "start_year", "end_year", "description"]
MIN_YEAR, MAX_YEAR = 1930, 2200
NO_CHANGE = "Bạn không có quyền ghi mô hình của đơn vị «{unit}»."


def check(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    name = (data.get("name") or "").strip()
    if not name:
        errors["name"] = ["Tên mô hình không được để trống."]
    start, end = data.get("start_year"), data.get("end_year")
    for field, label, value in [
        ("start_year", "Năm bắt đầu", start),
        ("end_year", "Năm kết thúc", end),
    ]:
        if value is not None and not MIN_YEAR <= value <= MAX_YEAR:
            errors.setdefault(field, []).append(
                f"{label} ({value}) phải trong khoảng {MIN_YEAR}–{MAX_YEAR}."
            )
    if start is None:
        errors.setdefault("start_year", []).append("Năm bắt đầu không được để trống.")
    elif end is not None and end < start:
        errors.setdefault("end_year", []).append(
            f"Năm kết thúc ({end}) không được trước năm bắt đầu ({start})."
        )
    return errors


@transaction.atomic
def create_initiative(*, actor, **data) -> Initiative:
    access.require(actor, access.CHANGE, data["unit"], NO_CHANGE)
    errors = check(data)
    if errors:
        raise ValidationFailed(errors)
    initiative = Initiative.objects.create(**{k: v for k, v in data.items() if k in FIELDS})
    audit.record(actor, "initiative.create", initiative)
    return initiative


@transaction.atomic
def update_initiative(initiative: Initiative, *, actor, **data) -> Initiative:
    access.require(actor, access.CHANGE, initiative.unit, NO_CHANGE)
    merged = {f: getattr(initiative, f) for f in FIELDS}
    merged.update({k: v for k, v in data.items() if k in FIELDS})
    access.require(actor, access.CHANGE, merged["unit"], NO_CHANGE)
    errors = check(merged)
    outside = Q(year__lt=merged["start_year"] or 0)
    if merged["end_year"] is not None:
        outside |= Q(year__gt=merged["end_year"])
    years = sorted(initiative.assessments.filter(outside).values_list("year", flat=True))
    if years:
        errors.setdefault("start_year", []).append(
            f"Đã có đánh giá năm {', '.join(map(str, years))} nằm ngoài thời gian thực hiện "
            "mới; hãy sửa hoặc xóa các đánh giá đó trước."
        )
    if errors:
        raise ValidationFailed(errors)
    changed = sorted(k for k in FIELDS if getattr(initiative, k) != merged[k])
    for key in changed:
        setattr(initiative, key, merged[key])
    initiative.save()
    audit.record(actor, "initiative.update", initiative, changed=changed)
    return initiative


@transaction.atomic
def assess(initiative: Initiative, *, actor, year: int, status: str, text: str) -> Assessment:
    """Write (or rewrite) the assessment of `year`."""
    access.require(actor, access.CHANGE, initiative.unit, NO_CHANGE)
    errors: dict[str, list[str]] = {}
    if not initiative.is_active_in(year or 0):
        end = initiative.end_year or "nay"
        errors["year"] = [
            f"Năm đánh giá ({year}) phải trong thời gian thực hiện mô hình "
            f"({initiative.start_year}–{end})."
        ]
    if status not in AssessmentStatus.values:
        errors["status"] = [f"Trạng thái «{status}» không hợp lệ."]
    if not (text or "").strip():
        errors["text"] = ["Nội dung đánh giá không được để trống."]
    if errors:
        raise ValidationFailed(errors)
    assessment, created = Assessment.objects.update_or_create(
        initiative=initiative, year=year, defaults={"status": status, "text": text.strip()}
    )
    audit.record(
        actor,
        "initiative.assess",
        initiative,
        year=year,
        status=status,
        replaced=not created,
    )
    return assessment


def with_status(initiatives, year: int):
    """Annotate each initiative with the status and text of its `year` assessment."""
    of_year = Assessment.objects.filter(initiative=OuterRef("pk"), year=year)
    return initiatives.annotate(
        year_status=Subquery(of_year.values("status")[:1]),
        year_text=Subquery(of_year.values("text")[:1]),
    )
