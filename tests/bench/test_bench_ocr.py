"""OCR quality and speed on scans rendered from corpus speeches: character error rate (CER) and pages/s.

Run with `python -m pytest tests/bench/test_bench_ocr.py -s`. Each speech's first page is rendered at
150 dpi in a CJK font (tests/importers/scans.py), once clean and once as a poor scan (speckles, blur,
1.2° skew), and recognised through the importer's own path (page image → lines). The aim (issue 15) is
CER ≤ 2 % on clean pages. The engine's start (loading the models) is timed apart from the pages.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.importers.conftest import cjk_font  # noqa: F401 (the fixture)
from tests.importers.scans import character_error_rate, page_lines, render_pages

pytest.importorskip("rapidocr")

SPEECHES = (
    "xi-speeches-2020/xi-2020-01-18-1.txt",
    "hailar-district-gwr/hailar-district-gwr-2012.txt",
    "seed/city-secretary-study-session-2023.txt",
)
CLEAN_CER_AIM = 0.02


def test_ocr_character_error_rate_and_speed(corpus: Path, cjk_font: str) -> None:  # noqa: F811
    from app.importers.ocr import _engine, recognise

    began = time.perf_counter()
    _engine()
    start_seconds = time.perf_counter() - began
    results: dict[str, list[float]] = {"clean": [], "noisy": []}
    seconds = 0.0
    pages = 0
    for name in SPEECHES:
        text = (corpus / name).read_text(encoding="utf-8")
        reference = "\n".join(page_lines(text, cjk_font, max_pages=1))
        for kind in results:
            image = render_pages(text, cjk_font, noisy=kind == "noisy", max_pages=1)[0]
            began = time.perf_counter()
            lines = recognise(image)
            seconds += time.perf_counter() - began
            pages += 1
            cer = character_error_rate("\n".join(line.text for line in lines), reference)
            results[kind].append(cer)
            print(f"{name:55} {kind}: CER {cer:.2%} over {len(''.join(reference.split()))} characters")
    for kind, rates in results.items():
        print(f"{kind}: mean CER {sum(rates) / len(rates):.2%}, worst {max(rates):.2%}")
    print(
        f"engine start {start_seconds:.1f} s; {pages} pages in {seconds:.1f} s: {pages / seconds:.3f} pages/s"
    )
    assert max(results["clean"]) <= CLEAN_CER_AIM
