"""Typed preferences survive a round trip through the INI file with their types intact."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.ui.common import settings as S


def _fresh(path):
    return S.Settings(QSettings(str(path), QSettings.Format.IniFormat))


def test_defaults_when_unset(tmp_path):
    prefs = _fresh(tmp_path / "s.ini")
    assert prefs.get(S.LANGUAGE) == ""
    assert prefs.get(S.THEME) == "system"
    assert prefs.get(S.DEMO_OFFERED) is False
    assert prefs.get(S.RECENT_LIBRARIES) == []
    assert prefs.get(S.GEOMETRY).isEmpty()


def test_values_round_trip_with_types(tmp_path):
    path = tmp_path / "s.ini"
    prefs = _fresh(path)
    prefs.set(S.DEMO_OFFERED, True)
    prefs.set(S.SEARCH_DELAY_MS, 400)
    prefs.set(S.LANGUAGE, "zh_CN")
    prefs.set(S.HEADER_STATE, QByteArray(b"\x00\x01binary"))
    prefs.add_recent_library("/a/one.sqlite")
    prefs.sync()

    again = _fresh(path)
    assert again.get(S.DEMO_OFFERED) is True
    assert again.get(S.SEARCH_DELAY_MS) == 400
    assert again.get(S.LANGUAGE) == "zh_CN"
    assert bytes(again.get(S.HEADER_STATE)) == b"\x00\x01binary"
    assert again.get(S.RECENT_LIBRARIES) == ["/a/one.sqlite"]  # a one-element list, not a string
    assert again.get(S.LAST_LIBRARY) == "/a/one.sqlite"


def test_recent_libraries_are_deduplicated_and_bounded(tmp_path):
    prefs = _fresh(tmp_path / "s.ini")
    for i in range(S.MAX_RECENT + 3):
        prefs.add_recent_library(f"/lib/{i}")
    recent = prefs.add_recent_library("/lib/5")
    assert recent[0] == "/lib/5"
    assert len(recent) == S.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_garbled_value_falls_back_to_default(tmp_path):
    prefs = _fresh(tmp_path / "s.ini")
    prefs.backend.setValue(S.SEARCH_DELAY_MS.key, "not a number")
    assert prefs.get(S.SEARCH_DELAY_MS) == 250


def test_default_file_lives_in_the_private_home(_private_home):
    prefs = S.Settings()
    assert str(_private_home) in prefs.backend.fileName()
