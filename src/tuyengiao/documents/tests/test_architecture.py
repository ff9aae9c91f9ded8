"""A document's title is read in one place: `Document.title_for(user)` (and its SQL twin
`with_titles_for(user)`). These tests fail when a template, form, serializer, export or chart
reads `title` any other way — the way the commendation pages leaked a Tối mật title.

Other models have a `title` too (tasks, conferences, a delegate's or recipient's position).
Their reads are listed below by file and expression; a new read of `.title` anywhere fails
until someone has checked that it is not a document's and added it here.
"""

import ast
import re
from pathlib import Path

from rest_framework import relations, serializers

import tuyengiao
from tuyengiao.core.api_urls import router
from tuyengiao.documents.models import Document

SRC = Path(tuyengiao.__file__).parent
# Where a document's own title may be read: the accessor, derived columns, the verbs, imports.
DOCUMENT_CODE = {"documents/models.py", "documents/services.py", "documents/imports.py"}
# Reads of `.title` that are not a document's: (file, expression).
OTHER_MODELS = {
    ("awards/views.py", "r.title"),  # Recipient.title: the person's position
    ("meetings/figures.py", "task.title"),
    ("meetings/models.py", "self.title"),
    ("meetings/views.py", "t.title"),  # Task
    ("meetings/views.py", "t.conference.title"),
    ("meetings/views.py", "c.title"),  # Conference
    ("reports/docx.py", "content.title"),  # the report's heading
    ("awards/templates/awards/detail.html", "r.title"),
    ("meetings/templates/meetings/conference_detail.html", "conference.title"),
    ("meetings/templates/meetings/conference_detail.html", "d.title"),  # Delegate's position
    ("meetings/templates/meetings/conference_detail.html", "p.title"),  # Presentation
    ("meetings/templates/meetings/conference_detail.html", "task.title"),
    ("meetings/templates/meetings/conference_form.html", "conference.title"),
    ("meetings/templates/meetings/conference_list.html", "c.title"),
    ("meetings/templates/meetings/panel_my_tasks.html", "task.title"),
    ("meetings/templates/meetings/task_detail.html", "task.title"),
    ("meetings/templates/meetings/task_detail.html", "task.conference.title"),
    ("meetings/templates/meetings/task_form.html", "conclusion.conference.title"),
    ("meetings/templates/meetings/task_list.html", "task.title"),
    ("meetings/templates/meetings/task_list.html", "task.conference.title"),
    ("orgs/templates/orgs/panel_my_units.html", "m.title"),  # Membership's position
    # A person's position (job title) on their account and memberships.
    ("accounts/demo.py", "membership.title"),
    ("accounts/signals.py", "instance.title"),  # a Membership's position
    ("accounts/services.py", "account.title"),
    ("accounts/views.py", "account.title"),
    ("accounts/templates/accounts/detail.html", "account.title"),
    ("accounts/templates/accounts/unit_roles.html", "m.title"),
    # Background jobs and notices: titles the system composes (never a document's).
    ("notifications/jobs.py", "job.title"),
    ("notifications/models.py", "self.title"),
    ("notifications/services.py", "notification.title"),
    ("notifications/texts.py", "task.title"),  # a conference task
    ("notifications/templates/notifications/job.html", "job.title"),
    ("notifications/templates/notifications/list.html", "n.title"),
}
# Query lookups by title outside the documents app: demo loaders finding their own rows.
LOOKUPS = {"awards/demo.py", "meetings/demo.py"}
TEMPLATE_READ = re.compile(r"[\w.]+\.title\b")
TITLE_LOOKUP = re.compile(r"(\w+__)?title(__\w+)?")
QUERY_FUNCTIONS = {"F", "OuterRef", "Lower", "Upper", "Substr", "Concat", "Left"}
QUERY_METHODS = {
    "values",
    "values_list",
    "only",
    "order_by",
    "filter",
    "exclude",
    "get",
    "annotate",
    "aggregate",
    "alias",
}
POSITIONAL = QUERY_FUNCTIONS | {"values", "values_list", "only", "order_by"}


