"""Shortcuts of the formula scan (issue 14, scan speed) find exactly what the plain scan finds, on real corpus
sentences and on the cases each shortcut must not get wrong."""

from __future__ import annotations

import ahocorasick
import pytest

from app.core.formulas.rust_scan import rust_scanner, scan_spans


def _minable_texts(corpus):
    """(path, text) of every corpus file the held-out round leaves minable, in path order."""
    from tests.bench.formula_annotations import minable

    for path in sorted(corpus.rglob("*.txt")):
        if minable(path):
            yield path, path.read_text(encoding="utf-8")


def _scanner(*keys: str):
    automaton = ahocorasick.Automaton()
    for value, key in enumerate(keys):
        automaton.add_word(key, value)
    automaton.make_automaton()
    return rust_scanner(automaton)


def test_the_utf16_scan_skips_a_match_across_two_characters_halves():
    """国家 is FD 56 B6 5B in UTF-16-LE; U+FDxx, U+B656 and U+xx5B hold those bytes at an odd offset."""
    pytest.importorskip("ahocorasick_rs")
    scanner = _scanner("国家")
    joined = "\ufd00\ub656\u4e5b"
    assert "国家".encode("utf-16-le") in joined.encode("utf-16-le")
    assert scan_spans(scanner, joined) == []
    assert scan_spans(scanner, joined + "国家") == [(3, 5, 0)]


def test_the_utf16_scan_keeps_character_offsets_after_a_character_beyond_the_bmp():
    """Such a character is two UTF-16 units: the scan reads it as one stand-in unit, so offsets still halve."""
    pytest.importorskip("ahocorasick_rs")
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.lexicon import FormulaEntry

    assert scan_spans(_scanner("国家"), "𠮷国家𠮷国家") == [(1, 3, 0), (4, 6, 0)]
    assert _scanner("𠮷国") is False  # a key with such a character: pyahocorasick scans
    matcher = FormulaMatcher([FormulaEntry(canonical="国家治理", category="governance")])
    hits = matcher.find("𠮷𠮷推进国家治理。")
    assert [(h.start, h.end, h.formula) for h in hits] == [(4, 8, "国家治理")]


@pytest.mark.corpus
def test_member_starts_are_the_marked_sentence_starts_on_the_corpus(corpus):
    """`opener_frames` looks only for sentence starts with a dash or an ordinal: on every minable corpus file
    they are exactly the marked ones among all sentence starts (the mark optional, as it was before)."""
    import re

    from app.core.formulas.opener_frames import _MEMBER_START_RE
    from app.core.formulas.patterns import HAN, NUM
    from app.core.formulas.regex_scan import finditer

    every_start = re.compile(
        rf"[。！？!?\n][ \t\u3000]*(?P<mark>(?:——|――)?(?:[{NUM}]{{1,2}}是|第[{NUM}]{{1,2}}[，,、])?)"
        rf"(?=[{HAN}“”]{{2}})"
    )
    members = 0
    for path, text in _minable_texts(corpus):
        text = "\n" + text
        marked = [m.span() for m in every_start.finditer(text) if m.group("mark")]
        found = [m.span() for m in finditer(_MEMBER_START_RE, text) if m.group("mark")]  # (14p11: the scan
        assert found == marked, (
            path.name
        )  # also finds unmarked sentences whose next one repeats their opener)
        members += len(marked)
    assert members > 1000


@pytest.mark.corpus
def test_a_list_whose_middle_item_fails_r3_has_no_enumeration_hit_on_the_corpus(corpus):
    """`enumeration_hits` skips a list before trimming when a middle item is no R3 item: on every minable
    corpus file, the trimmed form of such a list (what R3 used to test) fails too."""
    from app.core.formulas.patterns import _enumeration_item, _trim_items, list_items
    from tests.bench.formula_annotations import minable

    skipped = 0
    for path in sorted(corpus.rglob("*.txt")):
        if not minable(path):
            continue
        for _left, _right, raw in list_items(path.read_text(encoding="utf-8")):
            if len(raw) >= 3 and all(raw) and not all(map(_enumeration_item, raw[1:-1])):
                skipped += 1
                items = _trim_items(raw)
                assert not items or not all(map(_enumeration_item, items)), raw
    assert skipped > 1000


