from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import Styled
from tuyengiao.orgs.forms import UnitChoiceField, units_for
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Indicator

from .models import ManualValue, Target, Term


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, indicator):
        # The form's name, not its code, and no internal indicator key (participation_rate).
        return f"{indicator.form.name} · {indicator.name}"


class TermForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("unit"))

    class Meta:
        model = Term
        fields = ["unit", "name", "start_year", "end_year"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)


class TargetForm(Styled, forms.ModelForm):
    indicator = IndicatorChoiceField(
        queryset=Indicator.objects.select_related("form").order_by("form__code", "order"),
        required=False,
        empty_label=_("— entered by hand each year —"),
        label=_("measured by indicator"),
    )

    class Meta:
        model = Target
        fields = ["text", "indicator", "comparison", "target_value", "unit_label"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ManualValueForm(Styled, forms.ModelForm):
    class Meta:
        model = ManualValue
        fields = ["year", "value", "note"]
