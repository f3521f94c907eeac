"""The comparison as a PDF: evidence first, then the texts side by side as on screen, then every passage.

`prepare_pdf` reads the compare view's formats from hidden reading panes and gathers everything else as
values; `PdfJob.pages` builds the rich-text document, paginates it at the writer's resolution and paints one
page per step, so the interface can write between event-loop turns behind a progress dialog and stop when
cancelled. It all stays on the GUI thread: painting in a worker thread crashed or hung inside PySide now
and then while the window painted (2 of 6 runs), and two 20k-character speeches take about half a second
in all. Pages are painted here rather than by `QTextDocument.print_`, which would add its own 2 cm margins
and no footer; every page's footer names the version and time, so a single printed page still says where
it came from.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from app import __version__
from app.core.passages import Cancelled
from app.ui.common.fonts import reading_font
from app.ui.common.theme import Theme
from app.ui.compare.compute import CompareResult
from app.ui.compare.evidence import evidence, report_documents
from app.ui.compare.highlights import link_colour
from app.ui.compare.links import Link, links_by_doc
from app.ui.compare.pdf_columns import (
    ColumnHeader,
    FormattedText,
    aligned_rows,
    column_groups,
    formatted_texts,
    insert_columns,
    landscape,
    print_theme,
)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

#: Body text size: columns of Chinese stay readable on paper at this size.
BODY_POINTS = 9.5
FOOTER_POINTS = 7.0
MARGIN_MM = 12.0
#: Dots per inch of the painter's coordinates (the PDF itself is vector text at any zoom).
RESOLUTION = 300
HASH_PREFIX = 16


@dataclass(frozen=True, slots=True)
class Section:
    """One side-by-side run of pages: which documents, and their aligned rows."""

    group: tuple[int, ...]
    rows: tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True, slots=True)
class PdfJob:
    """Everything the PDF shows, as values (no widget is needed any more to write it)."""

    title: str
    front: str
    back: str
    texts: tuple[FormattedText, ...]
    headers: tuple[ColumnHeader, ...]
    sections: tuple[Section, ...]
    font: QFont
    landscape: bool
    footer: str

    def build(self) -> QTextDocument:
        """The whole report as one rich-text document (evidence, one table per section, passages)."""
        document = QTextDocument()
        document.setDefaultFont(self.font)
        document.setHtml(self.front)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        page_break = QTextBlockFormat()
        page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        for section in self.sections:
            cursor.insertBlock(page_break)
            headers = [self.headers[n] for n in section.group]
            insert_columns(cursor, self.texts, section.group, section.rows, headers)
            cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(page_break)
        cursor.insertHtml(self.back)
        return document

    def pages(self, path: str | Path) -> Iterator[tuple[int, int]]:
        """Write the PDF to `path` a page at a time: yields (pages written, total) once the document is
        laid out and after every page. Closing the generator early (cancelling) removes the file."""
        target = Path(path)
        writer = QPdfWriter(str(target))
        writer.setTitle(self.title)
        writer.setCreator(f"Duidu {__version__}")
        orientation = (
            QPageLayout.Orientation.Landscape if self.landscape else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, margins, QPageLayout.Unit.Millimeter)
        )
        writer.setResolution(RESOLUTION)
        footer_font = QFont(self.font)
        footer_font.setPointSizeF(FOOTER_POINTS)
        area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
        metrics = QFontMetricsF(footer_font, writer)
        footer_height = metrics.height() * 2
        page = QSizeF(area.width(), area.height() - footer_height)
        document = self.build()
        document.documentLayout().setPaintDevice(writer)  # lay out in the writer's own metrics
        document.setPageSize(page)
        total = document.pageCount()
        painter = QPainter(writer)
        if not painter.isActive():
            raise OSError(f"cannot write {target}")
        complete = False
        try:
            yield 0, total
            footer = QRectF(0, page.height(), page.width(), footer_height)
            room = page.width() - 2 * metrics.horizontalAdvance(f"{total} / {total}")  # the page number's
            footer_text = metrics.elidedText(self.footer, Qt.TextElideMode.ElideMiddle, room)
            left = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft
            right = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight
            for number in range(total):
                if number:
                    writer.newPage()
                painter.save()
                painter.translate(0, -number * page.height())
                document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
                painter.restore()
                painter.setFont(footer_font)
                painter.setPen(QColor("#666666"))
                painter.drawText(footer, left, footer_text)
                painter.drawText(footer, right, f"{number + 1} / {total}")
                yield number + 1, total
            complete = True
        finally:
            painter.end()
            if not complete:
                target.unlink(missing_ok=True)

    def write(
        self, path: str | Path, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> Path:
        """Write the whole PDF now; progress counts pages. A cancelled export leaves no file behind."""
        steps = self.pages(path)
        for done, total in steps:
            if cancelled is not None and cancelled():
                steps.close()
                raise Cancelled
            if progress is not None:
                progress(done, total)
        return Path(path)


def prepare_pdf(result: CompareResult, generated: datetime) -> PdfJob:
    """Gather the PDF's content on the GUI thread (the formats come from hidden reading panes)."""
    theme = print_theme()
    count = len(result.documents)
    texts = formatted_texts(result, theme)
    links = links_by_doc(result.passages, count)
    sections = tuple(
        Section(group, tuple(aligned_rows([t.text for t in texts], links, group)))
        for group in column_groups(count)
    )
    colours = [
        link_colour(theme, Link(n, p.a, p.b, 0, 0, 0, 0, p), count) for n, p in enumerate(result.passages)
    ]
    names = [d.name for d in report_documents(result)]
    headers = _headers(result, theme)
    return PdfJob(
        title="Duidu comparison: " + " / ".join(names),
        front=_evidence_html(result, generated, [h.colour for h in headers]),
        back=_passages_html(result, texts, colours),
        texts=tuple(texts),
        headers=tuple(headers),
        sections=sections,
        font=reading_font(BODY_POINTS),
        landscape=landscape(count),
        footer=f"Duidu {__version__} · {generated.isoformat(timespec='seconds')} · " + " / ".join(names),
    )


