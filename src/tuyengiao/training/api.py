from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from tuyengiao.core import bounds
from tuyengiao.orgs.models import OrgUnit

from . import services
from .filters import TrainingClassFilter
from .models import TrainingClass, TrainingKind


class TrainingKindSerializer(serializers.ModelSerializer):
    # The unit that defined the kind (null: the system's); only its administrators change it.
    owner = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = TrainingKind
        fields = ["code", "name", "decimals", "rounding", "owner"]


class TrainingClassSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", queryset=TrainingKind.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all())

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
        read_only_fields = ["illustrative"]
        # The rules between fields and the unique checks are the service's.
        validators = []


class TrainingKindViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TrainingKindSerializer
    queryset = TrainingKind.objects.select_related("owner")
    lookup_field = "code"
    pagination_class = None


class TrainingClassViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Read within the user's units; create and edit through the same service as the pages
    (its Vietnamese refusals become 400/403 answers in core.api_errors)."""

    serializer_class = TrainingClassSerializer
    filterset_class = TrainingClassFilter

    def get_queryset(self):
        return TrainingClass.objects.visible_to(self.request.user).select_related("kind", "unit")

    def perform_create(self, serializer):
        serializer.instance = services.create_class(
            actor=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.update_class(
            serializer.instance, actor=self.request.user, **serializer.validated_data
        )


@extend_schema(
    parameters=[
        OpenApiParameter("unit", str, required=True, description="Mã đơn vị, ví dụ QU-Q1"),
        OpenApiParameter("year", int, required=True, description="Năm, ví dụ 2022"),
    ],
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def summary(request):
    """GET /api/training/summary/?unit=QU-Q1&year=2022: totals and rate per kind."""
    year = bounds.parse_year(request.query_params.get("year", ""))  # a 400 naming the range
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
