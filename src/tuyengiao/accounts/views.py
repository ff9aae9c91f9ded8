"""Pages where a unit's admin runs the accounts of its subtree (thin: services decide)."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuyengiao.core import audit, confirm, records
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import matches_words
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role
from tuyengiao.orgs.models import Membership, OrgUnit

from . import services
from .forms import AccountForm, GrantRoleForm, NewAccountForm
from .models import Account

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


class AccountView:
    """The accounts of the units the user administers (403 without the admin role)."""

    model = Account

    def get_queryset(self, action=None):
        _require_admin(self.request.user)
        return services.manageable_accounts(self.request.user)


class AccountFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="by_words")

    class Meta:
        model = Account
        fields = []

    def by_words(self, accounts, name, query):
        """Every word, with or without accents, in the username, the name or the unit."""
        query = query.strip()
        if not query:
            return accounts
        found = [
            a.pk
            for a in accounts
            if matches_words(query, f"{a.user.username} {a.user.get_full_name()} {a.unit.name}")
        ]
        return accounts.filter(pk__in=found)


class AccountList(AccountView, records.RecordList):
    filterset_class = AccountFilter
    template_name = "accounts/list.html"

    def records(self, accounts):
        return accounts.order_by("user__username")

    def extra_context(self, accounts) -> dict:
        page = records.paginate(self.request, accounts, self.paginate_by)
        for account in page:
            account.locked = services.is_locked(account.user.username)
        return {"page": page, "query": self.request.GET.get("q", "").strip()}


@login_required
def account_create(request):
    _require_admin(request.user)
    initial = {}
    if code := request.GET.get("unit"):
        initial["unit"] = OrgUnit.objects.filter(code=code).first()
    form = NewAccountForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, created = records.attempt(
            form, lambda: services.create_account(actor=request.user, **data)
        )
        if ok:
            return _password_page(request, *created)
    return render(request, "accounts/form.html", {"form": form, "title": _("New account")})


def _password_page(request, account, password):
    """Shown once: no cache may keep it (nor a Back button show it again)."""
    response = render(
        request, "accounts/password_shown.html", {"account": account, "password": password}
    )
    add_never_cache_headers(response)
    return response


class AccountDetail(AccountView, records.RecordDetail):
    """The account, its roles (each removable where the admin may grant it), the buttons
    of its verbs and its trail."""

    template_name = "accounts/detail.html"
    context_object_name = "account"

    def may_change(self, account) -> bool:
        return True  # every account listed is one the user administers

    def extra_context(self, account) -> dict:
        user = self.request.user
        roles = Membership.objects.filter(user=account.user).select_related("unit")
        for membership in roles:
            membership.removable = services.can_grant(user, membership.role, membership.unit)
        return {
            "roles": roles,
            "grant_form": GrantRoleForm(actor=user),
            "locked": services.is_locked(account.user.username),
            "events": audit.labelled_events(account, AUDIT_LABELS),
        }


class AccountEdit(AccountView, records.RecordEdit):
    """The person's details (`services.update_account`)."""

    form_class = AccountForm
    template_name = "accounts/form.html"
    success_message = gettext_lazy("Saved.")

    def get_form_kwargs(self, account) -> dict:
        user = account.user
        initial = {
            "full_name": user.first_name,
            "email": user.email,
            "phone": account.phone,
            "title": account.title,
        }
        return {"initial": initial}

    def save(self, form, account):
        services.update_account(actor=self.request.user, account=account, **form.cleaned_data)
        return account

    def success_url(self, account) -> str:
        return reverse("accounts:detail", args=[account.pk])

    def extra_context(self, account) -> dict:
        return {"title": str(account)}


def _action_question(request, pk, action):
    if action != "deactivate":
        return None
    _require_admin(request.user)
    user = _account(request, pk).user
    return _(
        "Deactivate the account «%(name)s»? Its sessions and token end at once; "
        "it can be reactivated later."
    ) % {"name": user.get_full_name() or user.username}


@login_required
@require_POST
@confirm.asks(_action_question)
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


def _membership(request, pk, membership_pk):
    _require_admin(request.user)
    account = _account(request, pk)
    membership = get_object_or_404(
        Membership.objects.visible_to(request.user, access.ADMIN),
        pk=membership_pk,
        user=account.user,
    )
    return account, membership


def _role_remove_question(request, pk, membership_pk):
    _membership(request, pk, membership_pk)
    return _("Remove this role? The account keeps its other roles.")


@login_required
@require_POST
@confirm.asks(_role_remove_question)
def role_remove(request, pk, membership_pk):
    account, membership = _membership(request, pk, membership_pk)
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
