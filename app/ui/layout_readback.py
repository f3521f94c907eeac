"""Read the marks back from what Qt will actually draw, in code points.

Tests (and the compare view's own checks) must not trust our span lists: they ask each block's QTextLayout
which ranges carry a format and convert those UTF-16 ranges back to code points. A mark that crosses a line
break shows up as one range per block; the pieces are joined again across the block separator.
Adjacent marks of the same kind read back as one range (the layout cannot tell them apart).
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from app.ui.offsets import OffsetMap
from app.ui.span_highlighter import KINDS_PROPERTY


def _join(ranges: list[tuple[int, int]], block_ends: set[int]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if joined and (
            start <= joined[-1][1] or (start == joined[-1][1] + 1 and joined[-1][1] in block_ends)
        ):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def layout_ranges(document: QTextDocument, offsets: OffsetMap) -> dict[str, list[tuple[int, int]]]:
    """kind → covered code-point ranges, from every block's `layout().formats()`."""
    by_kind: dict[str, list[tuple[int, int]]] = {}
    block_ends: set[int] = set()
    block = document.begin()
    while block.isValid():
        base = block.position()
        block_ends.add(base + block.length() - 1)
        layout = block.layout()
        for fr in layout.formats() if layout is not None else ():
            kinds = fr.format.property(KINDS_PROPERTY)
            if not kinds:
                continue
            for kind in str(kinds).split("|"):
                by_kind.setdefault(kind, []).append((base + fr.start, base + fr.start + fr.length))
        block = block.next()
    return {
        kind: [offsets.span_to_core(s, e) for s, e in _join(ranges, block_ends)]
        for kind, ranges in by_kind.items()
    }


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
