"""One DRF router for the whole API; each app registers its viewsets in its `api.py`."""

from importlib import import_module

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
API_MODULES = [
    "tuyengiao.orgs.api",
    "tuyengiao.reporting.api",
    "tuyengiao.documents.api",
    "tuyengiao.campaigns.api",
    "tuyengiao.training.api",
    "tuyengiao.outreach.api",
    "tuyengiao.initiatives.api",
    "tuyengiao.meetings.api",
    "tuyengiao.awards.api",
    "tuyengiao.targets.api",
    "tuyengiao.reports.api",
    "tuyengiao.accounts.api",  # POST token/: same lockout as the login page, tokens expire
]
extra_urls = []
for name in API_MODULES:
    try:
        module = import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        continue
    module.register(router)
    extra_urls += getattr(module, "urlpatterns", [])

urlpatterns = [*extra_urls, *router.urls]
