from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import Styled, VNDateInput
from tuyengiao.documents.models import Document
from tuyengiao.orgs import access
from tuyengiao.orgs.forms import UnitChoiceField, units_for
from tuyengiao.orgs.models import OrgUnit

from .models import Commendation, Recipient


class DecisionChoiceField(forms.ModelChoiceField):
    """A decision as «05-QĐ/QU ngày 06/02/2023 — title»; the title as the user may read it."""

    user = None

    def label_from_instance(self, document):
        label = f"{document.number_text} ngày {document.signed_on:%d/%m/%Y}"
        title = document.title_for(self.user)
        return f"{label} — {title[:80] if title else gettext('(classified — title not shown)')}"


class CommendationForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("conferring unit"))
    decision = DecisionChoiceField(
        queryset=Document.objects.none(), required=False, label=_("decision")
    )

    class Meta:
        model = Commendation
        fields = ["name", "year", "unit", "decision", "conferred_on"]
        widgets = {"conferred_on": VNDateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)
        self.fields["decision"].user = user
        # Decisions (QĐ) issued by the units the user records commendations for.
        self.fields["decision"].queryset = (
            Document.objects.visible_to(user)
            .filter(type_code="QĐ", issuing_unit__in=units_for(user, access.CHANGE))
            .order_by("-signed_on", "-sequence")
        )


class CollectiveForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("collective (unit)"))

    class Meta:
        model = Recipient
        fields = ["unit", "reason"]
        widgets = {"reason": forms.TextInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)


class IndividualForm(Styled, forms.ModelForm):
    class Meta:
        model = Recipient
        fields = ["name", "title", "unit_name", "reason"]
        widgets = {"reason": forms.TextInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
