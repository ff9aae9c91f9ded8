"""With DATABASE_REPLICA_URL, pages of totals read the replica and everything else the primary.

Two SQLite copies of the demo stand for the primary and its replica; the replica's copy of
Bến Nghé's 2022 figure differs, so each answer shows which database it came from.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from tuyengiao.core import testdb
from tuyengiao.reporting.models import Value

pytestmark = pytest.mark.django_db
# The seed's 2022 figures: the 2022 study campaign's own period (ADR 0007).
PERIOD = "HT-TW456-2022"

SCRIPT = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from tuyengiao.reporting.models import Submission
PERIOD = "HT-TW456-2022"
client = Client()
client.force_login(get_user_model().objects.get(username="chuyenvien"))
api = client.get("/api/analytics/?form=HT-NQ&unit=QU-Q1&period=HT-TW456-2022")
page = client.get("/reporting/HT-NQ/HT-TW456-2022/units/DU-BEN-NGHE/")
submission = Submission.objects.get(form__code="HT-NQ", period__code=PERIOD, unit__code="DU-BEN-NGHE")
print(json.dumps({
    "api": api.json()["fields"]["members_attended"],
    "page_status": page.status_code,
    "page_has_replica_figure": "777777" in page.content.decode(),
    "orm": str(submission.values.get(field__code="members_attended").number),
}))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="two SQLite files stand for the pair")
def test_dashboards_read_the_replica_and_the_rest_the_primary(request, tmp_path):
    attended = Value.objects.get(
        submission__form__code="HT-NQ",
        submission__period__code=PERIOD,
        submission__unit__code="DU-BEN-NGHE",
        field__code="members_attended",
    )
    # Copies of the run's demo template (the test's own connection is inside a transaction).
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    for path in (primary, replica):
        shutil.copyfile(testdb.sqlite_template(request.config), path)
    with sqlite3.connect(replica) as copy:
        copy.execute(
            f"UPDATE {Value._meta.db_table} SET number = number + 777777 - number WHERE id = ?",
            (attended.pk,),
        )
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{primary}",
        "DATABASE_REPLICA_URL": f"sqlite:///{replica}",
        "DJANGO_SETTINGS_MODULE": "tuyengiao.settings",
        "TUYENGIAO_VAR_DIR": str(tmp_path),
    }
    # The replica's kept totals follow its changed value, as replication would carry them.
    rebuilt = subprocess.run(
        [
            sys.executable,
            "-m",
            "tuyengiao.manage",
            "totals",
            "rebuild",
            "--form",
            "HT-NQ",
            "--period",
            PERIOD,
        ],
        env={**env, "DATABASE_URL": f"sqlite:///{replica}", "DATABASE_REPLICA_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    total = 6513  # District 1's attended members in 2022, Bến Nghé's figure included
    assert seen["api"] == total - int(attended.number) + 777777  # the replica
    assert seen["page_status"] == 200 and not seen["page_has_replica_figure"]  # the primary
    assert seen["orm"] == str(attended.number)  # outside a listed view: the primary