def _table(rows: Sequence[Sequence[str]], header: Sequence[str] = ()) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">']
    if header:
        out.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _evidence_html(result: CompareResult, generated: datetime, chips: Sequence[QColor | None]) -> str:
    """The first page: the documents with their hashes, the parameters, the shared share of each pair."""
    docs = report_documents(result)
    parts = ["<h1>对读 Duidu — comparison report</h1>", "<h2>Documents</h2>"]
    parts.append(
        _table(
            [
                (
                    _chip(str(n + 1), chips[n]),
                    html.escape(d.name),
                    html.escape(result.documents[n].label),
                    f"{len(d.text):,}",
                    f"<small>{d.sha256}</small>",
                )
                for n, d in enumerate(docs)
            ],
            ("#", "file", "title", "characters", "SHA-256"),
        )
    )
    parts.append("<h2>Parameters</h2>")
    facts = [(html.escape(k), html.escape(str(v))) for k, v in evidence(result, generated).items()]
    half = -(-len(facts) // 2)  # two key/value pairs per row: the evidence stays on the first page
    left, right = facts[:half], facts[half:] + [("", "")] * (2 * half - len(facts))
    parts.append(_table([(*a, *b) for a, b in zip(left, right, strict=True)]))
    parts.append("<h2>Shared text per pair</h2>")
    rows = []
    for s in result.comparison.summary:
        found = [p for p in result.passages if (p.a, p.b) == (s.a, s.b)]
        copies = sum(p.kind == "copy" for p in found)
        rows.append(
            (
                f"{s.a + 1} ↔ {s.b + 1}",
                f"{result.pair_ratios[s.a, s.b]:.1%}",
                f"{result.pair_ratios[s.b, s.a]:.1%}",
                str(copies),
                str(len(found) - copies),
            )
        )
    parts.append(_table(rows, ("pair", "share of A", "share of B", "copied passages", "shared formulas")))
    parts.append(f"<h2>How to read the pages</h2><p>{html.escape(_legend(len(docs)))}</p>")
    return "".join(parts)


def _chip(text: str, colour: QColor | None) -> str:
    if colour is None:
        return text
    return f'<span style="background-color:{colour.name()}">&nbsp;{text}&nbsp;</span>'


def _legend(count: int) -> str:
    colours = (
        "Each copied passage has its own colour, the same in both columns."
        if count == 2
        else "A copied passage has the colour of the speech it is shared with (the colour of that speech's "
        "column header)."
    )
    sections = (
        " With more than four speeches, speech 1 is printed beside each group of up to three others."
        if count > 4
        else ""
    )
    return (
        f"{colours} Grey text on grey is a shared formula (official boilerplate, not copying); red marks the "
        "characters a near-copy changed. Rows are aligned on the shared passages, starting at paragraphs of "
        f"speech 1.{sections} The passage list at the end gives each passage's position (paragraph ¶ and "
        "characters from the start of the text), length and similarity."
    )


def _passages_html(result: CompareResult, texts: Sequence[FormattedText], colours: Sequence[QColor]) -> str:
    """The closing list: every passage with its colour, documents, positions, similarity and both wordings."""
    parts = ["<h2>Passages</h2>"]
    for number, p in enumerate(result.passages, start=1):
        number_html = _chip(f"<b>{number}.</b>", colours[number - 1])
        a_where = f"[{p.a + 1}] ¶{texts[p.a].paragraph_at(p.a_start)} {p.a_start:,}–{p.a_end:,}"
        b_where = f"[{p.b + 1}] ¶{texts[p.b].paragraph_at(p.b_start)} {p.b_start:,}–{p.b_end:,}"
        parts.append(
            f"<p>{number_html} {a_where} ↔ {b_where} · {p.a_end - p.a_start:,} chars · similarity {p.similarity:.0%}"
            f" · {html.escape(p.kind)}</p>"
        )
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f'<tr><td width="5%">{p.a + 1}</td><td>{html.escape(p.a_text)}</td></tr>'
            f'<tr><td width="5%">{p.b + 1}</td><td>{html.escape(p.b_text)}</td></tr></table>'
        )
    return "".join(parts)


def _headers(result: CompareResult, theme: Theme) -> list[ColumnHeader]:
    """Column titles: number and title, then file, length, shared share and the hash's beginning."""
    count = len(result.documents)
    headers = []
    for n, (document, report) in enumerate(zip(result.documents, report_documents(result), strict=True)):
        details = (
            f"{report.name} · {len(document.text):,} chars · shared {result.ratios[n]:.1%}",
            f"SHA-256 {document.sha256[:HASH_PREFIX]}…",
        )
        colour = theme.partner_colour(n) if count > 2 else None
        headers.append(ColumnHeader(f"{n + 1}. {document.label}", details, colour))
    return headers
