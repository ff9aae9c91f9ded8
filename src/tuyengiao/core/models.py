from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .actors import SYSTEM


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One row per service verb (submit, approve, merge …), written inside its transaction.

    Field-level history of records is kept by django-simple-history; this table answers
    "who did what, when and why" across the whole system.
    """

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    unit = models.ForeignKey(
        "orgs.OrgUnit",  # a string: resolved by the app registry, no import (ADR 0015)
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit"),
    )
    data = models.JSONField(_("details"), default=dict, blank=True)

    # Who sees which event is the access rule's (orgs.audit_filters.visible_events). The
    # unit is named by its label, not imported: the ground floor knows no domain app (ADR 0015).

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # The object page lists its own events: "history of this submission".
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.verb} {self.object_repr}"

    @property
    def actor_display(self) -> str:
        """Who acted: the user's name, or «Hệ thống» for SYSTEM (stored as no user)."""
        if self.actor is None:
            return str(SYSTEM)
        return self.actor.get_full_name() or self.actor.username
