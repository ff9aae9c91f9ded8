from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CampaignsConfig(AppConfig):
    name = "tuyengiao.campaigns"
    label = "campaigns"
    verbose_name = pgettext_lazy("app", "Study campaigns")  # the admin's heading

    def ready(self):
        from tuyengiao.reporting import collections

        from .services import describe_collection

        collections.register(describe_collection)
