from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import VNDateField, vietnamese_inputs
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from .choices import Classification, LinkKind
from .models import is_cleared, level


def change_units(user):
    return OrgUnit.objects.filter(access.unit_q(user, access.CHANGE, "")).vi_ordered()


def own_unit_code(user) -> str | None:
    """The unit a specialist usually registers for: the first one they hold CHANGE in."""
    for membership in access.memberships(user):
        if access.CHANGE in access.ROLE_ACTIONS.get(membership.role, ()):
            return membership.unit.code
    return None


class DocumentForm(forms.Form):
    number_text = forms.CharField(
        label=_("Number and symbol"),
        max_length=80,
        help_text=_("As written on the document, e.g. 05-KH/QU."),
    )
    signed_on = VNDateField(label=_("Signing date"))
    registered_on = VNDateField(
        label=_("Registration date"),
        required=False,
        help_text=_("The day the department entered it in its register; empty: today."),
    )
    title = forms.CharField(
        label=_("Title / summary"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    issuing_unit = forms.ModelChoiceField(
        label=_("Issuing unit"), queryset=OrgUnit.objects.none(), to_field_name="code"
    )
    classification = forms.ChoiceField(label=_("Classification"), choices=Classification.choices)
    file = forms.FileField(
        label=_("Attachment (PDF or DOCX)"),
        required=False,
    )
    remove_file = forms.BooleanField(label=_("Remove the attached file"), required=False)
    lowering_reason = forms.CharField(
        label=_("Reason for lowering the classification"),
        max_length=500,
        required=False,
        help_text=_("Required when the classification is lowered; kept in the audit trail."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, user, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.fields["issuing_unit"].queryset = change_units(user)
        self.fields["issuing_unit"].initial = own_unit_code(user)
        self.fields["file"].help_text = gettext(
            "Not stored for classified documents. At most %(mb)s MB."
        ) % {"mb": settings.MAX_UPLOAD_MB}
        if document is not None:
            # The issuing unit decides who sees the document: it is not changed by an edit.
            del self.fields["issuing_unit"]
            if not document.file:
                del self.fields["remove_file"]
            self._limit_to_clearance(user, document)
        else:
            del self.fields["remove_file"]
            del self.fields["lowering_reason"]
        for field in self.fields.values():
            css = "form-check-input" if isinstance(field, forms.BooleanField) else "form-control"
            if isinstance(field, forms.ChoiceField):
                css = "form-select"
            field.widget.attrs.setdefault("class", css)
        vietnamese_inputs(self)  # dd/mm/yyyy, 1.250 / 27,5, «— Chọn —» (core.forms)

    def _limit_to_clearance(self, user, document) -> None:
        """Without clearance a classified document's title is neither shown nor changed, and
        its classification can be kept or raised, never lowered (the service checks it too)."""
        if not document.is_classified:
            del self.fields["lowering_reason"]
            return
        if is_cleared(user):
            return
        del self.fields["title"]
        del self.fields["lowering_reason"]
        self.fields["classification"].choices = [
            (value, label)
            for value, label in Classification.choices
            if level(value) >= level(document.classification)
        ]
        self.fields["classification"].help_text = _(
            "Only a user cleared for classified documents may lower the classification."
        )

    def clean(self):
        data = super().clean()
        if (
            "lowering_reason" in self.fields
            and data.get("classification")
            and level(data["classification"]) < level(self.document.classification)
            and not (data.get("lowering_reason") or "").strip()
        ):
            self.add_error(
                "lowering_reason",
                _("Give the reason for lowering the classification from %(old)s to %(new)s.")
                % {
                    "old": self.document.get_classification_display(),
                    "new": Classification(data["classification"]).label,
                },
            )
        return data


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Relation"), choices=LinkKind.choices)
    target = forms.CharField(
        label=_("Linked document (number)"),
        max_length=80,
        help_text=_("The number of the document this one implements, guides, amends …"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs["class"] = "form-select"
        self.fields["target"].widget.attrs["class"] = "form-control"


class ImportForm(forms.Form):
    issuing_unit = forms.ModelChoiceField(
        label=_("Issuing unit"), queryset=OrgUnit.objects.none(), to_field_name="code"
    )
    file = forms.FileField(label=_("Register file (.xlsx or .csv)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = change_units(user)
        self.fields["issuing_unit"].initial = own_unit_code(user)
        self.fields["issuing_unit"].widget.attrs["class"] = "form-select"
        self.fields["file"].widget.attrs["class"] = "form-control"
        vietnamese_inputs(self)
