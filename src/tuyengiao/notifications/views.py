"""The bell, the notifications page, the board's «Nhắc báo cáo», and job progress pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import records
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access

from . import jobs, reminders, services
from .filters import UNREAD, NotificationFilter
from .models import Job, Notification, NotificationPreference


class NotificationList(records.RecordList):
    """One's own notifications (nobody else's), all or the unread ones, newest first."""

    model = Notification
    filterset_class = NotificationFilter
    template_name = "notifications/list.html"

    def get_queryset(self, action=None):
        return Notification.objects.for_user(self.request.user).select_related("unit")

    def may_create(self) -> bool:
        return False

    def extra_context(self, rows) -> dict:
        user = self.request.user
        preference = NotificationPreference.objects.filter(user=user).first()
        return {
            "unread_only": self.request.GET.get("show") == UNREAD,
            "email_on": preference is None or preference.email,
            "has_email": bool(user.email),
        }


@login_required
def bell(request):
    from .templatetags.notify import bell_context

    return render(request, "notifications/_bell.html", bell_context(request.user))


@login_required
@require_POST
def mark_read(request, pk=None):
    if pk is not None:
        notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
        services.mark_read(request.user, [notification.pk])
        if request.POST.get("open") and notification.url.startswith("/"):
            return redirect(notification.url)
    else:
        services.mark_read(request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def preference(request):
    services.set_email_preference(
        request.user, request.POST.get("email") == "on", actor=request.user
    )
    messages.success(request, _("Your choice has been saved."))
    return redirect("notifications:list")


@login_required
@require_POST
def remind(request, form_code, period_code, unit_code):
    """«Nhắc báo cáo» on the status board: remind the ticked units now."""
    from tuyengiao.reporting import pages

    form, period = pages.form_and_period(form_code, period_code)
    root = pages.visible_unit(request.user, unit_code)
    back = reverse("reporting:status", args=[form.code, period.code, root.code])
    next_url = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        back = next_url
    if not (
        access.can(request.user, access.CHANGE, root)
        or access.can(request.user, access.APPROVE, root)
    ):
        raise PermissionDenied
    try:
        sent, skipped = reminders.remind_now(
            form, period, request.POST.getlist("unit"), actor=request.user, root=root
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    if sent:
        messages.success(
            request,
            _("Reminder sent to %(count)s unit(s).") % {"count": len(sent)},
        )
    if skipped:
        messages.warning(
            request,
            _("Not reminded (already reminded today or report sent): %(units)s.")
            % {"units": ", ".join(skipped)},
        )
    return redirect(back)


# --- background jobs ------------------------------------------------------------------------


def _jobs(user):
    """One's own jobs (the superuser sees every one)."""
    rows = Job.objects.select_related("unit")
    return rows if user.is_superuser else rows.filter(user=user)


def _job(request, pk) -> Job:
    return get_object_or_404(_jobs(request.user), pk=pk)


class JobPage(records.RecordDetail):
    """A job's progress page; htmx polls its card every second until it ends."""

    model = Job
    context_object_name = "job"

    def get_queryset(self, action=None):
        return _jobs(self.request.user)

    def may_change(self, job) -> bool:
        return False

    def get(self, request, *args, **kwargs):
        self.template_name = "notifications/_job.html" if request.htmx else "notifications/job.html"
        return super().get(request, *args, **kwargs)

    def extra_context(self, job) -> dict:
        return {"poll_ms": 1000}


@login_required
def job_file(request, pk):
    job = _job(request, pk)
    if not job.result_file:
        raise Http404
    name = job.result_file.name.rsplit("/", 1)[-1]
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)


@login_required
@require_POST
def report_job(request, code, year):
    """Start the year-end report (and its PDF) in the background; go to its progress page."""
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.reports import services as report_services
    from tuyengiao.reports.forms import ReportOptionsForm

    unit = get_object_or_404(OrgUnit.objects.visible_to(request.user), code=code)
    if not access.can(request.user, access.CHANGE, unit):
        raise PermissionDenied
    try:
        year = report_services.check_year(year)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    form = ReportOptionsForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(
            f"{form[name].label}: {error}" if name in form.fields else str(error)
            for name, field_errors in form.errors.items()
            for error in field_errors
        )
        messages.error(request, errors)
        return _go(request, reverse("reports:unit_year", args=[unit.code, year]))
    job = jobs.start(
        "year_end_report",
        f"Báo cáo tổng kết năm {year} — {unit.name}",
        user=request.user,
        unit=unit,
        params={"year": year, "options": form.options().as_json(), "pdf": True},
    )
    return _go(request, reverse("notifications:job", args=[job.pk]))


def _go(request, url):
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)
