from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class TrainingConfig(AppConfig):
    name = "tuyengiao.training"
    label = "training"
    verbose_name = pgettext_lazy("app", "Training")  # the admin's heading

    def ready(self):
        registry.urls(self, "training/")
        registry.api(self)
        registry.menu(self, _("Training"), "training:list", order=50)
        registry.figures(self, order=60)
        registry.demo(self, after=["orgs"])
