from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class MeetingsConfig(AppConfig):
    name = "tuyengiao.meetings"
    label = "meetings"
    verbose_name = pgettext_lazy("app", "Conferences and tasks")  # the admin's heading

    def ready(self):
        registry.urls(self, "meetings/")
        registry.api(self)
        registry.menu(self, _("Conferences"), "meetings:list", order=80)
        registry.menu(self, _("Tasks"), "meetings:tasks", order=90)
        registry.home_panel(self, "panels.my_tasks", order=30)
        registry.home_panel(self, "panels.overdue_tasks", order=31)
        registry.figures(self, order=30)
        registry.demo(self, after=["orgs"])
