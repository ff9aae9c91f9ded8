from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    label = "orgs"
    verbose_name = pgettext_lazy("app", "Units")  # the admin's heading
