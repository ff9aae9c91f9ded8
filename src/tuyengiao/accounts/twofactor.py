"""Two-factor login with django-otp: a TOTP app (Google Authenticator, FreeOTP…) plus ten
single-use recovery codes (django-otp's static tokens). The QR code is drawn here as SVG."""

from __future__ import annotations

import io

import segno
from django.conf import settings
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuyengiao.orgs.access import memberships
from tuyengiao.orgs.choices import Role

RECOVERY_CODES = 10


def required_for(user) -> bool:
    """Does one of the user's roles require a second factor (settings.REQUIRE_2FA_ROLES)?"""
    roles = set(settings.REQUIRE_2FA_ROLES)
    if not roles or not user.is_authenticated:
        return False
    if user.is_superuser and Role.ADMIN in roles:
        return True
    return any(m.role in roles for m in memberships(user))


def enrolled(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp(user) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=4, xmldecl=False, svgns=True, title="QR"
    )
    return buffer.getvalue().decode()


def secret_base32(device: TOTPDevice) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode()


def new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def remove_all(user) -> None:
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
