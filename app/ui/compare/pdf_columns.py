"""The PDF's side-by-side pages: the compared texts in columns, coloured exactly as the compare view shows them.

Colours are not recomputed here: each text goes through a hidden `ReadingPane` with the view's own
`apply_highlights` (light theme, because paper is white), and the formats the highlighter lays out are read
back from the text layout, so partner colours, muted formulas, the edits inside near-copies and redactions
look as on screen. The texts then fill a rich-text table whose rows are aligned on the shared passages: each
row starts at a paragraph of the reference (first) speech and, in every other column, at the paragraph
nearest to where the passages map that point (the scroll-sync anchor map). Qt breaks long rows across
pages and repeats the header row.

Layout: two speeches side by side on portrait A4; three or four in columns on landscape A4; five to eight
in sections of the reference speech plus up to three others (more than four columns of Chinese on A4 are
too narrow to read), each section a full side-by-side of its speeches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from app.core.structure import paragraphs
from app.ui.common.theme import Theme
from app.ui.compare.compute import CompareResult
from app.ui.compare.highlights import apply_highlights
from app.ui.compare.links import AnchorMap, Link, links_by_doc
from app.ui.pane.reading_pane import ReadingPane

MAX_COLUMNS = 4
#: Header background when the colour does not stand for a partner (two speeches).
HEADER_GREY = "#F0F0F0"


@dataclass(frozen=True, slots=True)
class FormattedText:
    """One stored text, its paragraphs, and the view's formats over it as (start, end, format) in code
    points, in order."""

    text: str
    runs: tuple[tuple[int, int, QTextCharFormat], ...]
    paragraphs: tuple[tuple[int, int], ...]

    def insert(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Insert text[start:end] at `cursor`, each piece in its format."""
        plain = QTextCharFormat()
        first = bisect_right(self.runs, start, key=lambda run: run[1])
        pos = start
        for run_start, run_end, fmt in self.runs[first:]:
            if run_start >= end:
                break
            lo, hi = max(run_start, pos), min(run_end, end)
            if lo > pos:
                cursor.insertText(self.text[pos:lo], plain)
            if hi > lo:
                cursor.insertText(self.text[lo:hi], fmt)
                pos = hi
        if pos < end:
            cursor.insertText(self.text[pos:end], plain)

    def paragraph_at(self, offset: int) -> int:
        """The number (from 1, as in the reading pane's gutter) of the paragraph at or before `offset`."""
        return max(bisect_right(self.paragraphs, offset, key=lambda span: span[0]), 1)

    def visible_paragraphs(self, start: int, end: int) -> list[tuple[int, int]]:
        """The paragraphs inside [start, end) that show something (blank lines and lone zero-width
        characters left over from the source would only print as gaps)."""
        first = bisect_left(self.paragraphs, start, key=lambda span: span[0])
        found = []
        for p_start, p_end in self.paragraphs[first:]:
            if p_start >= end:
                break
            if any(ch.isprintable() and not ch.isspace() for ch in self.text[p_start:p_end]):
                found.append((p_start, min(p_end, end)))
        return found


def print_theme() -> Theme:
    """The light colours whatever the screen shows: the PDF is printed on white paper."""
    theme = Theme()
    theme.set_preference("light")
    return theme


def formatted_texts(result: CompareResult, theme: Theme) -> list[FormattedText]:
    """Every compared text with the formats the compare view lays out for it (GUI thread: uses a widget)."""
    count = len(result.documents)
    links = links_by_doc(result.passages, count)
    labels = [d.label for d in result.documents]
    out: list[FormattedText] = []
    for index, document in enumerate(result.documents):
        pane = ReadingPane(document.text, theme=theme)
        try:
            apply_highlights(pane, links[index], labels, top_partner=0)  # speech 1 leads, as in the view
            runs = []
            block = pane.document().begin()
            while block.isValid():
                base = block.position()
                for fr in block.layout().formats():
                    start, end = pane.offsets.span_to_core(base + fr.start, base + fr.start + fr.length)
                    runs.append((start, end, QTextCharFormat(fr.format)))
                block = block.next()
        finally:
            pane.deleteLater()
        runs.sort(key=lambda run: run[0])
        spans = tuple((p.start, p.end) for p in paragraphs(document.text))
        out.append(FormattedText(document.text, tuple(runs), spans))
    return out


