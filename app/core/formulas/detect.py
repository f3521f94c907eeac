"""Formula detection: lexicon matching at character level plus the pattern rules, in original offsets.

jieba splits formulas (两个维护 → 两个/维护), so the lexicon is matched with an Aho–Corasick automaton
over the normalised view without punctuation: quote marks, list commas and line breaks inside or
around a formula do not matter, and a redaction becomes one REDACTION character that no lexicon
wording contains, so a hit can never run through one. Overlaps are resolved longest-first; a hit
still lists the shorter formulas nested in it (`contains`), so 习近平新时代中国特色社会主义思想 also
counts as a use of 中国特色社会主义.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import ahocorasick

from app.core.formulas import inflect
from app.core.formulas.embedded_hits import drop_embedded, embedded
from app.core.formulas.lexicon import FormulaEntry, match_key
from app.core.formulas.longest import FRAGMENT_CHARS, covered_count, resolve_against, resolve_longest
from app.core.formulas.numbered_labels import quoted_labels
from app.core.formulas.rust_scan import rust_scanner, scan_spans
from app.core.normalize import REDACTION, NormalizedView, fold_char, normalize

if TYPE_CHECKING:
    from app.core.formulas.library import LibrarySignal
    from app.core.formulas.patterns import PatternHit

#: Punctuation that a formula never spans (brackets, sentence ends, colons, book-title marks).
_BREAKING_PUNCT = re.compile(r"[()（）\[\]【】〔〕《》〈〉<>。！？!?；;：:]")

_LIST_PUNCT = re.compile(r"[、﹑，,､;；]")
_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』]")

_REDACTION_CHAR = REDACTION
#: Pattern rules whose finds are looked up in the lexicon only at a cost and never found there.
_NOT_IN_LEXICON = frozenset(("reference", "library"))
SOURCE_LEXICON = "lexicon"
#: Lexicon hits that are near-uses of a wording (items left out, a character added or dropped): marked in
#: a text, but not counted as uses of the formula in concordances and timelines.
APPROXIMATE_STATUSES = frozenset(("abridged", "inflected"))
SOURCE_PATTERN = "pattern"
#: Category of numbered frameworks (两个确立, 五位一体): their span is the quoted label (`_numbered_labels`).
NUMBERED_CATEGORY = "numbered"
#: Category of the wordings mined from a corpus (app.core.formulas.mining): no inflected or abridged forms.
MINED_CATEGORY = "mined"
#: Category of slogans and mottos: a motto of two-character words may be written with list commas (`_list_breaks`).
SLOGAN_CATEGORY = "slogan"


@dataclass(frozen=True, slots=True)
class FormulaHit:
    """One formula occurrence in a document's stored text."""

    start: int
    end: int
    text: str
    #: the canonical wording (lexicon) or the normalised find (pattern)
    formula: str
    source: str
    #: "canonical", "variant", "outdated", "abridged" (a list formula with items left out) or "inflected"
    #: (a wording with a character or two added or dropped) for lexicon hits; "pattern" for pattern hits
    variant_status: str
    category: str
    #: for pattern hits, the rule: quoted, numbered, enumeration, parallel
    rule: str = ""
    #: canonical lexicon formulas nested inside this hit (shorter matches the longest one swallowed)
    contains: tuple[str, ...] = ()


#: The setters of FormulaHit's fields, in order (`_new_hit` sets each; the shortcuts test checks it builds equal hits).
_SET_FIELDS = tuple(getattr(FormulaHit, name).__set__ for name in FormulaHit.__slots__)


def _new_hit(
    start: int, end: int, text: str, formula: str, source: str, status: str, category: str, rule: str,
    contains: tuple[str, ...] = (),
) -> FormulaHit:  # fmt: skip
    """`FormulaHit(...)` at half the cost (the scan makes ~40 k per corpus pass): a frozen dataclass's
    `__init__` sets each field through `object.__setattr__`; the slots' own setters are cheaper."""
    hit = _NEW(FormulaHit)
    s0, s1, s2, s3, s4, s5, s6, s7, s8 = _SET_FIELDS
    s0(hit, start), s1(hit, end), s2(hit, text), s3(hit, formula), s4(hit, source)
    s5(hit, status), s6(hit, category), s7(hit, rule), s8(hit, contains)
    return hit


