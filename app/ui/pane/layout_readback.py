"""Read the marks back from what Qt will actually draw, in code points.

Tests (and the compare view's own checks) must not trust our span lists: they ask each block's QTextLayout
which ranges carry a format and convert those UTF-16 ranges back to code points. A mark that crosses a line
break shows up as one range per block; the highlighter tags every piece with its mark's index, so the
pieces are joined again and adjacent marks stay apart.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from app.ui.pane.offsets import OffsetMap
from app.ui.pane.span_highlighter import KINDS_PROPERTY


def layout_ranges(document: QTextDocument, offsets: OffsetMap) -> dict[str, list[tuple[int, int]]]:
    """kind → code-point ranges of its marks, from every block's `layout().formats()`."""
    by_mark: dict[tuple[str, int], tuple[int, int]] = {}
    block = document.begin()
    while block.isValid():
        base = block.position()
        layout = block.layout()
        for fr in layout.formats() if layout is not None else ():
            tags = fr.format.property(KINDS_PROPERTY)
            if not tags:
                continue
            start, end = base + fr.start, base + fr.start + fr.length
            for tag in str(tags).split("|"):
                kind, _, index = tag.partition("#")
                key = (kind, int(index or 0))
                seen = by_mark.get(key)
                by_mark[key] = (min(seen[0], start), max(seen[1], end)) if seen else (start, end)
        block = block.next()
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for (kind, _index), (start, end) in by_mark.items():
        by_kind.setdefault(kind, []).append(offsets.span_to_core(start, end))
    return {kind: sorted(ranges) for kind, ranges in by_kind.items()}


def extra_selection_ranges(editor: QPlainTextEdit, offsets: OffsetMap) -> dict[str, list[tuple[int, int]]]:
    """kind → code-point ranges of the editor's transient marks (extra selections)."""
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for selection in editor.extraSelections():
        kind = selection.format.property(KINDS_PROPERTY)
        cursor = selection.cursor
        if kind and cursor.hasSelection():
            by_kind.setdefault(str(kind), []).append(
                offsets.span_to_core(cursor.selectionStart(), cursor.selectionEnd())
            )
    return {kind: sorted(ranges) for kind, ranges in by_kind.items()}
