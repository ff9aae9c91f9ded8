from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import bootstrap
from tuyengiao.orgs import access, catalogues
from tuyengiao.orgs.models import OrgUnit

from .models import TrainingClass, TrainingKind


class TrainingClassForm(forms.ModelForm):
    """Field types only; the rules between fields are the service's (rules.check)."""

    class Meta:
        model = TrainingClass
        fields = [
            "kind",
            "name",
            "unit",
            "start_date",
            "end_date",
            "place",
            "target_group",
            "planned",
            "attended",
            "completed",
            "excellent",
            "good",
            "passed",
            "failed",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.visible_to(user, access.CHANGE).vi_ordered()
        self.fields["kind"].queryset = TrainingKind.objects.all()
        for name in ("planned", "attended", "completed", "excellent", "good", "passed", "failed"):
            self.fields[name].widget.attrs["class"] = "form-control text-end"
        bootstrap(self)  # numbers read as 1.250 / 27,5 and dates as dd/mm/yyyy (core.forms)

    def _post_clean(self):
        # Model validation (constraints) would repeat the service's rules in English.
        pass


class KindForm(forms.ModelForm):
    class Meta:
        model = TrainingKind
        fields = ["code", "name", "decimals", "rounding", "owner"]
        labels = {"code": _("code")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not user.is_superuser:
            # A kind is owned by a unit the user administers; a system kind stays the system's.
            self.fields["owner"].queryset = catalogues.admin_units(user).vi_ordered()
            self.fields["owner"].required = True
        bootstrap(self)
