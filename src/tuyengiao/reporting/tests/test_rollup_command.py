import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_rollup_command_gives_the_seed_figures_for_district_1_in_2022(capsys):
    call_command("rollup", "--form", "HT-NQ", "--unit", "QU-Q1", "--period", "2022", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "unit": "QU-Q1",
        "form": "HT-NQ",
        "period": "HT-TW456-2022",
        "fields": {
            "members_total": 8021,
            "members_required": 6970,
            "members_attended": 6513,
            "non_members_attended": 4608,
        },
        "indicators": {"participation_rate": {"value": "93.44", "display": "93,44%"}},
        "completeness": {"expected": 51, "submitted": 51, "approved": 51},
    }


def test_rollup_command_counts_submitted_reports_only_when_asked(capsys):
    args = ["rollup", "--form", "HT-NQ", "--unit", "QU-Q1", "--period", "2023", "--json"]
    call_command(*args)
    approved_only = json.loads(capsys.readouterr().out)
    call_command(*args, "--include-submitted")
    with_submitted = json.loads(capsys.readouterr().out)
    assert approved_only["completeness"] == with_submitted["completeness"]
    assert with_submitted["fields"]["members_total"] > approved_only["fields"]["members_total"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--form", "KHONG-CO", "Không có biểu mẫu mã «KHONG-CO»"),
        ("--unit", "KHONG-CO", "Không có đơn vị mã «KHONG-CO»"),
        ("--period", "1999", "Không có kỳ báo cáo «1999»"),
    ],
)
def test_rollup_command_refuses_unknown_codes_in_vietnamese_with_exit_code_2(
    option, value, message
):
    args = {"--form": "HT-NQ", "--unit": "QU-Q1", "--period": "2022", option: value}
    with pytest.raises(CommandError, match=message) as error:
        call_command("rollup", *[item for pair in args.items() for item in pair], "--json")
    assert error.value.returncode == 2
