"""Forms of the reorganisation pages (every one carries the date, reason and decision), and the
unit choice the record pages' forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import VNDateField, bootstrap

from . import access
from .choices import UnitKind
from .models import OrgUnit


class DecisionForm(forms.Form):
    date = VNDateField(label=_("Effective date"))  # dd/mm/yyyy whatever the browser's language
    reason = forms.CharField(label=_("Reason"), max_length=200)
    document = forms.CharField(
        label=_("Decision document"),
        max_length=200,
        help_text=_("Number and title, e.g. Quyết định 12-QĐ/QU"),
    )

    def __init__(self, *args, unit, **kwargs):
        self.unit = unit
        super().__init__(*args, **kwargs)
        bootstrap(self)


class RenameForm(DecisionForm):
    code = forms.CharField(label=_("New code"), max_length=40)
    name = forms.CharField(label=_("New name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    field_order = ["name", "short_name", "code"]


class CloseForm(DecisionForm):
    pass


class OpenForm(DecisionForm):
    code = forms.CharField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    field_order = ["name", "short_name", "code", "kind"]


class UnitChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.name} ({unit.code})"


class MergeForm(DecisionForm):
    others = UnitChoice(
        label=_("Merge with"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    into = forms.ModelChoiceField(
        label=_("Into an existing unit"),
        queryset=None,
        required=False,
        empty_label=_("(a new unit)"),
    )
    new_code = forms.CharField(label=_("Code of the new unit"), max_length=40, required=False)
    new_name = forms.CharField(label=_("Name of the new unit"), max_length=255, required=False)
    carry_children = forms.BooleanField(
        label=_("Subordinate units go on under the merged unit"), required=False, initial=True
    )
    field_order = ["others", "into", "new_code", "new_name", "carry_children"]

    def __init__(self, *args, unit, siblings, **kwargs):
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["others"].queryset = siblings
        self.fields["into"].queryset = siblings
        self.fields["into"].label_from_instance = lambda u: f"{u.name} ({u.code})"

    def clean(self):
        data = super().clean()
        if not data.get("into") and not (data.get("new_code") and data.get("new_name")):
            raise forms.ValidationError(
                _("Choose an existing unit, or give the code and the name of the new unit.")
            )
        return data


class SplitForm(DecisionForm):
    successors = forms.CharField(
        label=_("New units"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: CODE=Name, at least two."),
    )

    def __init__(self, *args, unit, children, **kwargs):
        super().__init__(*args, unit=unit, **kwargs)
        self.children = children
        for child in children:
            self.fields[f"child_{child.pk}"] = forms.CharField(
                label=child.name,
                required=False,
                help_text=_("Code of the new unit it goes to; empty: it closes."),
            )
        bootstrap(self)

    def clean_successors(self):
        pairs = []
        for number, line in enumerate(self.cleaned_data["successors"].splitlines(), start=1):
            if not line.strip():
                continue
            code, sep, name = line.partition("=")
            if not sep or not code.strip() or not name.strip():
                raise forms.ValidationError(
                    _("Line %(n)s «%(line)s» is not CODE=Name.")
                    % {"n": number, "line": line.strip()}
                )
            pairs.append((code.strip(), name.strip()))
        if len(pairs) < 2:
            raise forms.ValidationError(_("A split needs at least two new units."))
        return pairs

    def assignments(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for child in self.children:
            target = (self.cleaned_data.get(f"child_{child.pk}") or "").strip()
            if target:
                result.setdefault(target, []).append(child.code)
        return result


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (.xlsx or .csv)"),
        help_text=_("Columns: code, name, kind, parent, valid_from (dd/mm/yyyy)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


# --- choosing a unit on a record's form (meetings, awards, targets …) -----------------------
def units_for(user, action=access.CHANGE):
    """The units the user may act for, in Vietnamese order: a form never offers a sibling's."""
    return OrgUnit.objects.visible_to(user, action).vi_ordered()


class UnitChoiceField(forms.ModelChoiceField):
    """A unit by its name, with the day it closed when it has."""

    def label_from_instance(self, unit):
        return f"{unit.name} (đến {unit.valid_to:%d/%m/%Y})" if unit.valid_to else unit.name


def visible_units(request):
    """A filter bar's units (`queryset=visible_units`): only those the user may see, so the
    choice list never reveals a sibling's name."""
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()
