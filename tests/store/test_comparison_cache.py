"""The compare-view cache gives back exactly what the engine computed, in whichever order it is asked."""

from __future__ import annotations

from app.core.passages import PassageParams, compare_pair
from app.core.text import content_hash
from app.paths import resource
from app.store.comparison_cache import load_pair, pair_key, prune, save_pair


def _samples() -> tuple[str, str]:
    folder = resource("samples")
    return (
        (folder / "01-city-study-session.txt").read_text(encoding="utf-8"),
        (folder / "03-theme-education-mobilisation.txt").read_text(encoding="utf-8"),
    )


def test_round_trip_in_both_orders(library) -> None:
    text_a, text_b = _samples()
    hash_a, hash_b = content_hash(text_a), content_hash(text_b)
    params = PassageParams().describe()
    forward = compare_pair(text_a, text_b)
    backward = compare_pair(text_b, text_a)
    assert forward.passages, "the demo speeches share passages"
    with library.writer.begin() as session:
        save_pair(session, hash_a, hash_b, params, list(forward.passages), forward.summary[0])
    with library.reader() as session:
        assert load_pair(session, text_a, hash_a, text_b, hash_b, params) == (
            list(forward.passages),
            forward.summary[0],
        )
        passages, summary = load_pair(session, text_b, hash_b, text_a, hash_a, params, 3, 5)
    assert [(p.a, p.b) for p in passages] == [(3, 5)] * len(passages)
    assert [p.a_text for p in passages] == [p.a_text for p in backward.passages]
    assert [p.alignment for p in passages] == [p.alignment for p in backward.passages]
    assert (summary.a_copy_ratio, summary.b_copy_ratio) == (
        backward.summary[0].a_copy_ratio,
        backward.summary[0].b_copy_ratio,
    )


def test_other_parameters_miss_and_prune_drops_unknown_texts(library) -> None:
    text_a, text_b = _samples()
    hash_a, hash_b = content_hash(text_a), content_hash(text_b)
    params = PassageParams().describe()
    stricter = PassageParams(min_chars=30).describe()
    assert pair_key(hash_a, hash_b, params) == pair_key(hash_b, hash_a, params)
    assert pair_key(hash_a, hash_b, params) != pair_key(hash_a, hash_b, stricter)
    result = compare_pair(text_a, text_b)
    with library.writer.begin() as session:
        save_pair(session, hash_a, hash_b, params, list(result.passages), result.summary[0])
        save_pair(session, hash_a, hash_b, params, list(result.passages), result.summary[0])  # replaces
    with library.reader() as session:
        assert load_pair(session, text_a, hash_a, text_b, hash_b, stricter) is None
    with library.writer.begin() as session:
        assert prune(session, {hash_a, hash_b}) == 0
        assert prune(session, {hash_a}) == 1
    with library.reader() as session:
        assert load_pair(session, text_a, hash_a, text_b, hash_b, params) is None
