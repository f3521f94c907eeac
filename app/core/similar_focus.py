"""What a query shares with a candidate, found cheaply before the passage engine confirms it.

"Similar speeches" used to run the full engine on the query and each of ~15 candidates, so a query's cost
grew with the length of both texts (1.4–3.3 s for 20–30k-character queries on 10,000 speeches), not with
what they share. Here every candidate is first reduced, with numpy, to the stretches where it holds one of
the query's 8-character shingles (exact hashing, as the index hashes: app.core.shingles):

- the query characters those stretches cover (widened by the engine's largest gap) give an **upper bound**
  on the copied prose the engine can find: candidates are confirmed best bound first, and once N results
  have been confirmed with scores no bound below them can beat, the rest are not compared at all;
- the candidate's own stretches, with a margin of the engine's grouping gap on each side (what the engine
  looks at around a passage to group it and judge it; a narrower margin lost copies paraphrased closely),
  joined by a REDACTION character (no run, seed or shingle crosses one), are the **excerpt** the engine
  compares the query's stretches with (a clause shared alone, which the engine calls a formula for want of
  a longer shared passage near it, is left out beforehand): the passages are those of the full pair, at the cost of the shared material only. The
  excerpt is the candidate's normalised text, so it costs no offset map; results report offsets in the
  query only, and the candidate's copy ratio is scaled back to its whole length.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from app.core.normalize import REDACTION, NormalizedView
from app.core.passages import PassageParams, PreparedDocument
from app.core.shingles import NO_HASH, ShingleParams, normalised, shingle_hashes

#: Texts this short (normalised characters) are compared whole.
WHOLE_CHARS = 3000
#: Shingles are those of the library index (8 characters): the same hashing, so the same shared text.
SHINGLES = ShingleParams()
#: A candidate's sample of its shingles: the distinct hashes whose low bits under this mask are 0 (one in
#: eight; the same hashes in every text, so two samples compare like the whole sets).
SAMPLE_MASK = 7
#: Samples smaller than this (texts of under ~150 characters) say too little to call two texts versions.
SAMPLE_LEAST = 16


@dataclass(frozen=True, slots=True)
class QueryShingles:
    """The query's normalised text and shingle hashes, sorted for lookups (built once per query)."""

    text: str
    unique: np.ndarray
    inverse: np.ndarray

    @classmethod
    def of(cls, normalised_text: str) -> QueryShingles:
        hashes = shingle_hashes(normalised_text, SHINGLES.k)
        unique, inverse = np.unique(hashes, return_inverse=True)
        return cls(normalised_text, unique, inverse.reshape(-1))


@dataclass(frozen=True, slots=True)
class Focus:
    """What one candidate shares with the query: an upper bound on the query share the engine can find
    copied (`bound`, 0–1), and the excerpt of the candidate to compare (empty: nothing to confirm)."""

    bound: float
    excerpt: str
    #: normalised length of the whole candidate (its copy ratio is scaled back to it)
    length: int
    #: the same bound on the candidate's side: the share of it the query may hold
    other_bound: float = 0.0
    #: normalised spans of the query to compare (None: the whole query)
    query_pieces: tuple[tuple[int, int], ...] | None = None
    #: the query's stretches holding shingles of the candidate, widened by the engine's largest gap
    query_stretches: tuple[tuple[int, int], ...] = ()
    #: a consistent sample of the candidate's distinct shingle hashes (see `version_groups`)
    sample: np.ndarray | None = None
    #: the whole candidate, normalised (its template wording is looked for there: app.core.template_family)
    text: str = ""

    def compared(self, query_length: int) -> int:
        """Characters the engine compares to confirm this candidate (the work it costs)."""
        if self.query_pieces is None:
            return query_length + len(self.excerpt)
        return sum(e - s for s, e in self.query_pieces) + len(self.excerpt)


