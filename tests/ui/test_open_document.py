"""`duidu gui DOC` with one document: a library id, a file already imported, a file that is not, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.model import DocumentMeta
from app.paths import resource
from app.ui import open_document
from app.ui.app import open_documents
from app.ui.reader import ReaderWidget
from app.ui.reader_tabs import tab_title

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
