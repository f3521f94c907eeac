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
from typing import TYPE_CHECKING, Literal

from app.core.passages import (
    FormulaOracle,
    Passage,
    PassageParams,
    PreparedDocument,
    compare_prepared,
    prepare,
)
from app.core.passages.classify import classify, lexical_share
from app.core.shingles import all_shingles, fingerprints_of_normalised, normalised
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
from app.core.template_family import TemplateFamily
from app.store.boilerplate import LibraryBoilerplate
from app.store.frequent_fingerprints import less_boilerplate, similar_params
from app.store.reads import PARAMS as INDEX_PARAMS
from app.store.reads import (
    content_hash_of,
    document_infos,
    find_candidates,
    library_formula_oracle,
    texts_of,
)
from app.store.records import DocumentFilter
from app.store.similar_judge import (
    NEAR_THE_BAR,
    AlsoExcluding,
    Kin,
    counted,
    library_signal,
    prose_in,
)
from app.store.similar_pool import candidate_pool
from app.store.similar_rank import DocumentInfo, SimilarDocument, explained, ranked

if TYPE_CHECKING:  # the ORM and the scan's tables load only where a path needs them (see app.store.reads)
    from app.store.engine import Library
    from app.store.reads import Db as Session

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

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

    from app.store.index import ensure_index  # writes with the ORM: a read-only library never gets here

    return ensure_index(library.writer, library.reader, progress, cancelled)


def remember(params: PassageParams, prepared: PreparedDocument, document_id: int) -> PreparedDocument:
    """Tell the library's boilerplate signal which document a prepared text is, so leaving the compared
    pair out of its counts costs no lookup by content hash (one per candidate otherwise)."""
    if isinstance(params.boilerplate, LibraryBoilerplate):
        params.boilerplate.remember({prepared.sha256: document_id})
    return prepared


def holding_session(params: PassageParams) -> AbstractContextManager[None]:
    """One session for the boilerplate signal's lookups over a run of comparisons (see `reading`)."""
    signal = library_signal(params)
    return nullcontext() if signal is None else signal.reading()


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
    if exclude is not None and stored:  # a library document: the scan may have covered it
        from app.store.similar_stored import scan_states, still_to_confirm, stored_similar
    with library.reader() as session:
        scan = (
            None if exclude is None or not stored else stored_similar(session, exclude, query, infos, texts)
        )
        ids, scores = candidate_pool(  # the query's view is the text fingerprints are taken of
            session, fingerprints_of_normalised(query.view.text), () if exclude is None else (exclude,), check
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
    family = TemplateFamily(
        {i: found.text for found, i in bounded if found.bound > 0}, INDEX_PARAMS.k, query.view.text
    )
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
            kin = Kin(family, frozenset((doc_id, *versions, *theirs.get(doc_id, ()))))
            similar = _confirm(query, found, doc_id, infos[doc_id], scores[doc_id], params, kin)
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
    return replace(params, boilerplate=AlsoExcluding(params.boilerplate, keys, groups))


def _confirm(
    query: PreparedDocument,
    found: Focus,
    doc_id: int,
    info: DocumentInfo,
    candidate_score: float,
    params: PassageParams,
    kin: Kin | None = None,
) -> SimilarDocument | None:
    """The engine's passages between the query and the candidate's excerpt, as a result (None: only
    formulas shared)."""
    excerpt = excerpt_document(found.excerpt, _excerpt_key(doc_id), sharing=query)
    side = query if found.query_pieces is None else query_excerpt(query, found.query_pieces)
    # a lone short clause is a formula by rule (not measured), and no short formula counts; settled: a side
    # this far over the bar makes the passage a formula the judge counts nothing of (see `counted`)
    settled = max(params.formula_share + NEAR_THE_BAR, params.short_formula_share)
    passages, summary = compare_prepared(side, excerpt, 0, 1, params, settled=settled)
    copies, near = counted(side, excerpt, passages, params, len(query.view.text), kin)
    if not copies and not near:
        return None
    longest = max(copies or near, key=lambda p: (p.a_end - p.a_start, -p.a_start))
    matched = sum(p.matched_chars for p in copies) + sum(prose_in(p) for p in near)
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
                from app.store.repository import list_documents

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


def _excluding_source(session: Session, params: PassageParams, source: int | None) -> PassageParams:
    if params.boilerplate is None or source is None:
        return params
    found = content_hash_of(session, source)
    if found is None:
        return params
    return replace(params, boilerplate=AlsoExcluding(params.boilerplate, frozenset((found,))))


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
