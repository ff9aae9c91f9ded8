from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import confirm, records, xlsx
from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access

from . import imports, services
from .choices import Classification
from .filters import DocumentFilter
from .forms import DocumentForm, ImportForm, LinkForm
from .graph import document_graph
from .models import Document, DocumentLink, is_cleared


def _visible(request, action=access.VIEW):
    return (
        Document.objects.visible_to(request.user, action)
        .with_titles_for(request.user)
        .select_related("issuing_unit", "doc_type")
    )


def _get(request, pk, action=access.VIEW) -> Document:
    return get_object_or_404(_visible(request, action), pk=pk)


class DocumentView:
    model = Document
    unit_field = "issuing_unit"  # a central document (no unit) is changed by the superuser

    def get_queryset(self, action=None):
        return _visible(self.request, action or self.action)


class Register(DocumentView, records.RecordList):
    """The register: filters, counts by year and type, the page; `export` downloads it."""

    filterset_class = DocumentFilter
    template_name = "documents/list.html"
    export_filename = "so-van-ban.xlsx"

    def extra_context(self, documents):
        return {
            "counts": services.counts_by_year_and_type(documents.order_by()),
            "years": services.counts_by_year(
                documents.order_by(),
                own=access.unit_q(self.request.user, access.VIEW, "issuing_unit"),
            ),
        }

    def export(self, documents):
        if job := background_export(self.request, documents):
            return redirect(job)
        return xlsx.attachment(register_xlsx(documents), self.export_filename)


def register_queryset(request):
    return DocumentFilter(request.GET, queryset=_visible(request), request=request).qs


HIDDEN_TITLE = "(Văn bản mật — trích yếu không hiển thị)"
CLASSIFICATION_VI = {
    Classification.ORDINARY: "Thường",
    Classification.CONFIDENTIAL: "Mật",
    Classification.SECRET: "Tối mật",
    Classification.TOP_SECRET: "Tuyệt mật",
}
# The columns the import reads back.
REGISTER_COLUMNS = [
    Column("Số, ký hiệu", 16, "number_text"),
    Column("Ngày ban hành", 14, "signed_on"),
    Column("Trích yếu", 70, lambda d: d.shown_title or HIDDEN_TITLE),
    Column("Loại", 16, lambda d: d.doc_type.name if d.doc_type else d.type_code),
    Column("Độ mật", 10, lambda d: CLASSIFICATION_VI[d.classification]),
    Column(
        "Đơn vị ban hành", 30, lambda d: d.issuing_unit.name if d.issuing_unit else "Trung ương"
    ),
    Column("Ngày vào sổ", 14, "registered_on"),
    Column("Dữ liệu minh họa", 10, lambda d: "x" if d.illustrative else ""),
]


def register_xlsx(documents) -> bytes:
    """The register as .xlsx; `documents` carry `shown_title` (with_titles_for the reader)."""
    rows = documents.select_related("doc_type", "issuing_unit").iterator()
    book = xlsx.records_workbook("Sổ văn bản", REGISTER_COLUMNS, rows, wrap=False)
    return xlsx.workbook_bytes(book)


class DocumentDetail(DocumentView, records.RecordDetail):
    template_name = "documents/detail.html"
    context_object_name = "document"

    def extra_context(self, document):
        return {
            "graph": document_graph(document, self.request.user),
            "link_form": LinkForm(),
            "cleared": is_cleared(self.request.user),
        }


class DocumentEdit(DocumentView, records.RecordEdit):
    """Register (no pk; a page hidden, 404, from who may change nothing) or edit a document.
    The service's warnings (a number out of sequence …) are shown after saving."""

    form_class = DocumentForm
    template_name = "documents/form.html"
    context_object_name = "document"
    create_denied = Http404

    def get_form_kwargs(self, document):
        if document is None:
            return {"user": self.request.user}
        initial = {
            "number_text": document.number_text,
            "signed_on": document.signed_on,
            "registered_on": document.registered_on,
            "title": document.title_for(self.request.user),
            "classification": document.classification,
        }
        return {"user": self.request.user, "document": document, "initial": initial}

    def save(self, form, document):
        data = form.cleaned_data
        if document is None:
            document, warnings = services.register_document(
                actor=self.request.user,
                number_text=data["number_text"],
                signed_on=data["signed_on"],
                title=data["title"],
                issuing_unit=data["issuing_unit"],
                classification=data["classification"],
                file=data.get("file"),
                registered_on=data.get("registered_on"),
            )
        else:
            warnings = services.update_document(
                document,
                actor=self.request.user,
                number_text=data["number_text"],
                signed_on=data["signed_on"],
                title=data.get("title"),  # absent: a classified title the user may not read
                classification=data["classification"],
                file=data.get("file"),
                remove_file=data.get("remove_file", False),
                reason=data.get("lowering_reason", ""),
                registered_on=data.get("registered_on"),
            )
        for warning in warnings:
            messages.warning(self.request, warning)
        return document

    def success_url(self, document):
        return reverse("documents:detail", args=[document.pk])

    def get_success_message(self, document):
        if self.kwargs.get("pk") is None:
            return _("Document %(number)s registered.") % {"number": document}
        return _("Document %(number)s saved.") % {"number": document}


