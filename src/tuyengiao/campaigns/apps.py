from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "tuyengiao.campaigns"
    label = "campaigns"
