from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    label = "reporting"
    verbose_name = pgettext_lazy("app", "Reporting")  # the admin's heading

    def ready(self):
        registry.urls(self, "reporting/")
        registry.api(self)
        registry.menu(self, _("Reporting"), "reporting:forms", order=20)
        registry.home_panel(self, "panels.returned", order=20)
        registry.home_panel(self, "panels.forms_due", order=21)
        registry.home_panel(self, "panels.approval_queue", order=22)
        registry.home_panel(self, "panels.follow_up", order=23)
        registry.demo(self, after=["orgs"])

        from . import spec_cache, totals_signals  # noqa: F401  (issue 17)
