"""The corpus scan's pure logic: candidates from postings, each pair owned by its higher id, batches."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.passages import PassageParams, prepare
from app.core.scan import (
    PostingArrays,
    ScanUnit,
    batches,
    duration,
    eta_seconds,
    may_reach,
    scan_units,
)
from app.core.scan_focus import ScanDocument, shared_shingles
from app.core.scan_order import documents_loaded, locality_order
from app.core.shingles import NO_HASH, shingle_hashes


def _arrays(holdings: dict[int, set[int]], max_df: int = 50) -> PostingArrays:
    """Postings of documents holding the given fingerprints."""
    pairs = [(h, d) for d, hashes in holdings.items() for h in sorted(hashes)]
    hashes = np.array([h for h, _d in pairs], dtype=np.int64)
    documents = np.array([d for _h, d in pairs], dtype=np.int64)
    sizes = np.zeros(max(holdings) + 1, dtype=np.int64)
    for d, held in holdings.items():
        sizes[d] = len(held)
    return PostingArrays(hashes, documents, sizes, max_df)


def _brute_force(holdings: dict[int, set[int]], threshold: float, max_df: int) -> set[tuple[int, int]]:
    df: dict[int, int] = {}
    for held in holdings.values():
        for h in held:
            df[h] = df.get(h, 0) + 1
    found = set()
    for a, b in combinations(sorted(holdings), 2):
        shared = sum(1 for h in holdings[a] & holdings[b] if df[h] <= max_df)
        if may_reach(shared, min(len(holdings[a]), len(holdings[b])), threshold):
            found.add((a, b))
    return found


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_candidates_are_the_pairs_the_filter_admits_each_owned_by_its_higher_id(seed: int) -> None:
    rng = random.Random(seed)
    holdings = {d: {rng.randrange(-300, 300) for _ in range(rng.randrange(5, 60))} for d in range(1, 15)}
    max_df = rng.choice([4, 8, 50])
    threshold = rng.choice([0.1, 0.5, 1.0])
    units = scan_units(_arrays(holdings, max_df), holdings, threshold, max_weak=100)
    found = {(c, u.document_id) for u in units for c in u.candidates}
    assert found == _brute_force(holdings, threshold, max_df)
    assert all(c < u.document_id for u in units for c in u.candidates)
    capped = scan_units(_arrays(holdings, max_df), holdings, threshold, max_weak=2)
    for full, cut in zip(units, capped, strict=True):  # the strongest kept, and every strong one
        assert full.candidates[: len(cut.candidates)] == cut.candidates and len(cut.candidates) >= min(
            2, len(full.candidates)
        )


def test_strongest_candidates_come_first_and_pending_picks_the_units() -> None:
    base = set(range(100))
    holdings = {
        1: base,
        2: set(range(50)) | set(range(1000, 1050)),
        3: base | {5000},
        4: set(range(7000, 7100)),
    }
    arrays = _arrays(holdings)
    units = scan_units(arrays, [3, 4], threshold=0.1)
    # 1 shares all of 3, 2 half of it (both strong: their shared fingerprints reach 10 %); 4 nothing
    assert units == [ScanUnit(3, (1, 2), strong=2), ScanUnit(4, ())]
    # beyond the cap only candidates whose shared fingerprints reach the threshold are kept
    assert scan_units(arrays, [3], threshold=0.6, max_weak=0) == [ScanUnit(3, (1,), strong=1)]
    # a weak candidate is kept (within the cap) but not counted strong
    assert scan_units(arrays, [3], threshold=0.6) == [ScanUnit(3, (1, 2), strong=1)]


def test_locality_order_keeps_every_unit_and_groups_those_sharing_texts() -> None:
    # two families of speeches (ids 1-40 even / odd) whose units, in id order, alternate between them
    units = [ScanUnit(d, tuple(range(d % 2 + 1, d, 2))[-6:]) for d in range(3, 41)]
    ordered = locality_order(units, kept=8)
    assert sorted(ordered, key=lambda u: u.document_id) == units
    assert documents_loaded(ordered, kept=8) < documents_loaded(units, kept=8)
    # stopped at the first look at the flag: every unit still there, those not yet placed in the plan's order
    many = [ScanUnit(d, tuple(range(max(1, d - 5), d))) for d in range(2, 600)]
    looks: list[int] = []
    stopped = locality_order(many, kept=8, cancelled=lambda: looks.append(1) is None)
    assert looks == [1]  # looked once, after 256 units, and stopped there
    placed = {u.document_id for u in stopped[:256]}
    assert sorted(stopped, key=lambda u: u.document_id) == many
    assert stopped[256:] == [u for u in many if u.document_id not in placed]
    # a kept text is not loaded again: with room for everything, each text is loaded once
    assert documents_loaded(ordered, kept=100) == len(
        {d for u in units for d in (u.document_id, *u.candidates)}
    )


def test_batches_cut_by_pairs_and_documents() -> None:
    units = [ScanUnit(d, tuple(range(d % 4))) for d in range(1, 21)]
    cut = list(batches(units, pairs_per_batch=5, max_documents=3))
    assert [u for batch in cut for u in batch] == units
    assert all(len(b) <= 3 for b in cut)
    assert all(sum(len(u.candidates) for u in b[:-1]) < 5 for b in cut)


def test_filter_eta_and_duration() -> None:
    assert may_reach(15, 100, 1.0) and not may_reach(14, 100, 1.0) and not may_reach(2, 10, 0.01)
    assert not may_reach(5, 0, 0.1)
    assert eta_seconds(0, 10, 5.0) is None and eta_seconds(5, 10, 5.0) == 5.0 and eta_seconds(10, 10, 3) == 0
    assert duration(42) == "42 s" and duration(600) == "10 min" and duration(3 * 3600 + 300) == "3 h 05 min"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="改革发展稳定人民", min_size=0, max_size=120),
    st.text(alphabet="改革发展稳定人民群众*", min_size=0, max_size=120),
)
def test_shared_shingles_are_the_positions_whose_hash_the_other_side_holds(a: str, b: str) -> None:
    """The bound's shared positions, found through each text's distinct hashes, are exactly those whose
    shingle (redactions never one) the other text has."""
    params = PassageParams()
    low, high = ScanDocument(prepare(a, params)), ScanDocument(prepare(b, params))
    hashes = [shingle_hashes(d.prepared.view.text, 8) for d in (low, high)]
    common = np.intersect1d(*(h[h != NO_HASH] for h in hashes))
    found = shared_shingles(low, high)
    if not len(common):
        assert found is None
        return
    assert found is not None
    for mask, own in zip(found, hashes, strict=True):
        assert mask.tolist() == np.isin(own, common).tolist()
