"""One DRF router for the whole API; each app registers its viewsets in its `api.py`."""

from importlib import import_module

from rest_framework.routers import DefaultRouter


class Router(DefaultRouter):
    """Ids in URLs are digits the database can store: `/api/tasks/AAA/` and an id of twenty
    digits are a 404 at the resolver, not a ValueError or an overflow (a 500) in the query."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        if getattr(viewset, "lookup_field", "pk") in ("pk", "id") and not hasattr(
            viewset, "lookup_value_regex"
        ):
            viewset.lookup_value_regex = r"[0-9]{1,18}"
        return super().get_lookup_regex(viewset, lookup_prefix)


router = Router()
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
