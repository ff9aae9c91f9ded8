"""Initiative pages, made with the record-page kit (core.records): every object comes from
`visible_to`; the work is in services."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuyengiao.core import audit, records, xlsx
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access

from . import services
from .choices import AssessmentStatus
from .filters import InitiativeFilter
from .forms import AssessmentForm, InitiativeForm
from .models import Initiative

VERB_LABELS = {
    "initiative.create": gettext_lazy("created"),
    "initiative.update": gettext_lazy("edited"),
    "initiative.assess": gettext_lazy("assessed"),
}

# Years as text: a number would print 2.022 in the sheet's thousands format.
EXPORT_COLUMNS = [
    Column("Tên mô hình", 60, "name"),
    Column("Đơn vị", 30, "unit.name"),
    Column("Năm bắt đầu", 12, lambda i: str(i.start_year)),
    Column("Năm kết thúc", 12, lambda i: str(i.end_year) if i.end_year else None),
    Column("Mô tả", 50, "description"),
]


class InitiativeView:
    model = Initiative
    select_related = ("unit",)


class InitiativeList(InitiativeView, records.RecordList):
    """The list (with the year's assessment when a year is chosen) and its export."""

    filterset_class = InitiativeFilter
    template_name = "initiatives/list.html"
    export_filename, export_title = "mo-hinh.xlsx", "Mô hình"
    export_columns = EXPORT_COLUMNS
    year = None

    def records(self, queryset):
        if self.filterset.is_valid() and self.filterset.form.cleaned_data.get("year"):
            self.year = int(self.filterset.form.cleaned_data["year"])
            return services.with_status(queryset, self.year)
        return queryset

    def extra_context(self, initiatives):
        return {"year": self.year, "statuses": dict(AssessmentStatus.choices)}

    def export(self, initiatives):
        columns = list(self.export_columns)
        if self.year:
            statuses = dict(AssessmentStatus.choices)
            columns += [
                Column(f"Đánh giá {self.year}", 18, lambda i: str(statuses.get(i.year_status, ""))),
                Column(f"Nội dung đánh giá {self.year}", 50, lambda i: i.year_text or ""),
            ]
        book = xlsx.records_workbook(self.export_title, columns, initiatives)
        return xlsx.attachment(book, self.export_filename)


class InitiativeDetail(InitiativeView, records.RecordDetail):
    """The initiative, its yearly assessments and, for who may change it, the form to
    assess a year."""

    template_name = "initiatives/detail.html"

    def extra_context(self, initiative):
        form = None
        if self.may_change(initiative):
            latest = initiative.assessments.first()
            year = (latest.year + 1) if latest else initiative.start_year
            form = AssessmentForm(initial={"year": year})
        return _detail_context(initiative, form)


def _detail_context(initiative, form) -> dict:
    return {
        "assessments": initiative.assessments.all(),
        "form": form,
        "events": audit.labelled_events(initiative, VERB_LABELS),
    }


class InitiativeEdit(InitiativeView, records.RecordEdit):
    """New initiative (403 without the change right) or edit (404 outside the user's view,
    403 for one they see but may not change)."""

    form_class = InitiativeForm
    template_name = "initiatives/form.html"
    lookup_action = access.VIEW

    def save(self, form, initiative):
        if initiative is None:
            return services.create_initiative(actor=self.request.user, **form.cleaned_data)
        return services.update_initiative(initiative, actor=self.request.user, **form.cleaned_data)


class InitiativeAssess(InitiativeView, records.RecordEdit):
    """POST from the detail page: the year's assessment (errors shown on that page)."""

    form_class = AssessmentForm
    template_name = "initiatives/detail.html"
    lookup_action = access.VIEW  # 403 for an initiative one sees but may not change

    def get(self, request, *args, **kwargs):
        return redirect("initiatives:detail", pk=kwargs["pk"])

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self, initiative) -> dict:
        return {}

    def save(self, form, initiative):
        services.assess(initiative, actor=self.request.user, **form.cleaned_data)
        return initiative

    def get_success_message(self, initiative) -> str:
        return _("The assessment of %(year)s was saved.") % self.form.cleaned_data

    def extra_context(self, initiative):
        return {"can_change": True, **_detail_context(initiative, self.form)}
