from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.core.catalogues import OwnedCatalogueAdmin

from .models import Document, DocumentLink, DocumentType, Issuer


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


@admin.register(DocumentLink)
class DocumentLinkAdmin(SimpleHistoryAdmin):
    list_display = ["source", "kind", "target"]
    raw_id_fields = ["source", "target"]
