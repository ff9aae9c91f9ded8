"""Outreach-channel pages, made with the record-page kit (core.records): every channel comes
from `visible_to`; the work is in services."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuyengiao.core import audit, records, xlsx
from tuyengiao.core.errors import DomainError
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access

from . import charts, services
from .filters import ChannelFilter
from .forms import ChannelForm, ImportForm, MonthGridForm
from .models import Channel, ChannelStat

VERB_LABELS = {
    "channel.create": gettext_lazy("created"),
    "channel.update": gettext_lazy("edited"),
    "channel.stats": gettext_lazy("monthly figures entered"),
}

# The year as text: a number would print 2.022 in the sheet's thousands format.
STAT_COLUMNS = [
    Column("Kênh", 30, "channel.name"),
    Column("Nền tảng", 18, lambda s: s.channel.get_platform_display()),
    Column("Đơn vị", 30, "channel.unit.name"),
    Column("Năm", 8, lambda s: str(s.year)),
    Column("Tháng", 8, "month"),
    Column("Bài viết", 12, "posts"),
    Column("Lượt tương tác", 16, "interactions"),
]


def _year(text, default):
    try:
        return services.parse_year(text, default)
    except DomainError as exc:
        raise Http404(exc.message) from exc


def _latest_year(channels):
    latest = ChannelStat.objects.filter(channel__in=channels).order_by("-year").first()
    return latest.year if latest else timezone.localdate().year


def _detail_url(channel, year) -> str:
    return f"{reverse('outreach:detail', args=[channel.pk])}?year={year}"


class ChannelView:
    model = Channel
    select_related = ("unit",)


class ChannelList(ChannelView, records.RecordList):
    """The channels with the year's totals; the export gives their monthly figures."""

    filterset_class = ChannelFilter
    template_name = "outreach/list.html"
    export_columns = STAT_COLUMNS

    def get(self, request, *args, **kwargs):
        self.year = _year(request.GET.get("year"), _latest_year(self.get_queryset()))
        # `?format=xlsx`: the address the page has always given for the export.
        self.export_only = request.GET.get("format") == "xlsx"
        return super().get(request, *args, **kwargs)

    def extra_context(self, channels):
        page = records.paginate(self.request, channels, self.paginate_by)
        totals = services.yearly_totals([c.pk for c in page], self.year)
        return {"page": page, "rows": [(c, totals.get(c.pk)) for c in page], "year": self.year}

    def export(self, channels):
        stats = (
            ChannelStat.objects.filter(channel__in=channels, year=self.year)
            .select_related("channel__unit")
            .order_by("channel__sort_name", "month")
        )
        book = xlsx.records_workbook(f"Số liệu {self.year}", self.export_columns, stats)
        return xlsx.attachment(book, f"kenh-thong-tin-{self.year}.xlsx")


class ChannelDetail(ChannelView, records.RecordDetail):
    """A year of the channel's monthly figures, its chart and its trail."""

    template_name = "outreach/detail.html"

    def extra_context(self, channel):
        year = _year(self.request.GET.get("year"), _latest_year([channel.pk]))
        chart = charts.channel_chart(channel, year).decode()
        return {
            "year": year,
            "months": list(enumerate(services.monthly(channel, year), start=1)),
            "totals": services.channel_year(channel, year),
            # Our own matplotlib output, no user text but the channel name (escaped by it).
            "chart": mark_safe(chart[chart.index("<svg") :]),  # noqa: S308
            "events": audit.labelled_events(channel, VERB_LABELS),
        }


class ChannelEdit(ChannelView, records.RecordEdit):
    """New channel (403 without the change right) or edit (404 outside the user's view,
    403 for a channel they see but may not change)."""

    form_class = ChannelForm
    template_name = "outreach/form.html"
    lookup_action = access.VIEW

    def save(self, form, channel):
        if channel is None:
            return services.create_channel(actor=self.request.user, **form.cleaned_data)
        channel.refresh_from_db()  # the form wrote its values onto the instance
        services.update_channel(channel, actor=self.request.user, **form.cleaned_data)
        return channel


class ChannelChange(ChannelView, records.RecordEdit):
    """A form on one channel the user may change (403 if only seen), back to its page."""

    lookup_action = access.VIEW

    def get_object(self, action=None):
        self.channel = super().get_object(action)
        return self.channel


class MonthGrid(ChannelChange):
    """The twelve months of a year, typed in."""

    form_class = MonthGridForm
    template_name = "outreach/grid.html"

    def get_object(self, action=None):
        channel = super().get_object(action)
        self.year = _year(self.kwargs["year"], self.kwargs["year"])
        return channel

    def get_form_kwargs(self, channel) -> dict:
        return {"year": self.year, "stats": services.monthly(channel, self.year)}

    def save(self, form, channel):
        return services.save_months(channel, form.months(), actor=self.request.user)

    def get_success_message(self, saved) -> str:
        return _("The figures of %(year)s were saved.") % {"year": self.year}

    def success_url(self, saved) -> str:
        return _detail_url(self.channel, self.year)

    def extra_context(self, channel):
        return {"year": self.year}


class CsvUpload(ChannelChange):
    """The platform's statistics file: daily rows summed into months; every problem listed."""

    form_class = ImportForm
    template_name = "outreach/import.html"

    def get_form_kwargs(self, channel) -> dict:
        return {}

    def save(self, form, channel):
        limit = settings.MAX_UPLOAD_MB * 1024 * 1024
        # Read one byte past the limit: enough to refuse without loading a huge file.
        upload = form.cleaned_data["file"].read(limit + 1)
        return services.import_csv(channel, upload, actor=self.request.user)

    def get_success_message(self, months) -> str:
        return _("Imported %(n)s months of figures.") % {"n": len(months)}

    def success_url(self, months) -> str:
        return _detail_url(self.channel, max(year for year, _month in months))

    def extra_context(self, channel):
        return {"errors": self.form.non_field_errors()}
