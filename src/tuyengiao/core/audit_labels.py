"""What an audit row means in words: the action, the object's type and each detail.

The audit table stores verbs such as `submission.import_excel` and data keys such as
`due_date`; no page shows those. Every verb the code writes has a label here (a test scans
the code for them); a verb added without one still reads as a sentence built from its
object type and its last word, never as the raw key.
"""

from __future__ import annotations

import functools

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VERB_LABELS = {
    "unit.create": gettext_lazy("Unit created"),
    "unit.close": gettext_lazy("Unit closed"),
    "unit.merge": gettext_lazy("Units merged"),
    "unit.split": gettext_lazy("Unit split"),
    "unit.rename": gettext_lazy("Unit renamed"),
    "unit.dissolve": gettext_lazy("Unit dissolved"),
    "unit.open": gettext_lazy("Unit opened"),
    "unit.reorganise": gettext_lazy("Units reorganised"),
    "unit.import_admin": gettext_lazy("Wards imported from the national list"),
    "membership.add": gettext_lazy("Role granted"),
    "period.create": gettext_lazy("Reporting period created"),
    "form.assign": gettext_lazy("Form assigned to units"),
    "form.create": gettext_lazy("Form created"),
    "form.change": gettext_lazy("Form edited"),
    "form.field_add": gettext_lazy("Form field added"),
    "form.field_remove": gettext_lazy("Form field removed"),
    "form.rule_add": gettext_lazy("Validation rule added"),
    "form.rule_remove": gettext_lazy("Validation rule removed"),
    "form.indicator_add": gettext_lazy("Indicator added"),
    "form.indicator_remove": gettext_lazy("Indicator removed"),
    "form.new_version": gettext_lazy("New form version created"),
    "submission.save_draft": gettext_lazy("Report draft saved"),
    "submission.submit": gettext_lazy("Report submitted"),
    "submission.return": gettext_lazy("Report returned"),
    "submission.approve": gettext_lazy("Report approved"),
    "submission.reopen": gettext_lazy("Approved report reopened"),
    "submission.import_excel": gettext_lazy("Report imported from Excel"),
    "document.register": gettext_lazy("Document registered"),
    "document.update": gettext_lazy("Document edited"),
    "document.import": gettext_lazy("Document register imported"),
    "document.link": gettext_lazy("Documents linked"),
    "document.unlink": gettext_lazy("Document link removed"),
    "campaign.create": gettext_lazy("Study campaign opened"),
    "training_kind.create": gettext_lazy("Training kind created"),
    "training_kind.update": gettext_lazy("Training kind edited"),
    "training_class.create": gettext_lazy("Training class recorded"),
    "training_class.update": gettext_lazy("Training class edited"),
    "channel.create": gettext_lazy("Channel created"),
    "channel.update": gettext_lazy("Channel edited"),
    "channel.stats": gettext_lazy("Channel monthly figures entered"),
    "initiative.create": gettext_lazy("Initiative recorded"),
    "initiative.update": gettext_lazy("Initiative edited"),
    "initiative.assess": gettext_lazy("Initiative assessed"),
    "conference.create": gettext_lazy("Conference recorded"),
    "conference.update": gettext_lazy("Conference edited"),
    "conference.delegate_add": gettext_lazy("Delegate added"),
    "conference.delegate_remove": gettext_lazy("Delegate removed"),
    "conference.presentation_add": gettext_lazy("Presentation added"),
    "conference.presentation_remove": gettext_lazy("Presentation removed"),
    "conference.conclusion_add": gettext_lazy("Conclusion added"),
    "conference.conclusion_remove": gettext_lazy("Conclusion removed"),
    "task.create": gettext_lazy("Task assigned"),
    "task.update": gettext_lazy("Task edited"),
    "task.status": gettext_lazy("Task status changed"),
    "task.progress": gettext_lazy("Task progress reported"),
    "commendation.create": gettext_lazy("Commendation recorded"),
    "commendation.update": gettext_lazy("Commendation edited"),
    "commendation.recipient_add": gettext_lazy("Commendation recipient added"),
    "commendation.recipient_remove": gettext_lazy("Commendation recipient removed"),
    "commendation.recipient_restore": gettext_lazy("Removed commendation recipient restored"),
    "conference.delegate_restore": gettext_lazy("Removed delegate restored"),
    "conference.presentation_restore": gettext_lazy("Removed presentation restored"),
    "conference.conclusion_restore": gettext_lazy("Removed conclusion restored"),
    "submission.approval_undone": gettext_lazy("Approval undone"),
    "term.create": gettext_lazy("Term created"),
    "term.update": gettext_lazy("Term edited"),
    "target.save": gettext_lazy("Target saved"),
    "target.manual_value": gettext_lazy("Target value entered"),
    "report.generate": gettext_lazy("Year-end report generated"),
    "account.create": gettext_lazy("User account created"),
    "account.deactivate": gettext_lazy("User account deactivated"),
    "account.reactivate": gettext_lazy("User account reactivated"),
    "account.update": gettext_lazy("User account updated"),
    "account.otp_codes": gettext_lazy("Recovery codes issued"),
    "account.otp_disable": gettext_lazy("Two-factor login turned off"),
    "account.otp_enrol": gettext_lazy("Two-factor login enrolled"),
    "account.password_change": gettext_lazy("Password changed"),
    "account.reset_link": gettext_lazy("Password reset link sent"),
    "account.temporary_password": gettext_lazy("Temporary password issued"),
    "account.session_end": gettext_lazy("Session ended"),
    "account.token_revoke": gettext_lazy("API token revoked"),
    "account.unlock": gettext_lazy("Locked-out login unlocked"),
    "membership.remove": gettext_lazy("Role removed"),
    "job.start": gettext_lazy("Background job started"),
    "notifications.preference": gettext_lazy("Notification preference changed"),
    "reminder.send": gettext_lazy("Reporting reminder sent"),
    "report.discard": gettext_lazy("Report draft discarded"),
    "report.issue": gettext_lazy("Year-end report issued"),
    "report.section": gettext_lazy("Report section edited"),
    "report.settings": gettext_lazy("Report settings changed"),
}
# The last word of a verb without a label, as a sentence about the object's type.
ACTION_WORDS = {
    "create": gettext_lazy("%(type)s: created"),
    "add": gettext_lazy("%(type)s: added"),
    "update": gettext_lazy("%(type)s: edited"),
    "save": gettext_lazy("%(type)s: saved"),
    "remove": gettext_lazy("%(type)s: removed"),
    "delete": gettext_lazy("%(type)s: deleted"),
    "import": gettext_lazy("%(type)s: imported"),
}
DATA_LABELS = {
    "reason": gettext_lazy("Reason"),
    "changed": gettext_lazy("Fields changed"),
    "batch": gettext_lazy("Approved in a batch"),
    "period": gettext_lazy("Period"),
    "kind": gettext_lazy("Kind"),
    "count": gettext_lazy("Number of units"),
    "assigned": gettext_lazy("Number of units"),
    "name": gettext_lazy("Name"),
    "order": gettext_lazy("Order"),
    "item": gettext_lazy("Item"),
    "previous": gettext_lazy("Previous status"),
    "status": gettext_lazy("Status"),
    "due_date": gettext_lazy("Due date"),
    "date": gettext_lazy("Date"),
    "year": gettext_lazy("Year"),
    "value": gettext_lazy("Value"),
    "figures": gettext_lazy("Number of figures"),
    "valid_to": gettext_lazy("Valid until"),
    "predecessors": gettext_lazy("Predecessor units"),
    "successors": gettext_lazy("Successor units"),
    "role": gettext_lazy("Role"),
    "rows": gettext_lazy("Rows imported"),
    "row": gettext_lazy("Row in the file"),
    "file": gettext_lazy("File"),
    "form": gettext_lazy("Form"),
    "documents": gettext_lazy("Documents"),
    "source": gettext_lazy("Entered through"),
    "months": gettext_lazy("Months entered"),
    "cleared": gettext_lazy("Months cleared"),
    "replaced": gettext_lazy("Replaced an earlier assessment"),
    "conclusion": gettext_lazy("Conclusion"),
    "unit_code": gettext_lazy("Unit"),
    "submit": gettext_lazy("Submitted at once"),
    "target": gettext_lazy("Linked document"),
    "recipient": gettext_lazy("Recipient"),
    "decimals": gettext_lazy("Decimals of the rate"),
    "rounding": gettext_lazy("Rounding of the rate"),
    "number_text": gettext_lazy("Number and symbol"),
    "signed_on": gettext_lazy("Signing date"),
    "registered_on": gettext_lazy("Registration date"),
    "classification": gettext_lazy("Classification"),
    "title": gettext_lazy("Title / summary"),
    "file_name": gettext_lazy("File"),
    "owner": gettext_lazy("Owning unit"),
    "code": gettext_lazy("Code"),
}
VALUE_LABELS = {
    ("kind", "collective"): gettext_lazy("collective"),
    ("kind", "individual"): gettext_lazy("individual"),
    ("source", "form"): gettext_lazy("web form"),
    ("source", "web"): gettext_lazy("web form"),
    ("source", "csv"): gettext_lazy("CSV file"),
    ("source", "excel"): gettext_lazy("Excel file"),
    ("source", "api"): gettext_lazy("API"),
}
CHOICES_OF = {"previous": "status"}  # task.status keeps the previous status under "previous"


