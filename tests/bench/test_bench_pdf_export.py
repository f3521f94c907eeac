"""Exporting a comparison as PDF: two government work reports (≈18k characters each), and four.

Prints the time of `export_pdf` (formats read from hidden panes, rich-text build, pagination, painting)
and, as the baseline measured in the same run, Qt printing the same texts as plain text in the same font
(`QTextDocument.print_`): the least any PDF of these texts costs. The interface writes the PDF on the GUI
thread one step per event-loop turn (gathering, layout, then a page per step), so the longest step is the
longest time the window freezes; it is printed too.
Run: python -m pytest tests/bench/test_bench_pdf_export.py -s
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter, QTextDocument

from app.core.text import clean_text, content_hash
from app.ui.common.fonts import reading_font
from app.ui.compare import CompareDocument
from app.ui.compare.compute import CompareSettings, compute
from app.ui.compare.export import export_pdf
from app.ui.compare.pdf_report import BODY_POINTS, prepare_pdf


def _documents(corpus, years) -> list[CompareDocument]:
    out = []
    for year in years:
        text = clean_text((corpus / "gwr-state-council" / f"gwr-{year}.txt").read_text(encoding="utf-8"))
        out.append(CompareDocument(f"gwr-{year}.txt", text, content_hash(text)))
    return out


def _best(write, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        write()
        best = min(best, time.perf_counter() - started)
    return best


def _plain_print(texts: list[str], path) -> None:
    document = QTextDocument()
    document.setDefaultFont(reading_font(BODY_POINTS))
    document.setPlainText("\n".join(texts))
    document.print_(QPdfWriter(str(path)))


def _longest_step(result, path) -> float:
    """The longest single step of the stepped export (what the GUI thread is blocked for at most)."""
    started = time.perf_counter()
    job = prepare_pdf(result, datetime.now(UTC))
    longest = time.perf_counter() - started
    steps = job.pages(path)
    while True:
        started = time.perf_counter()
        try:
            next(steps)
        except StopIteration:
            return max(longest, time.perf_counter() - started)
        longest = max(longest, time.perf_counter() - started)


def test_pdf_export_speed(qapp, corpus, tmp_path):
    for years in ((2021, 2022), (2021, 2022, 2023, 2024)):
        documents = _documents(corpus, years)
        result = compute(documents, CompareSettings())
        pdf = _best(lambda result=result: export_pdf(result, tmp_path / "bench.pdf"))
        texts = [d.text for d in documents]
        plain = _best(lambda texts=texts: _plain_print(texts, tmp_path / "plain.pdf"))
        stall = _longest_step(result, tmp_path / "stepped.pdf")
        pages = len(PdfReader(str(tmp_path / "bench.pdf")).pages)
        chars = sum(len(d.text) for d in documents)
        print(
            f"\nPDF export, {len(documents)} speeches ({chars:,} characters, {len(result.passages)} passages, "
            f"{pages} pages): {pdf:.2f} s; plain print of the texts {plain:.2f} s (ratio {pdf / plain:.1f}); longest step {stall * 1000:.0f} ms"
        )
        assert pages > 3
