from django import forms

from tuyengiao.core.forms import bootstrap
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from .models import Assessment, Initiative


class InitiativeForm(forms.ModelForm):
    class Meta:
        model = Initiative
        fields = ["name", "unit", "start_year", "end_year", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.visible_to(user, access.CHANGE).vi_ordered()
        bootstrap(self)

    def _post_clean(self):
        pass  # the rules between fields are the service's, with Vietnamese messages


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["year", "status", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)

    def _post_clean(self):
        pass  # one assessment per year: the service rewrites the year's assessment
