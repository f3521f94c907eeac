""" "Similar speeches" of a library document from the corpus scan's stored results, where the scan covers it.

`duidu scan` (app.scan) measures, with the whole-pair engine, every pair of the library that may share
copied prose and stores those where either side's copied share reaches its threshold (10 % by default),
with their copy passages. A pair belongs to its higher id: it is *covered* when that document's scan
state is current (this scan version). So for a query that is a library document:

- a covered candidate with a stored pair is a result at once: its numbers are read, not measured;
- a covered candidate without one shares less than the scan's threshold of either text: its bound is
  capped there, and it is confirmed live only when such a share could still enter the results;
- a candidate the scan has not covered (imported since, or scanned by another scan version) is bounded
  and confirmed live, as without a scan.

A stored result's matched characters come from its passages (similarity × the mean of the two sides'
normalised lengths, as the engine computes `matched`), so stored and live results rank on one scale.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.normalize import DROPPED, kept_characters
from app.core.passages import PreparedDocument
from app.core.scan import SCAN_VERSION
from app.core.similar_focus import Focus, best_first
from app.store.reads import document_infos, texts_of
from app.store.scan_store import PAIRS, PASSAGES, SCAN_STATE
from app.store.similar_rank import DocumentInfo, SimilarDocument

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredSimilar:
    """What the scan says about one query document: its stored results and which pairs it covered."""

    query_id: int
    #: document → threshold of its current scan (pairs with a lower id are stored at that threshold)
    scanned: dict[int, float]
    #: partner → its result from the stored pair
    found: dict[int, SimilarDocument]

    def threshold(self, other: int) -> float | None:
        """The threshold the pair (query, other) was scanned at, None when the scan has not covered it."""
        return self.scanned.get(max(self.query_id, other))


def stored_similar(
    session: Session,
    query_id: int,
    query: PreparedDocument,
    infos: dict[int, DocumentInfo],
    texts: dict[int, str],
) -> StoredSimilar | None:
    """The stored results of `query_id`, None when the scan has not covered the query's own pairs (it is
    not scanned by this scan version). `infos` and `texts` are filled with the partners' rows."""

    c = PAIRS.c
    pairs = session.execute(
        select(c.low_id, c.high_id, c.low_ratio, c.high_ratio).where(
            or_(c.low_id == query_id, c.high_id == query_id)
        )
    ).all()
    partners = {low if high == query_id else high: (low, high, lr, hr) for low, high, lr, hr in pairs}
    scanned = scan_states(session, [query_id, *partners])
    if query_id not in scanned:
        return None
    covered = {p: row for p, row in partners.items() if max(query_id, p) in scanned}
    infos.update(document_infos(session, [p for p in covered if p not in infos]))
    texts.update(texts_of(session, [p for p in covered if p not in texts]))
    passages = _passages(session, query_id, [low for low, high, _, _ in covered.values() if high == query_id])
    found = {}
    for partner, (low, high, low_ratio, high_ratio) in covered.items():
        if partner not in infos:
            continue
        mine = low == query_id
        sides = [(p if mine else (p[2], p[3], p[0], p[1], p[4])) for p in passages.get((low, high), [])]
        found[partner] = _result(
            query,
            texts.get(partner) or "",
            infos[partner],
            low_ratio if mine else high_ratio,
            high_ratio if mine else low_ratio,
            sides,
        )
    return StoredSimilar(query_id, scanned, found)


def still_to_confirm(
    bounded: list[tuple[Focus, int]], scan: StoredSimilar, scores: dict[int, float]
) -> list[tuple[Focus, int]]:
    """The candidates still to confirm once the scan's stored results are in, best first: those it has
    not covered, and those it covered without storing a pair, whose share stays under the scan's
    threshold (their bound is capped there).

    Not used for a query with versions in the library: the versions rule (app.store.tracing) counts
    less of its text as boilerplate than the scan's whole pairs did, so there a pair the scan left
    unstored may share more than its threshold; such a query is measured live, as without a scan."""
    left = []
    for found, doc_id in bounded:
        threshold = scan.threshold(doc_id)
        if threshold is None:
            left.append((found, doc_id))
        elif doc_id not in scan.found:
            left.append((replace(found, bound=min(found.bound, threshold)), doc_id))
    return best_first(left, scores)


def scan_states(session: Session, ids: Collection[int]) -> dict[int, float]:
    """Document → threshold of its current scan, for those of `ids` that have one."""
    s = SCAN_STATE.c
    wanted = sorted(set(ids))
    found: dict[int, float] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(s.document_id, s.threshold).where(
                s.document_id.in_(wanted[start : start + _CHUNK]), s.version == SCAN_VERSION
            )
        )
        found.update({int(d): float(t) for d, t in rows})
    return found


def _passages(
    session: Session, query_id: int, lower: list[int]
) -> dict[tuple[int, int], list[tuple[int, int, int, int, float]]]:
    """Stored passages of the query's pairs, `lower` the partners with lower ids: (low, high) → (low start,
    low end, high start, high end, similarity) in the stored texts' offsets. Read by the passages' index
    (low id first): the query as the low side, then its pairs with each lower partner."""
    c = PASSAGES.c
    columns = (c.low_id, c.high_id, c.low_start, c.low_end, c.high_start, c.high_end, c.similarity)
    statements = [select(*columns).where(c.low_id == query_id)]
    for start in range(0, len(lower), _CHUNK):
        chunk = lower[start : start + _CHUNK]
        statements.append(select(*columns).where(c.low_id.in_(chunk), c.high_id == query_id))
    found: dict[tuple[int, int], list[tuple[int, int, int, int, float]]] = {}
    for statement in statements:
        for low, high, *rest in session.execute(statement):
            found.setdefault((low, high), []).append(tuple(rest))  # type: ignore[arg-type]
    return found


def _result(
    query: PreparedDocument,
    other_text: str,
    info: DocumentInfo,
    query_ratio: float,
    other_ratio: float,
    passages: list[tuple[int, int, int, int, float]],
) -> SimilarDocument:
    """A stored pair as a result: passages are (query start, query end, other start, other end,
    similarity) in offsets of the stored texts."""
    from rapidfuzz.distance import LCSseq

    view = query.view
    kept = kept_characters(other_text, keep_punctuation=False)
    matched = 0
    longest = (0, 0)
    for q0, q1, o0, o1, _similarity in passages:
        n0, n1 = view.normalised_span(q0, q1)
        matched += LCSseq.similarity(view.text[n0:n1], kept[o0:o1].replace(DROPPED, ""))
        if q1 - q0 > longest[1] - longest[0]:
            longest = (q0, q1)
    return SimilarDocument(
        document=info,
        score=round(matched / max(1, len(view.text)), 4),
        query_copy_ratio=round(query_ratio, 4),
        other_copy_ratio=round(other_ratio, 4),
        passages=len(passages),
        longest=query.text[longest[0] : longest[1]],
        longest_start=longest[0],
        longest_end=longest[1],
        candidate_score=0.0,
        matched_chars=matched,
        stored=True,
    )
