"""The formula scan's speed-ups give what the plain versions they replaced gave (issue 14)."""

from __future__ import annotations

import re
from os.path import commonprefix

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.formulas import inflect, regex_scan
from app.core.formulas.frames import _PAIR_RE, _clause_runs
from app.core.formulas.inner_frames import _SEGMENT_RE
from app.core.formulas.longest import resolve_against
from app.core.formulas.longest import resolve_longest as _resolve
from app.core.formulas.patterns import (
    _COMMA_RUN_RE,
    _HEADING_RE,
    _INNER_QUOTE_RE,
    _LEAD_RE,
    _QUOTE_RE,
    HAN,
    _common_prefix,
    _paragraph_of,
    list_runs,
)
from app.core.formulas.references import _CN, _HUI_BEFORE, _anchor_positions, _nested_spans
from app.core.formulas.sentence_anaphora import _START_RE
from app.core.formulas.sibling_frames import _PREP_RUN_RE
from app.core.formulas.word_list import WordList

_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple), max_size=12)


@given(_SPANS)
def test_nested_spans_are_the_spans_inside_another(spans):
    inside = {(a, b) for a, b in spans if any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)}
    assert _nested_spans(spans) == inside


@given(st.lists(st.text(alphabet="一二三ab", max_size=5), max_size=6))
def test_common_prefix_is_commonprefix(items):
    assert _common_prefix(items) == commonprefix(items)  # noqa: RUF071


@given(_SPANS.map(lambda spans: [(a, b, k % 3) for k, (a, b) in enumerate(spans) if a < b]))
def test_resolve_keeps_the_longest_then_the_earlier(candidates):
    taken = bytearray(31)
    kept = []
    for start, end, payload in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, payload))
    assert _resolve(candidates, 31) == sorted(kept)


def _apart(spans):
    """Spans that do not overlap each other: each one kept only when it meets none kept before it."""
    kept = []
    for start, end in spans:
        if start < end and all(end <= a or b <= start for a, b in kept):
            kept.append((start, end))
    return kept


@given(_SPANS.map(_apart), _SPANS)
def test_resolving_finds_against_settled_ranges_is_resolving_them_all(settled, contenders):
    """`resolve_against` (the merge of lexicon hits with pattern finds) keeps what `resolve_longest` of the
    settled ranges followed by the contenders keeps, ties and all."""
    settled = [(a, b, k) for k, (a, b) in enumerate(sorted(settled))]
    contenders = [(a, b, len(settled) + k) for k, (a, b) in enumerate(contenders) if a < b]
    assert resolve_against(settled, contenders, 31) == _resolve(settled + contenders, 31)


#: (sentence of cpc-congress-reports/cpc-09-congress-report.txt, the clause run it holds or None)
_CLAUSE_RUNS = [
    (
        "在社会主义这个历史阶段中，还存在着阶级、阶级矛盾和阶级斗争，存在着社会主义同资本主义两条道路的斗争，存在着资本"
        "主义复辟的危险性。",
        "存在着阶级、阶级矛盾和阶级斗争，存在着社会主义同资本主义两条道路的斗争，存在着资本主义复辟的危险性",
    ),
    ("中国共产党的一切成就，都是毛主席英明领导的结果，都是毛泽东思想的胜利。", None),
]


@pytest.mark.parametrize(("sentence", "run"), _CLAUSE_RUNS)
def test_two_clauses_with_one_head_run_with_a_first_clause_only_if_it_holds_the_head(sentence, run):
    """`frames._clause_runs` skips two clauses that share a head after a first clause without it (no run of
    three can form), and still finds the run whose first clause has words before the head (还存在着…)."""
    found = [sentence[r[0][0] : r[-1][1]] for r in _clause_runs(sentence)]
    assert found == ([run] if run else [])


