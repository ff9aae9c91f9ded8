from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "tuyengiao.campaigns"
    label = "campaigns"

    def ready(self):
        from tuyengiao.reporting import collections

        from .services import describe_collection

        collections.register(describe_collection)
