from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TargetsConfig(AppConfig):
    name = "tuyengiao.targets"
    label = "targets"
    verbose_name = pgettext_lazy("app", "Term targets")  # the admin's heading
