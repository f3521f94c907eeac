"""The quick start: an up-to-date library's rows fill the first window before SQLAlchemy loads, the library
then opens in the background, and a library that fails to open after all is handled like any refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.model import DocumentMeta
from app.store import add_document, open_library
from app.store.deferred import DeferredLibrary
from app.ui.shell import library_chooser
from app.ui.shell.app import GuiSession
from tests.conftest import REPO
from tests.store.test_table_rows import remember_a_passing_check

TITLES = ["第一次会议上的讲话", "第二次会议上的讲话", "第三次会议上的讲话"]
#: Modules the first window must not wait for: the store's engine and ORM, the numeric stack, the passage
#: engine, the compare view, word segmentation.
HEAVY = ("sqlalchemy", "numpy", "app.core.passages", "app.ui.compare.view", "jieba", "app.store.repository")


def _library(path: Path) -> list[int]:
    """A library the open has checked and remembered as intact (what the quick start requires)."""
    with open_library(str(path)) as library, library.writer.begin() as session:
        ids = [
            add_document(session, f"同志们：\n这是第{n}篇。\n", DocumentMeta(title=title, tags=("甲",))).id
            for n, title in enumerate(TITLES)
        ]
    remember_a_passing_check(path)
    return ids


@pytest.fixture
def session(qapp, prefs):
    return GuiSession(prefs)


def test_rows_show_at_once_and_the_library_opens_in_the_background(session, tmp_path, qtbot):
    path = tmp_path / "lib.duidu.sqlite"
    ids = _library(path)
    library = session.open(str(path))
    assert isinstance(library, DeferredLibrary) and not library.is_open
    shown: list[list[str]] = []
    window = session.show(library)
    qtbot.addWidget(window)
    window.library_loaded.connect(lambda _count: shown.append(window.visible_titles()))
    with qtbot.waitSignal(window.library_loaded, timeout=5000) as loaded:
        pass
    assert loaded.args == [3]
    assert sorted(shown[0]) == sorted(TITLES)
    qtbot.waitUntil(lambda: library.is_open, timeout=20_000)
    assert window.service.document(ids[1]).meta.title == TITLES[1]
    assert window.service.rows()[0].tags == ("甲",)  # later reloads query the opened library
    window.close()


def test_a_library_that_fails_to_open_after_its_rows_showed_offers_another(
    session, tmp_path, qtbot, monkeypatch
):
    path, fresh = tmp_path / "lib.duidu.sqlite", tmp_path / "fresh.duidu.sqlite"
    _library(path)
    shown: list[str] = []

    def ask_what_to_do(_parent, error):
        shown.append(str(error))
        return "new"

    monkeypatch.setattr(library_chooser, "ask_what_to_do", ask_what_to_do)
    monkeypatch.setattr(library_chooser, "choose_new", lambda _parent: str(fresh))
    library = session.open(str(path))
    assert isinstance(library, DeferredLibrary)
    garbage = b"replaced by another program" * 200
    path.write_bytes(garbage)  # between the quick read and the full open
    window = session.show(library)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.service.location == str(fresh), timeout=20_000)
    assert "not a Duidu library" in shown[0]
    assert path.read_bytes() == garbage  # refused, never touched
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    window.close()


def test_the_first_window_is_filled_before_the_heavy_modules_load(tmp_path):
    path = tmp_path / "lib.duidu.sqlite"
    _library(path)
    script = f"""
import sys
from app.ui.shell import app as gui

created = gui.MainWindow.__init__

def init(self, *args, **kwargs):
    created(self, *args, **kwargs)

    def filled():  # the rows are in the table (before library_loaded's listeners start their work)
        heavy = [name for name in {HEAVY!r} if name in sys.modules]
        print("ROWS", self.model.rowCount(), "HEAVY", ",".join(heavy) or "-", flush=True)

    self.model.modelReset.connect(filled)
    self.library_loaded.connect(lambda _count: gui.QApplication.instance().quit())

gui.MainWindow.__init__ = init
sys.exit(gui.run_gui([], {str(path)!r}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ROWS 3 HEAVY -" in done.stdout, done.stdout
