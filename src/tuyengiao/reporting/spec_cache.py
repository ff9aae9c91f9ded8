"""The form's spec (fields, parsed rules and indicators) kept per process and reused while
the form's `updated_at` in the database is the same (issue 17): one query instead of three
and no re-parsing per save or rollup. Any change to a field, rule or indicator moves the
form's `updated_at`, so every process builds the spec again; a spec built in a transaction
that was rolled back is keyed by a time that no committed row has."""

from __future__ import annotations

import threading

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models import Field, Form, Indicator, ValidationRule

_specs: dict[int, tuple] = {}
_lock = threading.Lock()
_STATE = ("fields", "by_code", "rules", "indicators")


def _stamp(form):
    return Form.objects.filter(pk=form.pk).values_list("updated_at", flat=True).first()


def restore(spec, form, stamp=None) -> bool:
    """Fill `spec` from the kept copy when the form has not changed since; False if not.
    `stamp`: the form's `updated_at` just read from the database by the caller's own
    statement (the write path reads it with its lock), saving the look-up."""
    if not form.pk:
        return False
    kept = _specs.get(form.pk)
    if stamp is None:
        stamp = _stamp(form)
    spec._stamp = stamp
    if kept is None or stamp is None or kept[0] != stamp:
        return False
    for name, value in zip(_STATE, kept[1], strict=True):
        setattr(spec, name, value)
    spec.form = form
    return True


def keep(spec, form) -> None:
    stamp = getattr(spec, "_stamp", None)
    if form.pk and stamp is not None:
        with _lock:
            _specs[form.pk] = (stamp, tuple(getattr(spec, name) for name in _STATE))


def _changed(sender, instance, **kwargs):
    if instance.form_id:
        Form.objects.filter(pk=instance.form_id).update(updated_at=timezone.now())
        _specs.pop(instance.form_id, None)


for _model in (Field, ValidationRule, Indicator):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"spec_cache_{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"spec_del_{_model.__name__}")
