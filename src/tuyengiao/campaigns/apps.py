from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class CampaignsConfig(AppConfig):
    name = "tuyengiao.campaigns"
    label = "campaigns"
    verbose_name = pgettext_lazy("app", "Study campaigns")  # the admin's heading

    def ready(self):
        registry.urls(self, "campaigns/")
        registry.api(self)
        registry.menu(self, _("Study campaigns"), "campaigns:list", order=40)
        # The report's study table (rate by unit) comes from here too.
        registry.figures(self, order=20, tables={"study": "figures.study_table"})
        registry.demo(self, after=["documents", "reporting"])

        from tuyengiao.reporting import collections

        from .services import describe_collection

        collections.register(describe_collection)
