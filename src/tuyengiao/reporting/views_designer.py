"""The form designer: pages where a specialist with the admin action builds a form —
fields, rules (with a live check of each expression), indicators, assignments — and
makes a new version once the form has data. Every change goes through reporting.design."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import records
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit

from . import design, services
from .forms_designer import AssignForm, FieldForm, FormBasics, IndicatorForm, RuleForm
from .models import Assignment

ADDERS = {
    "field": (FieldForm, design.add_field),
    "rule": (RuleForm, design.add_rule),
    "indicator": (IndicatorForm, design.add_indicator),
}
REMOVERS = {
    "remove_field": ("fields", design.remove_field),
    "remove_rule": ("rules", design.remove_rule),
    "remove_indicator": ("indicators", design.remove_indicator),
}


def _designer(request):
    if not design.may_design(request.user):
        raise Http404
    return request.user


@login_required
def designer_list(request):
    user = _designer(request)
    return render(
        request, "reporting/designer_list.html", {"forms": design.designable(user).order_by("code")}
    )


@login_required
def designer_new(request):
    user = _designer(request)
    basics = FormBasics(request.POST or None, user=user)
    if request.method == "POST" and basics.is_valid():
        try:
            form = design.save_form(actor=user, **basics.cleaned_data)
        except DomainError as exc:
            records.add_errors(basics, exc)
        else:
            messages.success(request, _("The form was created; now add its fields."))
            return redirect("reporting:designer_edit", form.code)
    return render(request, "reporting/designer_new.html", {"basics": basics})


@login_required
def designer_edit(request, code):
    user = _designer(request)
    form = get_object_or_404(design.designable(user), code=code)
    bound = {}
    action = request.POST.get("action") if request.method == "POST" else None
    try:
        if action in ADDERS:
            form_class, adder = ADDERS[action]
            bound[action] = form_class(request.POST, prefix=action)
            if bound[action].is_valid():
                adder(form, actor=user, **bound[action].cleaned_data)
                return _saved(request, form)
        elif action in REMOVERS:
            related, remover = REMOVERS[action]
            item = get_object_or_404(getattr(form, related), pk=request.POST.get("pk"))
            remover(item, actor=user)
            return _saved(request, form)
        elif action == "basics":
            bound["basics"] = FormBasics(request.POST, instance=form, user=user)
            if bound["basics"].is_valid():
                data = {k: v for k, v in bound["basics"].cleaned_data.items() if k != "code"}
                design.save_form(actor=user, form=form, **data)
                return _saved(request, form)
        elif action == "assign":
            bound["assign"] = AssignForm(request.POST, prefix="assign")
            if bound["assign"].is_valid():
                _assign(form, user, bound["assign"].cleaned_data, request)
                return _saved(request, form)
        elif action == "version":
            copy = design.new_version(form, actor=user)
            messages.success(request, _("Version %(code)s created.") % {"code": copy.code})
            return redirect("reporting:designer_edit", copy.code)
    except DomainError as exc:
        target = bound.get(action)
        if target is not None:
            records.add_errors(target, exc)
        else:
            messages.error(request, exc.message)
    form.refresh_from_db()
    context = {
        "form_obj": form,
        "has_data": design.has_data(form),
        "basics": bound.get("basics") or FormBasics(instance=form, user=user),
        "field_form": bound.get("field") or FieldForm(prefix="field"),
        "rule_form": bound.get("rule") or RuleForm(prefix="rule"),
        "indicator_form": bound.get("indicator") or IndicatorForm(prefix="indicator"),
        "assign_form": bound.get("assign") or AssignForm(prefix="assign"),
        "rounds": Assignment.objects.filter(form=form)
        .values("period__code", "period__name")
        .order_by("-period__end")
        .distinct(),
    }
    return render(request, "reporting/designer_edit.html", context)


@transaction.atomic  # a refused assignment leaves no new period behind
def _assign(form, user, data, request) -> None:
    period = services.get_or_create_period(data["period"])
    unit = get_unit(data["unit"])
    count = services.assign_form(
        form, unit, period, actor=user, kind=data["kind"] or None, deadline=data["deadline"]
    )
    messages.info(request, _("Assigned to %(n)s more units.") % {"n": count})


def _saved(request, form):
    messages.success(request, _("Saved."))
    return redirect("reporting:designer_edit", form.code)


@login_required
@require_POST
def designer_check(request, code):
    """The live check of one expression (htmx): a line saying what it reads or why not."""
    user = _designer(request)
    form = get_object_or_404(design.designable(user), code=code)
    results = []
    for name in ("rule-left", "rule-right", "indicator-numerator", "indicator-denominator"):
        text = request.POST.get(name)
        if text is None or not text.strip():
            continue
        try:
            results.append((True, text, design.check_expression(form, text)))
        except DomainError as exc:
            results.append((False, text, exc.message))
    return render(request, "reporting/_designer_check.html", {"results": results})


urlpatterns = [
    path("designer/", designer_list, name="designer"),
    path("designer/new/", designer_new, name="designer_new"),
    path("designer/<str:code>/", designer_edit, name="designer_edit"),
    path("designer/<str:code>/check/", designer_check, name="designer_check"),
]
