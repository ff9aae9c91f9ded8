from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    label = "reporting"

    def ready(self):
        from . import totals_signals  # noqa: F401  (kept totals, issue 17)
