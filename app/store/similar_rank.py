"""How "similar speeches" are ordered, and why: the result records and their ranking.

Speeches are ranked by the copied prose the query shares with them (`score`: query characters matched in
copy passages; formulas, library boilerplate and edited characters do not count), so of several versions
the closest to the query comes first. Versions that share the query's prose to the last character tie;
ties are broken by closeness of the whole — the version whose own text the query holds most fully, i.e.
the one with least added — then by date (the newest first), then by id; `reason` says which decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal


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

    `score` is the share of the query's text matched in copy passages with this document (edits inside a
    passage left out, so a closer version scores higher); `query_copy_ratio` the share of the query its
    copy passages span, `other_copy_ratio` the share of this document found in the query. `longest` is the
    longest shared copy passage, as the query has it (with its offsets in the query text). `reason` says
    why the result stands where it does (and how a tie with its neighbour was broken).
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
    matched_chars: int = 0
    reason: str = ""
    #: read from the corpus scan's stored pair (app.store.similar_stored), not measured now
    stored: bool = False


def _tie_key(result: SimilarDocument) -> int:
    return result.matched_chars


def ranked(results: Sequence[SimilarDocument]) -> list[SimilarDocument]:
    """Best first: shared prose, then closeness, then the newest, then the lowest id."""
    by_id = sorted(results, key=lambda r: r.document.id)
    by_date = sorted(by_id, key=lambda r: r.document.date or "", reverse=True)
    return sorted(by_date, key=lambda r: (-_tie_key(r), -round(r.other_copy_ratio, 3)))


#: What put a result before the next one when both share the same prose: the closer version, the newer
#: one, or (neither telling them apart) the library id.
TieBreak = Literal["closer", "newer", "id"]


def tie_break(result: SimilarDocument, after: SimilarDocument | None) -> TieBreak | None:
    """Why `result` stands before `after`, when they tie on shared prose (None: no tie). The GUI words the
    same answer in the user's language."""
    if after is None or _tie_key(after) != _tie_key(result):
        return None
    if round(result.other_copy_ratio, 3) != round(after.other_copy_ratio, 3):
        return "closer"
    if (result.document.date or "") != (after.document.date or ""):
        return "newer"
    return "id"


def explained(results: list[SimilarDocument]) -> list[SimilarDocument]:
    """The ranked results with their `reason`: what they share, and what broke a tie with the next one."""
    told: list[SimilarDocument] = []
    for n, result in enumerate(results):
        reason = f"{result.matched_chars:,} characters of copied prose ({result.score:.1%} of the query)"
        if result.stored:
            reason += ", from the library scan"
        after = results[n + 1] if n + 1 < len(results) else None
        decided = tie_break(result, after)
        if after is not None and decided is not None:
            reason += f"; ties with #{after.document.id} on shared prose, " + _worded(decided, result, after)
        told.append(replace(result, reason=reason))
    return told


def _worded(decided: TieBreak, first: SimilarDocument, second: SimilarDocument) -> str:
    if decided == "closer":
        return (
            f"first as the closer version ({first.other_copy_ratio:.1%} of it is in the query, "
            f"against {second.other_copy_ratio:.1%})"
        )
    if decided == "newer":
        return f"first as the newer ({first.document.date} against {second.document.date or 'undated'})"
    return "first by library id"
