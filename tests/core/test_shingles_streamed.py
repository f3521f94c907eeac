"""A text's fingerprints are taken as it is normalised a piece at a time (`text_fingerprint_array`), which must
give exactly what winnowing its whole normalised view gives. The oracle here is the plain definition (every
window's minimum over the whole view, then the distinct values); pieces are made tiny to hit every boundary:
inside a window, inside a shingle, between the two characters of a redaction marker."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import normalize, shingles
from app.core.normalize import REDACTION, HasRedactions, normalized_pieces, normalized_text
from app.core.shingles import NO_HASH, ShingleParams, shingle_hashes, text_fingerprint_array

PARAMS = ShingleParams()
#: Hanzi, dropped characters (punctuation, spaces), redaction markers and their halves, a literal REDACTION.
_ALPHABET = (
    [chr(c) for c in range(0x4E00, 0x4E00 + 60)] + list("，。 \n「」*×某xX□■abc") + ["某某", "**", REDACTION]
)


def _oracle(text: str, params: ShingleParams = PARAMS) -> tuple[list[int], int]:
    norm = normalized_text(text, keep_punctuation=False)
    hashes = shingle_hashes(norm, params.k)
    if len(hashes) == 0:
        return [], len(norm)
    window = min(params.window, len(hashes))
    minima = np.lib.stride_tricks.sliding_window_view(hashes, window).min(axis=1)
    return [int(h) for h in np.unique(minima) if h != NO_HASH], len(norm)


def _streamed(text: str, params: ShingleParams = PARAMS) -> tuple[list[int], int]:
    found, chars = text_fingerprint_array(text, params)
    return found.tolist(), chars


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_ALPHABET), max_size=400),
    piece=st.integers(1, 40),
    k=st.integers(1, 9),
    window=st.integers(1, 17),
)
def test_pieces_give_the_fingerprints_of_the_whole_view(
    words: list[str], piece: int, k: int, window: int
) -> None:
    text = "".join(words)
    params = ShingleParams(k=k, window=window)
    saved = shingles._WINDOWS_PER_PASS
    shingles._WINDOWS_PER_PASS = piece  # not monkeypatch: hypothesis runs many examples per test call
    try:
        assert _streamed(text, params) == _oracle(text, params)
    finally:
        shingles._WINDOWS_PER_PASS = saved


@pytest.mark.parametrize("piece", [1, 2, 7, 100])
def test_normalised_pieces_join_into_the_normalised_view(piece: int) -> None:
    rng = random.Random(piece)
    plain = [w for w in _ALPHABET if w not in ("某某", "**", "*", "×", "某", "x", "X", "□", "■")]
    text = "".join(rng.choice(plain) for _ in range(3000))
    assert "".join(normalized_pieces(text, keep_punctuation=False, piece_chars=piece)) == normalized_text(
        text, keep_punctuation=False
    )


def test_a_marker_split_between_two_pieces_is_seen() -> None:
    text = "前言" * 5 + "某" + "某" + "后文" * 5  # "某某" straddles the pieces of 11 characters
    with pytest.raises(HasRedactions):
        list(normalized_pieces(text, piece_chars=11))
    assert list(normalized_pieces(text.replace("某", "甲"), piece_chars=11))


def test_a_long_text_at_the_real_piece_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """3 million characters: several passes of the real size, and the fall-back path on the same text with
    one redaction in it."""
    rng = np.random.default_rng(3)
    codes = rng.integers(0x4E00, 0x4E00 + 3000, 3_000_000).astype("<u4")
    codes[rng.integers(0, len(codes), 100_000)] = ord("，")
    text = codes.tobytes().decode("utf-32-le")
    assert _streamed(text) == _oracle(text)
    redacted = text[:1_500_000] + "某某" + text[1_500_000:]
    calls = []
    monkeypatch.setattr(
        shingles,
        "normalised",
        lambda t: calls.append(len(t)) or normalize.normalized_text(t, keep_punctuation=False),
    )
    assert _streamed(redacted) == _oracle(redacted)
    assert calls == [len(redacted)]  # the redaction sent it to the whole-view path
