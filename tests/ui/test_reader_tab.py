"""Reader tabs opened from the library: the real reader widget, formulas counted across the library."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.ui.main_window import demo_files
from app.ui.reader import ReaderWidget


def _import_demo(window):
    window.importer.show_results = False
    window.import_paths(demo_files())
    assert window.model.rowCount() == len(demo_files())


def _id_of(window, title_part: str) -> int:
    return next(row.id for row in window.model.rows() if title_part in row.title)


def test_enter_opens_the_reader_with_formulas_and_outline(qtbot, window):
    _import_demo(window)
    doc_id = _id_of(window, "理论学习中心组")
    window.select_ids([doc_id])
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    reader = window.tabs.currentWidget()
    assert isinstance(reader, ReaderWidget)
    assert reader.property("doc_id") == doc_id
    assert reader.text() == window.service.text(doc_id)
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("在市委理论学习")
    # Headings of the speech are in the outline; formula detection ran (inline runner) and marked hits.
    assert reader.outline.topLevelItemCount() >= 2
    hits = reader.formula_hits()
    assert hits, "the demo speech uses official formulas"
    # The hover text's "used in N speeches" comes from the library: "两个确立" appears in several demos.
    assert window.service.formula_usage("两个确立") >= 2
    # Ctrl+W closes the tab, the library tab stays.
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 1


def test_editing_details_updates_an_open_reader(window):
    _import_demo(window)
    doc_id = _id_of(window, "公报")
    reader = window.open_reader(doc_id)
    before = window.service.document(doc_id).meta
    window.apply_metadata(doc_id, before, replace(before, title="改过的标题"))
    assert reader.title() == "改过的标题"
    assert window.tabs.tabText(window.tabs.indexOf(reader)) == "改过的标题"
