"""Shortcuts of the per-passage labelling give exactly what the plain steps give: `builtin_coverage` runs an
expression only on a text holding the words every match of it holds, and covers both phrase lists in one
automaton pass (issue 13: the engine labels each of ~1,500 short stretches of a long pair)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.passages import classify
from app.core.passages.classify import FRAMES, builtin_coverage

#: The frames' and the meetings' words, numerals, the phrase lists and a few other characters, so that
#: frames, meetings, phrases and their near misses (a head without its tail, 十九大 without 党的) are frequent.
_PIECES = [
    *sorted({w for head, tail, _slot in FRAMES for w in (head, tail)}),
    *"一二三九十大届中和个甲乙",
    "中全会",
    "党的",
    "精神",
    "国民经济和社会发展第",
    "五年规划",
    "年远景目标",
    # whole meetings and plans, which the random joins then cut, extend and run into each other
    "十九届二中全会",
    "党的十九大",
    "国民经济和社会发展第十四个五年规划",
    *classify.STOCK_PHRASES,
    *classify.BOILERPLATE_PHRASES,
]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _every_expression_everywhere(text: str) -> bytearray:
    """`builtin_coverage` as it was: every expression searched in every text."""
    covered = bytearray(len(text))
    classify._cover_all(text, classify.STOCK_PHRASES, covered)
    classify._cover_all(text, classify.BOILERPLATE_PHRASES, covered)
    for pattern in (classify._NUMBERED, classify._MEETINGS):
        for match in pattern.finditer(text):
            classify._cover(covered, match.start(), match.end())
    for start, end in classify.parallel_spans(text):
        classify._cover(covered, start, end)
    for *_words, frame in classify._FRAME_RES:
        for match in frame.finditer(text):
            classify._cover(covered, *match.span(1))
            classify._cover(covered, *match.span(2))
    return covered


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_builtin_coverage_equals_every_expression_searched(text):
    assert builtin_coverage(text) == _every_expression_everywhere(text)


def test_the_texts_drawn_hold_frames_and_meetings():
    """Texts made of the drawn pieces hold what the shortcut skips (else the test above proves nothing)."""
    for pieces, pattern in (
        (["在", "甲", "乙", "领导下"], classify._FRAME_RES[1][2]),
        (["十", "九", "大"], classify._MEETINGS),
        (["十", "九", "届", "二", "中全会"], classify._MEETINGS),
        (["国民经济和社会发展第", "十", "三", "个", "五年规划"], classify._MEETINGS),
    ):
        assert set(pieces) <= set(_PIECES)
        assert pattern.search("".join(pieces)), pieces