#: Rule expressions `regex_scan.finditer` splits by their first character, and shapes it must leave alone.
_SPLIT = (_QUOTE_RE, _INNER_QUOTE_RE, _LEAD_RE, _PAIR_RE, _PREP_RUN_RE, _SEGMENT_RE, _COMMA_RUN_RE)
_PLAIN = (
    re.compile("[，；]+"),
    re.compile("([，；])*学"),
    re.compile("([，；]学)"),
    re.compile("[^，；]学"),
    re.compile("[一-龥]学"),
    re.compile("(?m)^学"),
)


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_the_rule_expressions_are_split_and_other_shapes_are_not():
    assert all(regex_scan.by_first_character(rx) is not None for rx in _SPLIT)
    assert regex_scan.by_first_character(re.compile("[‘']x")) == (re.compile("‘x"), re.compile("'x"))
    assert not any(regex_scan.by_first_character(rx) for rx in _PLAIN)
    assert (
        regex_scan.by_first_character(re.compile("[，,；;：:。！]x")) is None
    )  # a class of 7: the plain scan


@given(
    st.text(alphabet="“”‘’'\"，；、﹑。\n\u3000以从用学思想党", max_size=60), st.sampled_from(_SPLIT + _PLAIN)
)
def test_split_finditer_finds_what_finditer_finds(text, rx):
    assert _spans(regex_scan.finditer(rx, text)) == _spans(rx.finditer(text))


#: Expressions that open with a group of one-character alternatives (a capturing one among them), and shapes of it
#: that `by_first_character` must leave alone (a repeated group, two capturing alternatives, a longer one).
_ALTERNATIVES = (
    _START_RE,
    re.compile("(?:(?P<line>\n)|[。！])(?P<w>学|思想)"),
    re.compile("(?:以|[从用](?P<o>学))(想)?"),
)
_ALTERNATIVES_PLAIN = (
    re.compile("(?:\n|。)*学"),
    re.compile("(?:(\n)|(。))学"),
    re.compile("(?:以学|从)想"),
    re.compile("(?:以|[^从])想"),
)


def test_a_leading_group_of_one_character_alternatives_is_split_by_character():
    assert regex_scan.by_first_character(_START_RE) is not None  # (sentence_anaphora's sentence starts)
    assert regex_scan.by_first_character(re.compile("(?:a|[bc])x")) == tuple(
        map(re.compile, ("ax", "bx", "cx"))
    )
    assert not any(regex_scan.by_first_character(rx) for rx in _ALTERNATIVES_PLAIN)


@given(
    st.text(alphabet="\n。！？!?以从用学思想我们要将坚持，“", max_size=60),
    st.sampled_from(_ALTERNATIVES + _ALTERNATIVES_PLAIN),
)
def test_split_alternatives_find_what_finditer_finds(text, rx):
    """Same spans, and the same groups (by number and by name) with the same spans, as the plain scan."""
    found, plain = list(regex_scan.finditer(rx, text)), list(rx.finditer(text))
    assert _spans(found) == _spans(plain)
    assert [[m.span(g) for g in range(rx.groups + 1)] for m in found] == [
        [m.span(g) for g in range(rx.groups + 1)] for m in plain
    ]
    assert [m.groupdict() for m in found] == [m.groupdict() for m in plain]


def test_the_last_character_with_matches_is_scanned_on_its_own_with_what_lies_before():
    """Once one character of the class is left with matches (the ；s end early), its matches come from its own
    scan from the last match's end: a lookbehind still sees the text before that place."""
    rx = re.compile("[，；](?<=(.)[，；])(?=\\1)")
    text = "学；学想；想，想想，想学，学思，思"
    assert _spans(regex_scan.finditer(rx, text)) == _spans(rx.finditer(text))
    assert len(_spans(rx.finditer(text))) == 6


def test_a_pending_match_inside_the_last_one_is_looked_for_again():
    rx = re.compile("[ab][ab]b")  # at 0: "abb" (from "a"); the "b" part's first match, "bb" at 1, lies inside
    assert (
        _spans(regex_scan.finditer(rx, "abbabb"))
        == _spans(rx.finditer("abbabb"))
        == [((0, 3), ()), ((3, 6), ())]
    )


@given(
    st.sets(st.text(alphabet="发展改革开放好学", min_size=1, max_size=3), max_size=120),
    st.lists(st.text(alphabet="发展改革开放好学", max_size=4), max_size=30),
)
def test_a_word_list_holds_exactly_its_words(words, asked):
    """Membership reads a block found from every 32nd word (120 words of one width make several blocks):
    the words and nothing else, not even a match across two cells (展改 in 发展|改革)."""
    listed = WordList(words)
    assert all(w in listed for w in words)
    assert [w in listed for w in asked] == [w in words for w in asked]


