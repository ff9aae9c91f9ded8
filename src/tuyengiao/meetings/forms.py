from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import Styled, VNDateField, VNDateInput
from tuyengiao.orgs import access
from tuyengiao.orgs.forms import UnitChoiceField, units_for
from tuyengiao.orgs.models import OrgUnit

from .choices import TaskStatus
from .models import Conclusion, Conference, Delegate, Presentation, Task

DATE = VNDateInput()  # dd/mm/yyyy whatever the browser's language


class ConferenceForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("host unit"))

    class Meta:
        model = Conference
        fields = ["kind", "title", "date", "place", "unit"]
        widgets = {"date": DATE, "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)


class DelegateForm(Styled, forms.ModelForm):
    class Meta:
        model = Delegate
        fields = ["name", "title", "unit_name"]


class PresentationForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("presenting unit"))

    class Meta:
        model = Presentation
        fields = ["unit", "title"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user, access.VIEW)


class ConclusionForm(Styled, forms.ModelForm):
    class Meta:
        model = Conclusion
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class TaskForm(Styled, forms.ModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("assignee unit"))

    class Meta:
        model = Task
        fields = ["title", "unit", "due_date"]
        widgets = {"due_date": DATE, "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, many=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)
        if many:  # a new task may go to several units at once, each reporting on its own
            self.fields["also_units"] = forms.ModelMultipleChoiceField(
                queryset=units_for(user),
                required=False,
                label=_("also assign to"),
                help_text=_("Hold Ctrl (or ⌘) to choose several units; each gets its own task."),
                widget=forms.SelectMultiple(attrs={"size": 8, "class": "form-select"}),
            )


class ProgressForm(Styled, forms.Form):
    date = VNDateField(label=_("date"))
    text = forms.CharField(label=_("progress"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label=_("status"), choices=TaskStatus.choices)

    def __init__(self, *args, task, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate(), "status": task.status})
        super().__init__(*args, **kwargs)
