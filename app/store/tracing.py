"""Library-wide tracing: similar speeches and where else a passage appears.

Both queries work in two steps: the shingle index (app.store.index) proposes a few candidate documents
without reading the library, then the passage engine (app.core.passages) compares the query with each
candidate and measures what they really share. Formula passages never count towards a score: two speeches
that only share 以习近平同志为核心的党中央 are not similar. Formulas are known twice over: by the library's
lexicon (shipped + the user's entries) and by the library itself, whose shingle index says which text ≥ 3
other speeches contain (app.store.boilerplate); a passage search hit says which of the two made it a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core.passages import (
    BoilerplateSignal,
    FormulaOracle,
    Passage,
    PassageParams,
    PreparedDocument,
    compare_prepared,
    prepare,
)
from app.core.passages.classify import classify, lexical_share
from app.core.shingles import all_shingles, fingerprints, normalised, shingle_hashes
from app.core.similar_focus import (
    WHOLE_CHARS,
    Focus,
    QueryShingles,
    best_first,
    excerpt_document,
    focus,
    query_excerpt,
    version_groups,
)
from app.store.boilerplate import LibraryBoilerplate
from app.store.document_rows import document_infos, texts_of
from app.store.engine import Library
from app.store.frequent_fingerprints import less_boilerplate, similar_params
from app.store.index import PARAMS as INDEX_PARAMS
from app.store.index import ensure_index, find_candidates
from app.store.lexicon import library_formula_oracle
from app.store.models import Document
from app.store.records import DocumentFilter
from app.store.repository import list_documents
from app.store.similar_pool import candidate_pool
from app.store.similar_rank import DocumentInfo, SimilarDocument, explained, ranked
from app.store.similar_stored import scan_states, still_to_confirm, stored_similar

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_DOCUMENTS: Table = Document.__table__  # type: ignore[assignment]
#: Characters of context shown on each side of a passage found by passage search.
CONTEXT_CHARS = 30


class TracingCancelled(Exception):
    """The caller's `cancelled()` returned True."""


def default_params(
    library: Library | None = None, formula_oracle: FormulaOracle | None = None
) -> PassageParams:
    """The passage engine with a formula lexicon, so formulas are told apart from copies, and, given a
    library, its boilerplate (text ≥ 3 other speeches contain, app.store.boilerplate): speeches that share
    only the library's common wording are not similar. `formula_oracle` defaults to the library's merged
    lexicon (the shipped one without a library); the GUI passes the matcher it already holds. Build it
    after `ensure_fresh`."""
    from app.core.formulas.shipped import formula_coverage
    from app.store.boilerplate import library_boilerplate

    if library is None:
        return PassageParams(formula_oracle=formula_oracle or formula_coverage)
    return PassageParams(
        formula_oracle=formula_oracle or library_formula_oracle(library),
        boilerplate=library_boilerplate(library.reader),
    )


