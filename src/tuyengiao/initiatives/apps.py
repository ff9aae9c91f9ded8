from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class InitiativesConfig(AppConfig):
    name = "tuyengiao.initiatives"
    label = "initiatives"
    verbose_name = pgettext_lazy("app", "Initiatives")  # the admin's heading

    def ready(self):
        registry.urls(self, "initiatives/")
        registry.api(self)
        registry.menu(self, _("Initiatives"), "initiatives:list", order=70)
        registry.figures(self, order=80)
        registry.demo(self, after=["orgs"])