def column_groups(count: int) -> list[tuple[int, ...]]:
    """Which documents share a page: all of them up to four, else the first with balanced groups of others."""
    if count <= MAX_COLUMNS:
        return [tuple(range(count))]
    others = list(range(1, count))
    sections = -(-len(others) // (MAX_COLUMNS - 1))
    size, extra = divmod(len(others), sections)
    groups, at = [], 0
    for n in range(sections):
        take = size + (n < extra)
        groups.append((0, *others[at : at + take]))
        at += take
    return groups


def landscape(count: int) -> bool:
    """Two columns fit a portrait page; three or more need the width of a landscape one."""
    return count > 2


def aligned_rows(
    texts: Sequence[str], links: Sequence[Sequence[Link]], group: Sequence[int]
) -> list[tuple[tuple[int, int], ...]]:
    """Rows of (start, end) per column of `group` that together cover every text once, aligned by passages.

    A row may start at a paragraph of the reference (`group[0]`). Each other column starts it at its own
    paragraph nearest to where that point maps (exactly inside a passage, through its character alignment;
    interpolated between passages by the anchor map), never going back. A row is only started where at
    least one other column starts a paragraph too, so a row is a point where the texts meet again.
    """
    ref = group[0]
    mappers = [_Mapper(texts, links[ref], ref, doc) for doc in group[1:]]
    cuts: list[list[int]] = [[0] for _ in group]
    for paragraph in paragraphs(texts[ref])[1:]:
        x = paragraph.start
        targets = [mapper.start_near(x, c[-1]) for mapper, c in zip(mappers, cuts[1:], strict=True)]
        if any(y > c[-1] for y, c in zip(targets, cuts[1:], strict=True)):
            for column, y in zip(cuts, [x, *targets], strict=True):
                column.append(y)
    for column, doc in zip(cuts, group, strict=True):
        column.append(len(texts[doc]))
    return [tuple((column[row], column[row + 1]) for column in cuts) for row in range(len(cuts[0]) - 1)]


class _Mapper:
    """Where an offset of the reference lands in one other document, and the paragraph to start there."""

    def __init__(self, texts: Sequence[str], ref_links: Sequence[Link], ref: int, doc: int) -> None:
        self.shared = [k for k in ref_links if k.partner == doc]
        self.anchors = AnchorMap(self.shared, len(texts[ref]), len(texts[doc]))
        self.starts = [p.start for p in paragraphs(texts[doc])]

    def map(self, offset: int) -> int:
        for link in self.shared:
            if link.start <= offset < link.end:
                mine = link.passage.a == link.doc
                for seg in link.passage.alignment:
                    lo, hi, there, there_end = (
                        (seg.a_start, seg.a_end, seg.b_start, seg.b_end)
                        if mine
                        else (seg.b_start, seg.b_end, seg.a_start, seg.a_end)
                    )
                    if seg.tag == "equal" and lo <= offset < hi:
                        return min(there + offset - lo, there_end)
        return self.anchors.map(offset)

    def start_near(self, offset: int, last: int) -> int:
        """The paragraph start nearest to the mapped `offset`, not before `last`."""
        target = self.map(offset)
        i = bisect_left(self.starts, target)
        candidates = [s for s in self.starts[max(i - 1, 0) : i + 1] if s >= last] or [last]
        return min(candidates, key=lambda s: abs(s - target))


@dataclass(frozen=True, slots=True)
class ColumnHeader:
    title: str
    #: Small lines under the title (file and figures; the hash), each its own line so narrow columns
    #: break them where it reads well.
    details: tuple[str, ...]
    colour: QColor | None


def insert_columns(
    cursor: QTextCursor,
    texts: Sequence[FormattedText],
    group: Sequence[int],
    rows: Sequence[tuple[tuple[int, int], ...]],
    headers: Sequence[ColumnHeader],
) -> None:
    """A table at `cursor`: one header row (repeated on every page), then the aligned rows."""
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table_format.setCellPadding(5)
    table_format.setCellSpacing(0)
    table_format.setBorderCollapse(True)
    table_format.setBorder(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderBrush(QBrush(QColor("#C8C8C8")))
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 100 / len(group))] * len(group)
    )
    table = cursor.insertTable(len(rows) + 1, len(group), table_format)
    body = QTextBlockFormat()
    body.setBottomMargin(4)
    body.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    for column, header in enumerate(headers):
        cell = table.cellAt(0, column)
        cell_format = cell.format()
        cell_format.setBackground(header.colour if header.colour is not None else QColor(HEADER_GREY))
        cell.setFormat(cell_format)
        at = cell.firstCursorPosition()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        at.insertText(header.title, bold)
        small = QTextCharFormat()
        small.setFontPointSize(7)
        small.setForeground(QColor("#555555"))
        for line in header.details:
            at.insertBlock()
            at.insertText(line, small)
    for number, row in enumerate(rows, start=1):
        for column, (doc, (start, end)) in enumerate(zip(group, row, strict=True)):
            at = table.cellAt(number, column).firstCursorPosition()
            for n, (p_start, p_end) in enumerate(texts[doc].visible_paragraphs(start, end)):
                if n:
                    at.insertBlock(body)
                else:
                    at.setBlockFormat(body)
                texts[doc].insert(at, p_start, p_end)
