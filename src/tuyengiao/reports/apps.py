from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class ReportsConfig(AppConfig):
    name = "tuyengiao.reports"
    label = "reports"
    verbose_name = pgettext_lazy("app", "Year-end reports")  # the admin's heading

    def ready(self):
        registry.urls(self, "reports/")
        # Readers read; generating needs CHANGE (checked on the pages).
        registry.menu(self, _("Reports"), "reports:index", order=120)
        registry.home_panel(self, "panels.key_figures", order=40)
        registry.home_panel(self, "panels.year_at_a_glance", order=41)
        registry.demo(self, after=["orgs"])
