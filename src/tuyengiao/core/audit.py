from django.db import models

from .models import AuditEvent


def record(actor, verb: str, obj: models.Model, *, unit=None, **data) -> AuditEvent:
    """Write one audit row; call it inside the service's transaction."""
    if unit is None:
        unit = getattr(obj, "unit", None)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        unit=unit if getattr(unit, "pk", None) else None,
        data={key: _jsonable(value) for key, value in data.items()},
    )


def changes(before: dict, after: dict) -> dict:
    """{"field": {"before": old, "after": new}} for each value that differs: the audit's data."""
    return {
        key: {"before": _jsonable(before.get(key)), "after": _jsonable(after.get(key))}
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
    }


def events_for(obj: models.Model):
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def labelled_events(obj: models.Model, labels: dict, limit: int = 20) -> list:
    """The object's latest audit rows as (event, what happened in words), for a detail page."""
    return [(event, labels.get(event.verb, event.verb)) for event in events_for(obj)[:limit]]
