"""Reader tabs opened from the library: the real reader widget, formulas counted across the library."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.ui.library.demo import demo_files
from app.ui.reader.widget import ReaderWidget


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
    # Return is a shortcut of the table's, so (as for a user) the window must be the active one: the
    # offscreen platform activates a shown window asynchronously, later when the machine is busy.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
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


EXT_B = "\U0002000b"  # 𠀋, two UTF-16 units in Qt, one code point in the library


def test_pasted_speech_with_an_astral_character_reads_back_marks_and_outline(qtbot, window, monkeypatch):
    """Paste → Enter → the reader: formula marks sit on the right code points after 𠀋, the outline scrolls."""
    from PySide6.QtWidgets import QDialog

    from app.core.formulas.shipped import default_matcher
    from app.core.structure import outline
    from app.ui.library.paste_dialog import PasteDialog

    filler = "".join(
        f"（{i}）这一段只是为了让讲话足够长，长到需要滚动才能看到后面的标题。\n" for i in range(40)
    )
    text = (
        f"在{EXT_B}县干部大会上的讲话\n同志们：\n{EXT_B}{EXT_B}我们要深刻领悟“两个确立”的决定性意义，做到“两个维护”。\n"
        f"一、提高政治站位\n{filler}二、坚持以人民为中心的发展思想\n{filler}三、狠抓工作落实\n{filler}"
    )

    def paste(dialog: PasteDialog) -> int:
        dialog.text.setPlainText(text)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", paste)
    window.act.paste.trigger()
    (doc_id,) = window.selected_ids()
    assert window.service.text(doc_id) == text
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    reader = window.tabs.currentWidget()
    assert reader.property("doc_id") == doc_id

    hits = default_matcher().find(text)
    assert {"两个确立", "两个维护"} <= {hit.formula for hit in hits}
    marked = reader.pane.highlighted_ranges()["formula"]
    assert marked == [(hit.start, hit.end) for hit in hits]
    first = next(hit for hit in hits if hit.formula == "两个确立")
    assert text[first.start : first.end] == "两个确立"  # code points, not UTF-16 units

    headings = outline(text)
    target = next(i for i, heading in enumerate(headings) if heading.label.startswith("二"))
    item = reader.outline.item_for(target)
    rect = reader.outline.visualItemRect(item)
    qtbot.mouseClick(reader.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert reader.pane.first_visible_offset() == headings[target].start
