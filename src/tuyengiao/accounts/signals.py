"""Credentials follow the account: a new password or a deactivation ends tokens and sessions,
whichever path made the change (these pages, the Django admin, `changepassword`)."""

import time

from django.contrib.auth import get_user_model, user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from .models import UserSession

SESSION_LOGIN_AT = "tg_login_at"
SESSION_SEEN_AT = "tg_seen_at"


@receiver(post_save, sender=get_user_model())
def _revoke_on_password_change_or_deactivation(sender, instance, created, **kwargs):
    if created:
        return
    # AbstractBaseUser.save() keeps the new raw password in _password until after saving.
    if getattr(instance, "_password", None) is not None or not instance.is_active:
        Token.objects.filter(user=instance).delete()
    if not instance.is_active:
        from .services import end_all_sessions

        end_all_sessions(instance)


@receiver(user_logged_in)
def _track_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    if session.session_key is None:
        session.save()
    now = time.time()
    session[SESSION_LOGIN_AT] = now
    session[SESSION_SEEN_AT] = now
    meta = getattr(request, "META", {})
    UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "ip_address": meta.get("REMOTE_ADDR") or None,
            "user_agent": meta.get("HTTP_USER_AGENT", "")[:300],
        },
    )


@receiver(user_logged_out)
def _forget_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()


def _membership_saved(sender, instance, created, **kwargs):
    """A role given elsewhere (the Django admin, a script) still leaves a manageable account."""
    if created:
        from .services import ensure_account

        ensure_account(instance.user, instance.unit, title=instance.title)


post_save.connect(_membership_saved, sender="orgs.Membership", dispatch_uid="accounts.membership")
