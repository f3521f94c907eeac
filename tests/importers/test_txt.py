"""Plain text in every supported encoding comes back as exactly the same stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importers import read_document
from app.importers.txt import decode_bytes

pytestmark = pytest.mark.corpus

TRADITIONAL = (
    "各位代表：\n"
    "　　現在，我代表國務院，向大會報告政府工作，請予審議，並請全國政協委員提出意見。\n"
    "一、過去一年工作回顧\n"
    "　　堅持穩中求進工作總基調，經濟社會發展主要目標任務圓滿完成。臺灣同胞、港澳同胞共享發展成果。\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_corpus_text_round_trips_through_encoding(sample: str, encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_bytes(sample.encode(encoding))  # Python's "utf-16" writes a BOM
    doc = read_document(path)
    assert doc.text == sample
    assert doc.format == "txt"


def test_corpus_text_round_trips_through_gbk_with_crlf(sample: str, tmp_path: Path) -> None:
    """Windows-made files: GBK (read as its superset GB18030) with CRLF line ends."""
    gbk_safe = sample.encode("gbk", errors="ignore").decode("gbk")
    path = tmp_path / "speech.txt"
    path.write_bytes(gbk_safe.replace("\n", "\r\n").encode("gbk"))
    assert read_document(path).text == gbk_safe


def test_big5_round_trips_for_corpus_lines_it_can_encode(corpus: Path, tmp_path: Path) -> None:
    """The 1954 report is mostly in traditional characters; drop the few Big5 cannot encode."""
    original = (corpus / "gwr-state-council/gwr-1954.txt").read_text(encoding="utf-8")
    text = original.encode("big5", errors="ignore").decode("big5")
    assert len(text) > 0.95 * len(original)
    path = tmp_path / "gwr-1954-big5.txt"
    path.write_bytes(text.encode("big5"))
    assert read_document(path).text == text


@pytest.mark.parametrize("encoding", ["big5", "gb18030", "utf-16", "utf-8-sig"])
def test_short_traditional_text_is_not_mistaken_for_another_encoding(encoding: str) -> None:
    assert decode_bytes(TRADITIONAL.encode(encoding)).lstrip("\ufeff") == TRADITIONAL


@pytest.mark.parametrize("text", ["各位代表：", "同志们：\n今天开会。", "市委书记**同志讲话"])
def test_short_simplified_text_prefers_gb18030(text: str) -> None:
    """charset-normalizer alone calls short GB texts cp949 or GBK; GB18030 must win."""
    assert decode_bytes(text.encode("gb18030")) == text
    assert decode_bytes(text.encode("gbk")) == text


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "be.txt"
    path.write_bytes(b"\xfe\xff" + TRADITIONAL.encode("utf-16-be"))
    assert read_document(path).text == TRADITIONAL


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_pattern(encoding: str) -> None:
    assert decode_bytes(TRADITIONAL.encode(encoding)) == TRADITIONAL
