from django.db.models import Prefetch
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from tuyengiao.orgs import access

from . import services
from .choices import LinkKind
from .filters import DocumentFilter
from .models import Document, DocumentLink


class DocumentSerializer(serializers.ModelSerializer):
    # Never `title`: a classified title is "" for users without clearance.
    title = serializers.CharField(source="shown_title", read_only=True)
    issuing_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    issuers = serializers.SerializerMethodField()
    implements = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "number_text",
            "sequence",
            "sequence_text",
            "type_code",
            "issuers",
            "issuing_unit",
            "signed_on",
            "registered_on",
            "term_start_year",
            "title",
            "classification",
            "illustrative",
            "implements",
        ]

    def get_issuers(self, document) -> list[str]:
        return document.issuer_codes.split("-")

    def get_implements(self, document) -> list[str]:
        return [link.target.number_text for link in document.visible_links_out]


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter

    def get_queryset(self):
        user = self.request.user
        return (
            Document.objects.visible_to(user, access.VIEW)
            .with_titles_for(user)
            .select_related("issuing_unit")
            .prefetch_related(
                Prefetch(
                    "links_out",
                    queryset=DocumentLink.objects.filter(
                        kind=LinkKind.IMPLEMENTS,
                        target__in=Document.objects.visible_to(user),
                    ).select_related("target"),
                    to_attr="visible_links_out",
                )
            )
        )


@extend_schema(
    parameters=[OpenApiParameter("number", str, description="Số, ký hiệu, ví dụ 05-KH/QU")],
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def parse(request):
    """GET /api/documents/parse/?number=05-KH/QU — the parser, as the command prints it."""
    # A DomainError becomes a 400 {"detail", "errors"} (core.api_errors).
    return Response(services.parse_summary(request.query_params.get("number", "")))


def register(router):
    router.register("documents", DocumentViewSet, basename="document")


urlpatterns = [path("documents/parse/", parse, name="api-documents-parse")]
