from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    label = "reporting"
    verbose_name = pgettext_lazy("app", "Reporting")  # the admin's heading
