from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportsConfig(AppConfig):
    name = "tuyengiao.reports"
    label = "reports"
    verbose_name = pgettext_lazy("app", "Year-end reports")  # the admin's heading
