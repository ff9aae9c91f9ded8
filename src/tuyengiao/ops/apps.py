from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the system: the health endpoint and the request log (docs/operations.md)."""

    name = "tuyengiao.ops"
    label = "ops"
    verbose_name = _("Operations")
