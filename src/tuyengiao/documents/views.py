from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.orgs import access

from . import exports, imports, services
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


@login_required
def register(request):
    filters = DocumentFilter(request.GET, queryset=_visible(request), request=request)
    documents = filters.qs
    counts = services.counts_by_year_and_type(documents.order_by())
    years = services.counts_by_year(
        documents.order_by(), own=access.unit_q(request.user, access.VIEW, "issuing_unit")
    )
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/list.html",
        {
            "filter": filters,
            "page": page,
            "years": years,
            "counts": counts,
            "query": query.urlencode(),
            "can_change": access.has_role_action(request.user, access.CHANGE),
        },
    )


def register_queryset(request):
    return DocumentFilter(request.GET, queryset=_visible(request), request=request).qs


@login_required
def export(request):
    documents = register_queryset(request)
    if job := background_export(request, documents):
        return redirect(job)
    response = HttpResponse(
        exports.register_xlsx(documents),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="so-van-ban.xlsx"'
    return response


@login_required
def detail(request, pk):
    document = _get(request, pk)
    can_change = access.can(request.user, access.CHANGE, document.issuing_unit) if (
        document.issuing_unit
    ) else request.user.is_superuser  # fmt: skip
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "graph": document_graph(document, request.user),
            "can_change": can_change,
            "link_form": LinkForm(),
            "cleared": is_cleared(request.user),
        },
    )


def _save_form(request, form, document=None):
    """Call the service; put its DomainError on the field it names."""
    data = form.cleaned_data
    try:
        if document is None:
            document, warnings = services.register_document(
                actor=request.user,
                number_text=data["number_text"],
                signed_on=data["signed_on"],
                title=data["title"],
                issuing_unit=data["issuing_unit"],
                classification=data["classification"],
                file=data.get("file"),
            )
        else:
            warnings = services.update_document(
                document,
                actor=request.user,
                number_text=data["number_text"],
                signed_on=data["signed_on"],
                title=data.get("title"),  # absent: a classified title the user may not read
                classification=data["classification"],
                file=data.get("file"),
                remove_file=data.get("remove_file", False),
                reason=data.get("lowering_reason", ""),
            )
    except DomainError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None
    for warning in warnings:
        messages.warning(request, warning)
    return document


@login_required
def create(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Http404
    form = DocumentForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        document = _save_form(request, form)
        if document is not None:
            messages.success(request, _("Document %(number)s registered.") % {"number": document})
            return redirect("documents:detail", document.pk)
    return render(request, "documents/form.html", {"form": form, "document": None})


@login_required
def edit(request, pk):
    document = _get(request, pk, access.CHANGE)
    initial = {
        "number_text": document.number_text,
        "signed_on": document.signed_on,
        "title": document.title_for(request.user),
        "classification": document.classification,
    }
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        document=document,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        if _save_form(request, form, document) is not None:
            messages.success(request, _("Document %(number)s saved.") % {"number": document})
            return redirect("documents:detail", document.pk)
    return render(request, "documents/form.html", {"form": form, "document": document})


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


@login_required
@require_POST
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
