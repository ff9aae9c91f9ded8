"""Accounts: who a user is in the department, and the sessions they have open.

Django's User keeps the login; `Account` adds what the department needs to run it without
an engineer: the unit the account belongs to (its admin manages it), phone, title and the
"change the temporary password first" flag. Roles stay in `orgs.Membership`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.models import TimeStamped
from tuyengiao.orgs import access


class Account(TimeStamped):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account",
        verbose_name=_("user"),
    )
    # The unit whose admins manage this account (list, roles, reset, deactivate).
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="accounts", verbose_name=_("unit")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    must_change_password = models.BooleanField(_("must change password"), default=False)

    objects = access.scoped_queryset("unit").as_manager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self):
        return self.user.get_full_name() or self.user.username


class UserSession(models.Model):
    """A login's session, so that its owner can see and end it (Django's table has no user)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tracked_sessions",
        verbose_name=_("user"),
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(_("logged in at"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")
        ordering = ["-last_seen"]

    def __str__(self):
        return f"{self.user} @ {self.ip_address}"
