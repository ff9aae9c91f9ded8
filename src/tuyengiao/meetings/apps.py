from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MeetingsConfig(AppConfig):
    name = "tuyengiao.meetings"
    label = "meetings"
    verbose_name = pgettext_lazy("app", "Conferences and tasks")  # the admin's heading
