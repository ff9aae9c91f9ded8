"""One DRF router for the whole API; each app registered in core.registry has an `api.py`
whose `register(router)` adds its viewsets (and whose `urlpatterns`, if any, come first)."""

from importlib import import_module

from rest_framework.routers import DefaultRouter

from .registry import registry


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
extra_urls = []
for name in registry.api_modules:
    module = import_module(name)
    module.register(router)
    extra_urls += getattr(module, "urlpatterns", [])

urlpatterns = [*extra_urls, *router.urls]
