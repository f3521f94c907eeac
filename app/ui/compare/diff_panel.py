"""One passage pair aligned character by character: the near-copy's edits at a glance.

The engine's alignment segments say which stretches are equal (in the normalised view) and which were
edited; inside an edited stretch (and where punctuation differs) rapidfuzz's Levenshtein opcodes align
single characters. The result is a list of columns — a character of A over a character of B, or a gap —
shown in rows of fixed width, so a swapped place name or an inserted 进一步 lines up with what it replaced.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget
from rapidfuzz.distance import Levenshtein

from app.core.passages import Passage
from app.ui.common.theme import Theme, current_theme

COLUMNS_PER_ROW = 24
GAP = "\u3000"  # an ideographic space keeps the columns as wide as a Chinese character


@dataclass(frozen=True, slots=True)
class Column:
    a: str  # "" for a gap
    b: str
    tag: str  # equal | replace | delete | insert


def _shown(ch: str) -> str:
    return "↵" if ch == "\n" else "·" if ch.isspace() else ch


def _align_chars(a: str, b: str) -> list[Column]:
    out: list[Column] = []
    for op in Levenshtein.opcodes(a, b):
        xs, ys = a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]
        if op.tag == "equal":
            out.extend(Column(x, y, "equal") for x, y in zip(xs, ys, strict=True))
        elif op.tag == "replace":
            out.extend(Column(x, y, "replace") for x, y in zip(xs, ys, strict=True))
        elif op.tag == "delete":
            out.extend(Column(x, "", "delete") for x in xs)
        else:
            out.extend(Column("", y, "insert") for y in ys)
    return out


def aligned_columns(passage: Passage) -> list[Column]:
    """The passage as aligned character columns, A over B, in the order of its alignment segments.

    Text between segments (between the parts of a grouped passage) is aligned too; where the parts of a
    reordered passage jump back in B, the skipped A text is shown against a gap.
    """
    a_text, b_text = passage.a_text, passage.b_text
    a0, b0 = passage.a_start, passage.b_start
    columns: list[Column] = []
    pa, pb = a0, b0
    for seg in passage.alignment:
        if seg.a_start >= pa and seg.b_start >= pb:
            columns += _align_chars(a_text[pa - a0 : seg.a_start - a0], b_text[pb - b0 : seg.b_start - b0])
        elif seg.a_start > pa:
            columns += [Column(ch, "", "delete") for ch in a_text[pa - a0 : seg.a_start - a0]]
        xs = a_text[seg.a_start - a0 : seg.a_end - a0]
        ys = b_text[seg.b_start - b0 : seg.b_end - b0]
        columns += _align_chars(xs, ys)
        pa, pb = max(pa, seg.a_end), seg.b_end
    columns += _align_chars(a_text[pa - a0 :], b_text[pb - b0 :] if pb >= b0 else "")
    return _collapse_blank_runs(columns)


def _blank(column: Column) -> bool:
    return (not column.a or column.a.isspace()) and (not column.b or column.b.isspace())


def _collapse_blank_runs(columns: list[Column]) -> list[Column]:
    """Keep one column of a run of line breaks and spaces on both sides (headings sit between blank lines)."""
    out: list[Column] = []
    for column in columns:
        if not (_blank(column) and out and _blank(out[-1])):
            out.append(column)
    return out


def diff_html(passage: Passage, labels: Sequence[str], theme: Theme | None = None) -> str:
    theme = theme or current_theme()
    changed = theme.colour("diff.background").name()
    gap = theme.colour("passage.formula.background").name()
    columns = aligned_columns(passage)
    edits = sum(c.tag != "equal" for c in columns)
    head = (
        f"<p><b>A</b> {html.escape(labels[passage.a])} · {passage.a_start:,}–{passage.a_end:,}<br>"
        f"<b>B</b> {html.escape(labels[passage.b])} · {passage.b_start:,}–{passage.b_end:,}<br>"
        f"{passage.similarity:.0%} · {html.escape(passage.kind)} · {edits} ≠</p>"
    )
    rows = [head]
    for start in range(0, len(columns), COLUMNS_PER_ROW):
        chunk = columns[start : start + COLUMNS_PER_ROW]
        cells_a, cells_b = [], []
        for column in chunk:
            style = "" if column.tag == "equal" else f' style="background:{changed}"'
            for cells, ch in ((cells_a, column.a), (cells_b, column.b)):
                cell_style = f' style="background:{gap}"' if not ch else style
                cells.append(f"<td{cell_style}>{html.escape(_shown(ch)) if ch else GAP}</td>")
        rows.append(
            '<table cellspacing="0" cellpadding="1" style="margin-bottom:6px">'
            f"<tr><th>A</th>{''.join(cells_a)}</tr><tr><th>B</th>{''.join(cells_b)}</tr></table>"
        )
    return "".join(rows)


class DiffPanel(QDockWidget):
    """A dock with the character diff of the selected passage pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare-diff")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.setWidget(self.browser)
        self.passage: Passage | None = None
        self._labels: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Passage diff"))
        if self.passage is None:
            self.browser.setPlainText(self.tr("Click a passage to see both wordings aligned here."))

    def show_passage(self, passage: Passage | None, labels: Sequence[str]) -> None:
        self.passage = passage
        self._labels = list(labels)
        if passage is None:
            self.retranslate()
        else:
            self.browser.setHtml(diff_html(passage, labels))
