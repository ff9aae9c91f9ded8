from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OutreachConfig(AppConfig):
    name = "tuyengiao.outreach"
    label = "outreach"
    verbose_name = pgettext_lazy("app", "Online outreach")  # the admin's heading