def _python_files():
    for path in sorted(SRC.rglob("*.py")):
        if not {"tests", "migrations"} & set(path.parts):
            yield path.relative_to(SRC).as_posix(), ast.parse(path.read_text())


def _query_reads(call: ast.Call):
    """`F("title")`, `.values("title")`, `.filter(title__contains=…)` in a query."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    for arg in call.args if name in POSITIONAL else ():
        if isinstance(arg, ast.Constant) and TITLE_LOOKUP.fullmatch(str(arg.value)):
            yield f'{name}("{arg.value}")'
    for keyword in call.keywords if name in QUERY_METHODS else ():
        if keyword.arg and TITLE_LOOKUP.fullmatch(keyword.arg):
            yield f"{name}({keyword.arg}=)"


def title_reads_in_python() -> set[tuple[str, str]]:
    found = set()
    for name, tree in _python_files():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "title"
                and isinstance(node.ctx, ast.Load)
            ):
                found.add((name, ast.unparse(node)))
            elif isinstance(node, ast.Call):
                found.update((name, read) for read in _query_reads(node))
    return found


def title_reads_in_templates() -> set[tuple[str, str]]:
    return {
        (path.relative_to(SRC).as_posix(), match.group(0))
        for path in sorted(SRC.rglob("templates/**/*.html"))
        for match in TEMPLATE_READ.finditer(path.read_text())
    }


def _allowed(name: str, expression: str) -> bool:
    if name in DOCUMENT_CODE or (name, expression) in OTHER_MODELS:
        return True
    if expression.endswith("=)") and name in LOOKUPS:
        return True
    # `sheet.title`, `cover.title` (openpyxl) and docx properties are not records.
    return bool(re.fullmatch(r"(sheet|cover|\w*\.core_properties)\.title", expression))


def test_no_template_reads_a_title_except_the_listed_models():
    unknown = sorted(r for r in title_reads_in_templates() if not _allowed(*r))

    assert unknown == [], (
        "A template reads `.title` directly; a document's title goes through "
        "{% load clearance %}{{ document|title_for:user }} or documents/_title.html: "
        f"{unknown}"
    )


def test_no_python_code_reads_a_title_except_the_accessor_and_listed_models():
    unknown = sorted(r for r in title_reads_in_python() if not _allowed(*r))

    assert unknown == [], (
        "Code reads `title` directly; a document's title goes through "
        f"document.title_for(user) or Document.objects.with_titles_for(user): {unknown}"
    )


def test_the_scan_finds_a_leak_like_the_old_commendation_pages():
    """The old decision dropdown and detail page, as the scan sees them."""
    form = ast.parse('label = f"{document.number_text} — {document.title[:80]}"')
    template = "{{ commendation.decision.title }}"
    query = ast.parse('Document.objects.values_list("number_text", "title")').body[0].value

    assert [ast.unparse(n) for n in ast.walk(form) if getattr(n, "attr", "") == "title"] == [
        "document.title"
    ]
    assert not _allowed("awards/forms.py", "document.title")
    assert not _allowed("awards/templates/awards/detail.html", TEMPLATE_READ.search(template)[0])
    assert list(_query_reads(query)) == ['values_list("title")']


def _document_title_fields(serializer, path=""):
    """Serializer fields that would print a document's `title` (not `shown_title`)."""
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    for name, field in serializer.fields.items():
        child = getattr(field, "child", None) or getattr(field, "child_relation", None)
        target = child if child is not None else field
        if isinstance(target, serializers.BaseSerializer):
            yield from _document_title_fields(target, f"{path}{name}.")
            continue
        source = field.source if field.source != "*" else name
        if model is Document and source == "title":
            yield f"{path}{name}"
        if isinstance(target, relations.SlugRelatedField) and target.slug_field == "title":
            related = model._meta.get_field(source.split(".")[0]).related_model if model else None
            if related is Document:
                yield f"{path}{name}"


def test_no_api_serializer_prints_a_document_title():
    leaks = []
    for _prefix, viewset, _basename in router.registry:
        serializer_class = getattr(viewset, "serializer_class", None)
        if serializer_class is not None:
            leaks += list(_document_title_fields(serializer_class(context={"request": None})))

    assert leaks == []