@pytest.mark.corpus
def test_an_inflected_stretch_swallows_the_exact_match_inside_it_and_keeps_the_others(corpus):
    """`_with_inflected` finds the exact matches inside an inflected stretch by bisection: the 9th congress
    report's 无产阶级专政下继续革命的伟大理论 (inflected) holds the exact 无产阶级专政下继续革命, which goes;
    the exact matches before and after the stretch stay."""
    from app.core.formulas.shipped import default_matcher

    text = (corpus / "cpc-congress-reports/cpc-09-congress-report.txt").read_text(encoding="utf-8")
    start = text.index("无产阶级专政下继续革命的伟大理论")
    end = start + len("无产阶级专政下继续革命的伟大理论")
    hits = default_matcher().lexicon_hits(text)
    inside = [h for h in hits if start <= h.start and h.end <= end]
    assert [(h.start, h.end, h.variant_status) for h in inside] == [(start, end, "inflected")]
    assert any(h.end <= start and h.variant_status != "inflected" for h in hits)
    assert any(h.start >= end and h.variant_status != "inflected" for h in hits)


def test_the_fast_hit_constructor_builds_the_same_frozen_hit():
    """`detect._new_hit` sets the slots itself: the hit equals `FormulaHit(...)` with every field set, and
    stays frozen."""
    import dataclasses

    from app.core.formulas.detect import FormulaHit, _new_hit

    values = (3, 9, "两个维护", "两个维护", "lexicon", "inflected", "numbered", "quoted", ("维护",))
    assert len(dataclasses.fields(FormulaHit)) == len(values)
    fast, plain = _new_hit(*values), FormulaHit(*values)
    assert type(fast) is FormulaHit and fast == plain and hash(fast) == hash(plain)
    assert [getattr(fast, f.name) for f in dataclasses.fields(FormulaHit)] == list(values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 4  # type: ignore[misc]
    assert _new_hit(*values[:-1]) == FormulaHit(*values[:-1])  # a pattern hit: contains left at ()


@pytest.mark.corpus
def test_frame_list_members_are_the_list_text_split_at_its_commas_on_the_corpus(corpus):
    """`frames._members` places a list's items by their lengths: on every minable corpus file that gives the
    non-empty stretches between the list commas of the list's own text (what a regex split of it gave)."""
    import re
    from itertools import pairwise

    from app.core.formulas.frames import _members
    from app.core.formulas.patterns import list_items

    lists = 0
    for path, text in _minable_texts(corpus):
        for left, right, parts in list_items(text):
            bounds = [left - 1, *(left + m.start() for m in re.finditer("[、﹑]", text[left:right])), right]
            split = [(a + 1, b, text[a + 1 : b]) for a, b in pairwise(bounds) if b > a + 1]
            assert _members(left, parts) == split, (path.name, left)
            lists += 1
    assert lists > 10000


def test_the_shipped_lexicon_is_scanned_by_ahocorasick_rs():
    """No shipped key holds a character the UTF-16 scan cannot take (it would fall back to pyahocorasick,
    three times slower, without a word)."""
    pytest.importorskip("ahocorasick_rs")
    from app.core.formulas.shipped import default_matcher

    matcher = default_matcher()
    assert matcher.find("推进国家治理体系和治理能力现代化")
    assert isinstance(matcher._scanner, tuple)


@pytest.mark.corpus
def test_clause_slot_runs_found_from_the_second_clause_are_those_of_every_clause_start_on_the_corpus(corpus):
    """`frames._clause_slot_runs` looks for three clauses that start alike from the separator after the first
    (four literal searches) and reads the first backwards: on every minable corpus file its runs are those of the
    expression that tries every clause start (a class of twelve characters tested at each character)."""
    import re

    from app.core.formulas.clause_pairs import clause_pairs
    from app.core.formulas.frames import _clause_slot_runs, _fixed_inner_place
    from app.core.formulas.patterns import HAN

    every_start = re.compile(
        rf"[，,；;：:。！？!?\n](([{HAN}])[{HAN}]{{4,11}}+)([，,；;])(\2[{HAN}]{{4,11}}+)\3(\2[{HAN}]{{4,11}}+)(?![{HAN}])"
    )
    runs = 0
    for path, text in _minable_texts(corpus):
        expected = []
        for m in every_start.finditer(text):
            words = [m.group(1), m.group(4), m.group(5)]
            if len({len(w) for w in words}) == 1 and len(set(words)) == 3 and _fixed_inner_place(words):
                expected.append([(m.start(g), m.end(g), m.group(g)) for g in (1, 4, 5)])
        assert _clause_slot_runs(text, clause_pairs(text)) == expected, path.name
        runs += len(expected)
    assert runs > 50


@pytest.mark.corpus
def test_shared_word_runs_found_from_the_second_clause_are_those_of_every_clause_start_on_the_corpus(corpus):
    """`inner_frames.shared_word_runs` looks for three clauses that share a word after their heads from the
    separator after the first (four literal searches) and reads the first backwards: on every minable corpus
    file its runs are the matches of the expression that tries every clause start (thirteen characters)."""
    import re

    from app.core.formulas.inner_frames import _CLAUSE, _END, _SEP, shared_word_runs
    from app.core.formulas.patterns import HAN

    every_start = re.compile(
        rf"[{_SEP}{_END}]([{HAN}]{{2}})([{HAN}]{{2}}){_CLAUSE}{{0,30}}+([{_SEP}])"
        rf"([{HAN}]{{2}})\2{_CLAUSE}{{0,30}}+\3([{HAN}]{{2}})\2"
    )
    runs = 0
    for path, text in _minable_texts(corpus):
        expected = [
            (m.start(1), m.end(), m.group(3), [m.group(1), m.group(4), m.group(5)], m.group(2))
            for m in every_start.finditer(text)
        ]
        assert shared_word_runs(text) == expected, path.name
        runs += len(expected)
    assert runs > 100


def _merged_as_before(matcher, text):
    """`FormulaMatcher.find` as it was at 94f630c, the oracle of the deferred pattern hits: every pattern find
    made a hit first, all hits resolved together, and a kept pattern hit copied with the wordings it swallowed
    (then the lexicon remnants beside kept pattern finds, as `find` adds them)."""
    from bisect import bisect_left

    from app.core.formulas.detect import SOURCE_PATTERN, FormulaHit
    from app.core.formulas.longest import resolve_longest
    from app.core.normalize import normalize

    view = normalize(text, keep_punctuation=False, compact=True)
    lexicon = matcher.lexicon_hits(text, view)
    pool = lexicon + matcher.pattern_hits(text, view)
    kept = resolve_longest([(h.start, h.end, i) for i, h in enumerate(pool)], len(text))
    result = []
    starts = [h.start for h in lexicon]
    for start, end, i in kept:
        hit = pool[i]
        if hit.source == SOURCE_PATTERN:
            first = bisect_left(starts, start)
            inside = [h for h in lexicon[first : bisect_left(starts, end, first)] if h.end <= end]
            inner = {h.formula for h in inside} | {c for h in inside for c in h.contains}
            inner.discard(hit.formula)
            if inner:
                contains = tuple(sorted(inner, key=lambda c: (-len(c), c)))
                hit = FormulaHit(*(getattr(hit, f) for f in FormulaHit.__slots__[:-1]), contains)
        elif "“" in hit.text or "”" in hit.text:
            labels = matcher._numbered_labels(text, hit)
            if labels:
                result += labels
                continue
        result.append(hit)
    # (the lexicon wordings left free beside a longer pattern find: one step after the merge, both ways)
    remnants = matcher._remnants(text, lexicon, kept)
    return sorted(result + remnants, key=lambda h: (h.start, h.end)) if remnants else result


@pytest.mark.corpus
def test_pattern_hits_made_after_the_merge_are_the_hits_of_the_plain_merge_on_the_corpus(corpus):
    """`find` makes a pattern find a hit only when the merge keeps it (half of them lose to a longer hit), with
    its `contains` at once: on every minable corpus file its hits equal, field by field, those of the plain merge
    of all lexicon and pattern hits (14v10)."""
    from app.core.formulas.shipped import default_matcher

    matcher = default_matcher()
    checked = 0
    for path, text in _minable_texts(corpus):
        assert matcher.find(text) == _merged_as_before(matcher, text), path.name
        checked += 1
    assert checked > 300


def test_a_lazy_word_list_loads_once_and_answers_as_the_list():
    """The matcher's general dictionary is loaded on the first question and then kept: the loader (which takes
    a lock) is not called again for each of the scan's questions."""
    from app.core.formulas.word_list import LazyWordList, WordList

    words = WordList(["改革", "开放", "新时代"])
    calls = []
    lazy = LazyWordList(lambda: calls.append(1) or words)
    assert calls == []
    assert [w in lazy for w in ("改革", "开放", "发展", "新时代", 3)] == [True, True, False, True, False]
    assert (len(lazy), sorted(lazy)) == (3, sorted(words))
    assert calls == [1]


@pytest.mark.corpus
def test_equal_clause_separators_from_the_shared_clause_scan_are_those_of_the_rules_own_expression_on_the_corpus(
    corpus,
):
    """`clause_frames.next_two` keeps the separators of the wider `clause_pairs` scan (which `frames` shares)
    that the rule's shape allows: on every minable corpus file they are exactly the finds of the rule's own
    expression at 94f630c (4–10-character clauses after four Han characters, one literal search per separator)."""
    import re

    from app.core.formulas.clause_frames import next_two
    from app.core.formulas.clause_pairs import clause_pairs
    from app.core.formulas.patterns import HAN

    own = re.compile(rf"([，,；;])(?<=[{HAN}]{{4}}.)(?=([{HAN}]{{4,10}}+)\1([{HAN}]{{4,10}}+)(?![{HAN}]))")
    finds = 0
    for path, text in _minable_texts(corpus):
        expected = [
            (m.start(), m.end(2), m.end(3))
            for m in own.finditer(text)
            if m.end(2) - m.start(2) == m.end(3) - m.start(3)
        ]
        assert next_two(text, clause_pairs(text)) == expected, path.name
        finds += len(expected)
    assert finds > 1000


@pytest.mark.corpus
def test_unit_runs_tried_at_the_shared_unit_starts_are_the_plain_scans_matches_on_the_corpus(corpus):
    """`repeats.repeat_hits` and `slogans.run_hits` try their expressions only at `repeats.unit_starts` (one
    class-led scan for both): on every minable corpus file that gives exactly the matches of each expression's
    own scan of the whole text, groups included."""
    from app.core.formulas.regex_scan import matches_at
    from app.core.formulas.repeats import _REPEAT_RE, unit_starts
    from app.core.formulas.slogans import _RUN_RE

    found = 0
    for path, text in _minable_texts(corpus):
        starts = unit_starts(text)
        for rx in (_REPEAT_RE, _RUN_RE):
            plain = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in matches_at(rx, text, starts)] == plain, path.name
            found += len(plain)
    assert found >= 5  # (rare: 8 over the minable corpus at e6dc8f9)


