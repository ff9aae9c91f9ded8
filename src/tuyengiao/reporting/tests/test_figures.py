import pytest

from tuyengiao.reporting.figures import form_figures

pytestmark = pytest.mark.django_db


def test_form_figures_give_the_seed_with_their_sources(form, district, year_2022):
    figures = {
        f.id: f
        for f in form_figures(
            form,
            district,
            year_2022,
            prefix="study.HT-NQ",
            section="study",
            labels={"members_attended": "Số đảng viên tham gia"},
        )
    }
    assert figures["study.HT-NQ.members_attended"].display == "6.513"
    assert figures["study.HT-NQ.members_attended"].label == "Số đảng viên tham gia"
    assert figures["study.HT-NQ.non_members_attended"].value == 4608
    rate = figures["study.HT-NQ.participation_rate"]
    assert rate.display == "93,44%" and str(rate.value) == "93.44"
    assert [figures[f"study.HT-NQ.{k}"].value for k in ("expected", "submitted", "approved")] == [
        51,
        51,
        51,
    ]
    source = rate.source
    assert source["url"] == "/reporting/HT-NQ/HT-TW456-2022/drill/QU-Q1/"
    assert source["statuses"] == ["approved"] and source["period"] == "HT-TW456-2022"
    assert len(source["records"]) == 51
    assert source["records"][0]["url"].startswith("/reporting/HT-NQ/HT-TW456-2022/units/")
    assert all(f.section == "study" for f in figures.values())
