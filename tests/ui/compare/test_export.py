"""Exports carry the passages and the evidence: file names, SHA-256 of each text, parameters, version, time."""

from __future__ import annotations

import re

from pypdf import PdfReader

from app import __version__

from .conftest import corpus_document


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_html_export_is_the_shared_report_with_evidence(open_view, corpus, tmp_path):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    path = view.export_html(tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    for document in view.documents:
        assert document.name in html and document.sha256 in html
    assert __version__ in html and "generated (UTC)" in html
    assert "count_formulas_as_copying" in html and str(view.result.settings.min_chars) in html
    longest = max(view.result.passages, key=lambda p: len(p.a_text))
    assert longest.a_text.split("\n")[0][:30] in html
    assert "<script src" not in html and "<link " not in html  # self-contained


def test_pdf_export_contains_evidence_and_passages(open_view, corpus, tmp_path):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    path = view.export_pdf(tmp_path / "report.pdf")
    reader = PdfReader(str(path))
    text = _squeeze("".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) > 3
    for document in view.documents:
        assert document.name in text and document.sha256 in text
    assert __version__ in text
    copies = [p for p in view.result.passages if p.kind == "copy"]
    for p in (copies[0], copies[len(copies) // 2], copies[-1]):
        assert _squeeze(p.a_text)[:12] in text
    assert reader.metadata.title.startswith("Duidu comparison")


def test_html_export_to_a_place_that_cannot_be_written_says_so(open_view, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.ui.compare import export

    from .conftest import sample_document

    view = open_view(
        [sample_document("01-city-study-session.txt"), sample_document("03-theme-education-mobilisation.txt")]
    )
    target = tmp_path / "no-such-folder" / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(export, "warn", lambda _parent, _title, text, *a: shown.append(text))
    assert export.ask_and_export(view, "html") is None
    assert len(shown) == 1 and "could not be written" in shown[0]
    assert not target.exists()
