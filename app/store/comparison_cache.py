"""Passages of a document pair, kept in the library so that reopening a comparison costs no matching.

One row per (pair of content hashes, parameters, engine version). A pair is stored in one canonical
orientation — the smaller hash as document `a` — and turned to whatever order the caller compares in,
so A↔B computed once serves B↔A and every comparison of N speeches that includes the pair.
The payload is zlib-compressed JSON: the rows are rebuildable, so a format change only needs a new
`CACHE_FORMAT` (old rows are then never read again and `prune` removes them).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import __version__
from app.core.passages import AlignedSegment, PairSummary, Passage
from app.store.models import CachedComparison

#: Bump when the payload layout changes; part of every key together with Duidu's version.
CACHE_FORMAT = 1

PairResult = tuple[list[Passage], PairSummary]


def _params_json(params: Mapping[str, object]) -> str:
    return json.dumps(
        {**params, "engine": __version__, "format": CACHE_FORMAT}, sort_keys=True, ensure_ascii=False
    )


def pair_key(hash_a: str, hash_b: str, params: Mapping[str, object]) -> str:
    """The row key of a pair (in either order) under `params` (PassageParams.describe() and extras)."""
    low, high = sorted((hash_a, hash_b))
    return hashlib.sha256(f"{low}\n{high}\n{_params_json(params)}".encode()).hexdigest()


def _encode(passages: list[Passage], summary: PairSummary) -> bytes:
    rows = [
        [
            p.a_start, p.a_end, p.b_start, p.b_end, p.similarity, p.kind, p.matched_chars, p.formula_share,
            [[s.tag, s.a_start, s.a_end, s.b_start, s.b_end] for s in p.alignment],
        ]
        for p in passages
    ]  # fmt: skip
    data = {"passages": rows, "ratios": [summary.a_copy_ratio, summary.b_copy_ratio]}
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 6)


def _decode(payload: bytes, text_a: str, text_b: str) -> PairResult:
    data: dict[str, Any] = json.loads(zlib.decompress(payload))
    passages = [
        Passage(
            a=0, b=1, a_start=a0, a_end=a1, b_start=b0, b_end=b1, similarity=sim, kind=kind,
            a_text=text_a[a0:a1], b_text=text_b[b0:b1],
            alignment=tuple(AlignedSegment(*seg) for seg in segs),
            matched_chars=matched, formula_share=share,
        )
        for a0, a1, b0, b1, sim, kind, matched, share, segs in data["passages"]
    ]  # fmt: skip
    ratio_a, ratio_b = data["ratios"]
    return passages, PairSummary(0, 1, ratio_a, ratio_b)


def _oriented(result: PairResult, swap: bool, a: int, b: int) -> PairResult:
    """Canonical (0 → 1) result seen as a → b, mirrored first when the caller's order is the other one."""
    passages, summary = result
    if swap:
        passages = sorted((p.mirrored() for p in passages), key=lambda p: (p.a_start, p.b_start))
        summary = PairSummary(0, 1, summary.b_copy_ratio, summary.a_copy_ratio)
    moved = [
        Passage(a, b, p.a_start, p.a_end, p.b_start, p.b_end, p.similarity, p.kind, p.a_text, p.b_text,
                p.alignment, p.matched_chars, p.formula_share)
        for p in passages
    ]  # fmt: skip
    return moved, PairSummary(a, b, summary.a_copy_ratio, summary.b_copy_ratio)


def load_pair(
    session: Session,
    text_a: str,
    hash_a: str,
    text_b: str,
    hash_b: str,
    params: Mapping[str, object],
    a: int = 0,
    b: int = 1,
) -> PairResult | None:
    """The cached passages of the pair oriented a → b (document indices `a`, `b`), or None if not cached."""
    payload = session.scalar(
        select(CachedComparison.payload).where(CachedComparison.key == pair_key(hash_a, hash_b, params))
    )
    if payload is None:
        return None
    swap = hash_a > hash_b
    texts = (text_b, text_a) if swap else (text_a, text_b)
    return _oriented(_decode(payload, *texts), swap, a, b)


def save_pair(
    session: Session,
    hash_a: str,
    hash_b: str,
    params: Mapping[str, object],
    passages: list[Passage],
    summary: PairSummary,
) -> None:
    """Store a pair's passages (oriented as computed: `a` is the document with `hash_a`)."""
    swap = hash_a > hash_b
    canonical = _oriented((passages, summary), swap, 0, 1) if swap else (passages, summary)
    low, high = sorted((hash_a, hash_b))
    key = pair_key(hash_a, hash_b, params)
    session.execute(delete(CachedComparison).where(CachedComparison.key == key))
    session.add(
        CachedComparison(
            key=key,
            hash_a=low,
            hash_b=high,
            params=_params_json(params),
            payload=_encode(*canonical),
            created_at=datetime.now(UTC),
        )
    )


def prune(session: Session, keep_hashes: set[str] | None = None) -> int:
    """Drop rows of other engine versions or formats, and (given `keep_hashes`) of texts not in it."""
    removed = 0
    for key, hash_a, hash_b, params in session.execute(
        select(
            CachedComparison.key, CachedComparison.hash_a, CachedComparison.hash_b, CachedComparison.params
        )
    ):
        stored = json.loads(params)
        stale = stored.get("engine") != __version__ or stored.get("format") != CACHE_FORMAT
        gone = keep_hashes is not None and not {hash_a, hash_b} <= keep_hashes
        if stale or gone:
            session.execute(delete(CachedComparison).where(CachedComparison.key == key))
            removed += 1
    return removed
