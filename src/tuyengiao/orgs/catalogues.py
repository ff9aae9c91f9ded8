"""Shared catalogues belong to the unit that defined them.

Training kinds, document types, issuers and reporting forms are read by every unit, but
a change to one (a kind's decimals and rounding, a form's fields) changes every unit's
figures. So each row names its `owner` unit, and only a user holding the admin action on
that unit (its own administrators and those above it) may change it — on the pages, in the
Django admin and through the API alike. A row without owner belongs to the system (the
national HD 36 lists of types and issuers): only a superuser changes it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.errors import NotAllowed

from . import access


def owner_field():
    return models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owning unit"),
        help_text=_(
            "The unit that defined this entry: only its administrators change it. "
            "Empty: a system list, changed by the superuser only."
        ),
    )


def may_change(user, owner) -> bool:
    if owner is None:
        return bool(getattr(user, "is_superuser", False) and user.is_active)
    return access.can(user, access.ADMIN, owner)


def require_change(user, entry, what: str) -> None:
    """Raise a Vietnamese NotAllowed unless `user` may change `entry` (or create it)."""
    owner = entry.owner if entry.owner_id else None
    if may_change(user, owner):
        return
    whose = f"của {owner}" if owner else "dùng chung của hệ thống"
    raise NotAllowed(
        f"{what} «{entry}» là danh mục {whose}: chỉ quản trị viên của đơn vị đó (hoặc cấp "
        "trên) được thay đổi.",
        field="owner",
    )


def admin_units(user):
    """The units whose catalogues the user may change (own admin scope)."""
    from .models import OrgUnit

    return OrgUnit.objects.filter(access.unit_q(user, access.ADMIN, ""))


class OwnedCatalogueAdmin:
    """ModelAdmin mixin: the same rule in the Django admin (listing stays open to staff)."""

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj.owner))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj.owner))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner" and not request.user.is_superuser:
            kwargs["queryset"] = admin_units(request.user)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        from django.core.exceptions import PermissionDenied

        try:
            require_change(request.user, obj, str(obj._meta.verbose_name).capitalize())
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        super().save_model(request, obj, form, change)


def give_existing_rows_to_the_root(model_label: str):
    """A data migration: rows defined before owners existed go to the tree's root unit (the
    city committee in the demo), whose administrators kept the right to change them; with no
    single root they stay the system's (superuser only)."""

    def forward(apps, schema_editor):
        OrgUnit = apps.get_model("orgs", "OrgUnit")
        roots = list(OrgUnit.objects.filter(depth=1)[:2])
        if len(roots) == 1:
            apps.get_model(model_label).objects.filter(owner__isnull=True).update(owner=roots[0])

    return forward
