from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    label = "reporting"
    verbose_name = pgettext_lazy("app", "Reporting")  # the admin's heading

    def ready(self):
        from . import spec_cache, totals_signals  # noqa: F401  (issue 17)
