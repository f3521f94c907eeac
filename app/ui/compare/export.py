"""Export a comparison as evidence: the shared HTML report (app.reports.html) or a PDF from Qt's writer.

Both carry what makes the result checkable later: every text's file name and SHA-256, the parameters,
Duidu's version and the time. The HTML is the report `duidu compare --html` writes; the PDF is a print
layout of the same facts (evidence, ratios, and every passage with both wordings) through QTextDocument,
because Qt's rich text cannot lay out the HTML report's side-by-side columns.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog

from app import __version__
from app.reports.comparison import ReportDocument
from app.ui.compare.compute import CompareResult
from app.ui.fonts import reading_font

if TYPE_CHECKING:
    from app.ui.compare.view import CompareView


def report_documents(result: CompareResult) -> list[ReportDocument]:
    return [ReportDocument(_file_name(d), d.text, d.sha256) for d in result.documents]


def _file_name(document) -> str:
    name = Path(document.path).name if document.path else document.name
    if document.doc_id is not None and not document.path:
        name = f"#{document.doc_id} {document.meta.title or document.name}".strip()
    return name


def evidence(result: CompareResult, generated: datetime) -> dict[str, object]:
    """Parameters plus version and time, as the reports print them."""
    return {
        **result.settings.describe(),
        "duidu version": __version__,
        "generated (UTC)": generated.isoformat(timespec="seconds"),
    }


def export_html(result: CompareResult, path: str | Path, generated: datetime | None = None) -> Path:
    from app.reports.html import comparison_html

    generated = generated or datetime.now(UTC)
    text = comparison_html(
        report_documents(result), result.comparison, result.settings.describe(), generated=generated
    )
    target = Path(path)
    target.write_text(text, encoding="utf-8", newline="")
    return target


def _table(rows: Sequence[Sequence[str]], header: Sequence[str] = ()) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">']
    if header:
        out.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def pdf_html(result: CompareResult, generated: datetime) -> str:
    """The PDF's content as Qt rich text (tables and paragraphs only)."""
    docs = report_documents(result)
    names = [html.escape(d.name) for d in docs]
    parts = ["<h1>对读 Duidu — comparison report</h1>", "<h2>Documents</h2>"]
    parts.append(
        _table(
            [
                (str(n + 1), names[n], f"{len(d.text):,}", f"<small>{d.sha256}</small>")
                for n, d in enumerate(docs)
            ],
            ("#", "file", "characters", "SHA-256"),
        )
    )
    parts.append("<h2>Parameters</h2>")
    parts.append(
        _table([(html.escape(k), html.escape(str(v))) for k, v in evidence(result, generated).items()])
    )
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
    parts.append("<h2>Passages</h2>")
    for number, p in enumerate(result.passages, start=1):
        parts.append(
            f"<p><b>{number}.</b> [{p.a + 1}] {p.a_start:,}–{p.a_end:,} ↔ [{p.b + 1}] {p.b_start:,}–{p.b_end:,}"
            f" · {p.similarity:.0%} · {html.escape(p.kind)}</p>"
        )
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f'<tr><td width="4%">A</td><td>{html.escape(p.a_text)}</td></tr>'
            f'<tr><td width="4%">B</td><td>{html.escape(p.b_text)}</td></tr></table>'
        )
    return "".join(parts)


def export_pdf(result: CompareResult, path: str | Path, generated: datetime | None = None) -> Path:
    generated = generated or datetime.now(UTC)
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setTitle("Duidu comparison: " + " / ".join(d.name for d in report_documents(result)))
    writer.setCreator(f"Duidu {__version__}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    document = QTextDocument()
    document.setDefaultFont(reading_font(10))
    document.setHtml(pdf_html(result, generated))
    document.print_(writer)
    return target


def ask_and_export(view: CompareView, kind: str) -> Path | None:
    """Ask where to write the view's comparison as `kind` ("html" or "pdf"), write it, say so."""
    if view.result is None:
        return None

    translate = QCoreApplication.translate  # literal strings, so that lupdate files them under CompareView
    if kind == "html":
        caption = translate("CompareView", "Export the comparison as HTML")
        pattern, write = translate("CompareView", "HTML report (*.html)"), export_html
    else:
        caption = translate("CompareView", "Export the comparison as PDF")
        pattern, write = translate("CompareView", "PDF (*.pdf)"), export_pdf
    default = "-".join(d.label[:12] for d in view.documents) + "." + kind
    path, _ = QFileDialog.getSaveFileName(view, caption, default, pattern)
    if not path:
        return None
    written = write(view.result, path)
    view.params.set_status(translate("CompareView", "Wrote {0}").format(path))
    return written
