"""Form helpers shared by the apps' pages."""

from django import forms


def bootstrap(form: forms.BaseForm) -> None:
    """Give every widget its Bootstrap 5 class (selects, checkboxes and the rest differ)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif not isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-control")
