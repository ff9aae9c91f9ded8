from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import FieldType


class SubmissionForm(forms.Form):
    """One text input per field: values are parsed by the service (Vietnamese number
    formats, rules), so that the web, Excel and API give the same messages."""

    def __init__(self, form_fields, *args, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in form_fields:
            attrs = {"class": "form-control", "autocomplete": "off"}
            if spec.type in (FieldType.INTEGER, FieldType.DECIMAL):
                attrs.update(inputmode="decimal" if spec.type == FieldType.DECIMAL else "numeric")
                attrs["class"] += " text-end"
            if spec.type == FieldType.DATE:
                attrs["placeholder"] = "10/02/2023"
            if read_only:
                attrs["readonly"] = True
                attrs["class"] = attrs["class"].replace("form-control", "form-control-plaintext")
                attrs["class"] += " fw-semibold"
            if spec.type == FieldType.CHOICE:
                widget = forms.Select(
                    choices=[("", "—")] + [(c, c) for c in spec.choice_list],
                    attrs={"class": "form-select", "disabled": read_only or None},
                )
            elif spec.type == FieldType.TEXT:
                widget = forms.Textarea(attrs={**attrs, "rows": 3})
            else:
                widget = forms.TextInput(attrs=attrs)
            self.fields[spec.code] = forms.CharField(
                label=spec.label, help_text=spec.help, required=False, widget=widget
            )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for return"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
