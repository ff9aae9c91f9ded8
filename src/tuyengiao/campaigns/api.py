from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound

from tuyengiao.documents.models import Document

from . import services
from .figures import campaign_figures
from .models import StudyCampaign


class CampaignSerializer(serializers.ModelSerializer):
    organising_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    target_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    form = serializers.SlugRelatedField(slug_field="code", read_only=True)
    period = serializers.SlugRelatedField(slug_field="code", read_only=True)
    documents = serializers.SerializerMethodField()
    figures = serializers.SerializerMethodField()

    class Meta:
        model = StudyCampaign
        fields = [
            "code",
            "name",
            "organising_unit",
            "target_unit",
            "target_kind",
            "starts_on",
            "ends_on",
            "form",
            "period",
            "illustrative",
            "documents",
            "figures",
        ]

    def get_documents(self, campaign) -> list[str]:
        user = self.context["request"].user
        visible = Document.objects.visible_to(user).filter(pk__in=campaign.documents.values("pk"))
        return list(visible.values_list("number_text", flat=True))

    def get_figures(self, campaign) -> dict:
        """Figures of the unit the user may see (the target unit, or the user's own)."""
        if self.context.get("view") and self.context["view"].action == "list":
            return {}
        request = self.context["request"]
        root = services.root_for(request.user, campaign, request.query_params.get("unit"))
        if root is None:
            raise NotFound
        return {
            "unit": root.code,
            "figures": [f.as_json() for f in campaign_figures(campaign, root)],
        }


class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CampaignSerializer
    lookup_field = "code"

    def get_queryset(self):
        return StudyCampaign.objects.visible_to(self.request.user).select_related(
            "organising_unit", "target_unit", "form", "period"
        )


def register(router):
    router.register("campaigns", CampaignViewSet, basename="campaign")