def ensure_fresh(
    library: Library, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> int:
    """Index whatever is not indexed yet (older libraries, another version); nothing on a read-only library."""
    if library.readonly:
        return 0
    return ensure_index(library.writer, library.reader, progress, cancelled)


def remember(params: PassageParams, prepared: PreparedDocument, document_id: int) -> PreparedDocument:
    """Tell the library's boilerplate signal which document a prepared text is, so leaving the compared
    pair out of its counts costs no lookup by content hash (one per candidate otherwise)."""
    if isinstance(params.boilerplate, LibraryBoilerplate):
        params.boilerplate.remember({prepared.sha256: document_id})
    return prepared


def holding_session(params: PassageParams) -> AbstractContextManager[None]:
    """One session for the boilerplate signal's lookups over a run of comparisons (see `reading`)."""
    signal = params.boilerplate
    while isinstance(signal, _AlsoExcluding):
        signal = signal.signal
    if isinstance(signal, LibraryBoilerplate):
        return signal.reading()
    return nullcontext()


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise TracingCancelled


def similar_documents(
    library: Library,
    text: str,
    *,
    exclude: int | None = None,
    top: int = 10,
    check: int | None = None,
    params: PassageParams | None = None,
    formula_oracle: FormulaOracle | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    stored: bool = True,
) -> list[SimilarDocument]:
    """Speeches sharing the most copied prose with `text` (a library document's text, or any text), best
    first: by the query characters found copied in each (formulas and library boilerplate excluded, edits
    inside a passage not counted), so a speech's real source comes before one sharing its stock wording,
    and of near-identical versions the closest comes first. Ties are explained in `SimilarDocument.reason`.

    `exclude` is the query's own id when it is in the library. The shingle index proposes a pool of
    candidates (the `check` sharing the rarest fingerprints and the `check` sharing the most; default
    top + 5, at least 10); each is bounded cheaply (app.core.similar_focus) and confirmed by the passage
    engine on the shared part only, best bound first, until no bound left can change the first `top` or
    `check` candidates have been confirmed (more while they are short: bounds of short formulaic texts
    are loose, and comparing them costs little). Documents sharing only formulas are left out. Without `params`,
    the library's (`similar_params`, with `formula_oracle` when given). Bounds leave out what the library's
    boilerplate rules out (app.store.frequent_fingerprints).

    When `exclude` is a document the corpus scan (`duidu scan`) has covered, its stored pairs are results
    at once (`SimilarDocument.stored`) and only what the scan has not covered is confirmed live
    (app.store.similar_stored); `stored=False` measures everything live.
    """
    ensure_fresh(library, progress, cancelled)
    params = params or similar_params(library, formula_oracle)
    check = check or max(10, top + 5)
    query = prepare(text, params)
    shingles = QueryShingles.of(query.view.text)
    infos: dict[int, DocumentInfo] = {}
    texts: dict[int, str] = {}
    with library.reader() as session:
        scan = (
            None if exclude is None or not stored else stored_similar(session, exclude, query, infos, texts)
        )
        ids, scores = candidate_pool(
            session, fingerprints(text), () if exclude is None else (exclude,), check
        )
        infos.update(document_infos(session, [i for i in ids if i not in infos]))
        texts.update(texts_of(session, [i for i in ids if i not in texts]))
        if scan is not None:
            scan.scanned.update(scan_states(session, ids))
    if exclude is not None:
        remember(params, query, exclude)
    bounded = best_first([(focus(shingles, texts.get(i) or "", params), i) for i in ids], scores)
    for _found, doc_id in bounded:
        remember(params, excerpt_document("", _excerpt_key(doc_id)), doc_id)
    versions = [i for found, i in bounded if _is_version(found)]
    theirs = version_groups(bounded, VERSION_BOUND)
    most = max((len(group) for group in theirs.values()), default=0)
    bounded = less_boilerplate(bounded, shingles, params, len(versions) + 2 + most, scores)
    params = _without_versions(params, versions, theirs)
    query.formula_share(0, 0, params, frozenset())  # ties the query's cache of shares to these params: its
    # excerpts share that cache, so a stretch shared with many candidates is measured once
    results: list[SimilarDocument] = []
    if scan is not None and not versions:  # with versions, see `_after_scan`
        results = list(scan.found.values())
        bounded = still_to_confirm(bounded, scan, scores)
    budget, spent = check * WHOLE_CHARS, 0
    with holding_session(params):
        for done, (found, doc_id) in enumerate(bounded, start=1):
            _check(cancelled)
            if found.bound <= 0 or (done > check and spent > budget):
                break  # `check` confirmed, and as many characters compared as `check` short speeches
            if len(results) >= top and found.bound < ranked(results)[top - 1].score:
                break  # no candidate left can enter the first `top`
            similar = _confirm(query, found, doc_id, infos[doc_id], scores[doc_id], params)
            spent += found.compared(len(query.view.text))
            if similar is not None:
                results.append(similar)
            if progress is not None:
                progress(done, len(bounded))
    if progress is not None:
        progress(len(bounded), len(bounded))
    return explained(ranked(results))[:top]


#: A candidate that may share this much of the query, and the query as much of it, is a version of the
#: query, not one more speech using common wording: see `_without_versions`.
VERSION_BOUND = 0.8


def _is_version(found: Focus) -> bool:
    return found.bound >= VERSION_BOUND and found.other_bound >= VERSION_BOUND


def _excerpt_key(doc_id: int) -> str:
    """The key an excerpt is known by in place of a content hash (the boilerplate signal maps it to the id)."""
    return f"excerpt:{doc_id}"


def _without_versions(
    params: PassageParams, versions: Sequence[int], theirs: Mapping[int, frozenset[int]] | None = None
) -> PassageParams:
    """Leave the query's own versions, and each candidate's, out of the library's boilerplate counts.

    Text ≥ 3 other speeches hold is boilerplate; but when a speech exists in four versions, every version
    holds the query's text three times over, and without this rule none of them would be similar to it.
    Versions of one text are one source, so the candidates that may share most of the query and hold
    little else are not counted as "other speeches" for any pair of this query. The same holds for the
    candidate's side: a short query quoting a report that exists in four versions shares its quote with
    all four, so for the pair with one of them the other three (`theirs`: candidates holding ≥ 80 % of
    each other's shingles, similar_focus.version_groups) are not "other speeches" either.
    """
    if params.boilerplate is None or not (versions or theirs):
        return params
    keys = frozenset(_excerpt_key(i) for i in versions)
    groups = tuple(
        (_excerpt_key(i), frozenset(_excerpt_key(j) for j in group)) for i, group in (theirs or {}).items()
    )
    return replace(params, boilerplate=_AlsoExcluding(params.boilerplate, keys, groups))


def _confirm(
    query: PreparedDocument,
    found: Focus,
    doc_id: int,
    info: DocumentInfo,
    candidate_score: float,
    params: PassageParams,
) -> SimilarDocument | None:
    """The engine's passages between the query and the candidate's excerpt, as a result (None: only
    formulas shared)."""
    excerpt = excerpt_document(found.excerpt, _excerpt_key(doc_id), sharing=query)
    side = query if found.query_pieces is None else query_excerpt(query, found.query_pieces)
    passages, summary = compare_prepared(side, excerpt, 0, 1, params)
    exclude = frozenset((side.sha256, excerpt.sha256))
    shared = {
        id(p): _shared_share(side, excerpt, p, params, exclude, len(query.view.text))
        for p in passages
        if p.kind == "copy"
    }
    copies = [p for p in passages if p.kind == "copy" and shared[id(p)] < params.formula_share]
    near = [p for p in passages if _near_the_bar(p, params)] + [
        replace(p, kind="formula", formula_share=shared[id(p)])
        for p in passages
        if p.kind == "copy" and params.formula_share <= shared[id(p)] < params.formula_share + NEAR_THE_BAR
    ]
    if not copies and not near:
        return None
    longest = max(copies or near, key=lambda p: (p.a_end - p.a_start, -p.a_start))
    matched = sum(p.matched_chars for p in copies) + sum(_prose_in(p) for p in near)
    if matched <= 0:
        return None
    return SimilarDocument(
        document=info,
        score=round(matched / max(1, len(query.view.text)), 4),
        query_copy_ratio=round(summary.a_copy_ratio * len(side.view.text) / max(1, len(query.view.text)), 4),
        other_copy_ratio=round(summary.b_copy_ratio * len(found.excerpt) / max(1, found.length), 4),
        passages=len(copies),
        longest=longest.a_text,
        longest_start=longest.a_start,
        longest_end=longest.a_end,
        candidate_score=candidate_score,
        matched_chars=matched,
    )


#: A long passage the engine calls formula by its share of formulas and boilerplate, but by less than this
#: much over the engine's bar, still counts the rest of its characters as copied prose: see `_near_the_bar`.
NEAR_THE_BAR = 0.1


def _near_the_bar(p: Passage, params: PassageParams) -> bool:
    """A "formula" passage only just over the engine's bar (`formula_share`, `short_formula_share` for
    short ones): mostly common wording, but what is left of it is prose the two speeches share.

    The bar is a cut on a measured share: a 449-character passage of two NPC resolutions that is 70.96 %
    boilerplate counted nothing, one at 69.9 % counted whole, so one hundredth decided whether a speech
    was similar at all. Near the bar the passage counts its share of prose (`_prose_in`), so the ranking
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


def _shared_share(
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


def _prose_in(p: Passage) -> int:
    """The characters of a passage that are not formulas or boilerplate, by its measured share."""
    return round(p.matched_chars * (1 - p.formula_share))


#: What a passage search hit is: copied prose, a formula of the lexicon (or stock phrase), or text the
#: library itself shows to be common wording (≥ 3 other speeches have it; see app.store.boilerplate).
HitKind = Literal["copy", "formula", "boilerplate"]


@dataclass(frozen=True, slots=True)
class PassageHit:
    """One place in the library where the query (or a near-copy of it) appears.

    `start`/`end` are offsets in the document's stored text; `query_start`/`query_end` the part of the
    query that matched; `before`/`after` a little context. `kind` is "copy", "formula" (the lexicon's) or
    "boilerplate" (the library's common wording): only copies tell that one speech took text from another.
    """

    document: DocumentInfo
    start: int
    end: int
    text: str
    before: str
    after: str
    similarity: float
    kind: HitKind
    query_start: int
    query_end: int


@dataclass(frozen=True, slots=True)
class PassageSearch:
    """Hits, best first, and how many candidate documents were checked (`more` were not)."""

    hits: tuple[PassageHit, ...]
    checked: int
    more: int


def _search_params(query_chars: int, params: PassageParams) -> PassageParams:
    """Short selections still count as found when they appear whole."""
    if query_chars >= params.min_chars:
        return params
    return replace(params, min_chars=max(4, query_chars), short_chars=0)


def find_passage(
    library: Library,
    query: str,
    *,
    exclude: int | None = None,
    limit: int = 200,
    params: PassageParams | None = None,
    formula_oracle: FormulaOracle | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PassageSearch:
    """Every place in the library where `query`, or a near-copy of it, appears (up to `limit` documents).

    Candidates come from every shingle of the query (not just its winnowed fingerprints); a query shorter
    than the winnowing guarantee is also looked up by its pieces as exact substrings, so a short quote is
    found even where one character was added or changed.
    """
    query = query.strip()
    norm = normalised(query)
    if not norm:
        return PassageSearch((), 0, 0)
    ensure_fresh(library, progress, cancelled)
    params = _search_params(len(norm), params or default_params(library, formula_oracle))
    skip = () if exclude is None else (exclude,)
    with library.reader() as session:
        params = _excluding_source(session, params, exclude)
        ranked = [
            c.document_id for c in find_candidates(session, all_shingles(query), exclude=skip, limit=10**9)
        ]
        if len(norm) < INDEX_PARAMS.guaranteed_chars:
            seen = set(ranked)
            for piece in _pieces(norm):
                for document in list_documents(session, DocumentFilter(text=piece)):
                    if document.id not in seen and document.id != exclude:
                        ranked.append(document.id)
                        seen.add(document.id)
        ids = ranked[:limit]
        infos = document_infos(session, ids)
        texts = texts_of(session, ids)
    prepared_query = prepare(query, params)
    hits: list[PassageHit] = []
    for done, doc_id in enumerate(ids, start=1):
        _check(cancelled)
        other = texts.get(doc_id)
        if other:
            prepared = remember(params, prepare(other, params), doc_id)
            found, _summary = compare_prepared(prepared_query, prepared, 0, 1, params)
            pair = frozenset((prepared_query.sha256, prepared.sha256))
            hits.extend(_hit(infos[doc_id], other, p, _hit_kind(p, params, pair)) for p in found)
        if progress is not None:
            progress(done, len(ids))
    hits.sort(key=lambda h: (-(h.query_end - h.query_start), -h.similarity, h.document.date, h.document.id))
    return PassageSearch(tuple(hits), len(ids), max(0, len(ranked) - len(ids)))


def _pieces(norm: str) -> list[str]:
    """Substrings to look up verbatim for a query too short for the index: with the query cut in two or
    three, a near-copy with one edit (大道之行也，天下为公) still contains one piece whole."""
    if len(norm) < 8:
        return [norm] if len(norm) >= 2 else []
    size = max(4, len(norm) // 3)
    return [norm[i : i + size] for i in range(0, len(norm) - size + 1, size)]


@dataclass(frozen=True, slots=True)
class _AlsoExcluding:
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

    def _left_out(self, exclude: frozenset[str]) -> frozenset[str]:
        left_out = exclude | self.hashes
        for key, theirs in self.versions:
            if key in exclude:
                left_out |= theirs
        return left_out


def _excluding_source(session: Session, params: PassageParams, source: int | None) -> PassageParams:
    if params.boilerplate is None or source is None:
        return params
    found = session.execute(select(_DOCUMENTS.c.content_hash).where(_DOCUMENTS.c.id == source)).scalar()
    if found is None:
        return params
    return replace(params, boilerplate=_AlsoExcluding(params.boilerplate, frozenset((found,))))


def _hit_kind(p: Passage, params: PassageParams, pair: frozenset[str]) -> HitKind:
    """What a hit is, by the two signals that know what is common wording: the lexicon ("formula",
    stock phrases included) first, then the library's document frequencies ("boilerplate"); else "copy".

    The engine decides on the strongest signal at once, so each is asked again here, alone. Engine rules
    that judge a passage by its neighbours in the two texts are left out: a selection searched for is one
    passage on its own by choice, not a clause that happens to stand alone.
    """
    if p.kind == "copy":
        return "copy"
    a, b = normalised(p.a_text), normalised(p.b_text)
    length = min(len(a), len(b))
    lexical = max(lexical_share(a, params), lexical_share(b, params))
    if classify(lexical, length, params) == "formula":
        return "formula"
    if params.boilerplate is not None:
        library = max(params.boilerplate.share(a, pair), params.boilerplate.share(b, pair))
        if classify(library, length, params) == "formula":
            return "boilerplate"
    return "copy"


def _hit(info: DocumentInfo, text: str, p: Passage, kind: HitKind) -> PassageHit:
    return PassageHit(
        document=info,
        start=p.b_start,
        end=p.b_end,
        text=p.b_text,
        before=text[max(0, p.b_start - CONTEXT_CHARS) : p.b_start],
        after=text[p.b_end : p.b_end + CONTEXT_CHARS],
        similarity=p.similarity,
        kind=kind,
        query_start=p.a_start,
        query_end=p.a_end,
    )
