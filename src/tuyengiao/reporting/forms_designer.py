"""Forms of the form designer pages: the model's fields, styled; the services check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import VNDateField, bootstrap
from tuyengiao.orgs import catalogues
from tuyengiao.orgs.choices import UnitKind

from .models import Field, Form, Indicator, ValidationRule


class FormBasics(forms.ModelForm):
    class Meta:
        model = Form
        fields = [
            "code",
            "name",
            "owner",
            "period_type",
            "deadline_days",
            "approval_required",
            "approval_levels",
            "approver_must_differ",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True
        if user is not None and not user.is_superuser:
            self.fields["owner"].queryset = catalogues.admin_units(user).vi_ordered()
            self.fields["owner"].required = True
        bootstrap(self)

    def validate_unique(self):
        pass  # the service says it in Vietnamese


class FieldForm(forms.ModelForm):
    class Meta:
        model = Field
        fields = [
            "code",
            "label",
            "help",
            "type",
            "required",
            "min_value",
            "max_value",
            "warn_min",
            "warn_max",
            "change_warning_pct",
            "aggregation",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class RuleForm(forms.ModelForm):
    class Meta:
        model = ValidationRule
        fields = ["left", "operator", "right", "severity", "message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["code", "name", "numerator", "denominator", "factor", "decimals", "rounding"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class AssignForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=40, help_text=_("e.g. 2024, 2024Q1"))
    unit = forms.CharField(label=_("Units under (code)"), max_length=40)
    kind = forms.ChoiceField(
        label=_("Kind of units"),
        required=False,
        choices=[("", _("Every kind"))] + list(UnitKind.choices),
    )
    deadline = VNDateField(label=_("Deadline"), required=False)  # dd/mm/yyyy, any browser

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)
