from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    label = "orgs"
    verbose_name = pgettext_lazy("app", "Units")  # the admin's heading

    def ready(self):
        # The record-page kit (core.records) asks the access rule next to the unit tree.
        from tuyengiao.core import records

        from . import access

        records.use_access(access)
        registry.urls(self, "units/")
        registry.api(self)
        registry.menu(self, _("Units"), "orgs:tree", order=10)
        registry.home_panel(self, "panels.my_units", order=10)
        registry.demo(self, summary="demo.summary")
        # The audit trail's page: its rows are scoped by the unit tree (ADR 0001).
        registry.urls(self, "audit/", "audit_urls")
        registry.menu(self, _("Audit log"), "audit:list", order=130)
        # The menu shows an entry to whoever holds its action somewhere: the unit tree's rule.
        registry.menu_rule = access.has_role_action
