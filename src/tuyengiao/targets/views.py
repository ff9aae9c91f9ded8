"""Term-target pages. Every object comes from `visible_to`; values come from services.Measurer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tuyengiao.meetings import xlsx
from tuyengiao.meetings.views import attempt, list_querystring
from tuyengiao.orgs import access

from . import services
from .choices import TargetStatus
from .filters import TargetFilter
from .forms import ManualValueForm, TargetForm, TermForm
from .models import Target, Term


def _targets(request, action=access.VIEW):
    return (
        Target.objects.visible_to(request.user, action)
        .select_related("term__unit", "indicator__form")
        .prefetch_related("manual_values")
    )


def _rows(targets, years_of):
    """[(target, measurements, latest)] with one Measurer so rollups are shared."""
    measurer = services.Measurer()
    rows = []
    for target in targets:
        measurements = measurer.row(target, years_of(target))
        rows.append((target, measurements, services.latest(measurements)))
    return rows


def _export(filename, rows, years):
    headers = ["Nhiệm kỳ", "Chỉ tiêu", "Đo bằng", "Mục tiêu", *[str(y) for y in years],
               "Đánh giá"]  # fmt: skip
    data = []
    for target, measurements, last in rows:
        by_year = {m.year: m.value for m in measurements}
        data.append([
            target.term.name, target.text,
            target.indicator.name if target.indicator else "Nhập tay",
            target.comparison_display, *[by_year.get(y) for y in years],
            services.STATUS_VI[last.status if last else TargetStatus.NO_DATA],
        ])  # fmt: skip
    return xlsx.response(filename, "Chỉ tiêu", headers, data, [20, 60, 30, 14])


@login_required
def target_list(request):
    filterset = TargetFilter(request.GET, queryset=_targets(request), request=request)
    rows = _rows(filterset.qs, lambda t: t.term.years)
    if request.GET.get("export") == "xlsx":
        years = sorted({m.year for _t, ms, _l in rows for m in ms})
        return _export("chi-tieu.xlsx", rows, years)
    terms = Term.objects.visible_to(request.user).select_related("unit")
    return render(
        request,
        "targets/list.html",
        {
            "filter": filterset,
            "rows": rows,
            "terms": terms,
            "querystring": list_querystring(request),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


def _term_page(request, pk, template, last_year):
    term = get_object_or_404(Term.objects.visible_to(request.user).select_related("unit"), pk=pk)
    years = [y for y in term.years if y <= last_year(term)]
    rows = _rows(_targets(request).filter(term=term), lambda t: years)
    if request.GET.get("export") == "xlsx":
        return _export(f"chi-tieu-{term.pk}.xlsx", rows, years)
    met = sum(1 for _t, _m, last in rows if last and last.met)
    return render(
        request,
        template,
        {
            "term": term,
            "years": years,
            "rows": rows,
            "met": met,
            "can_change": access.can(request.user, access.CHANGE, term.unit),
        },
    )


@login_required
def term_detail(request, pk):
    return _term_page(request, pk, "targets/term.html", lambda term: term.end_year)


@login_required
def midterm_review(request, pk):
    """Sơ kết giữa nhiệm kỳ: every target with its values up to the mid-term year."""
    return _term_page(request, pk, "targets/midterm.html", lambda term: term.midterm_year)


@login_required
def target_detail(request, pk):
    target = get_object_or_404(_targets(request), pk=pk)
    can_change = access.can(request.user, access.CHANGE, target.term.unit)
    form = ManualValueForm(request.POST or None) if target.is_manual and can_change else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and attempt(
            form,
            lambda: services.set_manual_value(target, actor=request.user, **form.cleaned_data),
        ):
            messages.success(request, _("Value saved."))
            return redirect(target.get_absolute_url())
    measurements = services.Measurer().row(target, target.term.years)
    return render(
        request,
        "targets/detail.html",
        {
            "target": target,
            "measurements": measurements,
            "form": form,
            "can_change": can_change,
            "history": target.history.select_related("history_user")[:10],
        },
    )


@login_required
def term_edit(request, pk=None):
    term = None
    if pk is not None:
        term = get_object_or_404(Term.objects.visible_to(request.user, access.CHANGE), pk=pk)
    elif not access.has_role_action(request.user, access.CHANGE):
        raise PermissionDenied
    form = TermForm(request.POST or None, instance=term, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = {}

        def save():
            if term is None:
                saved["obj"] = services.create_term(actor=request.user, **form.cleaned_data)
            else:
                saved["obj"] = services.update_term(term, actor=request.user, **form.cleaned_data)

        if attempt(form, save):
            messages.success(request, _("Term saved."))
            return redirect(saved["obj"].get_absolute_url())
    return render(request, "targets/form.html", {"form": form, "term": term, "target": None})


@login_required
def target_edit(request, term_pk=None, pk=None):
    target = None
    if pk is not None:
        target = get_object_or_404(_targets(request, access.CHANGE), pk=pk)
        term = target.term
    else:
        term = get_object_or_404(Term.objects.visible_to(request.user, access.CHANGE), pk=term_pk)
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        saved = {}

        def save():
            saved["obj"] = services.save_target(
                term, actor=request.user, target=target, **form.cleaned_data
            )

        if attempt(form, save):
            messages.success(request, _("Target saved."))
            return redirect(saved["obj"].get_absolute_url())
    return render(request, "targets/form.html", {"form": form, "term": term, "target": target})
