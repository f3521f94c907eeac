"""The lexicon oracle's scans of a document (`coverage.scan`, for its blocks and for the whole text): once a
matcher has scanned `RUST_AFTER` characters they are made by ahocorasick-rs, and find exactly what
pyahocorasick finds, so every stretch's share stays that of its text."""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

import pytest

import app.core.formulas.coverage as coverage
from app.core.formulas.coverage import DocumentCoverage
from app.core.formulas.shipped import default_matcher
from app.core.passages import PassageParams, prepare

SPEECHES = ("gwr-state-council/gwr-2023.txt", "xi-speeches-2013-2018/xi-2013-01-01-1.txt")


def _by_pyahocorasick(matcher, text: str) -> tuple[list[tuple[int, int, int]], list[int]]:
    return sorted(matcher.lexicon_candidates(text)), matcher.fragment_starts(text)


@pytest.mark.corpus
def test_ahocorasick_rs_finds_what_pyahocorasick_finds_in_whole_texts_and_blocks(
    corpus: Path, monkeypatch
) -> None:
    matcher = default_matcher()
    monkeypatch.setattr(coverage, "_PIECE_SCANNERS", WeakKeyDictionary())
    monkeypatch.setattr(coverage, "RUST_AFTER", 0)
    for name in SPEECHES:
        text = prepare((corpus / name).read_text(encoding="utf-8"), PassageParams()).view.text
        expected = _by_pyahocorasick(matcher, text)
        assert len(expected[0]) > 30 and len(expected[1]) > 30  # formulas and pieces met: the test can fail
        assert coverage.scan(matcher, text) == expected
        assert isinstance(coverage._PIECE_SCANNERS[matcher], tuple)  # scanned by ahocorasick-rs
        for first in range(0, len(text), 997):  # block windows, cut anywhere
            window = text[first : first + 300]
            assert coverage.scan(matcher, window) == _by_pyahocorasick(matcher, window)
        # the oracle's blocks and whole-text finds, and so every stretch's share, are those of its text
        document = DocumentCoverage(matcher, text)
        for start in range(0, len(text) - 400, 131):
            assert document.share(start, start + 9 + start % 390) == matcher.coverage(
                text[start : start + 9 + start % 390]
            )
        copy = DocumentCoverage(matcher, text)
        copy.take(DocumentCoverage(matcher, text).found())
        assert copy._blocks == document.found()


def test_pyahocorasick_scans_until_the_matcher_has_scanned_enough_to_earn_the_build(monkeypatch) -> None:
    matcher = default_matcher()
    monkeypatch.setattr(coverage, "_PIECE_SCANNERS", WeakKeyDictionary())
    monkeypatch.setattr(coverage, "RUST_AFTER", 1000)
    text = "坚持以人民为中心的发展思想，推进国家治理体系和治理能力现代化，" * 20  # 620 characters
    assert coverage.scan(matcher, text) == _by_pyahocorasick(matcher, text)
    assert coverage._PIECE_SCANNERS[matcher] == len(text)  # no ahocorasick-rs scanner built yet
    found = coverage.scan(matcher, text)
    assert isinstance(coverage._PIECE_SCANNERS[matcher], tuple)
    assert found == _by_pyahocorasick(matcher, text) and found[0] and found[1]


def test_fast_scanners_built_ahead_find_what_pyahocorasick_finds(monkeypatch) -> None:
    """`build_fast_scanners` (a pool process at idle) builds them before any scan, with the same finds."""
    matcher = default_matcher()
    monkeypatch.setattr(coverage, "_PIECE_SCANNERS", WeakKeyDictionary())
    coverage.build_fast_scanners(matcher)
    assert isinstance(coverage._PIECE_SCANNERS[matcher], tuple)
    text = "坚持以人民为中心的发展思想，推进国家治理体系和治理能力现代化。"
    found = coverage.scan(matcher, text)
    assert found == _by_pyahocorasick(matcher, text) and found[0]
