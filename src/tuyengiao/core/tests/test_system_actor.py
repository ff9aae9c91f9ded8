"""The system acts under its own name: no service skips its check because actor is None."""

import ast
from pathlib import Path

import pytest

from tuyengiao.core import audit
from tuyengiao.core.actors import SYSTEM, as_user
from tuyengiao.core.errors import NotAllowed
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

SRC = Path(__file__).resolve().parents[2]


def test_no_function_lets_actor_default_to_none():
    """`*, actor` with no default everywhere: a caller that forgets the actor fails at once."""
    found = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = node.args
            positional = args.posonlyargs + args.args
            defaults = dict(
                zip([a.arg for a in positional[::-1]], args.defaults[::-1], strict=False)
            )
            defaults |= {
                a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d
            }
            if "actor" in defaults:
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}")
    assert not found, found


def test_system_is_no_user_row_and_may_do_everything(db):
    unit = OrgUnit.objects.get(code="QU-Q1")
    assert as_user(SYSTEM) is None
    for action in access.ACTIONS:
        access.require(SYSTEM, action, unit, "không được")  # does not raise


def test_require_raises_the_domain_permission_error_with_its_message(outsider):
    ben_nghe = OrgUnit.objects.get(code="DU-BEN-NGHE")
    with pytest.raises(NotAllowed) as raised:
        access.require(outsider, access.CHANGE, ben_nghe, "Không có quyền sửa.", field="unit")
    assert (raised.value.message, raised.value.field) == ("Không có quyền sửa.", "unit")


def test_the_audit_page_names_the_system_hệ_thống(client_for, admin):
    unit = OrgUnit.objects.get(code="QU-Q1")
    event = audit.record(SYSTEM, "unit.create", unit, unit=unit)
    assert event.actor is None and event.actor_display == "Hệ thống"
    page = client_for(admin).get("/audit/")
    assert page.status_code == 200
    rows = page.context["rows"]
    assert next(r for r in rows if r["event"].pk == event.pk)["actor"] == "Hệ thống"
    assert "Hệ thống" in page.content.decode()


def test_a_command_without_user_acts_as_the_system(db):
    from django.core.management import call_command

    from tuyengiao.campaigns.models import StudyCampaign
    from tuyengiao.core.models import AuditEvent

    call_command(
        "campaigns",
        "open",
        "HT-SYS-2023",
        "--form",
        "HT-NQ",
        "--period",
        "2023",
        "--title",
        "Đợt của hệ thống",
        "--unit",
        "QU-Q1",
        "--json",
    )
    campaign = StudyCampaign.objects.get(code="HT-SYS-2023")
    event = AuditEvent.objects.get(verb="campaign.create", object_id=str(campaign.pk))
    assert event.actor is None and event.actor_display == "Hệ thống"
