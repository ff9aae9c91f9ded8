from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    label = "orgs"
    verbose_name = pgettext_lazy("app", "Units")  # the admin's heading

    def ready(self):
        # The record-page kit (core.records) asks the access rule next to the unit tree.
        from tuyengiao.core import access, records

        records.use_access(access)
