"""Single saves and deletes that move the kept totals, wherever the verb that makes them
lives: a submission's status, an assignment, a unit's validity (a reorganisation).
Bulk verbs call totals.refresh_units themselves."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from tuyengiao.orgs.models import OrgUnit

from . import totals
from .models import Assignment, Submission

VALIDITY = {"valid_from", "valid_to"}


@receiver(post_save, sender=Submission, dispatch_uid="totals_submission_saved")
def _submission_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"updated_at"}):
        return  # a draft touched before its figures are stored: nothing counted moves
    if created and instance.status not in totals.COUNTED:
        return
    totals.refresh(instance)


@receiver(post_delete, sender=Submission, dispatch_uid="totals_submission_deleted")
@receiver(post_delete, sender=Assignment, dispatch_uid="totals_assignment_deleted")
def _deleted(sender, instance, origin=None, **kwargs):
    # Deleted with its form (cascade): the totals go with the form.
    if isinstance(origin, sender) or getattr(origin, "model", None) is sender:
        totals.refresh_units(instance.form_id, instance.period, [instance.unit_id])


@receiver(post_save, sender=Assignment, dispatch_uid="totals_assignment_saved")
def _assignment_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        totals.refresh_units(instance.form_id, instance.period, [instance.unit_id])


@receiver(post_save, sender=OrgUnit, dispatch_uid="totals_unit_validity")
def _unit_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or created or (update_fields is not None and not VALIDITY & set(update_fields)):
        return
    totals.refresh_unit_everywhere(instance.pk)


def _fill_after_migrate(sender, app_config=None, using="default", **kwargs):
    """A database migrated to the kept totals fills them once (after every migration, so
    with the live models' columns)."""
    from .models import Total

    if app_config is None or app_config.label != "reporting":
        return
    if Total.objects.using(using).exists() or not Assignment.objects.using(using).exists():
        return
    for form_id, period in totals.pairs():
        totals.rebuild(form_id, period)


post_migrate.connect(_fill_after_migrate, dispatch_uid="totals_fill_after_migrate")
