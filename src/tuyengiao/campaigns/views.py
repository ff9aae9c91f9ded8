import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tuyengiao.core.errors import DomainError
from tuyengiao.documents.models import Document
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.charts import rate_by_unit_chart
from tuyengiao.reporting.rollup import children_breakdown, completeness, rollup
from tuyengiao.reporting.timeliness import timeliness

from . import services
from .forms import CampaignForm
from .models import StudyCampaign


@login_required
def campaign_list(request):
    campaigns = StudyCampaign.objects.visible_to(request.user).select_related(
        "organising_unit", "form", "period"
    )
    rows = [
        (
            c,
            completeness(c.form, c.target_unit, c.period),
            timeliness(c.form, c.target_unit, c.period),
        )
        for c in campaigns.select_related("target_unit")
    ]
    return render(
        request,
        "campaigns/list.html",
        {"rows": rows, "can_change": access.has_role_action(request.user, access.CHANGE)},
    )


def _root(request, campaign) -> OrgUnit:
    root = services.root_for(request.user, campaign, request.GET.get("unit"))
    if root is None:
        raise Http404
    return root


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


@login_required
def campaign_detail(request, code):
    campaign = get_object_or_404(
        StudyCampaign.objects.visible_to(request.user).select_related(
            "organising_unit", "target_unit", "form", "period"
        ),
        code=code,
    )
    root = _root(request, campaign)
    form, period = campaign.form, campaign.period
    total = rollup(form, root, period)
    rows = children_breakdown(form, root, period)
    indicators = list(form.indicators.all())
    documents = (
        Document.objects.visible_to(request.user)
        .with_titles_for(request.user)
        .filter(pk__in=campaign.documents.values("pk"))
        .order_by("signed_on")
    )
    c = total.completeness
    context = {
        "campaign": campaign,
        "root": root,
        "total": total,
        "rows": rows,
        "fields": [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"],
        "indicators": indicators,
        "chart": _chart(rows, indicators[0] if indicators else None, campaign),
        "documents": documents,
        "timely": timeliness(form, root, period),
        "submitted_pct": round(100 * c.submitted / c.expected) if c.expected else 0,
        "is_target_root": root.pk == campaign.target_unit_id,
    }
    return render(request, "campaigns/detail.html", context)


def _documents(request, text: str) -> list[Document]:
    from tuyengiao.documents import services as documents

    found, missing = [], []
    for number in filter(None, (n.strip() for n in re.split(r"[,;\n]+", text or ""))):
        try:
            parsed = documents.parse(number)
        except DomainError as exc:
            raise DomainError(exc.message, field="documents") from exc
        match = Document.objects.visible_to(request.user).filter(number_text=parsed.text).first()
        (found.append(match) if match else missing.append(parsed.text))
    if missing:
        raise DomainError(
            f"Không tìm thấy văn bản {', '.join(missing)} trong sổ văn bản bạn xem được.",
            field="documents",
        )
    return found


@login_required
def campaign_create(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Http404
    form = CampaignForm(request.POST or None, user=request.user)
    preview = None
    if request.method == "POST" and form.is_valid() and "preview" in request.POST:
        preview = services.preview_units(
            form.cleaned_data["target_unit"], form.cleaned_data["ends_on"],
            kind=form.cleaned_data["target_kind"], units=form.chosen_units(),
        )  # fmt: skip
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # the period too: nothing is kept if the campaign fails
                campaign, assigned = services.create_campaign(
                    actor=request.user,
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
                    documents=_documents(request, data["documents"]),
                )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _("Campaign created; the form was assigned to %(n)s more units.") % {"n": assigned},
            )
            return redirect("campaigns:detail", campaign.code)
    return render(request, "campaigns/form.html", {"form": form, "preview": preview})
