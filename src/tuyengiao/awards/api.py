"""Commendations with their recipients and counts, same scope as the pages."""

from rest_framework import serializers, viewsets

from .filters import CommendationFilter
from .models import Commendation, Recipient


class RecipientSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind = serializers.CharField(read_only=True)

    class Meta:
        model = Recipient
        fields = ["kind", "unit", "name", "title", "unit_name", "reason", "illustrative"]


class CommendationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    decision = serializers.SlugRelatedField(slug_field="number_text", read_only=True)
    collectives = serializers.IntegerField(source="n_collectives", read_only=True)
    individuals = serializers.IntegerField(source="n_individuals", read_only=True)
    recipients = RecipientSerializer(many=True, read_only=True)

    class Meta:
        model = Commendation
        fields = [
            "id",
            "name",
            "year",
            "unit",
            "decision",
            "conferred_on",
            "collectives",
            "individuals",
            "recipients",
        ]


class CommendationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CommendationSerializer
    filterset_class = CommendationFilter

    def get_queryset(self):
        return (
            Commendation.objects.visible_to(self.request.user)
            .with_counts()
            .select_related("unit", "decision")
            .prefetch_related("recipients__unit")
            .order_by("-year", "name", "id")
        )


def register(router):
    router.register("commendations", CommendationViewSet, basename="commendation")
