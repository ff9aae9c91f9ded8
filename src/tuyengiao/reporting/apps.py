from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    label = "reporting"

    def ready(self):
        from . import spec_cache, totals_signals  # noqa: F401  (issue 17)
