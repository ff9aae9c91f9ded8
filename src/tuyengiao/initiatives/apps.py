from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class InitiativesConfig(AppConfig):
    name = "tuyengiao.initiatives"
    label = "initiatives"
    verbose_name = pgettext_lazy("app", "Initiatives")  # the admin's heading
