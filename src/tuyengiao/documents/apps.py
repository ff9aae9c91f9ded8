from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class DocumentsConfig(AppConfig):
    name = "tuyengiao.documents"
    label = "documents"
    verbose_name = pgettext_lazy("app", "Documents")  # the admin's heading

    def ready(self):
        registry.urls(self, "documents/")
        registry.api(self)
        registry.menu(self, _("Documents"), "documents:list", order=30)
        registry.figures(self, order=10)
        registry.demo(self, after=["orgs"])
