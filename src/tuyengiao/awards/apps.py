from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "tuyengiao.awards"
    label = "awards"
