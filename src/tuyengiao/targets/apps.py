from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "tuyengiao.targets"
    label = "targets"
