from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    name = "tuyengiao.core"
    label = "core"
    verbose_name = pgettext_lazy("app", "System")  # the admin's heading

    def ready(self):
        from django.core import checks

        from .registry import registry, registry_check

        registry.menu(self, _("Home"), "home", order=0)
        checks.register(registry_check)
