from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tuyengiao.core import records
from tuyengiao.documents.models import Document
from tuyengiao.reporting.charts import rate_by_unit_chart
from tuyengiao.reporting.rollup import children_breakdown, completeness, rollup
from tuyengiao.reporting.timeliness import timeliness

from . import services
from .forms import CampaignForm
from .models import StudyCampaign


class CampaignView:
    model = StudyCampaign
    unit_field = "organising_unit"


class CampaignList(CampaignView, records.RecordView):
    """Every campaign the user may see, with its units reported and their timeliness
    (no filter, no pages: a handful a year)."""

    template_name = "campaigns/list.html"
    select_related = ("organising_unit", "target_unit", "form", "period")

    def get(self, request, *args, **kwargs):
        rows = [
            (
                c,
                completeness(c.form, c.target_unit, c.period),
                timeliness(c.form, c.target_unit, c.period),
            )
            for c in self.get_queryset()
        ]
        return self.render({"rows": rows, "can_change": self.may_create()})


def _chart(rows, indicator, campaign):
    if indicator is None or len(rows) < 2:
        return None
    ordered = sorted(
        rows,
        key=lambda r: (
            r.indicators[indicator.code].value is None,
            -(r.indicators[indicator.code].value or 0),
        ),
    )
    svg = rate_by_unit_chart(
        [(r.unit.display_name, r.indicators[indicator.code].value) for r in ordered],
        title=f"{indicator.name} — {campaign.period.name}",
        decimals=indicator.decimals,
        percent=indicator.is_percent,
    )
    # Our own matplotlib output (labels escaped by matplotlib), not user HTML.
    return mark_safe(svg.decode("utf-8").split("?>", 1)[-1])  # noqa: S308


class CampaignDetail(CampaignView, records.RecordDetail):
    """The campaign's figures for one unit of its target subtree (`?unit=`, else the
    widest the user may see): completeness, totals, indicators, a chart, the documents."""

    template_name = "campaigns/detail.html"
    context_object_name = "campaign"
    select_related = ("organising_unit", "target_unit", "form", "period")

    def get_object(self, action=None):
        return get_object_or_404(self.get_queryset(action), code=self.kwargs["code"])

    def extra_context(self, campaign):
        root = services.root_for(self.request.user, campaign, self.request.GET.get("unit"))
        if root is None:
            raise Http404
        form, period = campaign.form, campaign.period
        total = rollup(form, root, period)
        rows = children_breakdown(form, root, period)
        indicators = list(form.indicators.all())
        documents = (
            Document.objects.visible_to(self.request.user)
            .with_titles_for(self.request.user)
            .filter(pk__in=campaign.documents.values("pk"))
            .order_by("signed_on")
        )
        return {
            "root": root,
            "total": total,
            "rows": rows,
            "fields": [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"],
            "indicators": indicators,
            "chart": _chart(rows, indicators[0] if indicators else None, campaign),
            "documents": documents,
            "timely": timeliness(form, root, period),
            "submitted_pct": total.completeness.submitted_pct,
            "is_target_root": root.pk == campaign.target_unit_id,
        }


class CampaignCreate(CampaignView, records.RecordEdit):
    """Open a campaign (`services.create_campaign`), or preview the units it would go to.
    Without the change right anywhere the page does not exist (404)."""

    form_class = CampaignForm
    template_name = "campaigns/form.html"
    create_denied = Http404

    def get(self, request, *args, **kwargs):
        if request.method == "POST" and "preview" in request.POST:
            self.get_object()  # the right to open one
            form = self.get_form(None)
            preview = None
            if form.is_valid():
                data = form.cleaned_data
                preview = services.preview_units(
                    data["target_unit"],
                    data["ends_on"],
                    kind=data["target_kind"],
                    units=form.chosen_units(),
                )
            return self.render({"form": form, "preview": preview})
        return super().get(request, *args, **kwargs)

    post = get

    def get_form_kwargs(self, campaign) -> dict:
        return {"user": self.request.user}

    def save(self, form, campaign):
        data = form.cleaned_data
        return services.create_campaign(
            actor=self.request.user,
            code=data["code"],
            name=data["name"],
            organising_unit=data["organising_unit"],
            target_unit=data["target_unit"],
            target_kind=data["target_kind"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            form=data["form"],
            deadline=data["deadline"],
            units=form.chosen_units(),
            document_numbers=data["documents"],
        )

    def get_success_message(self, saved) -> str:
        _campaign, assigned = saved
        return _("Campaign created; the form was assigned to %(n)s more units.") % {"n": assigned}

    def success_url(self, saved) -> str:
        campaign, _assigned = saved
        return reverse("campaigns:detail", args=[campaign.code])
