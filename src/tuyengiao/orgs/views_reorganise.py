"""Reorganisation pages: fill in, preview what closes and opens, confirm (orgs.reorganise)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tuyengiao.core.errors import DomainError, ValidationFailed

from . import access, reorganise, unit_import
from .forms import CloseForm, ImportForm, MergeForm, OpenForm, RenameForm, SplitForm
from .models import OrgUnit
from .services import UnitSpec

ACTIONS = {
    "rename": _("Rename"),
    "close": _("Dissolve"),
    "open": _("Open a subordinate unit"),
    "merge": _("Merge"),
    "split": _("Split"),
}


def _open_now(units):
    return units.valid_on(timezone.localdate())


def _form(action, request, unit):
    data = request.POST or None
    if action == "rename":
        return RenameForm(data, unit=unit)
    if action == "close":
        return CloseForm(data, unit=unit)
    if action == "open":
        return OpenForm(data, unit=unit)
    if action == "merge":
        parent = unit.get_parent()
        siblings = (
            OrgUnit.objects.visible_to(request.user, access.ADMIN)
            .children_of(parent)
            .exclude(pk=unit.pk)
            if parent
            else OrgUnit.objects.none()
        )
        return MergeForm(
            data, unit=unit, siblings=siblings.valid_on(timezone.localdate()).vi_ordered()
        )
    children = OrgUnit.objects.children_of(unit).valid_on(timezone.localdate()).vi_ordered()
    return SplitForm(data, unit=unit, children=list(children))


def _call(action, form, unit, actor):
    """The verb and its arguments, for preview() and apply() alike."""
    data = form.cleaned_data
    decision = reorganise.Decision(data["reason"], data["document"])
    common = {"date": data["date"], "decision": decision, "actor": actor}
    if action == "rename":
        return (
            reorganise.rename_unit,
            (unit,),
            {
                **common,
                "code": data["code"],
                "name": data["name"],
                "short_name": data["short_name"],
            },
        )
    if action == "close":
        return reorganise.close_unit, (unit,), common
    if action == "open":
        spec = UnitSpec(
            data["code"].strip(), data["name"].strip(), data["kind"], data["short_name"].strip()
        )
        return reorganise.open_unit, (spec,), {**common, "parent": unit}
    if action == "merge":
        units = [unit, *data["others"]]
        if data["into"]:
            return (
                reorganise.merge,
                (units, data["into"]),
                {**common, "parent": None, "carry_children": data["carry_children"]},
            )
        spec = UnitSpec(data["new_code"].strip(), data["new_name"].strip(), unit.kind)
        return (
            reorganise.merge,
            (units, spec),
            {**common, "parent": unit.get_parent(), "carry_children": data["carry_children"]},
        )
    specs = [UnitSpec(code, name, unit.kind) for code, name in data["successors"]]
    return reorganise.split, (unit, specs), {**common, "children": form.assignments()}


@login_required
def reorganise_unit(request, code, action):
    if action not in ACTIONS:
        raise Http404
    unit = get_object_or_404(OrgUnit.objects.visible_to(request.user, access.ADMIN), code=code)
    form = _form(action, request, unit)
    preview = None
    if request.method == "POST" and form.is_valid():
        verb, args, kwargs = _call(action, form, unit, request.user)
        try:
            if "confirm" in request.POST:
                result = reorganise.apply(verb, *args, **kwargs)
                messages.success(
                    request,
                    _("Done: %(closed)s unit(s) closed, %(opened)s opened.")
                    % {"closed": len(result.closed), "opened": len(result.opened)},
                )
                target = result.opened[0].code if result.opened else unit.code
                return redirect("orgs:detail", target)
            preview = reorganise.preview(verb, *args, **kwargs)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    context = {"unit": unit, "form": form, "action": action, "actions": ACTIONS, "preview": preview}
    return render(request, "orgs/reorganise.html", context)


@login_required
def import_units(request):
    """Units from a spreadsheet, all or nothing, each problem named by row and column."""
    if not access.has_role_action(request.user, access.ADMIN):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = unit_import.import_units(upload.read(), upload.name, actor=request.user)
        except ValidationFailed as exc:
            errors = [exc.message, *exc.errors]
        else:
            messages.success(request, _("%(n)s unit(s) created.") % {"n": len(created)})
            return redirect("orgs:tree")
    return render(request, "orgs/import.html", {"form": form, "errors": errors})