def focus(query: QueryShingles, candidate_text: str, params: PassageParams) -> Focus:
    """The bound and the excerpt of one candidate (stored text) against the query."""
    norm = normalised(candidate_text)
    k = SHINGLES.k
    hashes = shingle_hashes(norm, k)
    if not len(hashes) or not len(query.unique):
        return Focus(0.0, "", len(norm))
    # each distinct hash looked up once, in ascending order (half the time of one lookup per shingle in
    # text order, which jumps all over the query's array)
    distinct, inverse = np.unique(hashes, return_inverse=True)
    at = np.minimum(np.searchsorted(query.unique, distinct), len(query.unique) - 1)[inverse.reshape(-1)]
    hit = (query.unique[at] == hashes) & (hashes != NO_HASH)
    if not hit.any():
        return Focus(0.0, "", len(norm))
    shared = np.zeros(len(query.unique), dtype=bool)
    shared[at[hit]] = True
    in_query = stretches(shared[query.inverse], params)
    in_candidate = stretches(hit, params)
    if not in_query or not in_candidate:
        return Focus(0.0, "", len(norm))
    reach = params.max_gap  # runs of a few characters beside an edit join a passage within this gap
    bound = covered(in_query, reach, len(query.text)) / max(1, len(query.text))
    other_bound = covered(in_candidate, reach, len(norm)) / max(1, len(norm))
    margin = params.group_gap  # the engine groups and judges passages by what lies this close to them
    pieces = widened(in_candidate, margin, len(norm))
    excerpt = REDACTION.join(norm[s:e] for s, e in pieces)
    if len(norm) <= WHOLE_CHARS:  # heavy edits leave few 8-character runs: an excerpt could miss
        excerpt = norm  # passages, and a short text costs little more whole
    reached = tuple(widened(in_query, reach, len(query.text)))
    pieces_of_query = (
        None if len(query.text) <= WHOLE_CHARS else tuple(widened(in_query, margin, len(query.text)))
    )
    sample = distinct[((distinct & SAMPLE_MASK) == 0) & (distinct != NO_HASH)]
    return Focus(
        min(1.0, bound), excerpt, len(norm), min(1.0, other_bound), pieces_of_query, reached, sample, norm
    )


def version_groups(
    bounded: list[tuple[Focus, int]], share: float, most: int = 40
) -> dict[int, frozenset[int]]:
    """Candidates that are versions of each other: each holds ≥ `share` of the other's sampled shingles,
    both ways (among the `most` with the highest bounds). Maps a candidate to its other versions (those
    linked to it through versions of versions too); candidates without versions are left out."""
    chosen = [
        (found.sample, i)
        for found, i in bounded
        if found.bound > 0 and found.sample is not None and len(found.sample) >= SAMPLE_LEAST
    ][:most]
    chosen.sort(key=lambda pair: len(pair[0]))
    links: dict[int, set[int]] = {}
    for n, (a, i) in enumerate(chosen):
        for b, j in chosen[n + 1 :]:
            if len(a) < share * len(b):
                break  # sorted by size: every later one is larger still
            # both sorted and distinct: the common hashes by one binary search each
            common = int(np.count_nonzero(b[np.minimum(np.searchsorted(b, a), len(b) - 1)] == a))
            if common >= share * len(b):
                links.setdefault(i, set()).add(j)
                links.setdefault(j, set()).add(i)
    groups: dict[int, frozenset[int]] = {}
    for start in links:
        if start in groups:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in links[todo.pop()]:
                if other not in group:
                    group.add(other)
                    todo.append(other)
        for member in group:
            groups[member] = frozenset(group - {member})
    return groups


def best_first(bounded: list[tuple[Focus, int]], scores: dict[int, float]) -> list[tuple[Focus, int]]:
    """(focus, candidate id) pairs in the order they are confirmed: highest bound, then the index's
    score, then the lowest id."""
    return sorted(bounded, key=lambda pair: (-pair[0].bound, -scores.get(pair[1], 0.0), pair[1]))


def common_mask(text_length: int, frequent_positions: np.ndarray, window: int) -> np.ndarray:
    """Cumulative count of the query characters inside library boilerplate (shingles ≥ the signal's
    threshold of other documents hold), measured as app.store.boilerplate measures a passage: runs of
    frequent shingles at most `window` apart cover from the first to the end of the last. Index it as
    mask[end] - mask[start] for the boilerplate characters of a span."""
    covered = np.zeros(text_length + 1, dtype=np.int32)
    positions = np.asarray(frequent_positions, dtype=np.int64)
    if len(positions):
        breaks = np.flatnonzero(np.diff(positions) > window)
        firsts = positions[np.concatenate(([0], breaks + 1))]
        lasts = positions[np.concatenate((breaks, [len(positions) - 1]))]
        np.add.at(covered, firsts, 1)
        np.add.at(covered, np.minimum(lasts + SHINGLES.k, text_length), -1)
    inside = np.cumsum(covered[:-1]) > 0
    return np.concatenate(([0], np.cumsum(inside)))


