from rest_framework import serializers, viewsets

from .models import OrgUnit


class OrgUnitSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()

    class Meta:
        model = OrgUnit
        fields = ["code", "name", "short_name", "kind", "valid_from", "valid_to", "parent", "depth"]

    def get_parent(self, unit) -> str | None:
        parent = unit.get_parent()
        return parent.code if parent else None


class OrgUnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrgUnitSerializer
    lookup_field = "code"
    filterset_fields = ["kind"]

    def get_queryset(self):
        units = OrgUnit.objects.visible_to(self.request.user).vi_ordered()
        query = self.request.query_params.get("q")
        return units.search(query) if query else units


def register(router):
    router.register("units", OrgUnitViewSet, basename="unit")
