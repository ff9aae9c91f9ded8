from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuyengiao.core.registry import registry


class AccountsConfig(AppConfig):
    name = "tuyengiao.accounts"
    label = "accounts"
    verbose_name = pgettext_lazy("app", "Accounts")  # the admin's heading

    def ready(self):
        registry.urls(self, "accounts/")
        registry.api(self)  # POST token/: same lockout as the login page, tokens expire
        registry.menu(self, _("Users"), "accounts:list", order=140, action="admin")
        registry.demo(self, after=["orgs"], summary="demo.summary")

        from . import signals  # noqa: F401  (connects the receivers)
