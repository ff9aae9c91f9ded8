"""Term-target pages, made with the record-page kit (core.records): every object comes from
`visible_to`; values come from services.Measurer."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tuyengiao.core import records, xlsx
from tuyengiao.orgs import access

from . import services
from .choices import TargetStatus
from .filters import TargetFilter
from .forms import ManualValueForm, TargetForm, TermForm
from .models import Target, Term


def _targets(user, action=access.VIEW):
    return (
        Target.objects.visible_to(user, action)
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
    headers = [("Nhiệm kỳ", 20), ("Chỉ tiêu", 60), ("Đo bằng", 30), ("Mục tiêu", 14)]
    headers += [str(y) for y in years] + ["Đánh giá"]
    data = []
    for target, measurements, last in rows:
        by_year = {m.year: m.value for m in measurements}
        data.append(
            [
                target.term.name,
                target.text,
                target.indicator.name if target.indicator else "Nhập tay",
                target.comparison_display,
                *[by_year.get(y) for y in years],
                services.STATUS_VI[last.status if last else TargetStatus.NO_DATA],
            ]
        )
    return xlsx.response(filename, "Chỉ tiêu", headers, data)


class TargetView:
    model = Target

    def get_queryset(self, action=None):
        return _targets(self.request.user, action or self.action)

    def unit_of(self, target):
        return target.term.unit


class TargetList(TargetView, records.RecordList):
    """Every target the user may see with its latest value (measured once, not paginated)."""

    filterset_class = TargetFilter
    template_name = "targets/list.html"
    paginate_by = None
    export_filename = "chi-tieu.xlsx"

    def records(self, queryset):
        return _rows(queryset, lambda t: t.term.years)

    def export(self, rows):
        years = sorted({m.year for _t, ms, _l in rows for m in ms})
        return _export(self.export_filename, rows, years)

    def extra_context(self, rows):
        terms = Term.objects.visible_to(self.request.user).select_related("unit")
        return {"rows": rows, "terms": terms}


class TermPage(records.RecordDetail):
    """A term's targets with their values up to `last_year(term)`; `?export=xlsx` too."""

    model = Term
    select_related = ("unit",)
    template_name = "targets/term.html"
    context_object_name = "term"

    def last_year(self, term):
        return term.end_year

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx":
            term = self.get_object()
            years, rows = self.measured(term)
            return _export(f"chi-tieu-{term.pk}.xlsx", rows, years)
        return super().get(request, *args, **kwargs)

    def measured(self, term):
        years = [y for y in term.years if y <= self.last_year(term)]
        return years, _rows(_targets(self.request.user).filter(term=term), lambda t: years)

    def extra_context(self, term):
        years, rows = self.measured(term)
        met = sum(1 for _t, _m, last in rows if last and last.met)
        return {"years": years, "rows": rows, "met": met}


class MidtermReview(TermPage):
    """Sơ kết giữa nhiệm kỳ: every target with its values up to the mid-term year."""

    template_name = "targets/midterm.html"

    def last_year(self, term):
        return term.midterm_year


class TargetDetail(TargetView, records.RecordEdit):
    """The target's values by year; a hand-entered target takes its yearly value here."""

    action = access.VIEW
    form_class = ManualValueForm
    template_name = "targets/detail.html"
    context_object_name = "target"
    success_message = _("Value saved.")

    def get_object(self, action=None):
        target = records.RecordView.get_object(self, action)
        self.can_change = self.may_change(target)
        self.may_enter = target.is_manual and self.can_change
        if self.request.method == "POST" and not self.may_enter:
            raise PermissionDenied
        return target

    def get_form_kwargs(self, target):
        return {}

    def save(self, form, target):
        services.set_manual_value(target, actor=self.request.user, **form.cleaned_data)
        return target

    def extra_context(self, target):
        return {
            "form": self.form if self.may_enter else None,
            "measurements": services.Measurer().row(target, target.term.years),
            "can_change": self.can_change,
            "history": target.history.select_related("history_user")[:10],
        }


class TermEdit(records.RecordEdit):
    model = Term
    form_class = TermForm
    template_name = "targets/form.html"
    context_object_name = "term"
    success_message = _("Term saved.")

    def save(self, form, term):
        if term is None:
            return services.create_term(actor=self.request.user, **form.cleaned_data)
        return services.update_term(term, actor=self.request.user, **form.cleaned_data)

    def extra_context(self, term):
        return {"target": None}


class TargetEdit(TargetView, records.RecordEdit):
    """A target of a term the user may change: new (term_pk in the URL) or edited (pk)."""

    form_class = TargetForm
    template_name = "targets/form.html"
    context_object_name = "target"
    success_message = _("Target saved.")

    def get_object(self, action=None):
        if self.kwargs.get("pk") is not None:
            target = records.RecordView.get_object(self, action)
            self.term = target.term
            return target
        self.term = get_object_or_404(
            Term.objects.visible_to(self.request.user, access.CHANGE), pk=self.kwargs["term_pk"]
        )
        return None

    def get_form_kwargs(self, target):
        return {"instance": target}

    def save(self, form, target):
        return services.save_target(
            self.term, actor=self.request.user, target=target, **form.cleaned_data
        )

    def extra_context(self, target):
        return {"term": self.term}
