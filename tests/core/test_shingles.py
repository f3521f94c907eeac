"""Fingerprints: the winnowing guarantee, redactions as boundaries, stable hashes, boilerplate weighting."""

from __future__ import annotations

import random
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.shingles import (
    NO_HASH,
    ShingleParams,
    all_shingles,
    fingerprints,
    idf,
    max_useful_df,
    normalised,
    rank_candidates,
    shingle_hashes,
)

HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 400)]
PARAMS = ShingleParams()


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(HAN) for _ in range(n))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 300), st.integers(0, 300))
def test_texts_sharing_a_run_of_the_guaranteed_length_share_a_fingerprint(
    seed: int, left: int, right: int
) -> None:
    rng = random.Random(seed)
    shared = _text(rng, PARAMS.guaranteed_chars)
    a = _text(rng, left) + shared + _text(rng, 50)
    b = _text(rng, right) + "，" + shared + "。" + _text(rng, 80)
    assert fingerprints(a) & fingerprints(b)


def test_fingerprints_keep_a_small_share_of_the_shingles() -> None:
    text = _text(random.Random(1), 20_000)
    kept = len(fingerprints(text))
    assert 0.06 * len(text) < kept < 0.16 * len(text)  # winnowing keeps about 2/(w+1) = 0.118


def test_punctuation_and_width_do_not_change_fingerprints() -> None:
    assert fingerprints("全面建设社会主义现代化国家，必须坚持中国共产党的领导。") == fingerprints(
        "全面建设社会主义现代化国家必须坚持 中国共产党的领导"
    )


def test_no_shingle_runs_through_a_redaction() -> None:
    fused = "我们在县调研时发现基层治理能力还需要进一步提高"
    across = {
        int(h) for i, h in enumerate(shingle_hashes(fused, PARAMS.k)) if "在县" in fused[i : i + PARAMS.k]
    }
    assert across <= all_shingles(fused)
    assert across and not across & all_shingles("我们在**县调研时发现，基层治理能力还需要进一步提高")
    assert not across & all_shingles("我们在××县调研时发现基层治理能力还需要进一步提高")
    assert shingle_hashes(normalised("在**县调研工作们"), PARAMS.k).tolist() == [
        NO_HASH
    ]  # one shingle, redacted


def test_hashes_are_the_same_in_another_process() -> None:
    probe = "from app.core.shingles import fingerprints; print(sorted(fingerprints('坚持以人民为中心的发展思想推动高质量发展')))"
    other = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == str(sorted(fingerprints("坚持以人民为中心的发展思想推动高质量发展")))
    assert all(-(2**31) <= h < 2**31 for h in fingerprints(_text(random.Random(2), 500)))


def test_rare_shared_fingerprints_outweigh_common_ones() -> None:
    assert idf(1, 1000) > idf(100, 1000) > idf(900, 1000)
    assert max_useful_df(10) == 8 and max_useful_df(10_000) == 500
    postings = {1: [10], 2: [10], 3: [20, 30], 4: [20, 30], 5: [20, 30]}
    df = {1: 2, 2: 2, 3: 900, 4: 900, 5: 900}
    ranked = rank_candidates(postings, df, 1000, limit=2)
    assert [c.document_id for c in ranked] == [10, 20]
    assert ranked[0].shared == 2 and ranked[1].shared == 3
