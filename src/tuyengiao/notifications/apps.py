from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tuyengiao.notifications"
    label = "notifications"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the audit-event receiver)
