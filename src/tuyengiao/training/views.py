"""Training-class pages, made with the record-page kit (core.records)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import audit, records, xlsx
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access, catalogues
from tuyengiao.orgs.models import OrgUnit

from . import services
from .filters import TrainingClassFilter
from .forms import KindForm, TrainingClassForm
from .models import TrainingClass, TrainingKind

VERB_LABELS = {
    "training_class.create": _("created"),
    "training_class.update": _("edited"),
}

CLASS_COLUMNS = [
    Column("Tên lớp", 48, "name"),
    Column("Loại lớp", 30, "kind.name"),
    Column("Đơn vị tổ chức", 30, "unit.name"),
    Column("Từ ngày", 12, "start_date"),
    Column("Đến ngày", 12, "end_date"),
    Column("Địa điểm", 28, "place"),
    Column("Đối tượng", 28, "target_group"),
    Column("Kế hoạch", 11, "planned"),
    Column("Tham dự", 11, "attended"),
    Column("Hoàn thành", 11, "completed"),
    Column("Giỏi", 9, "excellent"),
    Column("Khá", 9, "good"),
    Column("Đạt", 9, "passed"),
    Column("Không đạt", 10, "failed"),
]
TOTAL_HEADERS = [
    ("Loại lớp", 36),
    ("Số lớp", 9),
    ("Kế hoạch", 11),
    ("Tham dự", 11),
    ("Hoàn thành", 11),
    ("Tỷ lệ tham dự/kế hoạch (%)", 26),
]


class ClassView:
    model = TrainingClass
    select_related = ("kind", "unit")


class ClassList(ClassView, records.RecordList):
    filterset_class = TrainingClassFilter
    template_name = "training/list.html"
    export_filename, export_title = "lop-boi-duong.xlsx", "Lớp bồi dưỡng"
    export_columns = CLASS_COLUMNS

    def extra_context(self, classes):
        totals = classes.aggregate(
            n=Count("pk"),
            planned=Sum("planned"),
            attended=Sum("attended"),
            completed=Sum("completed"),
        )
        return {"totals": totals}


class ClassDetail(ClassView, records.RecordDetail):
    template_name = "training/detail.html"

    def extra_context(self, training_class):
        return {
            "events": audit.labelled_events(training_class, VERB_LABELS),
            "history": training_class.history.select_related("history_user")[:20],
        }


class ClassEdit(ClassView, records.RecordEdit):
    """New class (403 without the change right) or edit (404 outside the user's view, 403
    for a class they see but may not change)."""

    form_class = TrainingClassForm
    template_name = "training/form.html"
    lookup_action = access.VIEW

    def save(self, form, training_class):
        data = dict(form.cleaned_data)
        if training_class is None:
            return services.create_class(actor=self.request.user, **data)
        return services.update_class(training_class, actor=self.request.user, **data)


def _year(request, default):
    try:
        year = int(request.GET.get("year") or default)
    except ValueError:
        return default
    return year if 1900 <= year <= 2200 else default


def _default_unit(request):
    code = request.GET.get("unit")
    units = OrgUnit.objects.visible_to(request.user)
    if code:
        return get_object_or_404(units, code=code)
    mine = [m.unit for m in access.memberships(request.user)]
    return mine[0] if mine else get_object_or_404(units.filter(depth=1)[:1])


@login_required
def summary(request):
    """Yearly totals per kind for a unit and its subtree (what the user may see of it)."""
    unit = _default_unit(request)
    classes = TrainingClass.objects.visible_to(request.user).in_subtree(unit)
    latest = classes.aggregate(latest=Max("start_date"))["latest"]
    year = _year(request, latest.year if latest else timezone.localdate().year)
    totals = services.yearly_totals(classes, year)
    if request.GET.get("format") == "xlsx":
        rows = classes.in_year(year).select_related("kind", "unit")
        book = xlsx.records_workbook("Lớp bồi dưỡng", CLASS_COLUMNS, rows)
        xlsx.write_sheet(
            book.create_sheet("Tổng hợp theo loại"),
            TOTAL_HEADERS,
            [[t.kind.name, t.classes, t.planned, t.attended, t.completed, t.rate] for t in totals],
        )
        return xlsx.attachment(book, f"lop-boi-duong-{unit.code}-{year}.xlsx")
    return render(
        request,
        "training/summary.html",
        {
            "unit": unit,
            "year": year,
            "totals": totals,
            "units": OrgUnit.objects.visible_to(request.user).vi_ordered(),
        },
    )


@login_required
def kind_list(request):
    return render(
        request,
        "training/kinds.html",
        {
            "kinds": [
                (kind, catalogues.may_change(request.user, kind.owner))
                for kind in TrainingKind.objects.annotate(n=Count("classes")).select_related(
                    "owner"
                )
            ],
            "can_edit": access.has_role_action(request.user, access.ADMIN),
        },
    )


@login_required
def kind_edit(request, pk=None):
    if not access.has_role_action(request.user, access.ADMIN):
        raise PermissionDenied
    kind = get_object_or_404(TrainingKind, pk=pk) if pk else None
    if kind is not None and not catalogues.may_change(request.user, kind.owner):
        raise PermissionDenied
    form = KindForm(request.POST or None, instance=kind, user=request.user)
    if request.method == "POST" and form.is_valid():
        if records.attempt(form, lambda: services.save_kind(form, actor=request.user))[0]:
            return redirect("training:kinds")
    return render(request, "training/kind_form.html", {"form": form, "object": kind})
