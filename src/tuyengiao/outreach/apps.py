from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class OutreachConfig(AppConfig):
    name = "tuyengiao.outreach"
    label = "outreach"
    verbose_name = pgettext_lazy("app", "Online outreach")  # the admin's heading

    def ready(self):
        registry.urls(self, "outreach/")
        registry.api(self)
        registry.menu(self, _("Outreach"), "outreach:list", order=60)
        registry.figures(self, order=70)
        registry.demo(self, after=["orgs"])
