from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class AwardsConfig(AppConfig):
    name = "tuyengiao.awards"
    label = "awards"
    verbose_name = pgettext_lazy("app", "Commendations")  # the admin's heading

    def ready(self):
        registry.urls(self, "awards/")
        registry.api(self)
        registry.menu(self, _("Commendations"), "awards:list", order=100)
        registry.figures(self, order=40)
        registry.demo(self, after=["documents"])
