"""Passage search in the Trace dock tells copies from boilerplate: a Kind column, muted boilerplate rows and a
"hide" filter — driven through the real window, with tasks run inline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor

from app.core.model import DocumentMeta
from tests.store.boilerplate_texts import NOTICE, holders, prose

COPIED = prose(60)
HOST = prose(80) + NOTICE + COPIED + prose(80)
OTHER = prose(90) + COPIED + prose(70)


def _search_selection(window, qtbot):  # type: ignore[no-untyped-def]
    ids = [
        window.service.add_text(text, DocumentMeta(title=f"讲话{n}"))[0]
        for n, text in enumerate([HOST, OTHER, *holders(4), prose(200)])
    ]
    window.reload()
    reader = window.open_reader(ids[0])
    cursor = reader.pane.textCursor()
    start = HOST.index(NOTICE)
    cursor.setPosition(reader.pane.offsets.to_qt(start))
    end = start + len(NOTICE + COPIED)
    cursor.setPosition(reader.pane.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    reader.pane.setTextCursor(cursor)
    reader.pane.setFocus()
    window.trace.trace_actions.passage.trigger()
    return ids, window.trace.passages


def _rows(panel) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    """(speech, kind, shown) of each table row."""
    table = panel.table
    return [
        (table.item(row, 0).text(), table.item(row, 3).text(), not table.isRowHidden(row))
        for row in range(table.rowCount())
    ]


def test_hits_say_copy_or_boilerplate_and_boilerplate_can_be_hidden(window, qtbot) -> None:
    ids, panel = _search_selection(window, qtbot)
    kinds = {hit.document.id: hit.kind for hit in panel.search.hits}
    assert kinds == {ids[1]: "copy", **dict.fromkeys(ids[2:6], "boilerplate")}
    rows = _rows(panel)
    assert sorted(kind for _speech, kind, _shown in rows) == ["boilerplate"] * 4 + ["copy"]
    assert all(shown for *_rest, shown in rows)
    muted = panel.palette().color(QPalette.ColorRole.PlaceholderText)
    for row in range(panel.table.rowCount()):
        colour = panel.table.item(row, 0).foreground().color()
        assert (colour == muted) == (panel.table.item(row, 3).text() == "boilerplate")
    assert "1 copied passage" in panel.status.text()
    assert "4 formula or boilerplate passages" in panel.status.text()

    qtbot.mouseClick(panel.hide_common, Qt.MouseButton.LeftButton)
    assert panel.hide_common.isChecked()
    assert [(speech, kind) for speech, kind, shown in _rows(panel) if shown] == [("讲话1", "copy")]
    assert "4 formula or boilerplate passages hidden" in panel.status.text()

    qtbot.mouseClick(panel.hide_common, Qt.MouseButton.LeftButton)
    assert all(shown for *_rest, shown in _rows(panel))


def test_the_filter_applies_to_the_next_search_too(window, qtbot) -> None:
    _ids, panel = _search_selection(window, qtbot)
    panel.hide_common.setChecked(True)
    panel.query.setPlainText(NOTICE)
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    assert {hit.kind for hit in panel.search.hits} == {"boilerplate"}
    assert not any(shown for *_rest, shown in _rows(panel))