def test_matches_at_skips_places_inside_the_last_match():
    """The finditer rule: after a match, the next is looked for from its end (稳增长稳就业稳物价稳 has one)."""
    import re

    from app.core.formulas.regex_scan import matches_at

    rx = re.compile("(稳)..稳..")
    text = "稳增长稳就业稳物价稳"
    assert (
        [m.span() for m in matches_at(rx, text, [0, 3, 6])]
        == [m.span() for m in rx.finditer(text)]
        == [(0, 6)]
    )


@pytest.mark.corpus
def test_r3_items_asked_together_answer_as_item_by_item_on_the_corpus(corpus):
    """`patterns._enumeration_items` asks of a list's items together what `_enumeration_item` asks of each: on
    every list (and its middle items) of every minable corpus file the answers agree, and on the edge cases."""
    from app.core.formulas.patterns import _enumeration_item, _enumeration_items, list_items

    assert [
        _enumeration_items(x)
        for x in (["改革", "开放"], ["改革", "开"], ["改革开放稳定发展"], ["我们的", "改革"])
    ] == [
        True,
        False,
        False,
        False,
    ]
    asked = 0
    for path, text in _minable_texts(corpus):
        for _left, _right, items in list_items(text):
            for part in (items, items[1:-1]):
                if part:
                    assert _enumeration_items(part) == all(map(_enumeration_item, part)), (path.name, part)
                    asked += 1
    assert asked > 10000


