from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "tuyengiao.outreach"
    label = "outreach"
