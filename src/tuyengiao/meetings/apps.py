from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "tuyengiao.meetings"
    label = "meetings"
