"""Library-wide tracing: similar speeches and where else a passage appears.

Both queries work in two steps: the shingle index (app.store.index) proposes a few candidate documents
without reading the library, then the passage engine (app.core.passages) compares the query with each
candidate and measures what they really share. Formula passages never count towards a score: two speeches
that only share 以习近平同志为核心的党中央 are not similar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core.passages import Passage, PassageParams, compare_prepared, prepare
from app.core.shingles import all_shingles, fingerprints, normalised
from app.store.engine import Library
from app.store.index import PARAMS as INDEX_PARAMS
from app.store.index import ensure_index, find_candidates
from app.store.models import Document
from app.store.records import DocumentFilter
from app.store.repository import list_documents

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_DOCUMENTS: Table = Document.__table__  # type: ignore[assignment]
#: Characters of context shown on each side of a passage found by passage search.
CONTEXT_CHARS = 30


class TracingCancelled(Exception):
    """The caller's `cancelled()` returned True."""


def default_params(library: Library | None = None) -> PassageParams:
    """The passage engine with the shipped formula lexicon, so formulas are told apart from copies, and,
    given a library, its boilerplate (text ≥ 3 other speeches contain, app.store.boilerplate): speeches
    that share only the library's common wording are not similar. Build it after `ensure_fresh`."""
    from app.core.formulas.shipped import formula_coverage
    from app.store.boilerplate import library_boilerplate

    boilerplate = library_boilerplate(library.reader) if library is not None else None
    return PassageParams(formula_oracle=formula_coverage, boilerplate=boilerplate)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a result shows about a document besides the numbers."""

    id: int
    title: str
    source: str
    date: str
    speaker: str
    genre: str
    chars: int


@dataclass(frozen=True, slots=True)
class SimilarDocument:
    """A speech sharing copied prose with the query.

    `score` is the share of the query's text found as copy in this document (`query_copy_ratio`);
    `other_copy_ratio` is the share of this document found in the query. `longest` is the longest shared
    copy passage, as the query has it (with its offsets in the query text).
    """

    document: DocumentInfo
    score: float
    query_copy_ratio: float
    other_copy_ratio: float
    passages: int
    longest: str
    longest_start: int
    longest_end: int
    candidate_score: float


def ensure_fresh(
    library: Library, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> int:
    """Index whatever is not indexed yet (older libraries, another version); nothing on a read-only library."""
    if library.readonly:
        return 0
    return ensure_index(library.writer, library.reader, progress, cancelled)


def document_infos(session: Session, ids: Sequence[int]) -> dict[int, DocumentInfo]:
    c = _DOCUMENTS.c
    rows = session.execute(
        select(c.id, c.title, c.source_path, c.date, c.speaker, c.genre, c.chars).where(c.id.in_(list(ids)))
    )
    return {row[0]: DocumentInfo(*row) for row in rows}


def texts_of(session: Session, ids: Sequence[int]) -> dict[int, str]:
    c = _DOCUMENTS.c
    return {row[0]: row[1] for row in session.execute(select(c.id, c.text).where(c.id.in_(list(ids))))}


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
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[SimilarDocument]:
    """Speeches sharing the most copied prose with `text` (a library document's text, or any text).

    `exclude` is the query's own id when it is in the library; `check` candidates (default top + 5, at
    least 10) are confirmed with the passage engine. Documents sharing only formulas are left out.
    """
    ensure_fresh(library, progress, cancelled)
    params = params or default_params(library)
    check = check or max(10, top + 5)
    with library.reader() as session:
        candidates = find_candidates(
            session, fingerprints(text), exclude=() if exclude is None else (exclude,), limit=check
        )
        ids = [c.document_id for c in candidates]
        infos = document_infos(session, ids)
        texts = texts_of(session, ids)
    query = prepare(text, params)
    results: list[SimilarDocument] = []
    for done, candidate in enumerate(candidates, start=1):
        _check(cancelled)
        other = texts.get(candidate.document_id)
        if other:
            passages, summary = compare_prepared(query, prepare(other, params), 0, 1, params)
            copies = [p for p in passages if p.kind == "copy"]
            if copies:
                longest = max(copies, key=lambda p: (p.a_end - p.a_start, -p.a_start))
                results.append(
                    SimilarDocument(
                        document=infos[candidate.document_id],
                        score=summary.a_copy_ratio,
                        query_copy_ratio=summary.a_copy_ratio,
                        other_copy_ratio=summary.b_copy_ratio,
                        passages=len(copies),
                        longest=longest.a_text,
                        longest_start=longest.a_start,
                        longest_end=longest.a_end,
                        candidate_score=candidate.score,
                    )
                )
        if progress is not None:
            progress(done, len(candidates))
    results.sort(key=lambda r: (-r.score, -r.other_copy_ratio, r.document.id))
    return results[:top]


@dataclass(frozen=True, slots=True)
class PassageHit:
    """One place in the library where the query (or a near-copy of it) appears.

    `start`/`end` are offsets in the document's stored text; `query_start`/`query_end` the part of the
    query that matched; `before`/`after` a little context.
    """

    document: DocumentInfo
    start: int
    end: int
    text: str
    before: str
    after: str
    similarity: float
    kind: str
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
    params = _search_params(len(norm), params or default_params())
    ensure_fresh(library, progress, cancelled)
    skip = () if exclude is None else (exclude,)
    with library.reader() as session:
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
            found, _summary = compare_prepared(prepared_query, prepare(other, params), 0, 1, params)
            hits.extend(_hit(infos[doc_id], other, p) for p in found)
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


def _hit(info: DocumentInfo, text: str, p: Passage) -> PassageHit:
    return PassageHit(
        document=info,
        start=p.b_start,
        end=p.b_end,
        text=p.b_text,
        before=text[max(0, p.b_start - CONTEXT_CHARS) : p.b_start],
        after=text[p.b_end : p.b_end + CONTEXT_CHARS],
        similarity=p.similarity,
        kind=p.kind,
        query_start=p.a_start,
        query_end=p.a_end,
    )