_NEW = object.__new__


@dataclass(frozen=True, slots=True)
class _Form:
    canonical: str
    status: str
    category: str
    length: int
    #: positions (in normalised characters) after which the wording itself has a list comma
    breaks: frozenset[int] = frozenset()


class FormulaMatcher:
    """A compiled lexicon plus the pattern rules; build once, use from any thread (read-only)."""

    def __init__(
        self,
        entries: Iterable[FormulaEntry],
        *,
        idioms: Collection[str] = frozenset(),
        common_words: Collection[str] = frozenset(),
    ) -> None:
        self.entries = tuple(entries)
        self.idioms = idioms
        self.common_words = common_words
        self._forms: list[_Form] = []
        self._automaton = ahocorasick.Automaton()
        # Abridged list forms come last, so that a wording another entry owns is never taken from it.
        forms = [(entry, w, status) for entry in self.entries for w, status in entry.forms()]
        forms += [
            (entry, w, status)
            for entry in self.entries
            if entry.category != MINED_CATEGORY
            for w, status in entry.abridged_forms()
        ]
        self._keys: dict[int, str] = {}
        for entry, wording, status in forms:
            key = match_key(wording)
            if key in self._automaton:
                continue
            self._keys[len(self._forms)] = key
            self._automaton.add_word(key, len(self._forms))
            self._forms.append(
                _Form(
                    entry.canonical,
                    status,
                    entry.category,
                    len(key),
                    _list_breaks(wording, key, entry.category),
                )
            )
        # Pieces for inflected wordings share the automaton: a negative value is a piece's number (−1 − n);
        # a piece that is itself a wording is remembered by the wording's index.
        # Mined wordings (generated from a corpus, not checked by hand) are matched as written only.
        self._pieces = inflect.pieces_of(
            {i: k for i, k in self._keys.items() if self._forms[i].category != MINED_CATEGORY}
        )
        self._piece_of_form: dict[int, int] = {}
        for number, (piece, *_rest) in enumerate(self._pieces):
            index = self._automaton.get(piece, None)
            if index is None:
                self._automaton.add_word(piece, -1 - number)
            else:
                self._piece_of_form[index] = number
        if self._forms:
            self._automaton.make_automaton()
        self._nested = {index: self._nested_in(key, index) for index, key in self._keys.items()}
        self._lengths = [form.length for form in self._forms]
        self._fragments: ahocorasick.Automaton | None = None
        #: the same keys in ahocorasick-rs, built on first scan (None: not yet; False: not installed)
        self._scanner: tuple[Any, list[int]] | bool | None = None  # (automaton, values)

    def _nested_in(self, key: str, own: int) -> tuple[str, ...]:
        found = {self._forms[i].canonical for _end, i in self._automaton.iter(key) if i >= 0 and i != own}
        found.discard(self._forms[own].canonical)
        return tuple(sorted(found, key=lambda c: (-len(c), c)))

    def canonical_of(self, wording: str) -> str | None:
        """The canonical formula a wording belongs to, if the lexicon has it."""
        index = self._automaton.get(match_key(wording), None) if self._forms else None
        return None if index is None or index < 0 else self._forms[index].canonical

    @property
    def longest(self) -> int:
        """Characters of the longest wording key: no lexicon candidate is longer."""
        return max(self._lengths, default=0)

    def lexicon_candidates(self, normalised: str) -> list[tuple[int, int, int]]:
        """(start, end, form) of every lexicon wording in a normalised string, overlapping ones too."""
        if not self._lengths or not normalised:  # (not `_forms`: a cached matcher loads those later)
            return []
        sizes = self._lengths
        return [(end + 1 - sizes[i], end + 1, i) for end, i in self._automaton.iter(normalised) if i >= 0]

    def fragment_starts(self, normalised: str) -> list[int]:
        """Where a `FRAGMENT_CHARS`-character piece of a lexicon wording starts (ascending)."""
        pieces = self._fragment_automaton()
        return [] if pieces is None else [end + 1 - FRAGMENT_CHARS for end, _n in pieces.iter(normalised)]

    def coverage(self, normalised_text: str) -> float:
        """Share of a normalised, punctuation-free string covered by lexicon formulas, or by pieces of at least
        `FRAGMENT_CHARS` characters of them (long formulas are often quoted in part: 治理体系和治理能力现代化 of
        国家治理体系和治理能力现代化); the passage engine asks this to tell shared formulas from copied prose."""
        size = len(normalised_text)
        found = self.lexicon_candidates(normalised_text)
        return covered_count(size, found, self.fragment_starts(normalised_text)) / size if size else 0.0

    def _fragment_automaton(self) -> ahocorasick.Automaton | None:
        """Every `FRAGMENT_CHARS`-character piece of a lexicon wording, built on first use."""
        if self._fragments is None:
            automaton = ahocorasick.Automaton()
            for key in self._keys.values():
                for i in range(len(key) - FRAGMENT_CHARS + 1):
                    piece = key[i : i + FRAGMENT_CHARS]
                    if REDACTION not in piece and piece not in automaton:
                        automaton.add_word(piece, FRAGMENT_CHARS)
            if len(automaton):
                automaton.make_automaton()
            self._fragments = automaton
        return self._fragments if len(self._fragments) else None

    def _matches(self, normalised: str) -> list[tuple[int, int]]:
        """(end, value) of every automaton match, by end, longer first (pyahocorasick's scan: used when
        ahocorasick-rs is missing or cannot scan the text)."""
        return list(self._automaton.iter(normalised))

    def _spans(self, normalised: str) -> list[tuple[int, int, int]] | None:
        """(start, end, value) of every automaton match in any order, from ahocorasick-rs (None: not installed).

        Three times faster than pyahocorasick on the corpus (0.10 s against 0.31 s for 3 M characters), with
        the same matches (checked on every corpus file)."""
        scanner = getattr(self, "_scanner", None)
        if scanner is None:
            scanner = self._scanner = rust_scanner(self._automaton)
        return scan_spans(scanner, normalised) if isinstance(scanner, tuple) else None

    @staticmethod
    def _fits(text: str, offsets: list[int], n_start: int, n_end: int, form: _Form) -> bool:
        """Whether the punctuation inside a match belongs there.

        Quotes and line breaks may sit anywhere; a list comma only where the wording has one or between
        two parts of at least three characters (两不愁、三保障), never inside 合作、共赢 of 和平、发展、合作、共赢 —
        unless the match is a whole enumeration, every list comma of it inside the wording and none at its
        edges: 树立|全面、协调、可持续|的发展观, 学习掌握|马克思主义立场、观点、方法|，, 促进学生|德、智、体、美全面发展.
        """
        if _BREAKING_PUNCT.search(text, offsets[n_start], offsets[n_end - 1]):
            return False
        whole: bool | None = None  # (asked only when a short part is cut)
        for k in range(n_start, n_end - 1):
            gap_start, gap_end = offsets[k] + 1, offsets[k + 1]
            if gap_start == gap_end or not _LIST_PUNCT.search(text, gap_start, gap_end):
                continue
            cut = k + 1 - n_start
            if cut not in form.breaks and (cut < 3 or n_end - n_start - cut < 3):
                if whole is None:
                    whole = _whole_enumeration(text, offsets, n_start, n_end)
                if not whole:
                    return False
        return True

    def lexicon_hits(self, text: str, view: NormalizedView | None = None) -> list[FormulaHit]:
        """Lexicon formulas in the stored text, longest match winning on overlaps.

        Quotes, list commas and line breaks may sit inside a formula; brackets and sentence ends may
        not — otherwise the heading `（六）稳步推进` would contain the formula 六稳.
        """
        view = normalize(text, keep_punctuation=False, compact=True) if view is None else view
        if not self._forms or not view.text:
            return []
        forms, offsets, lengths = self._forms, view.offsets, self._lengths
        piece_of_form = self._piece_of_form
        # (list comprehensions: this runs over every automaton match of every text, a loop costs twice as much)
        spans = self._spans(view.text)
        if spans is None:  # no ahocorasick-rs
            matches = self._matches(view.text)
            spans = [
                (n_end + 1 - (lengths[i] if i >= 0 else self._pieces[-1 - i][1]), n_end + 1, i)
                for n_end, i in matches
            ]
        # pieces in the order of their ends, the longer first at one end (inflect.matches keeps the first of
        # equal finds); one piece per span, so plain tuples sort the same
        pieces = [
            (n_end - 1, -1 - i if i < 0 else piece_of_form[i])
            for n_end, _s, i in sorted([(e, s, i) for s, e, i in spans if i < 0 or i in piece_of_form])
        ]
        candidates = [
            c
            for c in spans
            if c[2] >= 0
            and (
                offsets[c[1] - 1] - offsets[c[0]] == c[1] - 1 - c[0]
                or self._fits(text, offsets, c[0], c[1], forms[c[2]])
            )
        ]  # fmt: skip  (punctuation inside a match: does it belong there?)
        exact = resolve_longest(candidates, len(view.text))
        normalised, redaction_ends, nested = view.text, view.redaction_ends, self._nested
        hits = []
        for n_start, n_end, index, status in self._with_inflected(text, view, exact, pieces):
            # view.original_span, inline (a method call per hit costs a tenth of the lexicon's Python time)
            start, last = offsets[n_start], offsets[n_end - 1]
            end = last + 1 if normalised[n_end - 1] != REDACTION else redaction_ends.get(last, last + 1)
            form = forms[index]
            hits.append(
                _new_hit(
                    start, end, text[start:end], form.canonical, SOURCE_LEXICON, status or form.status,
                    form.category, "", nested[index],
                )
            )  # fmt: skip
        # a wording inside a longer name or word (精神文明建设|指导委员会, 创|新发展理念) is no formula (GUIDE §2, §3)
        return drop_embedded(text, hits)

    def _with_inflected(
        self,
        text: str,
        view: NormalizedView,
        exact: list[tuple[int, int, int]],
        pieces: list[tuple[int, int]],
    ) -> list[tuple[int, int, int, str]]:
        """The exact matches plus inflected ones (status "inflected") where no exact match is."""
        covered = bytearray(len(view.text))
        fills = _FILLS
        for n_start, n_end, _i in exact:
            covered[n_start:n_end] = (
                fills[n_end - n_start] if n_end - n_start < 256 else b"\xff" * (n_end - n_start)
            )
        offsets = view.offsets
        inflected = []
        found = inflect.matches(self._keys, self._pieces, view.text, covered, pieces) if pieces else ()
        for n_start, n_end, index in found:
            if _REDACTION_CHAR in view.text[n_start:n_end]:
                continue
            if offsets[n_end - 1] - offsets[n_start] == n_end - n_start - 1 or self._fits(
                text, offsets, n_start, n_end, self._forms[index]
            ):
                inflected.append((n_start, n_end, index))
        if not inflected:
            return [(s, e, i, "") for s, e, i in exact]
        # an inflected stretch swallows shorter exact matches inside it, and yields to any other overlap;
        # exact and kept inflected matches are sorted and never overlap among themselves, so the ones an
        # inflected stretch meets are one run found by bisection (a scan of all of them per stretch was quadratic)
        starts, ends = [x[0] for x in exact], [x[1] for x in exact]
        inflected = [
            (s, e, i) for s, e, i in resolve_longest(inflected, len(view.text))
            if not any(
                not (s <= xs and xe <= e and xe - xs < e - s)
                for xs, xe, _x in exact[bisect_right(ends, s) : bisect_left(starts, e)]
            )
        ]  # fmt: skip
        found = [(s, e, i, "inflected") for s, e, i in inflected]
        at = 0  # the exact matches before each stretch, then past the ones inside it (a run: xs ≥ s, xe ≤ e)
        for s, e, _i in inflected:
            inside = bisect_left(starts, s, at)
            found += [(xs, xe, xi, "") for xs, xe, xi in exact[at:inside]]
            at = max(inside, bisect_right(ends, e, inside))
        found += [(xs, xe, xi, "") for xs, xe, xi in exact[at:]]
        found.sort()
        return found

    def pattern_hits(
        self, text: str, view: NormalizedView | None = None, extra: Iterable[PatternHit] = ()
    ) -> list[FormulaHit]:
        """Finds of the pattern rules (R1–R4, references and frames), outside redactions, before merging; with
        the slogan runs around lexicon wordings (`_lexicon_run_hits`), as `find` has them."""
        view = normalize(text, keep_punctuation=False, compact=True) if view is None else view
        runs = self._lexicon_run_hits(text, self.lexicon_hits(text, view))
        return [self._pattern_hit(text, p) for p in self._pattern_finds(text, view, [*extra, *runs])]

    def _pattern_hit(self, text: str, p: PatternHit) -> FormulaHit:
        return _new_hit(
            p.start, p.end, text[p.start : p.end], self._pattern_formula(p), SOURCE_PATTERN, "pattern", p.rule,
            p.rule,
        )  # fmt: skip

    def _pattern_formula(self, p: PatternHit) -> str:
        """A pattern find's formula: its lexicon wording when the lexicon has it, else its display form."""
        # a frame of clauses or a meeting's name is never a lexicon wording: no lookup (it normalises)
        canonical = None if p.rule in _NOT_IN_LEXICON else self.canonical_of(p.formula)
        return canonical or _display_form(p.formula)

    def _pattern_finds(
        self, text: str, view: NormalizedView | None = None, extra: Iterable[PatternHit] = ()
    ) -> list[PatternHit]:
        """The pattern rules' finds outside redactions (`find` makes hits of the ones the merge keeps only)."""
        # the rule modules' ~100 regexes compile in ~60 ms; coverage and lexicon-only callers need none
        from app.core.formulas import (
            clause_anaphora,
            clause_frames,
            clause_pairs,
            coordinate_series,
            correlative_runs,
            couplets,
            frames,
            inner_frames,
            list_anaphora,
            modal_openers,
            opener_frames,
            patterns,
            point_frames,
            references,
            repeats,
            sentence_anaphora,
            sibling_frames,
            slogans,
            sub_lists,
            tail_frames,
        )

        view = normalize(text, keep_punctuation=False, compact=True) if view is None else view
        found = patterns.quoted_hits(text, self.idioms, self.common_words)
        found += patterns.numbered_hits(text, self.idioms)
        lists = patterns.list_items(text)
        inner = sub_lists.sub_lists(text, lists)
        more = lists + inner
        # a plain list's last item that runs on may be cut at the items' length (the dictionary says where);
        # a sub-list's (重点地带、重点城市和重点产业) is left to the cut-list rule, which keeps its 和
        found += patterns.enumeration_hits(text, self.idioms, lists, self.common_words)
        found += patterns.enumeration_hits(text, self.idioms, inner)
        found += patterns.parallel_hits(text)
        found += references.reference_hits(text)
        pairs = clause_pairs.clause_pairs(text)  # (the clause separators two rules look at)
        units = repeats.unit_starts(text)  # (where two rules' runs of head+slot units may start)
        found += frames.frame_hits(text, lists, pairs, units)
        found += repeats.separated_repeat_hits(text)
        found += inner_frames.shared_word_hits(text)
        found += list_anaphora.list_anaphora_hits(lists)
        found += slogans.run_hits(text, self.common_words, units)
        found += slogans.norm_list_hits(text, lists, self.common_words)
        found += slogans.verb_object_list_hits(lists, self.common_words)
        found += slogans.equal_motto_list_hits(text, lists, self.common_words, self.idioms)
        found += couplets.slogan_hits(text, self.idioms)
        found += sibling_frames.paragraph_lead_hits(text)
        found += sibling_frames.segment_hits(text)
        found += sibling_frames.preposition_run_hits(text)
        found += sibling_frames.yi_wei_run_hits(text)
        marks, opener_pairs, refrains = opener_frames.sentence_starts(text)
        found += opener_frames.opener_sentence_hits(text, marks)
        found += clause_frames.equal_clause_hits(text, self.common_words, pairs)
        found += point_frames.point_lead_hits(text, marks)
        found += point_frames.semicolon_point_hits(text)
        found += tail_frames.tail_frame_hits(text)
        found += coordinate_series.coordinate_series_hits(text, more, self.common_words)
        found += clause_anaphora.clause_anaphora_hits(text)
        found += modal_openers.modal_opener_hits(text, opener_pairs)
        found += sentence_anaphora.sentence_anaphora_hits(text)
        found += sentence_anaphora.framed_sentence_hits(text)
        found += correlative_runs.correlative_run_hits(text)
        found += clause_anaphora.refrain_sentence_hits(
            text, lambda w: self.canonical_of(w) is not None, refrains
        )
        found += extra
        if not view.redaction_ends:  # (most texts have no redaction)
            return found
        redactions = sorted(view.redaction_ends.items())
        starts = [s for s, _e in redactions]
        kept = []
        for p in found:
            i = bisect_right(starts, p.end - 1) - 1
            if i < 0 or redactions[i][1] <= p.start:
                kept.append(p)
        return kept

    def find(
        self,
        text: str,
        *,
        use_patterns: bool = True,
        view: NormalizedView | None = None,
        library: LibrarySignal | None = None,
        group: str | None = None,
    ) -> list[FormulaHit]:
        """All formula hits in text order; longest wins on overlaps, lexicon wins on equal spans.

        `view` is the text's punctuation-free normalised view, when the caller has it already. With a
        `library` signal, wordings other speakers' speeches share verbatim are hits too (rule "library");
        `group` is this text's speaker when the text is itself in the library's counts.
        """
        view = normalize(text, keep_punctuation=False, compact=True) if view is None else view
        lexicon = self.lexicon_hits(text, view)
        if not use_patterns:
            return lexicon
        extra = library.hits(text, group) if library is not None else []
        pattern = self._pattern_finds(text, view, extra + self._lexicon_run_hits(text, lexicon))
        # lexicon hits first, then the pattern finds: a pattern find is made a hit only when the merge keeps it
        settled = [(h.start, h.end, i) for i, h in enumerate(lexicon)]
        n_lexicon = len(settled)
        ranked = [(p.start, p.end, n_lexicon + k) for k, p in enumerate(pattern)]
        kept = resolve_against(settled, ranked, len(text))  # (lexicon hits never overlap each other)
        remnants = self._remnants(text, lexicon, kept) if len(kept) < n_lexicon + len(ranked) else []
        result = []
        starts = [h.start for h in lexicon]  # lexicon hits are in text order and do not overlap
        for start, end, i in kept:
            if i >= n_lexicon:  # a pattern find: the lexicon wordings it swallowed are its `contains`
                p = pattern[i - n_lexicon]
                formula = self._pattern_formula(p)
                first = bisect_left(starts, start)
                inside = [h for h in lexicon[first : bisect_left(starts, end, first)] if h.end <= end]
                inner = (
                    {h.formula for h in inside} | {c for h in inside for c in h.contains} if inside else set()
                )
                inner.discard(formula)
                contains = tuple(sorted(inner, key=lambda c: (-len(c), c))) if inner else ()
                result.append(
                    _new_hit(
                        start,
                        end,
                        text[start:end],
                        formula,
                        SOURCE_PATTERN,
                        "pattern",
                        p.rule,
                        p.rule,
                        contains,
                    )
                )
                continue
            hit = lexicon[i]
            if "“" in hit.text or "”" in hit.text:
                labels = self._numbered_labels(text, hit)
                if labels:
                    result += labels
                    continue
            result.append(hit)
        if remnants:
            result = sorted(result + remnants, key=lambda h: (h.start, h.end))
        return result

    def _lexicon_run_hits(self, text: str, lexicon: list[FormulaHit]) -> list[PatternHit]:
        """Short runs of equal members around a four-character lexicon wording (`slogans.lexicon_run_hits`)."""
        from app.core.formulas import slogans

        spans = [
            (h.start, h.end) for h in lexicon if h.end - h.start == 4 and h.category != NUMBERED_CATEGORY
        ]
        if not spans:
            return []
        numbered = {h.start for h in lexicon if h.category == NUMBERED_CATEGORY}
        return slogans.lexicon_run_hits(text, spans, self.common_words, self.idioms, numbered)

    def _remnants(
        self, text: str, lexicon: list[FormulaHit], kept: list[tuple[int, int, int]]
    ) -> list[FormulaHit]:
        """Lexicon wordings in the part of a lexicon hit that a longer pattern find overlapping it leaves free.

        The lexicon's longest match may run into a pattern find (社会主义民主政治制度 of 加快推进社会主义民主政治
        |制度化、规范化、程序化): the longer find wins, and the shorter wording the lexicon match swallowed
        (社会主义民主政治) is looked for again in what is left, with the text around it for the boundary tests.

        Lexicon hits never overlap each other, so the ones the merge lost are those a kept pattern find (`kept`
        payloads from len(lexicon) on) overlaps: only those are looked at, found by bisection."""
        n_lexicon = len(lexicon)
        finds = [(start, end) for start, end, i in kept if i >= n_lexicon]
        taken = bytearray(len(text))
        for start, end in finds:
            taken[start:end] = b"\x01" * (end - start)
        starts = [h.start for h in lexicon]
        lost: set[int] = set()
        for start, end in finds:
            first = max(0, bisect_right(starts, start) - 1)
            if first < n_lexicon and lexicon[first].end <= start:
                first += 1  # (the hit that starts before the find ends before it too)
            lost.update(range(first, bisect_left(starts, end, first)))
        found: list[FormulaHit] = []
        for i in sorted(lost):
            hit = lexicon[i]
            if taken.find(0, hit.start, hit.end) == -1:
                continue  # wholly inside longer finds
            start = hit.start
            while start < hit.end:
                if taken[start]:
                    start += 1
                    continue
                end = taken.find(1, start, hit.end)
                end = hit.end if end == -1 else end
                found += [
                    replace(h, start=h.start + start, end=h.end + start)
                    for h in self.lexicon_hits(text[start:end])
                    if not embedded(text, h.start + start, h.end + start)
                ]
                start = end
        return found

    def _numbered_labels(self, text: str, hit: FormulaHit) -> list[FormulaHit]:
        """The quoted numbered frameworks a lexicon hit is built around, as hits of their own, or []."""
        labels = []
        for start, end in quoted_labels(text, hit.start, hit.end, hit.text):
            index = self._automaton.get(match_key(text[start:end]), -1)
            if index >= 0 and (form := self._forms[index]).category == NUMBERED_CATEGORY:
                labels.append(
                    FormulaHit(
                        start, end, text[start:end], form.canonical, SOURCE_LEXICON, form.status,
                        form.category, "", self._nested[index],
                    )
                )  # fmt: skip
        return labels if labels and sum(h.end - h.start for h in labels) < hit.end - hit.start else []


