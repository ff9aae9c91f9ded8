from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import VNDateField, vietnamese_inputs
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Form

BY_KIND, ONE_BY_ONE = "kind", "units"


class CampaignForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("e.g. HT-TW456-2022"))
    name = forms.CharField(label=_("Name"), max_length=400)
    organising_unit = forms.ModelChoiceField(
        label=_("Organising unit"), queryset=OrgUnit.objects.none(), to_field_name="code"
    )
    target_unit = forms.ModelChoiceField(
        label=_("Target units: the subtree of"),
        queryset=OrgUnit.objects.none(),
        to_field_name="code",
    )
    choose = forms.ChoiceField(
        label=_("Which units report"),
        choices=[
            (BY_KIND, _("Every unit of the chosen kind in the subtree")),
            (ONE_BY_ONE, _("Units chosen one by one")),
        ],
        initial=BY_KIND,
        required=False,
        widget=forms.RadioSelect,
    )
    target_kind = forms.ChoiceField(
        label=_("Kind of target units"), choices=UnitKind.choices, initial=UnitKind.GRASSROOTS
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units chosen one by one"),
        queryset=OrgUnit.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = VNDateField(label=_("Starts on"))
    ends_on = VNDateField(label=_("Ends on"))
    form = forms.ModelChoiceField(
        label=_("Reporting form"), queryset=Form.objects.all(), to_field_name="code"
    )
    deadline = VNDateField(
        label=_("Reporting deadline"),
        required=False,
        help_text=_("Empty: the form's usual number of days after the campaign ends."),
    )
    documents = forms.CharField(
        label=_("Documents studied"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Numbers separated by commas or lines, e.g. 21-KL/TW, 37-QĐi/TW"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(access.unit_q(user, access.CHANGE, "")).vi_ordered()
        self.fields["organising_unit"].queryset = units
        self.fields["target_unit"].queryset = units
        # Units under the user's own: the ones a campaign can be given to.
        self.fields["units"].queryset = (
            OrgUnit.objects.filter(access.unit_q(user, access.CHANGE, ""))
            .exclude(pk__in=[m.unit_id for m in access.memberships(user)])
            .vi_ordered()
        )
        for name, field in self.fields.items():
            if name in ("choose", "units"):
                continue
            select = isinstance(field, forms.ChoiceField)
            field.widget.attrs["class"] = "form-select" if select else "form-control"
        vietnamese_inputs(self)  # dd/mm/yyyy, 1.250 / 27,5, «— Chọn —» (core.forms)

    def clean(self):
        data = super().clean()
        if data.get("choose") == ONE_BY_ONE and not data.get("units"):
            self.add_error("units", _("Tick at least one unit."))
        return data

    def chosen_units(self):
        """The units ticked one by one, or None when the kind in the subtree decides."""
        if self.cleaned_data.get("choose") != ONE_BY_ONE:
            return None
        return list(self.cleaned_data["units"])
