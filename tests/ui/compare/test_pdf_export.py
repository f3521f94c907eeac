"""The PDF shows the compared texts side by side, in the compare view's colours, with the evidence.

The PDFs are read back with pypdf: text fragments with their page positions (the visitor's matrices) tell
which column a piece of text was printed in, the page's content stream which fill colours were painted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import pairwise

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from app import __version__
from app.core.model import DocumentMeta
from app.core.passages import Cancelled
from app.core.structure import paragraphs
from app.ui.common.theme import current_theme
from app.ui.compare.highlights import colour_index
from app.ui.compare.links import links_by_doc
from app.ui.compare.pdf_columns import aligned_rows, column_groups, formatted_texts, print_theme
from app.ui.compare.pdf_report import prepare_pdf

from .conftest import EXT_B, corpus_document, sample_document

SAMPLES = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt", "05-plenary-communique.txt")


def _titled(name: str, prefix: str = ""):
    document = sample_document(name, prefix)
    title = document.text.lstrip(EXT_B + "\n").split("\n", 1)[0]
    return replace(document, meta=DocumentMeta(title=title))


def _squeeze(text: str) -> str:
    """Text without spaces and invisible characters: how it compares with what a PDF reader extracts."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


@dataclass(frozen=True)
class Fragment:
    page: int
    x: float
    y: float
    text: str


def _fragments(reader: PdfReader) -> list[Fragment]:
    found: list[Fragment] = []
    for number, page in enumerate(reader.pages):

        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append(Fragment(number, x, y, text))

        page.extract_text(visitor_text=visit)
    return found


def _columns(fragments: list[Fragment], titles: list[str]) -> dict[int, dict[int, str]]:
    """page → {document: the text printed in its column below the header}, for pages with column headers.

    A header is the fragment that begins with "n. title"; every later fragment belongs to the column whose
    header starts at or left of it, and counts only below the header's detail line.
    """
    pages: dict[int, dict[int, str]] = {}
    for page in sorted({f.page for f in fragments}):
        on_page = [f for f in fragments if f.page == page]
        heads: dict[int, Fragment] = {}
        for f in on_page:
            for doc, title in enumerate(titles):
                if doc not in heads and _squeeze(f.text).startswith(_squeeze(f"{doc + 1}. {title}")[:8]):
                    heads[doc] = f
        if len(heads) < 2:
            continue
        detail_y = min(f.y for f in on_page if "SHA-256" in f.text)
        footer_y = max(f.y for f in on_page if f"Duidu{__version__}" in _squeeze(f.text))
        starts = sorted((f.x, doc) for doc, f in heads.items())
        texts: dict[int, list[str]] = {doc: [] for doc in heads}
        for f in on_page:
            if footer_y + 1 < f.y < detail_y - 1:
                left = [doc for x, doc in starts if x <= f.x + 1]
                if left:
                    texts[left[-1]].append(f.text)
        pages[page] = {doc: _squeeze("".join(parts)) for doc, parts in texts.items()}
    return pages


def _fill_colours(reader: PdfReader, pages) -> set[tuple[float, float, float]]:
    colours = set()
    for page in pages:
        data = reader.pages[page].get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) scn", data):
            colours.add((round(float(r), 2), round(float(g), 2), round(float(b), 2)))
    return colours


def _rgb(colour) -> tuple[float, float, float]:
    return (round(colour.redF(), 2), round(colour.greenF(), 2), round(colour.blueF(), 2))


def _page_at(columns: dict[int, dict[int, str]], doc: int, text: str, offset: int) -> int:
    """The page on which the character at `offset` of document `doc` is printed."""
    position = len(_visible(text[: offset + 1]))
    for page, texts in sorted(columns.items()):
        position -= len(texts.get(doc, ""))
        if position <= 0:
            return page
    raise AssertionError(f"offset {offset} of document {doc} is not printed")


def _in_order(passages):
    """The longest run of passages whose order is the same in both texts (a longest increasing subsequence)."""
    passages = sorted(passages, key=lambda p: (p.a_start, p.b_start))
    best = [[p] for p in passages]
    for i, p in enumerate(passages):
        for j in range(i):
            q = passages[j]
            if q.a_end <= p.a_start and q.b_end <= p.b_start and len(best[j]) + 1 > len(best[i]):
                best[i] = [*best[j], p]
    return max(best, key=len, default=[])


def _visible(text: str) -> str:
    return _squeeze("".join(text[p.start : p.end] for p in paragraphs(text)))


