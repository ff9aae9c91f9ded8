"""The record-page kit: list, detail, create/edit, add-an-item and remove views that a domain
app configures in a few lines (docs/new-model-checklist.md).

Every record comes from `Model.objects.visible_to(user, action)`, so a sibling unit's record is
a 404 and a list never shows what the user may not see; the work is done by the app's service
verbs, whose `DomainError`s land on the form field they name (`add_errors`, the one helper).
The templates are the app's own (its table, its print layout); the partials they share live in
core/templates/core/records/ (filter bar with the Excel link, pager, field, errors, remove
button with its confirm dialog). Query strings are Django's `{% querystring %}`.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views import View

from . import confirm, undo, xlsx
from .errors import DomainError
from .forms import style
from .search import words_q

PAGE_SIZE = 50
# The access rule's actions (they are its names: orgs' AppConfig checks it when it registers).
VIEW, CHANGE = "view", "change"


# --- the access rule --------------------------------------------------------------------------
class _Rule:
    """The access rule, registered by the app that owns it (`use_access`): core knows no
    domain app, the unit tree and its rule included."""

    rule = None

    def __getattr__(self, name):
        if self.rule is None:
            raise RuntimeError("core.records: no access rule registered (records.use_access)")
        return getattr(self.rule, name)


access = _Rule()


def use_access(rule) -> None:
    """`rule` offers can(user, action, unit) and has_role_action(user, action)."""
    if (rule.VIEW, rule.CHANGE) != (VIEW, CHANGE):
        raise ValueError("core.records: the access rule names its actions differently")
    access.rule = rule


# --- filters ----------------------------------------------------------------------------------
class StyledFilterSet(django_filters.FilterSet):
    """A list's filter bar styled like the forms (core.forms.style): the kit's base."""

    @property
    def form(self):
        return style(super().form)


def search_filter(queryset, name, value):
    """`CharFilter(method=search_filter)`: every word, any order, no accents, in
    `search_text`."""
    return queryset.filter(words_q(value, "search_text"))


# --- errors on forms --------------------------------------------------------------------------
def add_errors(form, error: DomainError) -> None:
    """Put a service's Vietnamese message(s) on the form: on the field it names when the form
    has that field, else above the form. `ValidationFailed` carries several at once."""
    errors = getattr(error, "errors", None) or {error.field: [error.message]}
    if isinstance(errors, list):
        errors = {None: errors}
    for field, texts in errors.items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)


def attempt(form, call: Callable):
    """Run a service verb: (True, its result), or (False, None) with its DomainError on
    the form."""
    try:
        return True, call()
    except DomainError as error:
        add_errors(form, error)
        return False, None


def paginate(request, records, size: int = PAGE_SIZE):
    """The page asked for; a page number out of range or not a number gives the nearest page."""
    return Paginator(records, size).get_page(request.GET.get("page"))


# --- the views --------------------------------------------------------------------------------
class RecordView(LoginRequiredMixin, View):
    """What every record page shares: the model, the scope and the template."""

    model = None
    template_name: str = ""
    select_related: tuple[str, ...] = ()
    action = VIEW  # the action the page's records are read for
    unit_field = "unit"  # where a record's unit is: who may change it

    def get_queryset(self, action=None):
        queryset = self.model.objects.visible_to(self.request.user, action or self.action)
        return queryset.select_related(*self.select_related) if self.select_related else queryset

    def get_object(self, action=None):
        return get_object_or_404(self.get_queryset(action), pk=self.kwargs["pk"])

    def unit_of(self, obj):
        return attrgetter(self.unit_field)(obj)

    def may_change(self, obj) -> bool:
        unit = self.unit_of(obj)
        if unit is None:  # a record of no unit (a central document): the superuser's
            return self.request.user.is_superuser
        return access.can(self.request.user, CHANGE, unit)

    def may_create(self) -> bool:
        return access.has_role_action(self.request.user, CHANGE)

    def render(self, context, status=200):
        return TemplateResponse(self.request, self.template_name, context, status=status)


class RecordList(RecordView):
    """A filtered, paginated list with its Excel export (`?export=xlsx`, the same filters).

    Set `filterset_class`, `template_name`, and for the export `export_columns`
    (`xlsx.Column`s), `export_filename`, `export_title` (or override `export(records)`).
    `records(qs)` orders or annotates the filtered queryset; `extra_context(records)` adds
    totals; `paginate_by = None` shows every record."""

    filterset_class = None
    paginate_by = PAGE_SIZE
    export_columns: list[xlsx.Column] = []
    export_filename = ""
    export_title = ""
    export_only = False  # `XList.as_view(export_only=True)`: a URL that only downloads

    def records(self, queryset):
        return queryset

    def extra_context(self, records) -> dict:
        return {}

    def export(self, records):
        book = xlsx.records_workbook(self.export_title, self.export_columns, records)
        return xlsx.attachment(book, self.export_filename)

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(
            request.GET, queryset=self.get_queryset(), request=request
        )
        records = self.records(self.filterset.qs)
        wants = self.export_only or request.GET.get("export") == "xlsx"
        if wants and (self.export_columns or self.export_filename):
            return self.export(records)
        return self.render(
            {
                "filter": self.filterset,
                "page": paginate(request, records, self.paginate_by)
                if self.paginate_by
                else records,
                "can_create": self.may_create(),
                **self.extra_context(records),
            }
        )


class RecordDetail(RecordView):
    """One record the user may see (404 otherwise), `can_change` for its unit.
    `context_object_name` names it in the template; `extra_context(obj)` adds the rest."""

    context_object_name = "object"

    def extra_context(self, obj) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return self.render(
            {
                "object": obj,
                self.context_object_name: obj,
                "can_change": self.may_change(obj),
                **self.extra_context(obj),
            }
        )


class RecordEdit(RecordView):
    """Create (no `pk` in the URL) or edit a record through a service verb.

    Set `form_class`, `template_name`, `success_message`, and `save(form, obj)` calling the
    verb (obj is None on create) and returning the saved record. Editing looks the record up
    among those the user may change (404 otherwise); creating needs the change right for some
    unit (`create_denied`, 403 unless the app hides the page with Http404)."""

    action = CHANGE
    form_class = None
    context_object_name = "object"
    success_message = ""
    create_denied = PermissionDenied
    # VIEW: look the record up among those the user sees, and answer 403 (not 404)
    # when it is visible but not theirs to change.
    lookup_action = None

    def get_object(self, action=None):
        if self.kwargs.get("pk") is None:
            if not self.may_create():
                raise self.create_denied
            return None
        obj = super().get_object(action or self.lookup_action)
        if self.lookup_action is not None and not self.may_change(obj):
            raise PermissionDenied
        return obj

    def get_form_kwargs(self, obj) -> dict:
        return {"instance": obj, "user": self.request.user}

    def get_form(self, obj):
        data = self.request.POST if self.request.method == "POST" else None
        files = self.request.FILES if self.request.method == "POST" else None
        return self.form_class(data, files, **self.get_form_kwargs(obj))

    def save(self, form, obj):
        raise NotImplementedError

    def success_url(self, saved) -> str:
        return saved.get_absolute_url()

    def get_success_message(self, saved) -> str:
        return str(self.success_message)

    def extra_context(self, obj) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        form = self.form = self.get_form(obj)
        if request.method == "POST" and form.is_valid():
            ok, saved = attempt(form, lambda: self.save(form, obj))
            if ok:
                if message := self.get_success_message(saved):
                    messages.success(request, message)
                return redirect(self.success_url(saved))
        return self.render(
            {
                "form": form,
                "object": obj,
                self.context_object_name: obj,
                **self.extra_context(obj),
            }
        )

    post = get


class ItemAdd(RecordView):
    """POST a small form from a record's page (a delegate, a recipient): the parent is looked
    up among records the user may change; errors come back as messages on the parent's page."""

    http_method_names = ["post"]
    action = CHANGE

    def get_form(self, parent):
        raise NotImplementedError

    def save(self, form, parent):
        raise NotImplementedError

    def message(self, form) -> str:
        raise NotImplementedError

    def next_url(self, parent) -> str:
        return parent.get_absolute_url()

    def post(self, request, *args, **kwargs):
        parent = self.get_object()
        form = self.get_form(parent)
        if form.is_valid() and attempt(form, lambda: self.save(form, parent))[0]:
            messages.success(request, self.message(form))
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(self.next_url(parent))


