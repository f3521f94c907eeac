"""The formula scan's speed-ups give what the plain versions they replaced gave (issue 14)."""

from __future__ import annotations

from os.path import commonprefix

from hypothesis import given
from hypothesis import strategies as st

from app.core.formulas.detect import _resolve
from app.core.formulas.frames import _nested_spans
from app.core.formulas.patterns import _common_prefix

_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple), max_size=12)


@given(_SPANS)
def test_nested_spans_are_the_spans_inside_another(spans):
    inside = {(a, b) for a, b in spans if any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)}
    assert _nested_spans(spans) == inside


@given(st.lists(st.text(alphabet="一二三ab", max_size=5), max_size=6))
def test_common_prefix_is_commonprefix(items):
    assert _common_prefix(items) == commonprefix(items)  # noqa: RUF071


@given(_SPANS.map(lambda spans: [(a, b, k % 3) for k, (a, b) in enumerate(spans) if a < b]))
def test_resolve_keeps_the_longest_then_the_earlier(candidates):
    taken = bytearray(31)
    kept = []
    for start, end, payload in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, payload))
    assert _resolve(candidates, 31) == sorted(kept)
