"""Starting the GUI: a library that cannot be used is never overwritten; the user picks another or a new one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.store import open_library
from app.ui.common import settings as S
from app.ui.shell import library_chooser
from app.ui.shell.app import GuiSession
from app.ui.shell.palette import is_dark
from app.ui.shell.preferences import PreferencesDialog


@pytest.fixture
def session(qapp, prefs):
    return GuiSession(prefs)


def _answers(monkeypatch, choices: list[str], files: dict[str, list[str]]):
    """Script the library-error dialog: which button, then which file each file dialog returns."""
    shown = []

    def ask_what_to_do(_parent, error):
        shown.append(str(error))
        return choices.pop(0)

    monkeypatch.setattr(library_chooser, "ask_what_to_do", ask_what_to_do)
    monkeypatch.setattr(library_chooser, "choose_existing", lambda _parent: files["open"].pop(0))
    monkeypatch.setattr(library_chooser, "choose_new", lambda _parent: files["new"].pop(0))
    return shown


def test_corrupt_library_is_left_untouched_and_a_new_one_is_created(session, tmp_path, monkeypatch):
    corrupt = tmp_path / "corrupt.duidu.sqlite"
    garbage = b"this is not a database at all" * 100
    corrupt.write_bytes(garbage)
    fresh = tmp_path / "fresh.duidu.sqlite"
    # First the user tries to "create" over the corrupt file (refused), then picks a new name.
    shown = _answers(monkeypatch, ["new", "new"], {"new": [str(corrupt), str(fresh)], "open": []})
    library = session.open(str(corrupt))
    assert library is not None
    try:
        assert Path(library.location) == fresh
        assert corrupt.read_bytes() == garbage
        assert "not a Duidu library" in shown[0]
        assert "already exists" in shown[1]
    finally:
        library.close()


def test_newer_library_offers_to_open_another(session, tmp_path, monkeypatch):
    newer = tmp_path / "newer.duidu.sqlite"
    open_library(str(newer)).close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = newer.read_bytes()
    good = tmp_path / "good.duidu.sqlite"
    open_library(str(good)).close()
    shown = _answers(monkeypatch, ["open"], {"open": [str(good)], "new": []})
    library = session.open(str(newer))
    assert library is not None and Path(library.location) == good
    library.close()
    assert "newer Duidu" in shown[0]
    assert newer.read_bytes() == before


def test_quitting_from_the_error_dialog_opens_nothing(session, tmp_path, monkeypatch):
    corrupt = tmp_path / "bad.sqlite"
    corrupt.write_bytes(b"\x00" * 64)
    _answers(monkeypatch, ["quit"], {"open": [], "new": []})
    assert session.open(str(corrupt)) is None


def test_session_remembers_the_library_and_applies_preferences(session, tmp_path, prefs, monkeypatch):
    library = session.open(str(tmp_path / "lib.duidu.sqlite"))
    window = session.show(library)
    try:
        assert prefs.get(S.LAST_LIBRARY) == library.location
        assert prefs.get(S.RECENT_LIBRARIES)[0] == library.location

        def choose_chinese_and_dark(dialog: PreferencesDialog) -> int:
            dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
            dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
            return PreferencesDialog.DialogCode.Accepted

        monkeypatch.setattr(PreferencesDialog, "exec", choose_chinese_and_dark)
        window.act.preferences.trigger()
        assert prefs.get(S.LANGUAGE) == "zh_CN" and prefs.get(S.THEME) == "dark"
        assert window.act.menu_file.title() == "文件(&F)"
        from app.ui.common.theme import current_theme

        assert current_theme().dark
        assert is_dark(QApplication.palette())  # the widgets too, not only the reader's marks
    finally:
        session.on_preferences_changed("en", "system")
        assert not is_dark(QApplication.palette())
        window.close()
        window.service.close()


def test_switching_libraries_through_the_recent_menu(session, tmp_path, monkeypatch):
    from app.ui.shell import app as app_module

    first = session.open(str(tmp_path / "first.duidu.sqlite"))
    window = session.show(first)
    try:
        monkeypatch.setattr(app_module.MainWindow, "offer_demo_library", lambda self: None)
        assert session.switch_to(str(tmp_path / "second.duidu.sqlite"), create=True)
        assert Path(window.service.location).name == "second.duidu.sqlite"
        window.act.menu_recent.aboutToShow.emit()
        entries = [action.text() for action in window.act.menu_recent.actions()]
        assert entries == [first.location]
        window.act.menu_recent.actions()[0].trigger()
        assert window.service.location == first.location

        # A library that cannot be used is reported and the open one stays.
        bad = tmp_path / "bad.duidu.sqlite"
        bad.write_bytes(b"garbage" * 10)
        warnings = []
        monkeypatch.setattr(app_module, "warn", lambda *args: warnings.append(args[2]))
        assert not session.switch_to(str(bad), create=False)
        assert warnings and "not a Duidu library" in warnings[0]
        assert window.service.location == first.location
        assert bad.read_bytes() == b"garbage" * 10
    finally:
        window.close()
        window.service.close()


def test_gui_start_does_not_load_segmentation_or_importers():
    """Cold start stays fast: jieba, the file-format parsers and Alembic load on first use only."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "import sys; import app.ui.shell.app; "
        "print(sorted(m for m in ('jieba', 'app.importers', 'pypdf', 'docx', 'bs4', 'alembic', 'app.ui.reader.widget') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_duidu_gui_starts_and_shows_the_library(tmp_path):
    """`duidu gui --db …` end to end in a subprocess: the window appears and the rows load."""
    import os
    import subprocess
    import sys

    from app.core.model import DocumentMeta
    from app.store import add_document
    from app.ui.shell.app import STARTUP_PROBE_ENV
    from tests.conftest import REPO

    path = tmp_path / "lib.duidu.sqlite"
    with open_library(str(path)) as library, library.writer.begin() as db:
        add_document(db, "同志们：\n今天开会。\n", DocumentMeta(title="一篇讲话"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTUP_PROBE_ENV: "1"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--db", str(path), "1"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DUIDU_WINDOW_SHOWN", "DUIDU_LIBRARY_LOADED"]


def test_about_box_names_the_version(qapp):
    from app import __version__
    from app.ui.shell.about import about_text

    text = about_text()
    assert __version__ in text and "Qt" in text


def test_which_library_opens(session, prefs, tmp_path, monkeypatch):
    explicit, env, last = (tmp_path / f"{name}.duidu.sqlite" for name in ("explicit", "env", "last"))
    open_library(str(last)).close()
    prefs.set(S.LAST_LIBRARY, str(last))
    monkeypatch.setenv("DUIDU_DB", str(env))
    for db, expected in ((str(explicit), explicit), (None, env)):
        library = session.open(db)
        assert Path(library.location) == expected
        library.close()
    monkeypatch.delenv("DUIDU_DB")
    library = session.open(None)
    assert Path(library.location) == last
    library.close()
    # The last library was moved away: the default library opens, nothing is re-created at the old place.
    last.unlink()
    library = session.open(None)
    assert Path(library.location).name == "library.duidu.sqlite" and not last.exists()
    library.close()