@pytest.mark.corpus
def test_a_list_without_a_shared_place_has_no_coordinate_series_on_the_corpus(corpus):
    """`coordinate_series._may_share` skips a list before `_series` when no two members a piece is read on share a
    prefix, a suffix, two characters at one place or (in a series of ≥ 4) one: on every minable corpus file such a
    list has no series, so the rule had nothing there to find."""
    from app.core.formulas.coordinate_series import _may_share, _series
    from app.core.formulas.patterns import list_items
    from app.core.formulas.shipped import general_words
    from app.core.formulas.sub_lists import sub_lists

    words = general_words()
    skipped = 0
    for path, text in _minable_texts(corpus):
        lists = list_items(text)
        for _left, _right, raw in lists + sub_lists(text, lists):
            if len(raw) < 3 or not all(raw) or _may_share(raw):
                continue
            for run_end in (False, True):
                assert _series(raw, True, False, run_end, words) is None, (path.name, raw)
            skipped += 1
    assert skipped > 1000


def _remnants_of_every_lost_hit(matcher, text, lexicon, kept):
    """`FormulaMatcher._remnants` as it was before 14v12: every lexicon hit the merge did not keep, with every kept
    range marked."""
    from dataclasses import replace

    from app.core.formulas.embedded_hits import embedded

    taken = bytearray(len(text))
    for start, end, _i in kept:
        taken[start:end] = b"\x01" * (end - start)
    won = {i for _s, _e, i in kept}
    found = []
    for i, hit in enumerate(lexicon):
        if i in won or taken.find(0, hit.start, hit.end) == -1:
            continue
        start = hit.start
        while start < hit.end:
            if taken[start]:
                start += 1
                continue
            end = taken.find(1, start, hit.end)
            end = hit.end if end == -1 else end
            found += [
                replace(h, start=h.start + start, end=h.end + start)
                for h in matcher.lexicon_hits(text[start:end])
                if not embedded(text, h.start + start, h.end + start)
            ]
            start = end
    return found


@pytest.mark.corpus
def test_remnants_looked_for_around_kept_pattern_finds_only_are_those_of_every_lost_hit_on_the_corpus(corpus):
    """`_remnants` looks only at the lexicon hits a kept pattern find overlaps (14v12): on every minable corpus
    file it finds what a look at every lexicon hit the merge lost finds."""
    from app.core.formulas.longest import resolve_longest
    from app.core.formulas.shipped import default_matcher

    matcher = default_matcher()
    found = 0
    for path, text in _minable_texts(corpus):
        lexicon = matcher.lexicon_hits(text)
        pool = lexicon + matcher.pattern_hits(text)
        kept = resolve_longest([(h.start, h.end, i) for i, h in enumerate(pool)], len(text))
        remnants = matcher._remnants(text, lexicon, kept)
        assert remnants == _remnants_of_every_lost_hit(matcher, text, lexicon, kept), path.name
        found += len(remnants)
    assert found >= 2  # not vacuous (8 at e6dc8f9; 2 once 14l12b listed the longer wordings whole)
