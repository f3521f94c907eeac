"""Shortcuts of the per-passage labelling give exactly what the plain steps give: `builtin_coverage` runs an
expression only on a text holding the words every match of it holds, and covers both phrase lists in one
automaton pass (issue 13: the engine labels each of ~1,500 short stretches of a long pair); a pair computed
from b's side makes its passages as seen from a directly, not made and then mirrored."""

from __future__ import annotations

import numpy  # noqa: F401 - DocumentBuiltins screens lists with it in a process that has it
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.passages import PassageParams, classify, engine
from app.core.passages.classify import FRAMES, builtin_coverage
from app.core.passages.engine import PreparedDocument, canonical, compare_prepared, prepare
from app.core.passages.model import PairSummary
from app.core.passages.parallel_lists import ListScreen

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


def _from_b_then_mirrored(x: PreparedDocument, y: PreparedDocument, params: PassageParams) -> tuple:
    """`compare_prepared(y, x, 0, 1)` as it was made: the passages of x → y, each mirrored, sorted again."""
    passages, summary = engine._pair(x, y, 1, 0, params, None, None)
    mirrored = sorted((p.mirrored() for p in passages), key=lambda p: (p.a_start, p.b_start))
    return mirrored, PairSummary(0, 1, summary.b_copy_ratio, summary.a_copy_ratio)


def _seen_from_a(a: str, b: str, params: PassageParams) -> tuple[tuple, tuple]:
    """The pair as `compare_prepared` makes it from the non-canonical side, and as it was made."""
    x, y = prepare(a, params), prepare(b, params)
    if not canonical(x, y):
        x, y = y, x
    assert not canonical(y, x)
    return compare_prepared(y, x, 0, 1, params), _from_b_then_mirrored(x, y, params)


@st.composite
def edited_pairs(draw) -> tuple[str, str]:
    """A text and an edited copy of part of it (replaced, dropped and added characters, punctuation)."""
    a = draw(st.text(alphabet="甲乙丙丁戊己庚辛壬癸子丑，。“”《》", min_size=30, max_size=240))
    b = list(a[draw(st.integers(0, 20)) :])
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(b)))
        b[at:at] = draw(st.text(alphabet="寅卯辰巳午未，", max_size=3))
        del b[draw(st.integers(0, len(b))) :][: draw(st.integers(0, 2))]
    return a, "".join(b) + draw(st.text(alphabet="甲乙", max_size=5))


@settings(max_examples=300, deadline=None)
@given(pair=edited_pairs(), min_chars=st.sampled_from([4, 12]))
def test_a_pair_computed_from_b_is_made_as_seen_from_a(pair, min_chars):
    """`_pair(mirrored=True)` makes what mirroring each passage of x → y and sorting again made."""
    a, b = pair
    assume(a != b)
    made, as_it_was = _seen_from_a(a, b, PassageParams(min_chars=min_chars))
    assert made == as_it_was


def test_mirrored_passages_of_reports_hold_every_kind_of_segment(corpus):
    """On real reports (edits of every kind, reordered groups) the passages are the same as mirrored."""
    gwr = corpus / "gwr-state-council"
    a, b = ((gwr / f"gwr-{year}.txt").read_text(encoding="utf-8")[:12_000] for year in (2023, 2024))
    (passages, summary), (old_passages, old_summary) = _seen_from_a(a, b, PassageParams())
    assert passages == old_passages and summary == old_summary
    assert {s.tag for p in passages for s in p.alignment} == {"equal", "replace", "insert", "delete"}


#: Slogan-list material (heads and finals that repeat at short steps, function characters) with a few
#: numerals, a frame and a phrase: lists stand in many stretches of these texts, and near them.
_LISTED = st.lists(
    st.sampled_from(
        [
            "面向",
            "识变",
            "应变",
            "求变",
            "基本",
            "变",
            "的",
            "和",
            "甲",
            "十九大",
            "一二",
            "个",
            "在",
            "领导下",
            "各级党委",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_LISTED, data=st.data())
def test_a_documents_builtin_coverage_of_a_stretch_is_that_of_its_text(text, data):
    """`DocumentBuiltins` (made once per document: where slogan lists can stand) gives every stretch the
    coverage of the stretch's own text, with and without numpy's screen."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    made = classify.DocumentBuiltins(text)
    assert made.coverage(start, end) == builtin_coverage(text[start:end])  # (asked before the screen)
    assert made.screen is not None  # numpy is loaded (above): the screen is made, and used from now on
    assert made.coverage(start, end) == builtin_coverage(text[start:end])
    if not made.screen.may_hold(start, end):
        assert classify.parallel_spans(text[start:end]) == []


def test_the_list_screen_tells_stretches_with_a_list_from_those_without():
    """The screen is no mere "maybe" everywhere: a stretch holding 面向…面向…面向 may hold a list, the same
    text cut inside its third 面向 or after its first may not (the test above would pass with a screen that
    always says yes)."""
    text = "我们坚持面向世界面向未来面向现代化甲乙丙丁戊己庚辛"
    screen = ListScreen(text)
    first, third = text.index("面向"), text.rindex("面向")
    assert classify.parallel_spans(text[first : third + 2])
    assert screen.may_hold(first, third + 2)
    assert not screen.may_hold(first, third)
    assert not screen.may_hold(first + 2, len(text))


def _union_as_it_was(size, covered, oracle_share):
    """`classify._with_oracle` as it was: the oracle asked about the whole text and every uncovered stretch."""
    alone = round(oracle_share(0, size) * size)
    total = sum(covered)
    for gap in classify._UNCOVERED.finditer(covered):
        start, end = gap.span()
        total += round(oracle_share(start, end) * (end - start))
    return max(alone, total)


@settings(max_examples=400, deadline=None)
@given(
    covered=st.lists(st.sampled_from([0, 1]), min_size=1, max_size=40).map(bytearray), seed=st.integers(0, 99)
)
def test_the_oracle_is_asked_only_where_it_can_change_the_count(covered, seed):
    """With nothing or everything covered by the built-in lists, the oracle is asked once or not at all,
    and the count is what asking it everywhere gave (an oracle whose shares vary with the stretch)."""

    def oracle_share(start: int, end: int) -> float:
        return ((start * 7 + end * 13 + seed) % 11) / 10 if end > start else 0.0

    size = len(covered)
    assert classify._with_oracle(size, covered, oracle_share) == _union_as_it_was(size, covered, oracle_share)


def test_a_document_asked_about_few_stretches_makes_no_list_screen():
    """A candidate of "similar speeches" is compared once, often with few passages: its stretches are
    looked at whole, and the screen is made only for a document asked about more of them."""
    text = "我们坚持面向世界面向未来面向现代化甲乙丙丁戊己庚辛" * 40
    made = classify.DocumentBuiltins(text)
    for _ in range(classify.DocumentBuiltins.SCREEN_AFTER):
        made.coverage(0, 17)
    assert made._lists is True, "not made yet"
    made.coverage(0, 17)
    assert isinstance(made._lists, ListScreen)
