"""Account policy on every request: session lifetimes, then the steps a login must finish.

After the password, a login may still owe (in this order) its second factor, a new password
in place of a temporary one, and a second-factor enrolment if the user's role requires one.
Until then only the page of that step (and logging out) is reachable; the API answers 403.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import twofactor
from .models import Account, UserSession
from .signals import SESSION_LOGIN_AT, SESSION_SEEN_AT

SEEN_RESOLUTION = 60  # seconds: note activity at most once a minute (one write, not one a hit)


class AccountPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._exempt(request.path):
            response = self._session_expired(request) or self._pending_step(request)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        return path.startswith((settings.STATIC_URL, settings.MEDIA_URL, reverse("logout")))

    def _session_expired(self, request):
        session, now = request.session, time.time()
        login_at = session.setdefault(SESSION_LOGIN_AT, now)
        seen_at = session.get(SESSION_SEEN_AT, now)
        if (
            now - login_at > settings.SESSION_ABSOLUTE_LIFETIME
            or now - seen_at > settings.SESSION_IDLE_TIMEOUT
        ):
            logout(request)
            messages.info(request, _("Your session has ended. Please log in again."))
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        if SESSION_SEEN_AT not in session or now - seen_at > SEEN_RESOLUTION:
            session[SESSION_SEEN_AT] = now  # a modified session also renews the cookie's age
            UserSession.objects.filter(session_key=session.session_key).update(
                last_seen=timezone.now()
            )
        return None

    def _pending_step(self, request):
        user = request.user
        if twofactor.enrolled(user) and not user.is_verified():
            step, message = "accounts:otp_verify", None
        elif Account.objects.filter(user=user, must_change_password=True).exists():
            step = "accounts:password_change"
            message = _("Please replace your temporary password before going on.")
        elif twofactor.required_for(user) and not twofactor.enrolled(user):
            step = "accounts:otp_enrol"
            message = _("Your role requires two-factor login. Please set it up now.")
        else:
            return None
        url = reverse(step)
        if request.path == url:
            return None
        if request.path.startswith("/api/"):
            detail = message or _("Two-factor login required.")  # core.api_errors' shape
            return JsonResponse({"detail": detail, "errors": {}}, status=403)
        if message and request.method == "GET":
            messages.warning(request, message)
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