def verb_label(verb: str) -> str:
    if verb in VERB_LABELS:
        return str(VERB_LABELS[verb])
    subject, _dot, action = verb.rpartition(".")
    template = ACTION_WORDS.get(action.rsplit("_", 1)[-1]) or gettext_lazy("%(type)s: other action")
    return str(template) % {"type": type_label_of_prefix(subject)}


def type_label_of_prefix(prefix: str) -> str:
    for model in apps.get_models():
        if model._meta.model_name.replace("_", "") == prefix.replace("_", ""):
            return str(model._meta.verbose_name).capitalize()
    return _("Record")


def object_type_label(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return _("Record")


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def field_label(model, key: str) -> str:
    if key in DATA_LABELS:
        return str(DATA_LABELS[key])
    if model is not None:
        try:
            return str(model._meta.get_field(key).verbose_name).capitalize()
        except FieldDoesNotExist:
            pass
    return _("Detail")


def _field_choices(model, key: str) -> dict:
    try:
        return dict(model._meta.get_field(key).flatchoices or ())
    except (FieldDoesNotExist, AttributeError):
        return {}


@functools.cache
def _choices_named(key: str) -> dict:
    """Every model's choices for a field of that name ("kind": unit kinds, link kinds …)."""
    merged = {}
    for model in apps.get_models():
        for value, label in _field_choices(model, key).items():
            merged.setdefault(value, label)
    return merged


def _choice_label(model, key: str, value: str) -> str | None:
    """A stored choice ("done", "grassroots") as its label: the object's own field first."""
    key = CHOICES_OF.get(key, key)
    own = _field_choices(model, key) if model is not None else {}
    label = own.get(value) or _choices_named(key).get(value)
    return str(label) if label is not None else None


def value_text(model, key: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        if key == "changed":
            return ", ".join(field_label(model, str(v)) for v in value) or "—"
        return ", ".join(value_text(model, key, v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(
            f"{field_label(model, k)}: {value_text(model, k, v)}" for k, v in value.items()
        )
    if isinstance(value, str):
        label = VALUE_LABELS.get((key, value)) or _choice_label(model, key, value)
        return str(label) if label else value
    return str(value)


def describe(event) -> list[dict]:
    """The event's details as rows {label, before, after} (a change) or {label, value}."""
    model = _model(event.object_type)
    rows = []
    data = event.data if isinstance(event.data, dict) else {}
    for key, change in sorted((data.get("changes") or {}).items()):
        if isinstance(change, dict):
            rows.append(
                {
                    "label": field_label(model, key),
                    "before": value_text(model, key, change.get("before")),
                    "after": value_text(model, key, change.get("after")),
                }
            )
    for key, value in data.items():
        if key != "changes":
            rows.append({"label": field_label(model, key), "value": value_text(model, key, value)})
    return rows
