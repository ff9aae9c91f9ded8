from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "tuyengiao.initiatives"
    label = "initiatives"
