from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    name = "tuyengiao.core"
    label = "core"
    verbose_name = pgettext_lazy("app", "System")  # the admin's heading
