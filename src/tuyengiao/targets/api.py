"""Terms and targets with their measured yearly values, same scope and numbers as the pages."""

from rest_framework import serializers, viewsets

from . import services
from .filters import TargetFilter
from .models import Target, Term


class TermSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Term
        fields = ["id", "unit", "name", "start_year", "end_year", "midterm_year"]


class TargetSerializer(serializers.ModelSerializer):
    indicator = serializers.SerializerMethodField()
    target = serializers.SerializerMethodField()
    values = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = [
            "id",
            "term",
            "order",
            "text",
            "indicator",
            "comparison",
            "target_value",
            "target",
            "values",
        ]

    def get_indicator(self, target) -> str | None:
        if target.indicator is None:
            return None
        return f"{target.indicator.form.code}.{target.indicator.code}"

    def get_target(self, target) -> str:
        return target.comparison_display

    def get_values(self, target) -> list[dict]:
        measurer = self.context.setdefault("measurer", services.Measurer())
        return [
            {
                "year": m.year,
                "value": None if m.value is None else str(m.value),
                "display": m.display,
                "status": m.status,
            }
            for m in measurer.row(target, target.term.years)
        ]


class TermViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TermSerializer

    def get_queryset(self):
        return Term.objects.visible_to(self.request.user).select_related("unit")


class TargetViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TargetSerializer
    filterset_class = TargetFilter

    def get_queryset(self):
        return (
            Target.objects.visible_to(self.request.user)
            .select_related("term__unit", "indicator__form")
            .prefetch_related("manual_values")
        )


def register(router):
    router.register("terms", TermViewSet, basename="term")
    router.register("targets", TargetViewSet, basename="target")
