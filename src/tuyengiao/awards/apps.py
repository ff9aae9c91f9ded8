from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AwardsConfig(AppConfig):
    name = "tuyengiao.awards"
    label = "awards"
    verbose_name = pgettext_lazy("app", "Commendations")  # the admin's heading