#: The enumeration comma: a list the match is cut from goes on past the match's edge when one stands there.
_ENUMERATION_COMMA = re.compile(r"[、﹑､]")
_QUOTE_OR_SPACE = frozenset(" \t\n\u3000\"'“”‘’「」『』")


def _whole_enumeration(text: str, offsets: list[int], n_start: int, n_end: int) -> bool:
    """Whether the list commas inside text's match are all enumeration commas, at least two (a middle item whole),
    and none stands right before or after it (quotes and spaces skipped): the match is the whole list (全面、协调、
    可持续), not items taken from a longer one (合作、共赢 of 和平、发展、合作、共赢)."""
    first, last = offsets[n_start], offsets[n_end - 1]
    inside = text[first:last]
    if "，" in inside or "," in inside or "；" in inside or ";" in inside:
        return False
    if len(_ENUMERATION_COMMA.findall(inside)) < 2:
        return False  # two parts may be the ends of two longer items (互利|合作、共赢|发展)
    before = first - 1
    while before >= 0 and text[before] in _QUOTE_OR_SPACE:
        before -= 1
    after = last + 1
    while after < len(text) and text[after] in _QUOTE_OR_SPACE:
        after += 1
    return not (
        (before >= 0 and _ENUMERATION_COMMA.match(text, before))
        or (after < len(text) and _ENUMERATION_COMMA.match(text, after))
    )


#: Per length n < 256, n bytes of value n: what `_with_inflected` writes over an exact match of that length.
_FILLS = [bytes((n,)) * n for n in range(256)]


def _list_breaks(wording: str, key: str, category: str = "") -> frozenset[int]:
    """Where the wording has punctuation between its characters (positions in the match key).

    A motto of three or four two-character words written without commas is also written with them
    (忠诚干净担当 as 忠诚、干净、担当, 为民务实清廉 as 为民、务实、清廉): its pairs may be cut.
    """
    if category == SLOGAN_CATEGORY and len(key) in (6, 8) and len(wording) == len(key):
        return frozenset(range(2, len(key), 2))
    breaks: set[int] = set()
    count = 0
    for ch in wording:
        if fold_char(ch, keep_punctuation=False):
            count += 1
        elif 0 < count < len(key):
            breaks.add(count)
    return frozenset(breaks)


@lru_cache(maxsize=65536)  # (as `match_key`: most pattern finds of a text recur, 12 k finds, 3 k distinct)
def _display_form(found: str) -> str:
    """A pattern find as shown and grouped: quote marks and whitespace removed, list commas kept."""
    return _QUOTES_AND_SPACE.sub("", found)
