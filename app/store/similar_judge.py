"""How much of a passage "similar speeches" counts as copied prose: the judgement of each passage the engine
found between a query and a candidate (app.store.tracing confirms candidates with it).

The engine calls a passage "copy" or "formula" by its share of lexicon formulas and library boilerplate
against one bar. Here that verdict is refined where it was measured on the wrong text or cut too sharply:
near the bar a passage counts its share of prose (`near_the_bar`); a template filled in differently is
judged on what both sides hold (`shared_share`), and on its skeleton, numbers aside, among the query's
other candidates (`template_share`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from app.core.passages import BoilerplateSignal, Passage, PassageParams, PreparedDocument
from app.core.shingles import shingle_hashes
from app.core.template_family import TemplateFamily, has_slots
from app.store.boilerplate import LibraryBoilerplate
from app.store.reads import PARAMS as INDEX_PARAMS


class DocumentSignal(Protocol):
    """A boilerplate signal made for one document (`of_document`): the share of a stretch of it."""

    def share(self, start: int, end: int, exclude: frozenset[str] = ...) -> float: ...


def counted(
    side: PreparedDocument,
    excerpt: PreparedDocument,
    passages: list[Passage],
    params: PassageParams,
    query_chars: int,
    kin: Kin | None,
) -> tuple[list[Passage], list[Passage]]:
    """The passages that count whole (`copies`) and those that count their share of prose (`near`, see
    `prose_in`); the rest count nothing."""
    exclude = frozenset((side.sha256, excerpt.sha256))
    bar = params.formula_share
    shared = {
        id(p): shared_share(side, excerpt, p, params, exclude, query_chars)
        for p in passages
        if p.kind == "copy"
    }
    templates = {id(p): template_share(side, p, params, exclude, query_chars, kin) for p in passages}
    # a passage holding template wording counts the characters outside it (`template_share`)
    templated = [
        replace(p, kind="formula", formula_share=max(share, shared[id(p)]))
        for p in passages
        if (share := templates[id(p)]) is not None and max(share, shared[id(p)]) < bar + NEAR_THE_BAR
    ]
    copies = [p for p in passages if p.kind == "copy" and templates[id(p)] is None and shared[id(p)] < bar]
    near = (
        [p for p in passages if near_the_bar(p, params)]
        + templated
        + [
            replace(p, kind="formula", formula_share=shared[id(p)])
            for p in passages
            if p.kind == "copy" and templates[id(p)] is None and bar <= shared[id(p)] < bar + NEAR_THE_BAR
        ]
    )
    return copies, near


def library_signal(params: PassageParams) -> LibraryBoilerplate | None:
    """The library's boilerplate signal inside the params' wrappers (None: the params have none)."""
    signal = params.boilerplate
    while isinstance(signal, AlsoExcluding):
        signal = signal.signal
    return signal if isinstance(signal, LibraryBoilerplate) else None


#: A long passage the engine calls formula by its share of formulas and boilerplate, but by less than this
#: much over the engine's bar, still counts the rest of its characters as copied prose: see `near_the_bar`.
NEAR_THE_BAR = 0.1


def near_the_bar(p: Passage, params: PassageParams) -> bool:
    """A "formula" passage only just over the engine's bar (`formula_share`, `short_formula_share` for
    short ones): mostly common wording, but what is left of it is prose the two speeches share.

    The bar is a cut on a measured share: a 449-character passage of two NPC resolutions that is 70.96 %
    boilerplate counted nothing, one at 69.9 % counted whole, so one hundredth decided whether a speech
    was similar at all. Near the bar the passage counts its share of prose (`prose_in`), so the ranking
    moves smoothly there. Passages far over the bar (stock sentences, lexicon formulas) and short ones
    (their own bar; clauses shared alone are formula whatever their share) still count nothing."""
    bar = params.formula_share
    return (
        p.kind == "formula"
        and p.matched_chars > params.short_chars
        and bar <= p.formula_share < bar + NEAR_THE_BAR
    )


#: A passage this large a share of the query is the query's own form (a resolution filled in from last
#: year's): it is not left out as boilerplate, so of the texts filling in that form the closest comes first.
FORM_SHARE = 0.25


def shared_share(
    side: PreparedDocument,
    other: PreparedDocument,
    p: Passage,
    params: PassageParams,
    exclude: frozenset[str],
    query_chars: int,
) -> float:
    """The passage's share of library boilerplate counted on the text the two sides really share.

    The engine measures a passage on each side's whole stretch, edits included. A template filled in
    differently (中国共产党第十六届中央委员会第五次全体会议…于２００５年１０月８日至１１日在北京举行。出席这次
    全会的有，中央委员１９１人…, every plenum communiqué's opening) is one long passage whose slots
    (numbers, dates, names) make rare shingles on one side only: they look like prose though neither side
    copied them, so two communiqués of other years shared 360 "copied" characters that were 72 % library
    boilerplate once the slots were left out, and came before the report the communiqué restates. Here
    only the characters inside shingles both sides hold count; the signal's share of those (never less
    than the engine's share) decides, by the same bar, whether the passage is copy. Only for passages
    whose engine share reaches half the bar: below that, the shared part cannot reach the bar unless
    less than half the passage is shared, nor when the engine's share over the shared part's size stays
    under the bar (then the signal is not asked)."""
    signal, bar = params.boilerplate, params.formula_share
    if signal is None or p.formula_share < bar / 2 or not hasattr(signal, "covered"):
        return p.formula_share
    a0, a1 = side.view.normalised_span(p.a_start, p.a_end)
    if a1 - a0 >= FORM_SHARE * query_chars:
        return p.formula_share
    b0, b1 = other.view.normalised_span(p.b_start, p.b_end)
    mine, theirs = side.view.text[a0:a1], other.view.text[b0:b1]
    k = INDEX_PARAMS.k
    hashes = shingle_hashes(mine, k)
    if len(hashes) == 0:
        return p.formula_share
    both = np.zeros(len(mine) + 1, dtype=np.int32)
    for first in np.flatnonzero(np.isin(hashes, shingle_hashes(theirs, k))).tolist():
        both[first] += 1
        both[first + k] -= 1
    inside = np.cumsum(both)[:-1] > 0
    held = np.count_nonzero(inside)
    if held == 0 or p.formula_share * len(mine) < bar * held:
        return p.formula_share  # even with all its boilerplate inside the shared part, under the bar
    covered = signal.covered(mine, exclude)
    if covered is None:
        return p.formula_share
    return max(p.formula_share, float(np.count_nonzero(covered & inside)) / float(held))


#: Template wording is held, slots aside, by this many times the library's boilerplate bar of other
#: candidates: matching with every number a slot is looser than matching word for word, so it needs more
#: holders (with the bar itself, plenum communiqués recommending the state's leaders, a form the query
#: fills in too, lost the closest filling; with three times, the communiqués' openings counted again).
TEMPLATE_BAR = 2


@dataclass(frozen=True, slots=True)
class Kin:
    """The query's other candidates (app.core.template_family) and those of them left out of the count
    for one pair: the compared candidate and versions of it or of the query."""

    family: TemplateFamily
    leave_out: frozenset[int]


def template_share(
    side: PreparedDocument,
    p: Passage,
    params: PassageParams,
    exclude: frozenset[str],
    query_chars: int,
    kin: Kin | None,
) -> float | None:
    """The share of a copy passage that is template wording or library boilerplate, numbers aside
    (None: the passage holds no template wording): characters in shingles that, with every run of
    numerals one slot, ≥ the library's bar of the query's other candidates hold
    (app.core.template_family), or in the library's boilerplate. Such a passage counts only the
    characters outside them (`prose_in`), or nothing when they are far over the bar.

    Plenum communiqués of one central committee share their opening and closing sentences with other
    numbers, dates and ordinals in them; four to six documents hold those exact words, under the bar of
    three *other* speeches for each pair, so two communiqués of neighbouring plenums came before the
    report a communiqué restates. Slots aside, every communiqué among the candidates holds them. Only for
    passages holding a numeral, whose engine share reaches half the bar, and not the query's own form
    (`FORM_SHARE`)."""
    signal = library_signal(params)
    if kin is None or p.kind != "copy" or signal is None:
        return None
    if p.formula_share < params.formula_share / 2:
        return None  # cost: slots seldom lift a passage that far (tuning, held-out, blind2: no change)
    a0, a1 = side.view.normalised_span(p.a_start, p.a_end)
    mine = side.view.text[a0:a1]
    if a1 - a0 >= FORM_SHARE * query_chars or not has_slots(mine):
        return None
    template = kin.family.covered(mine, kin.leave_out, TEMPLATE_BAR * signal.threshold)
    if template is None:
        return None
    library = params.boilerplate.covered(mine, exclude) if params.boilerplate is not None else None
    share = float(np.count_nonzero(template if library is None else template | library)) / len(mine)
    known = 0.0 if library is None else float(np.count_nonzero(library)) / len(mine)
    return share if share > max(p.formula_share, known) else None  # None: the slots add nothing


def prose_in(p: Passage) -> int:
    """The characters of a passage that are not formulas or boilerplate, by its measured share."""
    return round(p.matched_chars * (1 - p.formula_share))


@dataclass(frozen=True, slots=True)
class AlsoExcluding:
    """A boilerplate signal that leaves one more document out of "the other speeches": the speech the
    query was selected in holds the passage too, yet is one of the two sides of every hit."""

    signal: BoilerplateSignal
    hashes: frozenset[str]
    #: (key of a compared document, keys of its versions): left out too when that document is compared
    versions: tuple[tuple[str, frozenset[str]], ...] = ()

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        return self.signal.share(normalised_text, self._left_out(exclude))

    def covered(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> np.ndarray | None:
        covered = getattr(self.signal, "covered", None)
        return None if covered is None else covered(normalised_text, self._left_out(exclude))

    def of_document(self, normalised_text: str) -> AlsoExcludingDocument | None:
        """The wrapped signal's form for stretches of one document (its shingles hashed once, see
        `LibraryBoilerplate.of_document`), leaving the same documents out; None when it has none. Without
        it every passage of every pair of a query hashed and looked up its own text again."""
        of_document = getattr(self.signal, "of_document", None)
        made = of_document(normalised_text) if of_document is not None else None
        return None if made is None else AlsoExcludingDocument(made, self)

    def _left_out(self, exclude: frozenset[str]) -> frozenset[str]:
        left_out = exclude | self.hashes
        for key, theirs in self.versions:
            if key in exclude:
                left_out |= theirs
        return left_out


@dataclass(frozen=True, slots=True)
class AlsoExcludingDocument:
    """`AlsoExcluding.share` for stretches of one document: `share(start, end, exclude)` is
    `AlsoExcluding.share(normalised_text[start:end], exclude)`."""

    document: DocumentSignal
    wrapper: AlsoExcluding

    def share(self, start: int, end: int, exclude: frozenset[str] = frozenset()) -> float:
        return self.document.share(start, end, self.wrapper._left_out(exclude))
