from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import bootstrap
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role
from tuyengiao.orgs.models import OrgUnit


def admin_units(actor):
    """Units the actor administers. Closed units stay: late figures of past periods still
    need a reporter there."""
    return OrgUnit.objects.visible_to(actor, access.ADMIN).order_by(
        F("valid_to").desc(nulls_first=True), "sort_name"
    )


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        if unit.valid_to:
            closed = _("closed after %(date)s") % {"date": unit.valid_to.strftime("%d/%m/%Y")}
            return f"{unit.name} ({unit.code}, {closed})"
        return f"{unit.name} ({unit.code})"


class AccountForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class NewAccountForm(AccountForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    unit = UnitChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    role = forms.ChoiceField(label=_("Role"), required=False)
    field_order = ["full_name", "username", "email", "phone", "title", "unit", "role"]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = admin_units(actor)
        self.fields["role"].choices = [("", _("(no role yet)")), *Role.choices]


class GrantRoleForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------"), *Role.choices])

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = admin_units(actor)
        bootstrap(self)


class OtpForm(forms.Form):
    token = forms.CharField(
        label=_("Verification code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)
