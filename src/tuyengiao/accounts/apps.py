from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AccountsConfig(AppConfig):
    name = "tuyengiao.accounts"
    label = "accounts"
    verbose_name = pgettext_lazy("app", "Accounts")  # the admin's heading

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
