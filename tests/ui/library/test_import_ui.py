"""Importing through the window: the file dialog, drag and drop, cancel half-way, the first-run demo offer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from app.core.model import DocumentMeta
from app.store import LibraryError, list_documents, open_library
from app.ui.common import settings as S
from app.ui.library import demo, import_flow
from app.ui.library.demo import demo_files


@pytest.fixture
def speech_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "speeches"
    folder.mkdir()
    paths = []
    for i, body in enumerate(
        ["坚持稳中求进工作总基调。", "扎实推进共同富裕。", "守住安全生产底线。", "推动高质量发展。"]
    ):
        path = folder / f"speech-{i}.txt"
        path.write_text(f"第{i}篇讲话\n（2023年5月{i + 1}日）\n同志们：\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _drop(window, paths: list[Path]) -> None:
    """What a file manager delivers: drag enter (which the window must accept), then the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)


def _titles_in(library_path: Path) -> list[str]:
    with open_library(str(library_path)) as library, library.reader() as session:
        return sorted(document.meta.title for document in list_documents(session))


def test_import_files_through_the_menu(qtbot, window, speech_files, monkeypatch, library_path):
    broken = speech_files[0].parent / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    chosen = [str(path) for path in speech_files[:2]] + [str(broken)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: (chosen, ""))
    reports = []
    window.importer.reported.connect(reports.append)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    assert sorted(window.visible_titles()) == ["第0篇讲话", "第1篇讲话"]
    assert _titles_in(library_path) == ["第0篇讲话", "第1篇讲话"]
    assert len(window.selected_ids()) == 2  # what was just imported is selected
    # Per-file results, the failure with its reason.
    dialog = window.importer.results_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(3)}
    assert rows["speech-0.txt"][0] == "Imported"
    assert rows["broken.pdf"][0] == "Failed" and rows["broken.pdf"][1]
    assert "2 speeches imported" in dialog.summary.text() and "1 failed" in dialog.summary.text()
    assert reports[0].imported == 2
    assert "2 speeches" in window.size_label.text()


def test_import_runs_in_a_worker_thread(qtbot, make_window, gui_library, speech_files):
    window = make_window(gui_library, inline=False)
    with qtbot.waitSignal(window.importer.reported, timeout=10000) as blocker:
        window.import_paths(speech_files)
    assert blocker.args[0].imported == 4
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)


def test_dropping_a_folder_imports_its_speeches(window, speech_files):
    _drop(window, [speech_files[0].parent])
    assert window.model.rowCount() == 4


def test_dropping_unsupported_files_says_which_and_imports_the_rest(
    window, speech_files, tmp_path, monkeypatch
):
    picture = tmp_path / "recording.mp3"  # (photos are imported now: OCR)
    picture.write_bytes(b"ID3\x03")
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(b"PK")
    warnings = []
    monkeypatch.setattr(import_flow, "warn", lambda *args: warnings.append(args))
    _drop(window, [picture, speech_files[0], sheet])
    assert len(warnings) == 1
    _parent, title, text, details = warnings[0]
    assert title == "Unsupported files"
    assert "2 files cannot be imported" in text and ".txt" in text and ".docx" in text
    assert "recording.mp3" in details and "figures.xlsx" in details
    assert window.visible_titles() == ["第0篇讲话"]


def test_cancel_half_way_keeps_what_was_imported(qtbot, window, speech_files, library_path, monkeypatch):
    def press_cancel_after_the_first_file(done: int, _total: int) -> None:
        if done == 1:
            button = window.importer.progress.findChild(QPushButton)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    submit = window.runner.submit

    def submit_watching_progress(task):
        task.progressed.connect(press_cancel_after_the_first_file)
        return submit(task)

    monkeypatch.setattr(window.runner, "submit", submit_watching_progress)
    reports = []
    window.importer.reported.connect(reports.append)
    window.import_paths(speech_files)

    assert reports[-1].cancelled and reports[-1].imported == 1
    assert "cancelled" in window.importer.results_dialog.summary.text()
    assert _titles_in(library_path) == ["第0篇讲话"]
    assert window.visible_titles() == ["第0篇讲话"]


def test_first_run_offers_the_demo_library_once(window, monkeypatch, prefs):
    assert demo_files(), "resources/samples should ship demo speeches"
    questions = []
    monkeypatch.setattr(demo, "ask", lambda *args, **kw: questions.append(args[1]) or True)
    window.offer_demo_library()
    assert questions == ["Welcome to Duidu"]
    assert window.model.rowCount() == len(demo_files())
    assert prefs.get(S.DEMO_OFFERED)
    window.offer_demo_library()
    assert len(questions) == 1