def test_two_speeches_print_side_by_side_with_evidence(open_view, corpus, tmp_path):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    result = view.result
    reader = PdfReader(str(view.export_pdf(tmp_path / "pair.pdf")))
    pages = len(reader.pages)
    total = sum(len(d.text) for d in result.documents)
    assert total / 3000 < pages < total / 300, pages  # a few hundred to a few thousand characters a page
    first = _squeeze(reader.pages[0].extract_text())
    for document in result.documents:
        assert document.name in first and document.sha256 in first
    assert __version__ in first and "generated(UTC)" in first and "count_formulas_as_copying" in first
    width, height = reader.pages[1].mediabox.width, reader.pages[1].mediabox.height
    assert width < height  # two columns fit a portrait page

    columns = _columns(_fragments(reader), [d.label for d in result.documents])
    assert len(columns) >= 10
    # Each column prints its whole text, in order, once (headers repeated on each page are not counted).
    for doc, document in enumerate(result.documents):
        printed = "".join(page[doc] for _, page in sorted(columns.items()))
        assert printed == _visible(document.text)
    # Shared passages sit side by side: those in the same order in both speeches (the others were moved,
    # and no column layout can put both sides of a moved passage together) begin on the same page.
    texts = [d.text for d in result.documents]
    ordered = _in_order([p for p in result.passages if p.kind == "copy"])
    assert len(ordered) >= 10
    distance = [
        abs(_page_at(columns, p.a, texts[p.a], p.a_start) - _page_at(columns, p.b, texts[p.b], p.b_start))
        for p in ordered
    ]
    assert sum(d == 0 for d in distance) >= 0.75 * len(ordered) and max(distance) <= 1, distance
    # The pair's colours: one per passage pair, as in the view (light theme, the paper's).
    theme = print_theme()
    painted = _fill_colours(reader, columns)
    links = links_by_doc(result.passages, 2)[0]
    wanted = {_rgb(theme.partner_colour(colour_index(k, 2))) for k in links if k.kind == "copy"}
    assert wanted <= painted
    assert _rgb(theme.colour("passage.formula.background")) in painted


def test_three_speeches_print_in_columns_on_landscape_pages(open_view, tmp_path):
    documents = [_titled(name) for name in SAMPLES]
    view = open_view(documents)
    result = view.result
    assert {(p.a, p.b) for p in result.passages if p.kind == "copy"} >= {(0, 1), (0, 2)}
    reader = PdfReader(str(view.export_pdf(tmp_path / "three.pdf")))
    page = reader.pages[1]
    assert page.mediabox.width > page.mediabox.height
    first = _squeeze(reader.pages[0].extract_text())
    for document in documents:
        assert _squeeze(document.meta.title) in first and document.sha256 in first
    fragments = _fragments(reader)
    columns = _columns(fragments, [d.label for d in documents])
    assert columns and all(len(texts) == 3 for texts in columns.values())
    for doc, document in enumerate(documents):
        assert "".join(texts[doc] for _, texts in sorted(columns.items())) == _visible(document.text)
    # The three columns start at three different places across the page.
    heads = sorted(f.x for f in fragments if f.page == min(columns) and re.match(r"[123]\.\s", f.text))
    assert sum(b - a > 100 for a, b in pairwise(heads)) == 2  # pypdf may report a header twice
    # Copied prose has its partner's colour, and the partner's column header has it too.
    theme = print_theme()
    painted = _fill_colours(reader, columns)
    assert {_rgb(theme.partner_colour(n)) for n in range(3)} <= painted
    shared = next(p for p in result.passages if p.kind == "copy" and p.a == 0 and p.b == 1)
    assert _squeeze(shared.a_text)[:10] in "".join(texts[0] for texts in columns.values())
    assert _squeeze(shared.b_text)[:10] in "".join(texts[1] for texts in columns.values())


def test_more_than_four_speeches_print_the_first_beside_each_group(open_view, tmp_path):
    assert column_groups(2) == [(0, 1)] and column_groups(4) == [(0, 1, 2, 3)]
    assert column_groups(5) == [(0, 1, 2), (0, 3, 4)]
    assert column_groups(8) == [(0, 1, 2, 3), (0, 4, 5), (0, 6, 7)]
    names = ("01-city-study-session.txt", *(f"0{n}-" for n in range(2, 6)))
    from app.paths import resource

    files = [next(p.name for p in sorted(resource("samples").glob(f"{name[:3]}*.txt"))) for name in names]
    documents = [_titled(name) for name in files]
    view = open_view(documents)
    reader = PdfReader(str(view.export_pdf(tmp_path / "five.pdf")))
    columns = _columns(_fragments(reader), [d.label for d in documents])
    sections = {tuple(sorted(texts)) for texts in columns.values()}
    assert sections == {(0, 1, 2), (0, 3, 4)}
    for doc, document in enumerate(documents[1:], start=1):
        assert "".join(texts[doc] for _, texts in sorted(columns.items()) if doc in texts) == _visible(
            document.text
        )


