"""Pages where a unit's admin runs the accounts of its subtree (thin: services decide)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import matches_words
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role
from tuyengiao.orgs.models import Membership, OrgUnit

from . import services
from .forms import AccountForm, GrantRoleForm, NewAccountForm

AUDIT_LABELS = {
    "account.create": _("created the account"),
    "account.update": _("changed the details"),
    "account.deactivate": _("deactivated"),
    "account.reactivate": _("reactivated"),
    "account.temporary_password": _("issued a temporary password"),
    "account.reset_link": _("sent a password reset link"),
    "account.password_change": _("changed the password"),
    "account.unlock": _("lifted the login lockout"),
}


def _require_admin(user):
    if not access.has_role_action(user, access.ADMIN):
        raise PermissionDenied


def _account(request, pk):
    return get_object_or_404(services.manageable_accounts(request.user), pk=pk)


@login_required
def account_list(request):
    _require_admin(request.user)
    accounts = services.manageable_accounts(request.user).order_by("user__username")
    query = request.GET.get("q", "").strip()
    if query:
        accounts = [
            a
            for a in accounts
            if matches_words(query, f"{a.user.username} {a.user.get_full_name()} {a.unit.name}")
        ]
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    for account in page:
        account.locked = services.is_locked(account.user.username)
    return render(request, "accounts/list.html", {"page": page, "query": query})


@login_required
def account_create(request):
    _require_admin(request.user)
    initial = {}
    if code := request.GET.get("unit"):
        initial["unit"] = OrgUnit.objects.filter(code=code).first()
    form = NewAccountForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, password = services.create_account(actor=request.user, **data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return _password_page(request, account, password)
    return render(request, "accounts/form.html", {"form": form, "title": _("New account")})


def _password_page(request, account, password):
    """Shown once: no cache may keep it (nor a Back button show it again)."""
    response = render(
        request, "accounts/password_shown.html", {"account": account, "password": password}
    )
    add_never_cache_headers(response)
    return response


@login_required
def account_detail(request, pk):
    _require_admin(request.user)
    account = _account(request, pk)
    roles = Membership.objects.filter(user=account.user).select_related("unit")
    for membership in roles:
        membership.removable = services.can_grant(request.user, membership.role, membership.unit)
    context = {
        "account": account,
        "roles": roles,
        "grant_form": GrantRoleForm(actor=request.user),
        "locked": services.is_locked(account.user.username),
        "events": audit.labelled_events(account, AUDIT_LABELS),
    }
    return render(request, "accounts/detail.html", context)


@login_required
def account_edit(request, pk):
    _require_admin(request.user)
    account = _account(request, pk)
    user = account.user
    initial = {
        "full_name": user.first_name,
        "email": user.email,
        "phone": account.phone,
        "title": account.title,
    }
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_account(actor=request.user, account=account, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:detail", account.pk)
    return render(request, "accounts/form.html", {"form": form, "title": str(account)})


@login_required
@require_POST
def account_action(request, pk, action):
    """The buttons of the account page: one service verb each."""
    _require_admin(request.user)
    account = _account(request, pk)
    try:
        if action == "grant":
            form = GrantRoleForm(request.POST, actor=request.user)
            if not form.is_valid():
                raise DomainError(
                    " ".join(f"{form[f].label}: {m}" for f, ms in form.errors.items() for m in ms)
                )
            services.grant_role(actor=request.user, account=account, **form.cleaned_data)
            messages.success(request, _("Role granted."))
        elif action == "deactivate":
            services.deactivate(actor=request.user, account=account)
            messages.success(
                request, _("The account is deactivated; its sessions and token ended.")
            )
        elif action == "reactivate":
            services.reactivate(actor=request.user, account=account)
            messages.success(request, _("The account is active again."))
        elif action == "unlock":
            services.unlock(actor=request.user, account=account)
            messages.success(request, _("The login lockout is lifted."))
        elif action == "reset-link":
            services.send_reset_link(
                actor=request.user, account=account, base_url=request.build_absolute_uri("/")
            )
            messages.success(
                request, _("A one-time link was sent to %(email)s.") % {"email": account.user.email}
            )
        elif action == "temporary-password":
            password = services.set_temporary_password(actor=request.user, account=account)
            return _password_page(request, account, password)
        else:
            raise PermissionDenied
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("accounts:detail", account.pk)


@login_required
@require_POST
def role_remove(request, pk, membership_pk):
    _require_admin(request.user)
    account = _account(request, pk)
    membership = get_object_or_404(
        Membership.objects.visible_to(request.user, access.ADMIN),
        pk=membership_pk,
        user=account.user,
    )
    try:
        services.revoke_role(actor=request.user, membership=membership)
        messages.success(request, _("Role removed."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("accounts:detail", account.pk)


@login_required
def unit_roles(request, code):
    """Who holds which role on a unit: directly, and through a unit above it."""
    unit = get_object_or_404(OrgUnit.objects.visible_to(request.user, access.ADMIN), code=code)
    ancestors = unit.ancestor_paths(include_self=False)
    memberships = Membership.objects.select_related("user", "unit").order_by(
        "role", "user__username"
    )
    context = {
        "unit": unit,
        "direct": memberships.filter(unit=unit),
        # Roles from above reach this unit too; shown only where the viewer administers them.
        "inherited": memberships.filter(unit__path__in=ancestors)
        .filter(access.unit_q(request.user, access.ADMIN))
        .exclude(role=Role.REPORTER),
    }
    return render(request, "accounts/unit_roles.html", context)
