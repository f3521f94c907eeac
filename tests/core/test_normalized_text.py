"""normalized_text: the normalised string alone must be exactly the text of the full view."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import normalize as normalize_module
from app.core.normalize import REDACTION, normalize, normalized_text
from app.core.traditional import Folding

_ALPHABET = [*"两个维护学思想 \n　“”「」，,。*×Xx某ＡａA1１𠀋、—□■", "**", "××", "某某", "xx"]


@settings(deadline=None)  # (its first example imports numpy and builds the lookup table: slow)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join), st.booleans())
def test_normalized_text_equals_the_views_text(text: str, keep_punctuation: bool) -> None:
    assert normalized_text(text, keep_punctuation=keep_punctuation) == (
        normalize(text, keep_punctuation=keep_punctuation).text
    )


def test_redactions_stay_boundaries_without_the_offset_map() -> None:
    assert normalized_text("在**县调研，“全面”", keep_punctuation=False) == f"在{REDACTION}县调研全面"
    assert normalized_text("在**县调研，“全面”") == f'在{REDACTION}县调研,"全面"'


def test_characters_beyond_the_table_pass_through_unchanged() -> None:
    odd = "a\ud800b　Ｃ𠀋\U0010ffff\uffff，**x"  # a lone surrogate, the last code points of both planes
    assert normalized_text(odd) == normalize(odd).text == f"a\ud800bc𠀋\U0010ffff\uffff,{REDACTION}x"


@pytest.mark.corpus
def test_the_whole_corpus_normalises_the_same_both_ways(corpus: Path) -> None:
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for keep_punctuation in (True, False):
            assert normalized_text(text, keep_punctuation=keep_punctuation) == (
                normalize(text, keep_punctuation=keep_punctuation).text
            ), path.name


_FOLDED = [*_ALPHABET, *"國這個發展（）【】！？；：ＡＺａｚ～·…\t\u3000\ufeff"]


@given(st.lists(st.sampled_from(_FOLDED), max_size=60).map("".join), st.booleans(), st.booleans())
def test_short_texts_fold_by_str_translate_exactly_as_long_ones_by_the_sparse_table(
    text: str, keep_punctuation: bool, fold_traditional: bool
) -> None:
    setting = Folding.FOLD if fold_traditional else Folding.KEEP
    plain = text.translate(normalize_module._table(keep_punctuation, setting))
    changes, folded_of = normalize_module._sparse_table(keep_punctuation, setting)
    assert changes.sub(lambda m: folded_of[m.group()], text) == plain
    assert normalize_module._translate(text, keep_punctuation, setting) == plain


def test_the_sparse_table_is_built_only_once_a_process_has_folded_enough(monkeypatch) -> None:
    """A comparison of two short files never compiles the sparse table (~5 ms); a long run does."""
    monkeypatch.setattr(normalize_module, "_plain_left", {})
    monkeypatch.setattr(normalize_module, "_vectorised", lambda _size: False)  # the fold without numpy
    normalize_module._sparse_table.cache_clear()
    short = "我们要坚持以人民為中心的發展思想，" * 100
    for _ in range(normalize_module.SPARSE_AFTER // len(short) - 1):
        assert normalized_text(short, keep_punctuation=False) == normalize(short, keep_punctuation=False).text
    assert normalize_module._sparse_table.cache_info().currsize == 0
    long = short * (normalize_module.SPARSE_AFTER // len(short))
    assert normalize(long, keep_punctuation=False).text == normalized_text(long, keep_punctuation=False)
    assert normalize_module._sparse_table.cache_info().currsize == 1


@settings(deadline=None)  # (the first example imports numpy and builds its lookup table)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join), st.booleans())
def test_normalize_folds_with_numpy_or_without_to_the_same_view(text: str, keep_punctuation: bool) -> None:
    """`normalize` folds with numpy once it is loaded (or its import pays back): the same view."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(normalize_module, "_vectorised", lambda _size: True)
        vectorised = normalize(text, keep_punctuation=keep_punctuation)
        patch.setattr(normalize_module, "_vectorised", lambda _size: False)
        plain = normalize(text, keep_punctuation=keep_punctuation)
    assert vectorised == plain


def test_numpy_folds_once_loaded_or_once_its_import_pays_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """With numpy loaded, texts from `VECTOR_LOADED_CHARS` on fold in numpy; without it, only once the process
    has folded `VECTOR_IMPORT_CHARS` (one short file never imports it)."""
    used = []
    monkeypatch.setattr(normalize_module, "_translate", lambda *a: used.append("plain") or "")
    monkeypatch.setattr(normalize_module, "_translate_vectorised", lambda *a: used.append("numpy") or "")
    loaded = normalize_module.VECTOR_LOADED_CHARS
    monkeypatch.setattr(normalize_module, "_numpy_loaded", lambda: True)
    normalize("学" * loaded)
    normalize("学" * (loaded - 1))
    monkeypatch.setattr(normalize_module, "_numpy_loaded", lambda: False)
    monkeypatch.setattr(
        normalize_module, "_folded_without_numpy", normalize_module.VECTOR_IMPORT_CHARS - 2 * loaded
    )
    normalize("学" * loaded)
    normalize("学" * loaded)  # the folded characters reach VECTOR_IMPORT_CHARS
    assert used == ["numpy", "plain", "plain", "numpy"]


def test_compact_offsets_are_the_offsets_as_an_array(monkeypatch: pytest.MonkeyPatch) -> None:
    """`compact=True` keeps a numpy-folded text's offsets as an `array('q')`: the same numbers, no int object
    each; a text folded without numpy keeps its list."""
    text = "“两个维护”，学**思想。\n" * 2_000
    plain = normalize(text, keep_punctuation=False)
    monkeypatch.setattr(normalize_module, "_vectorised", lambda _size: True)
    compact = normalize(text, keep_punctuation=False, compact=True)
    assert isinstance(compact.offsets, array) and compact.offsets.typecode == "q"
    assert compact.offsets.tolist() == plain.offsets and compact.text == plain.text
    assert compact.redaction_ends == plain.redaction_ends
    assert compact.original_span(3, 40) == plain.original_span(3, 40)
    assert compact.normalised_index(1234) == plain.normalised_index(1234)
    monkeypatch.setattr(normalize_module, "_vectorised", lambda _size: False)
    assert isinstance(normalize(text, compact=True).offsets, list)
