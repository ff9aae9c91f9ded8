"""Commendation pages, made with the record-page kit (core.records): every object comes from
`visible_to`; the work is in services."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tuyengiao.core import records, undo, xlsx
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access

from . import services
from .filters import CommendationFilter
from .forms import CollectiveForm, CommendationForm, IndividualForm
from .models import Commendation, Recipient


class CommendationView:
    model = Commendation
    select_related = ("unit", "decision")


class CommendationList(CommendationView, records.RecordList):
    filterset_class = CommendationFilter
    template_name = "awards/list.html"
    export_filename, export_title = "khen-thuong.xlsx", "Khen thưởng"
    export_columns = [
        Column("Năm", 8, "year", xlsx.YEAR_FORMAT),
        Column("Đợt khen thưởng", 50, "name"),
        Column("Đơn vị khen thưởng", 30, "unit.name"),
        Column("Quyết định", 16, lambda c: c.decision.number_text if c.decision else ""),
        Column("Ngày khen thưởng", 14, "conferred_on"),
        Column("Số tập thể", 12, "n_collectives"),
        Column("Số cá nhân", 12, "n_individuals"),
    ]

    def records(self, queryset):
        return queryset.with_counts().order_by("-year", "name", "id")


RECIPIENT_COLUMNS = [
    ("STT", 6),
    ("Tập thể / cá nhân", 14),
    ("Họ và tên / đơn vị", 40),
    ("Chức vụ", 30),
    ("Đơn vị công tác", 30),
    ("Thành tích", 50),
]


class CommendationDetail(CommendationView, records.RecordDetail):
    """The commendation and its recipients; `?export=xlsx` gives the list of recipients."""

    template_name = "awards/detail.html"
    context_object_name = "commendation"

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx":
            commendation = self.get_object()
            rows = (
                [i, _kind(r), str(r), r.title, r.unit_name, r.reason]
                for i, r in enumerate(commendation.recipients.select_related("unit"), start=1)
            )
            return xlsx.response(
                f"khen-thuong-{commendation.pk}.xlsx",
                "Danh sách khen thưởng",
                RECIPIENT_COLUMNS,
                rows,
            )
        return super().get(request, *args, **kwargs)

    def extra_context(self, commendation):
        recipients = list(commendation.recipients.select_related("unit"))
        context = {
            "collectives": [r for r in recipients if r.unit_id],
            "individuals": [r for r in recipients if not r.unit_id],
            "summary": services.summary(*services.counts(commendation).values()),
        }
        if self.may_change(commendation):
            context["collective_form"] = CollectiveForm(prefix="collective", user=self.request.user)
            context["individual_form"] = IndividualForm(prefix="individual")
        return context


def _kind(recipient) -> str:
    return "Tập thể" if recipient.unit_id else "Cá nhân"


class CommendationEdit(CommendationView, records.RecordEdit):
    form_class = CommendationForm
    template_name = "awards/form.html"
    context_object_name = "commendation"
    success_message = _("Commendation saved.")

    def save(self, form, commendation):
        data = {k: form.cleaned_data[k] for k in services.FIELDS}
        if commendation is None:
            return services.create_commendation(actor=self.request.user, **data)
        return services.update_commendation(commendation, actor=self.request.user, **data)


class RecipientAdd(CommendationView, records.ItemAdd):
    def get_form(self, commendation):
        if self.kwargs["kind"] == "collective":
            return CollectiveForm(self.request.POST, prefix="collective", user=self.request.user)
        return IndividualForm(self.request.POST, prefix="individual")

    def save(self, form, commendation):
        return services.add_recipient(commendation, actor=self.request.user, **form.cleaned_data)

    def message(self, form):
        data = form.cleaned_data
        if self.kwargs["kind"] == "collective":
            return _("Collective «%(name)s» added.") % {"name": data["unit"]}
        return _("Individual «%(name)s» added.") % {"name": data["name"]}

    def next_url(self, commendation):
        return f"{commendation.get_absolute_url()}#{self.kwargs['kind']}s"


class RecipientRemove(CommendationView, records.RecordRemove):
    undo_action = "awards.restore_recipient"

    def target(self, commendation):
        return get_object_or_404(
            Recipient, commendation=commendation, pk=self.kwargs["recipient_pk"]
        )

    def remove(self, recipient):
        data = {name: getattr(recipient, name) for name in services.RECIPIENT_FIELDS}
        services.remove_recipient(recipient, actor=self.request.user)
        return {"commendation": recipient.commendation_id, "data": data}

    def question(self, recipient):
        # The msgids of the «×» button's data-confirm in detail.html.
        if recipient.unit_id:
            return _(
                "Remove the collective «%(name)s» from this commendation? "
                "You can undo it right after."
            ) % {"name": recipient.unit.name}
        return _("Remove «%(name)s» from this commendation? You can undo it right after.") % {
            "name": recipient.name
        }

    def message(self, recipient):
        if recipient.unit_id:
            return _("Collective «%(name)s» removed.") % {"name": recipient.unit}
        return _("Individual «%(name)s» removed.") % {"name": recipient.name}


@undo.register("awards.restore_recipient")
def _restore_recipient(payload, *, actor) -> str:
    commendation = get_object_or_404(
        Commendation.objects.visible_to(actor, access.CHANGE), pk=payload["commendation"]
    )
    services.restore_recipient(commendation, payload["data"], actor=actor)
    return _("Restored.")
