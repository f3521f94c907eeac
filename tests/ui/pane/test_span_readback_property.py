"""Property: whatever the text (astral characters, line breaks) and spans, the layout draws exactly them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ui.pane.reading_pane import ReadingPane

ALPHABET = ["中", "a", "\n", "\U0002000b", "\U0001f600", "，", "　"]


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]
    # a span that only covers line breaks has nothing to draw
    spans = [(a, b) for a, b in spans if text[a:b].strip("\n")]
    return text, spans


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=text_and_spans())
def test_layout_read_back_equals_the_spans(qapp, case):
    text, spans = case
    pane = ReadingPane(text)
    pane.set_marks("formula", spans)
    got = pane.highlighted_ranges().get("formula", [])
    # a span's leading/trailing line breaks are not drawn (a block separator carries no format)
    expected = []
    for a, b in spans:
        while text[a] == "\n":
            a += 1
        while text[b - 1] == "\n":
            b -= 1
        expected.append((a, b))
    assert got == expected
    pane.deleteLater()
