import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_parse_prints_the_seed_answer_as_json(capsys):
    call_command("documents", "parse", "05-KH/QU", "--json")

    assert json.loads(capsys.readouterr().out) == {
        "sequence": 5,
        "sequence_text": "05",
        "type": "KH",
        "type_name": "Kế hoạch",
        "issuers": ["QU"],
        "warnings": [],
    }


def test_a_malformed_number_exits_2_with_a_vietnamese_message():
    with pytest.raises(CommandError) as error:
        call_command("documents", "parse", "05-KH", "--json")

    assert error.value.returncode == 2
    assert "thiếu dấu «/»" in str(error.value)


def test_count_prints_667_for_the_district_in_2022(capsys):
    call_command("documents", "count", "--unit", "QU-Q1", "--year", "2022")

    assert capsys.readouterr().out.strip() == "667"


def test_count_of_an_unknown_unit_exits_2():
    with pytest.raises(CommandError) as error:
        call_command("documents", "count", "--unit", "QU-X", "--year", "2022")

    assert error.value.returncode == 2 and "QU-X" in str(error.value)


def test_the_figure_says_where_it_comes_from():
    from tuyengiao.documents.figures import year_figures
    from tuyengiao.orgs.models import OrgUnit

    (figure,) = year_figures(OrgUnit.objects.get(code="QU-Q1"), 2022)

    assert (figure.id, figure.value, figure.display) == ("documents.issued", 667, "667")
    assert figure.source["url"] == "/documents/?issuing_unit=QU-Q1&year=2022"
