"""Steps of the backup round trip, each run in a process of its own over DATABASE_URL and
MEDIA_ROOT (test_backup drives it):

    python -m tuyengiao.core.tests.backup_worker prepare    migrate, demo, one stored report
    python -m tuyengiao.core.tests.backup_worker snapshot   what must survive, as JSON
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    import django

    django.setup()


def _command(*args) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def prepare() -> dict:
    from django.core.management import call_command

    from tuyengiao.core.actors import SYSTEM
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.reports import services

    call_command("migrate", verbosity=0)
    if not OrgUnit.objects.exists():  # not already a copy of the test run's demo database
        call_command("demo", quiet=True)

    report = services.generate_report(OrgUnit.objects.get(code="QU-Q1"), 2022, actor=SYSTEM)
    return {"report": report.pk}


def snapshot() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from tuyengiao.reports.models import GeneratedReport

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    downloads = {}
    for report in GeneratedReport.objects.order_by("pk"):
        response = client.get(reverse("reports:download", args=[report.pk]))
        body = b"".join(response.streaming_content) if response.status_code == 200 else b""
        downloads[report.pk] = [response.status_code, hashlib.sha256(body).hexdigest()]
    return {
        "rollup": _command(
            "rollup", "--form", "HT-NQ", "--unit", "QU-Q1", "--period", "2022", "--json"
        ),
        "report_data": _command("report", "data", "--unit", "QU-Q1", "--year", "2022", "--json"),
        "downloads": downloads,
    }


if __name__ == "__main__":
    _setup()
    step = {"prepare": prepare, "snapshot": snapshot}[sys.argv[1]]
    print(json.dumps(step(), ensure_ascii=False))
