from django.shortcuts import get_object_or_404
from django.urls import path
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from tuyengiao.orgs.models import OrgUnit

from . import services
from .filters import TrainingClassFilter
from .models import TrainingClass, TrainingKind


class TrainingKindSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingKind
        fields = ["code", "name", "decimals", "rounding"]


class TrainingClassSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = TrainingClass
        fields = [
            "id",
            "name",
            "kind",
            "unit",
            "start_date",
            "end_date",
            "place",
            "target_group",
            "planned",
            "attended",
            "completed",
            "excellent",
            "good",
            "passed",
            "failed",
            "illustrative",
        ]


class TrainingKindViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TrainingKindSerializer
    queryset = TrainingKind.objects.all()
    lookup_field = "code"
    pagination_class = None


class TrainingClassViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TrainingClassSerializer
    filterset_class = TrainingClassFilter

    def get_queryset(self):
        return TrainingClass.objects.visible_to(self.request.user).select_related("kind", "unit")


@api_view(["GET"])
def summary(request):
    """GET /api/training/summary/?unit=QU-Q1&year=2022: totals and rate per kind."""
    try:
        year = int(request.query_params.get("year", ""))
    except ValueError as exc:
        raise ValidationError({"year": "Năm phải là số nguyên, ví dụ 2022."}) from exc
    unit = get_object_or_404(
        OrgUnit.objects.visible_to(request.user), code=request.query_params.get("unit", "")
    )
    classes = TrainingClass.objects.visible_to(request.user).in_subtree(unit)
    totals = services.yearly_totals(classes, year)
    return Response(
        {
            "unit": unit.code,
            "year": year,
            "kinds": [
                {
                    "kind": t.kind.code,
                    "name": t.kind.name,
                    "classes": t.classes,
                    "planned": t.planned,
                    "attended": t.attended,
                    "completed": t.completed,
                    "rate": None if t.rate is None else str(t.rate),
                }
                for t in totals
            ],
        }
    )


def register(router):
    router.register("training/kinds", TrainingKindViewSet, basename="training-kind")
    router.register("training/classes", TrainingClassViewSet, basename="training-class")


urlpatterns = [path("training/summary/", summary, name="api-training-summary")]
