"""One's own account: password, sessions, API token, two-factor login."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.sessions.models import Session
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from rest_framework.authtoken.models import Token

from tuyengiao.core import audit, confirm
from tuyengiao.core.errors import DomainError
from tuyengiao.core.forms import bootstrap
from tuyengiao.orgs.access import memberships

from . import services, twofactor
from .authentication import expires_at, is_expired
from .forms import OtpForm
from .models import Account, UserSession


def _next(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse_lazy(default)


@login_required
def me(request):
    user = request.user
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    token = Token.objects.filter(user=user).first()
    context = {
        "account": Account.objects.filter(user=user).select_related("unit").first(),
        "memberships": memberships(user),
        "sessions": UserSession.objects.filter(user=user, session_key__in=live),
        "current_key": request.session.session_key,
        "token": token,
        "token_expires": expires_at(token) if token else None,
        "token_expired": bool(token and is_expired(token)),
        "otp_enrolled": twofactor.enrolled(user),
        "otp_required": twofactor.required_for(user),
        "codes_left": twofactor.recovery_codes_left(user),
    }
    return render(request, "accounts/me.html", context)


@login_required
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    bootstrap(form)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_password(
                actor=request.user,
                new_password=form.cleaned_data["new_password1"],
                keep_session=request.session.session_key,
            )
        except DomainError as exc:
            form.add_error("new_password1", exc.message)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, _("Your password has been changed."))
            return redirect(_next(request, "accounts:me"))
    must = Account.objects.filter(user=request.user, must_change_password=True).exists()
    return render(
        request,
        "accounts/password_change.html",
        {"form": form, "must": must, "next": request.GET.get("next", "")},
    )


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """The one-time link's page: a new password, then log in (tokens end with the old one)."""

    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("login")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        bootstrap(form)
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        account = Account.objects.filter(user=form.user).first()
        if account is not None:
            account.must_change_password = False
            account.save(update_fields=["must_change_password", "updated_at"])
        services.end_all_sessions(form.user)
        audit.record(form.user, "account.password_change", account or form.user, via="reset_link")
        messages.success(self.request, _("Your password has been changed. Please log in."))
        return response


@login_required
@require_POST
def session_end(request, pk):
    session = get_object_or_404(UserSession, pk=pk, user=request.user)
    services.end_session(actor=request.user, session=session)
    messages.success(request, _("The session has been ended."))
    return redirect("accounts:me")


def _token_question(request):
    return _("Revoke your API token? Scripts using it stop working until they get a new one.")


def _otp_question(request):
    if twofactor.required_for(request.user):
        return None  # refused anyway, with its own message
    return _("Turn off two-factor login for your account?")


@login_required
@require_POST
@confirm.asks(_token_question)
def token_revoke(request):
    if services.revoke_token(actor=request.user):
        messages.success(request, _("The API token has been revoked."))
    return redirect("accounts:me")


@login_required
def otp_verify(request):
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("The code is wrong or has expired."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next(request)})


@login_required
def otp_enrol(request):
    if twofactor.enrolled(request.user):
        return redirect("accounts:me")
    device = twofactor.pending_totp(request.user)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = twofactor.new_recovery_codes(request.user)
            otp_login(request, device)
            audit.record(request.user, "account.otp_enrol", request.user)
            return _codes_page(request, codes, _next(request))
        form.add_error("token", _("The code is wrong or has expired."))
    context = {
        "form": form,
        "qr": twofactor.qr_svg(device),
        "secret": twofactor.secret_base32(device),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/otp_enrol.html", context)


@login_required
@require_POST
def otp_codes(request):
    if not twofactor.enrolled(request.user):
        return redirect("accounts:me")
    codes = twofactor.new_recovery_codes(request.user)
    audit.record(request.user, "account.otp_codes", request.user)
    return _codes_page(request, codes, "")


def _codes_page(request, codes, next_url):
    response = render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})
    add_never_cache_headers(response)  # shown once
    return response


@login_required
@require_POST
@confirm.asks(_otp_question)
def otp_disable(request):
    if twofactor.required_for(request.user):
        messages.error(request, _("Your role requires two-factor login; it cannot be turned off."))
    else:
        twofactor.remove_all(request.user)
        audit.record(request.user, "account.otp_disable", request.user)
        messages.success(request, _("Two-factor login is turned off."))
    return redirect("accounts:me")


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked username and address (AXES_LOCKOUT_CALLABLE)."""
    from axes.helpers import get_cool_off, get_failure_limit

    if request.path.startswith("/api/"):
        from .api import locked_detail

        return JsonResponse({"detail": locked_detail()}, status=429)
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "lockout_minutes": int(cool_off.total_seconds() // 60) if cool_off else "—",
    }
    return render(request, "accounts/lockout.html", context, status=429)
