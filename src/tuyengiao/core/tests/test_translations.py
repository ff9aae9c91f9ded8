import polib
from django.utils import translation

from tuyengiao.core import i18n


def test_every_catalog_is_fully_translated():
    assert [p for path in i18n.catalogs() for p in i18n.problems(path)] == []


def test_no_two_apps_translate_the_same_message_differently():
    assert i18n.conflicts() == []


def test_conflicts_are_detected(tmp_path, monkeypatch):
    for app, text in (("one", "Tìm"), ("two", "Tìm kiếm")):
        po = polib.POFile()
        po.append(polib.POEntry(msgid="Search", msgstr=text))
        path = tmp_path / app / "locale/vi/LC_MESSAGES/django.po"
        path.parent.mkdir(parents=True)
        po.save(str(path))
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    assert len(i18n.conflicts()) == 1


def test_our_words_win_over_djangos_own():
    with translation.override("vi"):
        assert translation.gettext("Log out") == "Đăng xuất"
