"""Traditional → simplified folding: one character for one, the same in every text, for matching only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import run
from app.core import traditional
from app.core.normalize import fold_char, normalize, normalized_text
from app.core.passages import compare_pair
from app.core.traditional import Folding, build_table, traditional_table

SIMPLIFIED = "同志们：今天召开全市经济工作会议，我们坚持党中央的集中统一领导，头发、后来、于是。"
TRADITIONAL = "同志們：今天召開全市經濟工作會議，我們堅持黨中央的集中統一領導，頭髮、後來、於是。"


def test_shipped_table_is_what_opencc_gives() -> None:
    pytest.importorskip("opencc")
    assert traditional_table() == build_table()


def test_traditional_folds_to_simplified_with_exact_offsets() -> None:
    view = normalize(TRADITIONAL, keep_punctuation=False)
    assert view.text == normalize(SIMPLIFIED, keep_punctuation=False).text
    start = view.text.index("经济工作")
    assert TRADITIONAL[slice(*view.original_span(start, start + 4))] == "經濟工作"
    assert normalized_text(TRADITIONAL, keep_punctuation=False) == view.text
    assert fold_char("黨") == "党" and fold_char("黨", traditional=Folding.KEEP) == "黨"


@pytest.mark.corpus
def test_simplified_texts_barely_change_and_traditional_ones_fold(corpus: Path) -> None:
    """A quarter of the characters fold in the corpus's two texts in traditional script (a 1920s report in
    Taiwan's forms, a 1950s government report); under 1 % in the others: the half-converted 1957 report, and
    a few characters OpenCC also reads as variants (著 of 显著, 么), folded alike in every text."""
    table = traditional_table()
    shares = {}
    for path in corpus.rglob("*.txt"):
        text = path.read_text(encoding="utf-8")
        shares[path.name] = sum(1 for ch in text if ord(ch) in table) / max(1, len(text))
    assert {name for name, share in shares.items() if share > 0.2} == {
        "cpc-03-chen-duxiu-report.txt",
        "gwr-1954.txt",
    }
    assert sorted(shares.values())[-3] < 0.01


def test_matching_between_simplified_texts_is_unchanged() -> None:
    from app.core.text import clean_text
    from app.paths import resource

    a, b = (
        clean_text(resource("samples", name).read_text(encoding="utf-8"))
        for name in ("03-theme-education-mobilisation.txt", "04-county-exchange-remarks.txt")
    )
    folded = compare_pair(a, b)
    traditional.set_folding(Folding.KEEP)
    try:
        kept = compare_pair(a, b)
    finally:
        traditional.set_folding(Folding.FOLD)
    assert folded.passages and folded == kept


def test_option_keeps_them_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    assert normalize(TRADITIONAL, traditional=Folding.KEEP).text.startswith("同志們")
    assert normalize(TRADITIONAL).text.startswith("同志们")
    monkeypatch.setattr(traditional, "_mode", Folding.KEEP)
    assert normalize(TRADITIONAL).text.startswith("同志們")
    assert normalized_text(TRADITIONAL).startswith("同志們")


@given(st.text(alphabet=TRADITIONAL + SIMPLIFIED + "𠀋\ud800 \n“”**×乾著", max_size=60), st.booleans())
def test_both_normal_forms_agree(text: str, keep_punctuation: bool) -> None:
    view = normalize(text, keep_punctuation=keep_punctuation)
    assert normalized_text(text, keep_punctuation=keep_punctuation) == view.text
    assert all(0 <= offset < len(text) for offset in view.offsets)


@pytest.mark.corpus
def test_big5_speech_matches_its_simplified_version_in_duidu_compare(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opencc = pytest.importorskip("opencc")
    simplified = (corpus / "xi-speeches-2020" / "xi-2020-01-18-1.txt").read_text(encoding="utf-8")
    big5 = opencc.OpenCC("s2tw").convert(simplified)  # Taiwan's forms, as a Big5 source writes them
    a, b = tmp_path / "simplified.txt", tmp_path / "traditional-big5.txt"
    a.write_text(simplified, encoding="utf-8")
    b.write_bytes(big5.encode("big5"))

    def copy_ratio(*options: str) -> float:
        assert run(["compare", str(a), str(b), "--json", *options]) == 0
        data = json.loads(capsys.readouterr().out)
        for passage in data["passages"]:  # offsets index each document's own text, shown as written
            assert passage["b_text"] == big5[passage["b_start"] : passage["b_end"]]
        return float(data["summary"][0]["b_copy_ratio"])

    try:
        assert copy_ratio() > 0.9
        assert copy_ratio("--traditional", "keep") < 0.5
    finally:
        traditional.set_folding(Folding.FOLD)
    assert compare_pair(simplified, big5).summary[0].a_copy_ratio > 0.9