def test_first_run_offer_declined_leaves_the_library_empty(window, monkeypatch):
    monkeypatch.setattr(demo, "ask", lambda *args, **kw: False)
    window.offer_demo_library()
    assert window.model.rowCount() == 0


def test_a_library_failure_during_import_is_reported_and_the_table_refreshed(
    window, speech_files, monkeypatch
):
    def fail_after_one(paths, progress, cancelled, page_progress=None):
        window.service.add_text("第一篇已导入。\n", DocumentMeta(title="已导入的一篇"))
        raise LibraryError(
            "library.duidu.sqlite is locked by another program; try again when it has finished"
        )

    warnings = []
    monkeypatch.setattr(import_flow, "warn", lambda *args: warnings.append(args))
    monkeypatch.setattr(window.service, "import_paths", fail_after_one)
    window.import_paths(speech_files)
    assert len(warnings) == 1
    _parent, title, text = warnings[0]
    assert title == "Import failed" and "locked" in text and "kept" in text
    assert window.visible_titles() == ["已导入的一篇"]
    assert not window.importer.busy()


def test_demo_offer_waits_for_the_rows_to_load(qtbot, make_window, gui_library, monkeypatch):
    """The rows load in a worker: a non-empty library must not look empty while they are on their way."""
    from app.ui.common.library_service import LibraryService

    LibraryService(gui_library).add_text("同志们：\n今天开会。\n", DocumentMeta(title="已有的讲话"))
    asked = []
    monkeypatch.setattr(demo, "ask", lambda *args, **kw: asked.append(args[1]) or False)
    window = make_window(gui_library, inline=False)
    window.offer_demo_when_loaded()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    qtbot.wait(50)
    assert asked == []


def test_demo_offer_after_loading_an_empty_library(qtbot, make_window, gui_library, monkeypatch):
    asked = []
    monkeypatch.setattr(demo, "ask", lambda *args, **kw: asked.append(args[1]) or False)
    window = make_window(gui_library, inline=False)
    with qtbot.waitSignal(window.library_loaded, timeout=5000):
        window.offer_demo_when_loaded()
    assert asked == ["Welcome to Duidu"]


def test_a_second_import_while_one_runs_is_refused_with_a_message(
    qtbot, make_window, gui_library, speech_files
):
    window = make_window(gui_library, inline=False)
    window.importer.show_results = False
    with qtbot.waitSignal(window.importer.reported, timeout=10000):
        first = window.importer.start(speech_files[:2])
        assert first is not None
        assert window.importer.start(speech_files[2:]) is None
        assert "already running" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)


def test_dropping_text_from_a_browser_offers_it_as_a_new_speech(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from app.ui.library.paste_dialog import PasteDialog

    offered: list[str] = []

    def accept(dialog: PasteDialog) -> int:
        offered.append(dialog.text.toPlainText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", accept)
    mime = QMimeData()
    mime.setText("同志们：\n今天我们召开全市安全生产工作会议。\n")
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )
    assert offered == ["同志们：\n今天我们召开全市安全生产工作会议。\n"]
    assert window.model.rowCount() == 1
    assert window.service.text(window.selected_ids()[0]).startswith("同志们：\n今天我们召开")


def test_an_import_in_the_window_brings_the_frequent_fingerprints_up_to_date(
    gui_library, speech_files, monkeypatch
) -> None:
    """Like `duidu import`: the library service's import leaves the table of frequent fingerprints in the
    cache folder, so the next `similar` (a new process) does not read every posting again."""
    import app.store.frequent_fingerprints as frequent
    from app.ui.common.library_service import LibraryService

    service = LibraryService(gui_library)
    service.import_paths(speech_files[:2], lambda *_: None, lambda: False)
    reads: list[int] = []
    real_read = frequent._read
    monkeypatch.setattr(
        frequent, "_read", lambda session, threshold: reads.append(1) or real_read(session, threshold)
    )
    service.import_paths(speech_files[2:], lambda *_: None, lambda: False)
    assert reads == []  # brought up to date from the new speeches, not read whole
    frequent._KEPT.clear()  # as in the next process
    frequent.FrequentBoilerplate(gui_library.reader, gui_library.location)
    assert reads == []