@login_required
def download(request, pk):
    document = _get(request, pk)
    if not document.file or document.is_classified:
        raise Http404
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file_name)


@login_required
@require_POST
def add_link(request, pk):
    document = _get(request, pk, access.CHANGE)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            parsed = services.parse(form.cleaned_data["target"])
            targets = list(_visible(request).filter(number_text=parsed.text).exclude(pk=pk)[:2])
            if not targets:
                raise DomainError(
                    f"Không tìm thấy văn bản số «{parsed.text}» trong sổ văn bản bạn xem được.",
                    field="target",
                )
            if len(targets) > 1:
                raise DomainError(
                    f"Có nhiều văn bản cùng số «{parsed.text}»; hãy liên kết từ trang văn bản "
                    "của đơn vị cụ thể.",
                    field="target",
                )
            services.link_documents(
                actor=request.user,
                source=document,
                target=targets[0],
                kind=form.cleaned_data["kind"],
            )
            messages.success(request, _("Link added."))
        except DomainError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Choose a relation and type the linked document's number."))
    return redirect("documents:detail", document.pk)


def _remove_link_question(request, pk, link_pk):
    _get(request, pk, access.CHANGE)
    get_object_or_404(DocumentLink.objects.visible_to(request.user), pk=link_pk)
    return _("Remove this link between the two documents? The documents themselves stay.")


@login_required
@require_POST
@confirm.asks(_remove_link_question)
def remove_link(request, pk, link_pk):
    document = _get(request, pk, access.CHANGE)
    link = get_object_or_404(DocumentLink.objects.visible_to(request.user), pk=link_pk)
    if document.pk not in (link.source_id, link.target_id):
        raise Http404
    try:
        services.unlink_documents(actor=request.user, link=link)
        messages.success(request, _("Link removed."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("documents:detail", document.pk)


def background_export(request, documents):
    from tuyengiao.notifications import jobs

    if documents.count() <= settings.BACKGROUND_EXPORT_ROWS:
        return None
    query = request.GET.urlencode()
    title = "Xuất sổ văn bản ra Excel"
    return jobs.start("register_export", title, user=request.user, params={"query": query})


def background_import(request, data):
    from tuyengiao.notifications.imports import start_if_large

    unit = data["issuing_unit"]
    title = f"Nhập sổ văn bản «{data['file'].name}» — {unit.name}"
    return start_if_large(
        "register_import", data["file"], user=request.user, title=title, unit=unit
    )


@login_required
def import_register(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors = []
    if request.method == "POST" and form.is_valid():
        if job := background_import(request, form.cleaned_data):
            return redirect(job)
        try:
            result = imports.import_register(
                actor=request.user,
                upload=form.cleaned_data["file"],
                issuing_unit=form.cleaned_data["issuing_unit"],
            )
        except ValidationFailed as exc:
            form.add_error(None, exc.message)
            errors = exc.errors
        except DomainError as exc:
            form.add_error("file" if exc.field == "file" else None, exc.message)
        else:
            for warning in result.warnings[:20]:
                messages.warning(request, warning)
            messages.success(
                request, _("%(count)s documents imported.") % {"count": result.created}
            )
            unit = form.cleaned_data["issuing_unit"].code
            return redirect(f"{reverse('documents:list')}?issuing_unit={unit}")
    status = 400 if request.method == "POST" else 200
    return render(request, "documents/import.html", {"form": form, "errors": errors}, status=status)


@login_required
def parse_preview(request):
    """The parsed number under the field as the user types (htmx)."""
    text = request.GET.get("number_text", "")
    context = {"text": text}
    if text.strip():
        try:
            parsed = services.parse(text)
            context.update(parsed=parsed, type_name=services.known_types().get(parsed.type_code))
        except DomainError as exc:
            context["error"] = exc.message
    return render(request, "documents/_parse_preview.html", context)
