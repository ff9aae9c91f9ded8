"""Account verbs: a unit's admin runs the accounts of its subtree; everyone runs their own.

Scope: an account belongs to a unit (`Account.unit`); whoever holds the admin action on that
unit (its subtree's admins, up to the city) manages it, nobody else sees it. A role can be
granted only on a unit of the actor's admin scope, and only if the actor holds on that unit
every action the role gives (nobody hands out more than they have).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.authtoken.models import Token

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role
from tuyengiao.orgs.models import Membership, OrgUnit

from .models import Account, UserSession

User = get_user_model()
# No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen.
_TEMP_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def manageable_accounts(actor):
    return Account.objects.visible_to(actor, access.ADMIN).select_related("user", "unit")


def can_grant(actor, role: str, unit: OrgUnit) -> bool:
    actions = access.ROLE_ACTIONS.get(role)
    if actions is None or not access.can(actor, access.ADMIN, unit):
        return False
    return all(access.can(actor, action, unit) for action in actions)


def ensure_account(user, unit: OrgUnit, *, title: str = "") -> Account:
    """The account row of an existing user (demo loader, users made in the Django admin)."""
    account, _ = Account.objects.get_or_create(user=user, defaults={"unit": unit, "title": title})
    return account


def _check_manageable(actor, account: Account) -> None:
    if not access.can(actor, access.ADMIN, account.unit):
        raise DomainError("Bạn không quản lý tài khoản này.")


def _check_unit(actor, unit: OrgUnit) -> None:
    if not access.can(actor, access.ADMIN, unit):
        raise DomainError(f"Bạn không có quyền quản trị đơn vị «{unit}».", field="unit")


def temporary_password() -> str:
    raw = get_random_string(12, _TEMP_CHARS)
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


@transaction.atomic
def create_account(
    *,
    actor,
    unit: OrgUnit,
    username: str,
    full_name: str,
    email: str = "",
    phone: str = "",
    title: str = "",
    role: str = "",
) -> tuple[Account, str]:
    """A new account with a temporary password (returned, shown once, changed at first login)."""
    _check_unit(actor, unit)
    username = username.strip()
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError as exc:
        raise DomainError(
            f"Tên đăng nhập «{username}» chỉ được gồm chữ, số và các ký tự @ . + - _.",
            field="username",
        ) from exc
    if not username or User.objects.filter(username__iexact=username).exists():
        raise DomainError(f"Tên đăng nhập «{username}» đã có người dùng.", field="username")
    if not full_name.strip():
        raise DomainError("Họ và tên không được để trống.", field="full_name")
    _check_email(email)
    if role and not can_grant(actor, role, unit):
        raise DomainError(f"Bạn không được giao vai trò này tại «{unit}».", field="role")
    password = temporary_password()
    user = User.objects.create_user(
        username, email=email.strip(), password=password, first_name=full_name.strip()
    )
    account = Account.objects.create(
        user=user, unit=unit, phone=phone.strip(), title=title.strip(), must_change_password=True
    )
    audit.record(actor, "account.create", account, unit=unit, username=username)
    if role:
        grant_role(actor=actor, account=account, unit=unit, role=role)
    return account, password


def _check_email(email: str) -> None:
    if not email.strip():
        return
    try:
        validate_email(email.strip())
    except ValidationError as exc:
        raise DomainError(f"Thư điện tử «{email}» không đúng dạng.", field="email") from exc


@transaction.atomic
def update_account(
    *, actor, account: Account, full_name: str, email: str, phone: str, title: str
) -> Account:
    _check_manageable(actor, account)
    if not full_name.strip():
        raise DomainError("Họ và tên không được để trống.", field="full_name")
    _check_email(email)
    user = account.user
    user.first_name, user.email = full_name.strip(), email.strip()
    user.save(update_fields=["first_name", "email"])
    account.phone, account.title = phone.strip(), title.strip()
    account.save(update_fields=["phone", "title", "updated_at"])
    audit.record(actor, "account.update", account, unit=account.unit)
    return account


@transaction.atomic
def grant_role(*, actor, account: Account, unit: OrgUnit, role: str) -> Membership:
    _check_manageable(actor, account)
    if role not in Role.values:
        raise DomainError(f"Vai trò «{role}» không hợp lệ.", field="role")
    if not can_grant(actor, role, unit):
        label = Role(role).label
        raise DomainError(
            f"Bạn không được giao vai trò «{label}» tại «{unit}»: đơn vị ngoài phạm vi quản trị "
            "của bạn hoặc vai trò cao hơn quyền của bạn.",
            field="role",
        )
    membership, created = Membership.objects.get_or_create(
        user=account.user, unit=unit, role=role, defaults={"title": account.title}
    )
    if not created:
        raise DomainError(f"Tài khoản đã có vai trò này tại «{unit}».", field="role")
    audit.record(
        actor, "membership.add", membership, unit=unit, role=role, user=account.user.username
    )
    return membership


@transaction.atomic
def revoke_role(*, actor, membership: Membership) -> None:
    if not can_grant(actor, membership.role, membership.unit):
        raise DomainError(f"Bạn không được gỡ vai trò này tại «{membership.unit}».")
    audit.record(
        actor,
        "membership.remove",
        membership,
        unit=membership.unit,
        role=membership.role,
        user=membership.user.username,
    )
    membership.delete()


def end_all_sessions(user, *, keep: str | None = None) -> int:
    tracked = UserSession.objects.filter(user=user)
    if keep:
        tracked = tracked.exclude(session_key=keep)
    keys = list(tracked.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    tracked.delete()
    return len(keys)


@transaction.atomic
def deactivate(*, actor, account: Account) -> None:
    _check_manageable(actor, account)
    if account.user_id == actor.pk:
        raise DomainError("Không thể tự khóa tài khoản của chính mình.")
    user = account.user
    user.is_active = False
    user.save(update_fields=["is_active"])  # the signal revokes tokens and sessions
    audit.record(actor, "account.deactivate", account, unit=account.unit)


@transaction.atomic
def reactivate(*, actor, account: Account) -> None:
    _check_manageable(actor, account)
    user = account.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.record(actor, "account.reactivate", account, unit=account.unit)


@transaction.atomic
def set_temporary_password(*, actor, account: Account) -> str:
    """A new password shown once to the admin; the user must change it at the next login."""
    _check_manageable(actor, account)
    password = temporary_password()
    account.user.set_password(password)
    account.user.save(update_fields=["password"])
    account.must_change_password = True
    account.save(update_fields=["must_change_password", "updated_at"])
    end_all_sessions(account.user)
    audit.record(actor, "account.temporary_password", account, unit=account.unit)
    return password


@transaction.atomic
def send_reset_link(*, actor, account: Account, base_url: str) -> str:
    """E-mail a one-time link (Django's token: void once the password changes or on expiry)."""
    _check_manageable(actor, account)
    user = account.user
    if not user.email:
        raise DomainError("Tài khoản chưa có thư điện tử, hãy cấp mật khẩu tạm.", field="email")
    if not user.is_active:
        raise DomainError("Tài khoản đang bị khóa, hãy mở khóa trước.")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = base_url.rstrip("/") + reverse("accounts:reset_confirm", args=[uid, token])
    days = settings.PASSWORD_RESET_TIMEOUT // 86400 or 1
    send_mail(
        "Đặt lại mật khẩu hệ thống Tuyên giáo",
        f"Chào {user.get_full_name() or user.username},\n\n"
        f"Quản trị viên đã yêu cầu đặt lại mật khẩu cho tài khoản «{user.username}».\n"
        f"Mở liên kết sau (dùng được một lần, trong {days} ngày) để đặt mật khẩu mới:\n\n"
        f"{link}\n\nNếu bạn không cần đặt lại, hãy bỏ qua thư này.",
        None,
        [user.email],
    )
    audit.record(actor, "account.reset_link", account, unit=account.unit)
    return link


@transaction.atomic
def change_password(*, actor, new_password: str, keep_session: str | None = None) -> None:
    """The actor's own new password: checked by the validators, tokens and other sessions end."""
    try:
        validate_password(new_password, actor)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="new_password1") from exc
    actor.set_password(new_password)
    actor.save(update_fields=["password"])  # the signal revokes the API token
    Account.objects.filter(user=actor).update(must_change_password=False)
    end_all_sessions(actor, keep=keep_session)
    account = Account.objects.filter(user=actor).first()
    audit.record(
        actor, "account.password_change", account or actor, unit=getattr(account, "unit", None)
    )


@transaction.atomic
def revoke_token(*, actor) -> bool:
    deleted, _ = Token.objects.filter(user=actor).delete()
    if deleted:
        audit.record(actor, "account.token_revoke", actor)
    return bool(deleted)


@transaction.atomic
def end_session(*, actor, session: UserSession) -> None:
    if session.user_id != actor.pk:
        raise DomainError("Phiên đăng nhập không thuộc về bạn.")
    Session.objects.filter(session_key=session.session_key).delete()
    audit.record(actor, "account.session_end", actor, ip=session.ip_address)
    session.delete()


@transaction.atomic
def unlock(*, actor, account: Account) -> int:
    """Lift the lockout of this username from every address (django-axes)."""
    from axes.utils import reset

    _check_manageable(actor, account)
    count = reset(username=account.user.username)
    audit.record(actor, "account.unlock", account, unit=account.unit)
    return count


def is_locked(username: str) -> bool:
    """Locked from at least one address now (attempts older than the cool-off are void)."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt
    from django.utils import timezone

    attempts = AccessAttempt.objects.filter(
        username=username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.exists()