def test_pdf_colours_are_the_compare_views(open_view):
    """The export reads its formats from the view's own highlight layers: same colours, same offsets."""
    if current_theme().dark:
        pytest.skip("the comparison needs the view in its light colours")
    documents = [
        _titled(SAMPLES[0], prefix=EXT_B * 2 + "\n"),
        _titled(SAMPLES[1], prefix=EXT_B),
        _titled(SAMPLES[2]),
    ]
    view = open_view(documents)
    printed = formatted_texts(view.result, print_theme())
    for pane, text in zip(view.panes, printed, strict=True):
        shown = []
        block = pane.reader.document().begin()
        while block.isValid():
            for fr in block.layout().formats():
                start = block.position() + fr.start
                span = pane.reader.offsets.span_to_core(start, start + fr.length)
                shown.append((*span, fr.format.background().color().name()))
            block = block.next()
        assert sorted(shown) == [(s, e, fmt.background().color().name()) for s, e, fmt in text.runs]
    # Offsets are code points even after characters outside the BMP: a passage's colour starts at its start.
    theme = print_theme()
    for p in view.result.passages:
        if p.kind == "copy" and p.a == 0:
            starts = {s: fmt.background().color() for s, _e, fmt in printed[0].runs}
            link = next(k for k in links_by_doc(view.result.passages, 3)[0] if k.passage is p)
            assert starts.get(p.a_start) == theme.partner_colour(colour_index(link, 3))
            break


def test_rows_cover_every_text_once_and_meet_at_shared_paragraphs():
    documents = [
        sample_document("03-theme-education-mobilisation.txt"),
        sample_document("04-county-exchange-remarks.txt"),
    ]
    from app.ui.compare.compute import CompareSettings, compute

    result = compute(documents, CompareSettings())
    texts = [d.text for d in documents]
    links = links_by_doc(result.passages, 2)
    rows = aligned_rows(texts, links, (0, 1))
    assert len(rows) > 3
    for column, text in enumerate(texts):
        spans = [row[column] for row in rows]
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] and a[0] <= a[1] for a, b in pairwise(spans))
        starts = {p.start for p in paragraphs(text)} | {0}
        assert all(start in starts for start, _end in spans)
    # A copied paragraph that starts a paragraph on both sides starts a row on both sides.
    a_starts = {p.start for p in paragraphs(texts[0])}
    b_starts = {p.start for p in paragraphs(texts[1])}
    row_starts = {(row[0][0], row[1][0]) for row in rows}
    meeting = [
        p for p in result.passages if p.kind == "copy" and p.a_start in a_starts and p.b_start in b_starts
    ]
    assert meeting
    assert sum((p.a_start, p.b_start) in row_starts for p in meeting) >= 0.8 * len(meeting)


def test_export_from_the_toolbar_writes_on_the_runner_and_reports(open_view, tmp_path, monkeypatch):
    view = open_view([_titled(SAMPLES[0]), _titled(SAMPLES[1])])
    target = tmp_path / "chosen.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    view.ask_export_pdf()
    assert target.exists() and len(PdfReader(str(target)).pages) >= 3
    assert str(target) in view.params.status.text()


def test_a_cancelled_export_leaves_no_file(open_view, tmp_path):
    view = open_view([_titled(SAMPLES[0]), _titled(SAMPLES[1])])
    job = prepare_pdf(view.result, datetime.now(UTC))
    pages: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        job.write(
            tmp_path / "cancelled.pdf", lambda done, total: pages.append((done, total)), lambda: bool(pages)
        )
    assert pages == [(0, pages[0][1])] and pages[0][1] > 2  # laid out, cancelled before the first page
    assert not (tmp_path / "cancelled.pdf").exists()


def test_an_export_that_cannot_be_written_says_why(open_view, tmp_path, monkeypatch):
    view = open_view([_titled(SAMPLES[0]), _titled(SAMPLES[1])])
    warnings: list[str] = []
    monkeypatch.setattr("app.ui.compare.export.warn", lambda _parent, _title, text: warnings.append(text))
    target = tmp_path / "no such folder" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    view.ask_export_pdf()
    assert not target.exists()
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert view.params.status.text() == warnings[0]


def test_the_pdf_is_written_between_event_loop_turns(open_view, qtbot, tmp_path, monkeypatch):
    """With a threaded runner (the application's), the export returns at once and writes a page per turn
    of the event loop; the status line says when the file is complete."""
    from app.ui.common.tasks import TaskRunner

    view = open_view([_titled(SAMPLES[0]), _titled(SAMPLES[2])])
    view.runner = TaskRunner(view)
    target = tmp_path / "stepped.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    view.ask_export_pdf()
    assert str(target) not in view.params.status.text()  # not written yet
    qtbot.waitUntil(lambda: str(target) in view.params.status.text(), timeout=20000)
    reader = PdfReader(str(target))
    assert view.documents[0].sha256 in _squeeze(reader.pages[0].extract_text())


def test_cancelling_the_progress_dialog_stops_and_removes_the_file(open_view, qtbot, tmp_path):
    from app.ui.compare.export import PdfExport

    view = open_view([_titled(SAMPLES[0]), _titled(SAMPLES[2])])
    target = tmp_path / "cancelled.pdf"
    export = PdfExport(view, view.result, target)
    assert export.step() and export.step() and export.step()  # gathered, laid out, first page written
    assert export.dialog.value() == 1 and export.dialog.maximum() > 2
    assert target.exists()
    with qtbot.waitSignal(export.finished) as ended:
        export.dialog.canceled.emit()  # what the dialog's Cancel button sends
    assert ended.args == [None] and not export.step()
    assert not target.exists()
    assert view.params.status.text() == "PDF export cancelled."