@given(st.text(alphabet="一二十大会议中全人民代表届委员两谈，", max_size=40))
def test_reference_anchors_are_every_anchor_and_every_numeral_before_da(text):
    """The two one-pass expressions find what a search for each anchor word would find."""
    words = [w + "会" for w in _HUI_BEFORE]
    expected = {m.start() + 1 for word in words for m in re.finditer(f"(?={word})", text)}
    expected |= {m.start() + 1 for m in re.finditer(f"(?=[{HAN}]会议)", text)}
    expected |= {m.start() for m in re.finditer(f"(?=[{_CN}人]大)", text)}
    assert _anchor_positions(text) == sorted(expected)


_LIST_TEXT = st.text(alphabet="、﹑，学思想一二（）\n 。", max_size=50)


@given(_LIST_TEXT)
def test_list_runs_are_the_runs_from_a_comma_that_hold_two(text):
    """`list_runs` matches only runs with a second list comma; before, every run from a comma came back and the
    ones with one comma were dropped in Python."""
    runs = []
    for m in re.finditer(f"[、﹑][{HAN}、﹑]*+", text):
        if len(re.findall("[、﹑]", m.group())) >= 2:
            left = m.start()
            while left and re.fullmatch(f"[{HAN}、﹑]", text[left - 1]):
                left -= 1
            runs.append((left, m.end()))
    assert list_runs(text) == runs


@given(_LIST_TEXT)
def test_headings_are_found_after_a_line_break_as_at_a_line_start(text):
    at_line_start = re.compile("(?m)^" + _HEADING_RE.pattern.removeprefix("\\n"))
    assert not at_line_start.pattern.startswith("(?m)^\\n")  # the line break is replaced by the anchor
    expected = [m.span(1) for m in at_line_start.finditer(text)]
    assert [(m.start(1) - 1, m.end(1) - 1) for m in _HEADING_RE.finditer("\n" + text)] == expected


def _inflected_by_every_stretch(keys, pieces, normalised, covered, piece_ends):
    """`inflect.matches` as it was: `_best_stretch` asked at every proposed place (no first/last-character test)."""
    found, tried = {}, set()
    for end, number in piece_ends:
        _piece, length, longest, owners = pieces[number]
        piece_start = end + 1 - length
        if covered[piece_start] >= longest:
            continue
        for index, offset in owners:
            key = keys[index]
            origin = piece_start - offset
            if covered[piece_start] >= len(key) or (index, origin) in tried:
                continue
            tried.add((index, origin))
            best = inflect._best_stretch(
                normalised, key, origin, inflect.allowed_edits(len(key)), len(normalised)
            )
            if best is not None and (found.get(best[:2]) is None or best[2] < found[best[:2]][1]):
                found[best[:2]] = (index, best[2])
    return [(s, e, i) for (s, e), (i, d) in found.items() if d > 0]


_WORDINGS = {0: "把论文写在祖国大地上", 1: "坚持和发展中国特色社会主义"}


@given(
    st.lists(
        st.sampled_from([*"把论文书写在祖国的大地上坚持和发展中国特色社会主义", "大地上", "把论文"]),
        max_size=40,
    )
)
@example(list("我们把论文书写在祖国大地上，坚持和发展中国特色的社会主义"))  # one inflected wording each
def test_inflected_matches_are_those_of_every_stretch(chunks):
    normalised = "".join(chunks)
    pieces = inflect.pieces_of(_WORDINGS)
    automaton = {piece: n for n, (piece, *_rest) in enumerate(pieces)}
    piece_ends = sorted(
        (at + len(piece) - 1, n)
        for piece, n in automaton.items()
        for at in range(len(normalised))
        if normalised.startswith(piece, at)
    )
    covered = bytearray(len(normalised))
    expected = _inflected_by_every_stretch(_WORDINGS, pieces, normalised, covered, piece_ends)
    assert inflect.matches(_WORDINGS, pieces, normalised, covered, piece_ends) == expected
    assert len(expected) == 2 or chunks != list("我们把论文书写在祖国大地上，坚持和发展中国特色的社会主义")


@given(st.text(alphabet="学\n\u3000", max_size=30), st.integers(0, 30))
def test_a_text_without_indents_needs_no_search_for_one(text, pos):
    indented = "\u3000\u3000" in text
    assert _paragraph_of(text, pos, indented) == _paragraph_of(text, pos)
