from django import forms
from django.conf import settings
from django.core.validators import RegexValidator, slug_re
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.bounds import max_for
from tuyengiao.core.forms import VNIntegerField, VNNumberInput, bootstrap
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from .models import Channel, ChannelStat


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["name", "code", "platform", "unit", "url", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "code": _("Short identifier used in figures and URLs, e.g. cot-co-thu-ngu."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.visible_to(user, access.CHANGE).vi_ordered()
        # Django's slug message is English («Enter a valid “slug” …»): say it in Vietnamese.
        self.fields["code"].validators = [
            RegexValidator(
                slug_re,
                message=_(
                    "«Code»: «%(value)s» — use only letters without accents, digits, hyphens "
                    "or underscores, e.g. cot-co-thu-ngu."
                ),
            )
        ]
        bootstrap(self)

    def validate_unique(self):
        pass  # the service says it in Vietnamese


COLUMN = {
    "posts": _("Posts, month %(month)s"),
    "interactions": _("Interactions, month %(month)s"),
}


class MonthGridForm(forms.Form):
    """Twelve rows of posts and interactions; a month left blank has no figures."""

    def __init__(self, *args, year, stats, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        for month, stat in enumerate(stats, start=1):
            for name in ("posts", "interactions"):
                self.fields[f"{name}_{month}"] = VNIntegerField(
                    required=False,
                    min_value=0,
                    max_value=max_for(ChannelStat, name),
                    initial=getattr(stat, name) if stat else None,
                    label=COLUMN[name] % {"month": month},
                    widget=VNNumberInput(attrs={"class": "form-control form-control-sm num"}),
                )

    def rows(self):
        for month in range(1, 13):
            yield month, self[f"posts_{month}"], self[f"interactions_{month}"]

    def clean(self):
        data = super().clean()
        for month in range(1, 13):
            posts, interactions = data.get(f"posts_{month}"), data.get(f"interactions_{month}")
            fields_ok = (
                f"posts_{month}" not in self.errors and f"interactions_{month}" not in self.errors
            )
            if fields_ok and (posts is None) != (interactions is None):
                missing = "interactions" if interactions is None else "posts"
                self.add_error(
                    f"{missing}_{month}",
                    _("Month %(month)s/%(year)s: enter both posts and interactions, or neither.")
                    % {"month": month, "year": self.year},
                )
        return data

    def months(self):
        data = self.cleaned_data
        result = {}
        for month in range(1, 13):
            posts, interactions = data.get(f"posts_{month}"), data.get(f"interactions_{month}")
            result[(self.year, month)] = (
                None if posts is None and interactions is None else (posts, interactions)
            )
        return result


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file exported by the platform"),
        help_text=_(
            "Columns date (daily rows, summed into months) or month, posts, interactions; "
            "UTF-8, comma or semicolon separated; at most %(mb)s MB."
        )
        % {"mb": settings.MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".csv,text/csv"}),
    )
