from rest_framework import serializers, viewsets

from .filters import InitiativeFilter
from .models import Assessment, Initiative


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = ["year", "status", "text"]


class InitiativeSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    assessments = AssessmentSerializer(many=True, read_only=True)

    class Meta:
        model = Initiative
        fields = ["id", "name", "unit", "start_year", "end_year", "description", "assessments"]


class InitiativeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        return (
            Initiative.objects.visible_to(self.request.user)
            .select_related("unit")
            .prefetch_related("assessments")
        )


def register(router):
    router.register("initiatives", InitiativeViewSet, basename="initiative")
