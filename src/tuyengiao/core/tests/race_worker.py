"""Two threads racing on one submission and one document number; run by test_concurrency.

It runs in a process of its own over a database of its own (DATABASE_URL), because threads
need real connections and real commits: inside pytest the test database is one in-memory
transaction. Prints a JSON summary: for each scenario, the outcome of each thread per round
("ok", "refused: <message>" for a DomainError, "error: <repr>" for anything else) and the
consistency checks made after each round.

    python -m tuyengiao.core.tests.race_worker ROUNDS
"""

from __future__ import annotations

import json
import sys
import threading


def _race(first, second) -> list[str]:
    from django.db import connections

    from tuyengiao.core.errors import DomainError

    barrier = threading.Barrier(2)
    outcomes = ["", ""]

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            call()
            outcomes[index] = "ok"
        except DomainError as exc:
            outcomes[index] = f"refused: {exc.message}"
        except Exception as exc:  # noqa: BLE001 - a 500 in the web layer; reported, not raised
            outcomes[index] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def main(rounds: int) -> dict:
    import datetime as dt
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tuyengiao.documents import services as documents
    from tuyengiao.documents.models import Document
    from tuyengiao.orgs.models import OrgUnit

    call_command("migrate", verbosity=0)
    if not OrgUnit.objects.exists():  # not already a copy of the test run's demo database
        call_command("demo", quiet=True)
    from tuyengiao.reporting import review, services
    from tuyengiao.reporting.choices import SubmissionStatus as S
    from tuyengiao.reporting.models import Submission

    users = get_user_model().objects
    reporter, approver, admin = (users.get(username=n) for n in ("bennghe", "lanhdao", "admin"))
    target = (
        Submission.objects.select_related("form", "unit", "period")
        .filter(unit__in=reporter.memberships.values("unit"))
        .order_by("pk")
        .first()
    )
    form, unit, period = target.form, target.unit, target.period
    others = Submission.objects.filter(form=form, period=period).exclude(pk=target.pk)
    payloads = [services.stored_values(s) for s in others[:2]]
    assert payloads[0] != payloads[1], "the demo should give two different reports"

    def reset(status):
        Submission.objects.filter(pk=target.pk).update(status=status)

    result = {"save_save": [], "save_submit": [], "approve_return": [], "document_number": []}
    for i in range(rounds):
        # Two saves of the same report: both succeed, one after the other; the stored
        # figures are wholly one of the two, never a mix and never neither.
        reset(S.DRAFT)
        outcomes = _race(
            lambda: services.save_draft(form, unit, period, payloads[0], actor=reporter),
            lambda: services.save_draft(form, unit, period, payloads[1], actor=reporter),
        )
        stored = services.stored_values(Submission.objects.get(pk=target.pk))
        result["save_save"].append({"outcomes": outcomes, "whole": stored in payloads})

        # A save against a submit: either order is fine; the loser is told why.
        reset(S.DRAFT)
        outcomes = _race(
            lambda i=i: services.save_draft(form, unit, period, payloads[i % 2], actor=reporter),
            lambda: services.submit(form, unit, period, actor=reporter),
        )
        status = Submission.objects.get(pk=target.pk).status
        result["save_submit"].append({"outcomes": outcomes, "status": status})

        # Approve against return: exactly one wins, the other is told the report moved on.
        reset(S.SUBMITTED)
        outcomes = _race(
            lambda: review.approve(target, actor=approver),
            lambda: review.return_submission(target, "Thiếu số liệu quý IV.", actor=approver),
        )
        status = Submission.objects.get(pk=target.pk).status
        result["approve_return"].append({"outcomes": outcomes, "status": status})

        # Two registrations of one number: one document, one clear refusal.
        number = f"{7000 + i}-KH/QU"
        district = OrgUnit.objects.get(code="QU-Q1")

        def register(number=number, district=district):
            documents.register_document(
                actor=admin,
                number_text=number,
                signed_on=dt.date(2023, 3, 1),
                title="Kế hoạch thử ghi đồng thời",
                issuing_unit=district,
            )

        outcomes = _race(register, register)
        count = Document.objects.filter(number_text=number).count()
        result["document_number"].append({"outcomes": outcomes, "count": count})
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1])), ensure_ascii=False))
