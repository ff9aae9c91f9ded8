from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.registry import registry


class NotificationsConfig(AppConfig):
    name = "tuyengiao.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        registry.urls(self, "notifications/")

        from . import receivers  # noqa: F401  (connects the audit-event receiver)
