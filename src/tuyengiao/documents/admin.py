from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.orgs.catalogues import OwnedCatalogueAdmin

from .models import Document, DocumentLink, DocumentType, Issuer, is_cleared


@admin.register(DocumentType)
class DocumentTypeAdmin(OwnedCatalogueAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "owner"]
    search_fields = ["code", "name"]


@admin.register(Issuer)
class IssuerAdmin(OwnedCatalogueAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "owner"]
    search_fields = ["code", "name"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["number_text", "signed_on", "issuing_unit", "classification", "illustrative"]
    list_filter = ["classification", "type_code", "illustrative"]
    search_fields = ["number_text"]
    raw_id_fields = ["issuing_unit"]

    def get_exclude(self, request, obj=None):
        """Staff without clearance edit a classified document's other fields, not its title."""
        exclude = list(super().get_exclude(request, obj) or [])
        if obj is not None and obj.is_classified and not is_cleared(request.user):
            exclude.append("title")
        return exclude

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A past version shows every field, the title included.
        if not is_cleared(request.user):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(DocumentLink)
class DocumentLinkAdmin(SimpleHistoryAdmin):
    list_display = ["source", "kind", "target"]
    raw_id_fields = ["source", "target"]