class RecordRemove(RecordView):
    """POST (behind the confirm dialog of core/records/_remove.html): the service removes the
    record, the confirmation offers «Hoàn tác» (core.undo) for 15 minutes.

    Set `undo_action` (registered with `undo.register`), `target(parent)` (the record to remove,
    looked up under the parent the user may change), `question(obj)` (the sentence of the
    button's data-confirm: without JavaScript the server asks it, core.confirm), `remove(obj)`
    calling the service and returning the undo payload, `message(obj)` and `next_url(parent)`."""

    http_method_names = ["post"]
    action = CHANGE
    undo_action = ""

    def target(self, parent):
        return parent

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        view.confirm_question = cls.question  # core.confirm: this view asks
        return view

    def question(self, obj) -> str:
        raise NotImplementedError

    def remove(self, obj) -> dict:
        raise NotImplementedError

    def message(self, obj) -> str:
        raise NotImplementedError

    def next_url(self, parent) -> str:
        return parent.get_absolute_url()

    def post(self, request, *args, **kwargs):
        parent = self.get_object()
        obj = self.target(parent)
        if not confirm.confirmed(request):  # no dialog answered it (no JavaScript): ask here
            return confirm.page(request, self.question(obj))
        back = self.next_url(parent)
        try:
            payload = self.remove(obj)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(back)
        undo.offer(
            request, self.message(obj), action=self.undo_action, payload=payload, next_url=back
        )
        return redirect(back)