def copy_bound(found: Focus, mask: np.ndarray, params: PassageParams) -> float:
    """`found.bound` less what library boilerplate rules out: a copy passage is less than
    `params.formula_share` boilerplate (else the engine calls it a formula), so a stretch of the query
    holds at most its other characters / (1 − that share) of copy (a shingle's length more on each side:
    a passage cut inside a run of boilerplate holds less of it than the whole query shows). Stock
    paragraphs fifty speeches share make a candidate look close by shared text alone; this puts it back
    where its copies can stand."""
    if not found.query_stretches or len(mask) < 2:
        return found.bound
    length = len(mask) - 1
    room = 1.0 - max(params.formula_share, params.short_formula_share)
    slack = 2 * SHINGLES.k
    total = 0.0
    for start, end in found.query_stretches:
        other = (end - start) - int(mask[end] - mask[start])
        total += min(end - start, (other + slack) / room)
    return min(found.bound, total / max(1, length))


def stretches(shingle_hit: np.ndarray, params: PassageParams) -> list[tuple[int, int]]:
    """Character stretches covered by the hit shingles, merged across gaps the engine bridges, left out
    when shorter than a passage can be."""
    positions = np.flatnonzero(shingle_hit)
    if not len(positions):
        return []
    k = SHINGLES.k
    breaks = np.flatnonzero(positions[1:] > positions[:-1] + k + params.max_gap)
    firsts = np.concatenate(([0], breaks + 1))
    lasts = np.concatenate((breaks, [len(positions) - 1]))
    starts, ends = positions[firsts], positions[lasts] + k
    keep = ends - starts >= params.min_chars
    return without_lone(list(zip(starts[keep].tolist(), ends[keep].tolist(), strict=True)), params)


def without_lone(spans: list[tuple[int, int]], params: PassageParams) -> list[tuple[int, int]]:
    """The spans less the short ones with no long span within the grouping gap: the engine calls such a
    clause, shared alone, a formula (app.core.passages.classify.lone_clauses), so it is never copy."""
    shortest = min(params.lone_chars, params.short_chars + 1)
    if not shortest:
        return spans
    long_ones = [(s, e) for s, e in spans if e - s >= shortest]
    reach = params.group_gap
    kept, at = [], 0
    for start, end in spans:
        if end - start >= shortest:
            kept.append((start, end))
            continue
        while at < len(long_ones) and long_ones[at][1] < start - reach:
            at += 1
        if at < len(long_ones) and long_ones[at][0] <= end + reach:
            kept.append((start, end))
    return kept


def widened(spans: list[tuple[int, int]], margin: int, length: int) -> list[tuple[int, int]]:
    """Spans grown by `margin` on each side (within 0…length), overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = max(0, start - margin), min(length, end + margin)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covered(spans: list[tuple[int, int]], margin: int, length: int) -> int:
    """Characters inside the spans grown by `margin`."""
    return sum(end - start for start, end in widened(spans, margin, length))


def excerpt_document(excerpt: str, key: str, sharing: PreparedDocument | None = None) -> PreparedDocument:
    """The excerpt as a prepared document: it is normalised text already, so its view is the identity.
    With `sharing` (the query), it uses the query's cache of lexicon shares: candidates of one query hold
    the same paragraphs (a stock passage in twenty speeches), so each is measured once, not per candidate."""
    view = NormalizedView(excerpt, list(range(len(excerpt))), {}, len(excerpt))
    if sharing is None:
        return PreparedDocument(excerpt, view, key)
    return PreparedDocument(
        excerpt, view, key, _shares=sharing._shares, _shares_params=sharing._shares_params
    )


def query_excerpt(query: PreparedDocument, pieces: tuple[tuple[int, int], ...]) -> PreparedDocument:
    """The query cut down to `pieces` (normalised spans), joined by REDACTION: its view keeps the original
    offset of every character, so passages come out in offsets of the whole query text. The excerpt
    shares the query's cache of lexicon shares (the same stretches come back with every candidate)."""
    view = query.view
    text = REDACTION.join(view.text[s:e] for s, e in pieces)
    offsets: list[int] = []
    for n, (start, end) in enumerate(pieces):
        if n:  # the joint takes the offset of the text after it
            offsets.append(view.offsets[start])
        offsets.extend(view.offsets[start:end])
    cut = NormalizedView(text, offsets, view.redaction_ends, view.original_length)
    starts, at = [], 0
    for start, end in pieces:
        starts.append(at)
        at += end - start + len(REDACTION)
    pieces_of = (query, tuple(starts), tuple(s for s, _ in pieces), tuple(e - s for s, e in pieces))
    # its own labelling: a stretch inside one piece is labelled by the query's (made once for all pairs)
    return replace(
        query, view=cut, _index=None, _titles=None, _partly_indexed=False, _labelling={}, _pieces_of=pieces_of
    )
