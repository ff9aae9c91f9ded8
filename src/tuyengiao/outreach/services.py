"""Channel verbs, the monthly figures (by hand or from the platform's CSV) and yearly totals."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Sum

from tuyengiao.core import audit, bounds
from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.orgs import access

from . import csv_import
from .models import Channel, ChannelStat

CHANNEL_FIELDS = ["code", "name", "platform", "unit", "url", "note"]
MIN_YEAR, MAX_YEAR = 1990, 2200
NO_CREATE = "Bạn không có quyền tạo kênh thông tin của đơn vị «{unit}»."
NO_EDIT = "Bạn không có quyền sửa kênh thông tin của đơn vị «{unit}»."
NO_MOVE = "Bạn không có quyền chuyển kênh thông tin sang của đơn vị «{unit}»."
NO_FIGURES = "Bạn không có quyền nhập số liệu kênh thông tin của đơn vị «{unit}»."


@transaction.atomic
def create_channel(*, actor, **data) -> Channel:
    access.require(actor, access.CHANGE, data["unit"], NO_CREATE)
    if Channel.objects.filter(code=data["code"]).exists():
        raise ValidationFailed({"code": [f"Mã kênh «{data['code']}» đã được dùng."]})
    channel = Channel.objects.create(**{k: v for k, v in data.items() if k in CHANNEL_FIELDS})
    audit.record(actor, "channel.create", channel)
    return channel


@transaction.atomic
def update_channel(channel: Channel, *, actor, **data) -> Channel:
    access.require(actor, access.CHANGE, channel.unit, NO_EDIT)
    if "unit" in data:
        access.require(actor, access.CHANGE, data["unit"], NO_MOVE)
    code = data.get("code", channel.code)
    if Channel.objects.filter(code=code).exclude(pk=channel.pk).exists():
        raise ValidationFailed({"code": [f"Mã kênh «{code}» đã được dùng."]})
    changed = sorted(k for k in CHANNEL_FIELDS if k in data and getattr(channel, k) != data[k])
    for key in changed:
        setattr(channel, key, data[key])
    channel.save()
    audit.record(actor, "channel.update", channel, changed=changed)
    return channel


def check_months(months: dict) -> list[str]:
    """Rules of monthly figures: a real month, whole non-negative counts."""
    errors = []
    for (year, month), counts in sorted(months.items()):
        label = f"Tháng {month:02d}/{year}"
        if not (MIN_YEAR <= year <= MAX_YEAR) or not (1 <= month <= 12):
            errors.append(f"{label}: tháng không hợp lệ (năm {MIN_YEAR}–{MAX_YEAR}, tháng 1–12).")
            continue
        if counts is None:
            continue
        for name, field, value in zip(
            ("bài viết", "lượt tương tác"), ("posts", "interactions"), counts, strict=True
        ):
            problem = bounds.count_problem(value, bounds.max_for(ChannelStat, field))
            if problem:
                errors.append(f"{label}, số {name}: {problem}")
    return errors


@transaction.atomic
def save_months(channel: Channel, months: dict, *, actor, source: str = "form") -> int:
    """Write (year, month) -> (posts, interactions); None clears that month. All or nothing."""
    access.require(actor, access.CHANGE, channel.unit, NO_FIGURES)
    errors = check_months(months)
    if errors:
        raise ValidationFailed(errors)
    written = 0
    for (year, month), counts in sorted(months.items()):
        if counts is None:
            ChannelStat.objects.filter(channel=channel, year=year, month=month).delete()
            continue
        posts, interactions = counts
        ChannelStat.objects.update_or_create(
            channel=channel,
            year=year,
            month=month,
            defaults={"posts": posts, "interactions": interactions},
        )
        written += 1
    audit.record(
        actor,
        "channel.stats",
        channel,
        source=source,
        months=[f"{m:02d}/{y}" for (y, m), c in sorted(months.items()) if c is not None],
        cleared=[f"{m:02d}/{y}" for (y, m), c in sorted(months.items()) if c is None],
    )
    return written


def import_csv(channel: Channel, raw: bytes, *, actor) -> dict:
    """Parse the platform's CSV export and save its months; nothing is saved on any error."""
    access.require(actor, access.CHANGE, channel.unit, NO_FIGURES)
    months = csv_import.parse(raw)
    save_months(channel, months, actor=actor, source="csv")
    return months


def monthly(channel: Channel, year: int) -> list[ChannelStat | None]:
    """Twelve entries, None where the month has no figures."""
    by_month = {s.month: s for s in channel.stats.filter(year=year)}
    return [by_month.get(month) for month in range(1, 13)]


def yearly_totals(channels, year: int) -> dict[int, dict]:
    """Channel id -> {"months", "posts", "interactions"} summed in SQL."""
    rows = (
        ChannelStat.objects.filter(channel__in=channels, year=year)
        .order_by()
        .values("channel")
        .annotate(months=Count("pk"), posts=Sum("posts"), interactions=Sum("interactions"))
    )
    return {row.pop("channel"): row for row in rows}


def channel_year(channel: Channel, year: int) -> dict:
    return yearly_totals(Channel.objects.filter(pk=channel.pk), year).get(
        channel.pk, {"months": 0, "posts": 0, "interactions": 0}
    )


def parse_year(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(f"Năm «{value}» ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.", field="year")
    return year
