"""Scanned PDFs and page images through offline OCR: few and small, OCR takes seconds a page on 2 cores.

The CER on clean and noisy renders of longer texts is measured by tests/bench/test_bench_ocr.py.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from app.cli import run
from app.importers import OCR_TAG, ImportFailure, read_document
from tests.importers.conftest import make_pdf
from tests.importers.scans import character_error_rate, page_lines, render_pages, save_scanned_pdf

pytest.importorskip("rapidocr")

SPEECH = "xi-speeches-2020/xi-2020-01-20-1.txt"


@pytest.mark.corpus
def test_scanned_pdf_of_a_corpus_speech(
    corpus: Path, cjk_font: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A one-page scan of a real speech comes back with CER ≤ 2 %, marked as OCR'd, and `duidu compare`
    finds the original's passages in it."""
    original = (corpus / SPEECH).read_text(encoding="utf-8")
    pages = render_pages(original, cjk_font, noisy=True)
    assert len(pages) == 1
    scan = save_scanned_pdf(tmp_path / "scan.pdf", pages)
    with pytest.raises(ImportFailure, match="no text layer"):
        from app.importers.pdf import read_pdf

        read_pdf(scan.read_bytes())  # no text layer at all: only OCR reads it

    db = str(tmp_path / "lib.duidu.sqlite")
    assert run(["import", str(scan), "--db", db]) == 0
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", db]) == 0
    shown = json.loads(capsys.readouterr().out)["document"]
    assert OCR_TAG in shown["tags"] and "OCR" in shown["notes"]
    assert character_error_rate(shown["text"], "\n".join(page_lines(original, cjk_font))) <= 0.02
    from app.store.engine import open_library
    from app.store.repository import ocr_lines

    with open_library(db) as library, library.reader() as session:
        stored = ocr_lines(session, 1)
    assert len(stored) == len(shown["text"].split("\n"))  # every line of a scan is recognised
    assert all(0.5 <= confidence <= 1 for _, confidence in stored)

    original_file = tmp_path / "original.txt"
    original_file.write_text(original, encoding="utf-8")
    assert run(["compare", str(original_file), "1", "--json", "--db", db]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"][0]
    assert summary["a_copy_ratio"] > 0.85 and summary["b_copy_ratio"] > 0.85


def test_only_pages_without_a_text_layer_are_recognised(cjk_font: str, tmp_path: Path) -> None:
    lines = ["同志们：今天召开全县经济工作会议。", "坚持稳中求进工作总基调。"]
    layer = make_pdf(tmp_path / "layer.pdf", "第一页有文字层。这一页不需要识别。", cjk_font)
    image = render_pages("\n".join(lines), cjk_font)[0].crop((100, 120, 1140, 330))
    from pypdf import PdfReader, PdfWriter

    scanned = save_scanned_pdf(tmp_path / "scanned.pdf", [image])
    writer = PdfWriter()
    for source in (layer, scanned):
        for page in PdfReader(source).pages:
            writer.add_page(page)
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)

    seen: list[tuple[int, int]] = []
    doc = read_document(mixed, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    first, _, rest = doc.text.partition("\n")
    assert first == "第一页有文字层。这一页不需要识别。"
    assert character_error_rate(rest, "".join(lines)) <= 0.02
    assert doc.ocr_lines and doc.ocr_lines[0].start == len(first) + 1  # the text layer is not marked OCR'd
    assert all(0.5 <= line.confidence <= 1 for line in doc.ocr_lines)
    assert doc.text[doc.ocr_lines[-1].start : doc.ocr_lines[-1].end] == doc.text.split("\n")[-1]
    assert OCR_TAG in doc.meta.tags

    png = tmp_path / "photo.png"
    image.save(png)
    photo = read_document(png)
    assert photo.format == "image" and character_error_rate(photo.text, "".join(lines)) <= 0.02
    assert len(photo.ocr_lines) == 2


def test_cancel_stops_before_the_next_page(cjk_font: str, tmp_path: Path) -> None:
    scan = save_scanned_pdf(tmp_path / "scan.pdf", render_pages("第一页。", cjk_font))
    with pytest.raises(ImportFailure, match="cancelled"):
        read_document(scan, cancelled=lambda: True)


def _png(width: int, height: int, body: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bomb.png", _png(60_000, 60_000, zlib.compress(b"\x00" * 1000)), "too large"),
        ("cut.png", _png(64, 64, zlib.compress(b"\x00" * 65 * 64))[:40], "image"),
        ("text.jpg", "不是图片".encode(), "not a readable image"),
    ],
)
def test_bad_images_are_refused_without_recognising(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailure, match=reason) as info:
        read_document(path)
    assert "\n" not in str(info.value)


def test_a_short_text_layer_is_kept_when_its_page_shows_no_text() -> None:
    """A page with a few characters of text layer (a page number, a one-word title page) is recognised,
    but when the image holds no text the layer's characters are kept rather than lost."""
    from PIL import Image

    from app.importers.ocr import PageText, recognise_pages

    blank = Image.new("L", (600, 800), 255)
    text, lines = recognise_pages(
        [PageText("第一页的文字层足够长，直接采用。"), PageText(None, lambda: blank, layer="— 2 —")], 2
    )
    assert text == "第一页的文字层足够长，直接采用。\n— 2 —"
    assert lines == ()  # nothing of it was recognised by OCR
