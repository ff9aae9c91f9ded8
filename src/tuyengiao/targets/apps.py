from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class TargetsConfig(AppConfig):
    name = "tuyengiao.targets"
    label = "targets"
    verbose_name = pgettext_lazy("app", "Term targets")  # the admin's heading

    def ready(self):
        registry.urls(self, "targets/")
        registry.api(self)
        registry.menu(self, _("Targets"), "targets:list", order=110)
        registry.figures(self, order=50)
        registry.demo(self, after=["reporting"])
