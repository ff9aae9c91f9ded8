"""The shared search: every word, any order, accent-free (core.search.words_q)."""

import pytest

from tuyengiao.core.text import matches_words, search_words
from tuyengiao.orgs.models import OrgUnit


def test_the_query_is_split_into_folded_words_without_edge_punctuation():
    assert search_words("Tuyên truyền  biển, đảo «Việt Nam»") == [
        "tuyen",
        "truyen",
        "bien",
        "dao",
        "viet",
        "nam",
    ]
    assert search_words("05-KH/QU") == ["05-kh/qu"]
    assert search_words("  \x00 ") == []


def test_matches_words_needs_every_word():
    title = "Kế hoạch tuyên truyền biển, đảo Việt Nam"
    assert matches_words("dao bien tuyen", title)
    assert not matches_words("dao bien tuyen giao", title)


@pytest.mark.django_db
def test_every_list_searching_through_the_queryset_needs_every_word():
    assert list(OrgUnit.objects.search("nghe ben").values_list("code", flat=True)) == [
        "DU-BEN-NGHE"
    ]
    assert not OrgUnit.objects.search("nghe ben thanh").exists()
    assert OrgUnit.objects.search("").count() == OrgUnit.objects.count()
