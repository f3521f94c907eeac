"""`duidu gui DOC` with one document: a library id, a file already imported, a file that is not, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.model import DocumentMeta
from app.paths import resource
from app.ui.reader.tabs import tab_title
from app.ui.reader.widget import ReaderWidget
from app.ui.shell import open_document
from app.ui.shell.app import open_documents

SAMPLE = "06-forum-opening-address.txt"


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(open_document, "warn", lambda _parent, _title, text: shown.append(text))
    return shown


def _speech_file(tmp_path: Path, name: str = "speech.txt") -> Path:
    path = tmp_path / name
    path.write_text((resource("samples") / SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _current_reader(window) -> ReaderWidget:
    reader = window.tabs.currentWidget()
    assert isinstance(reader, ReaderWidget)
    return reader


def test_a_library_id_opens_its_reader(window, warnings):
    doc_id, _ = window.service.add_text("第一段讲话。\n\n第二段讲话。", DocumentMeta(title="库里的讲话"))
    open_documents(window, [f"#{doc_id}"])
    reader = _current_reader(window)
    assert reader.property("doc_id") == doc_id
    assert reader.title() == "库里的讲话" and "第二段讲话" in reader.text()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "库里的讲话"
    assert warnings == []


def test_a_file_already_in_the_library_opens_the_stored_speech(window, tmp_path, warnings):
    path = _speech_file(tmp_path)
    report = window.service.import_paths([path], lambda *_: None, lambda: False)
    doc_id = report.results[0].document_id
    window.service.update_meta(doc_id, DocumentMeta(title="改过的标题"))
    open_documents(window, [str(path)])
    reader = _current_reader(window)
    assert reader.property("doc_id") == doc_id
    assert reader.title() == "改过的标题", "the library's edited metadata, not the file's guess"
    assert f"#{doc_id}" in window.statusBar().currentMessage()
    assert warnings == []


def test_a_file_not_in_the_library_is_read_without_importing_it(window, tmp_path, warnings):
    path = _speech_file(tmp_path)
    open_documents(window, [str(path)])
    reader = _current_reader(window)
    assert reader.property("doc_id") is None
    assert reader.text().strip() and reader.text() in path.read_text(encoding="utf-8").replace("\r", "")
    assert "not in the library" in reader.header.details()
    index = window.tabs.currentIndex()
    assert window.tabs.tabText(index) == tab_title(reader.title())
    assert str(path.absolute()) in window.tabs.tabToolTip(index)
    assert window.service.rows() == [], "reading a file does not import it"
    assert warnings == []


@pytest.mark.parametrize(
    ("arg", "expected"),
    [("missing.txt", "no such file"), ("#999", "no speech #999"), ("bad.xyz", "cannot be read")],
)
def test_bad_input_is_explained_and_the_window_stays(window, tmp_path, warnings, arg, expected):
    (tmp_path / "bad.xyz").write_text("不是支持的格式", encoding="utf-8")
    target = str(tmp_path / arg) if not arg.startswith("#") else arg
    open_documents(window, [target])
    assert len(warnings) == 1 and expected in warnings[0]
    assert window.tabs.count() == 1 and window.isVisible()


def _file_reader(window, tmp_path: Path) -> tuple[Path, ReaderWidget]:
    path = _speech_file(tmp_path)
    open_documents(window, [str(path)])
    reader = _current_reader(window)
    assert reader.property("doc_id") is None
    return path, reader


def _import_action(window):  # type: ignore[no-untyped-def]
    return open_document.file_import(window).action


def test_import_into_library_from_the_readers_bar_makes_it_a_library_reader(
    window, qtbot, tmp_path, warnings
):
    _path, reader = _file_reader(window, tmp_path)
    index = window.tabs.currentIndex()
    bar = reader.findChild(open_document.FileOnlyBar)
    assert bar.isVisible() and bar.button.text() == "Import into library"
    assert window.model.rowCount() == 0
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 1, "the library table gains the row"
    (row,) = window.service.rows()
    library_reader = _current_reader(window)
    assert library_reader.property("doc_id") == row.id and library_reader.property("file_path") is None
    assert window.tabs.currentIndex() == index and window.tabs.count() == 2, "in the file reader's place"
    assert library_reader.findChild(open_document.FileOnlyBar) is None
    assert "not in the library" not in library_reader.header.details()
    assert f"#{row.id}" in window.statusBar().currentMessage()
    assert window.trace.similar.query_id == row.id, "tracing follows the library speech"
    assert not _import_action(window).isEnabled()
    assert warnings == []


def test_the_file_menu_entry_and_its_shortcut(window, qtbot, tmp_path):
    _path, _reader = _file_reader(window, tmp_path)
    action = _import_action(window)
    file_menu = window.act.menu_file.actions()
    assert file_menu.index(action) == file_menu.index(window.act.paste) + 1
    assert action.shortcut().toString() == "Ctrl+Shift+I" and action.isEnabled()
    window.tabs.setCurrentIndex(0)
    assert not action.isEnabled(), "only a file-only reader can be imported"
    window.tabs.setCurrentIndex(1)
    window.activateWindow()
    qtbot.keyClick(
        window.tabs.currentWidget().pane,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.model.rowCount() == 1
    assert _current_reader(window).property("doc_id") == window.service.rows()[0].id


def test_a_file_imported_meanwhile_is_not_imported_again(window, tmp_path, warnings):
    path, _reader = _file_reader(window, tmp_path)
    report = window.service.import_paths([path], lambda *_: None, lambda: False)
    doc_id = report.results[0].document_id
    window.reload()
    _import_action(window).trigger()
    assert [r.id for r in window.service.rows()] == [doc_id]
    assert _current_reader(window).property("doc_id") == doc_id
    assert window.statusBar().currentMessage() == f"speech.txt is already in the library as #{doc_id}."
    assert window.tabs.count() == 2 and warnings == []


def test_a_duplicate_whose_reader_is_open_switches_to_that_tab(window, tmp_path, warnings):
    path, reader = _file_reader(window, tmp_path)
    report = window.service.import_paths([path], lambda *_: None, lambda: False)
    doc_id = report.results[0].document_id
    existing = window.open_reader(doc_id)
    window.tabs.setCurrentWidget(reader)
    _import_action(window).trigger()
    assert window.tabs.currentWidget() is existing
    assert window.tabs.count() == 2, "the file-only reader is closed"
    assert "already in the library" in window.statusBar().currentMessage()


def test_a_duplicate_found_by_the_import_itself_switches_too(window, tmp_path, monkeypatch, warnings):
    """The library may gain the text between the check and the import: the import's report says so."""
    path, _reader = _file_reader(window, tmp_path)
    doc_id = window.service.import_paths([path], lambda *_: None, lambda: False).results[0].document_id
    monkeypatch.setattr(window.service, "document_with_hash", lambda _digest: None)
    _import_action(window).trigger()
    assert _current_reader(window).property("doc_id") == doc_id
    assert f"already in the library as #{doc_id}" in window.statusBar().currentMessage()
    assert len(window.service.rows()) == 1 and warnings == []


def test_a_file_that_cannot_be_imported_any_more_is_explained(window, tmp_path, warnings):
    path, reader = _file_reader(window, tmp_path)
    path.unlink()
    _import_action(window).trigger()
    assert len(warnings) == 1 and "speech.txt cannot be imported" in warnings[0]
    assert window.tabs.currentWidget() is reader and reader.property("doc_id") is None
    assert window.service.rows() == []
