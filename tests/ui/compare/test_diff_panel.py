"""The diff panel's alignment: one column per character pair, the engine's segments kept in order."""

from __future__ import annotations

from app.core.passages import compare_pair
from app.ui.compare.diff_panel import aligned_columns, diff_html

from .conftest import corpus_document


def test_columns_rebuild_both_wordings_and_line_up_edits(corpus):
    a, b = corpus_document(corpus, 2021), corpus_document(corpus, 2022)
    comparison = compare_pair(a.text, b.text)
    checked = 0
    for p in comparison.passages:
        steps = zip(p.alignment[1:], p.alignment, strict=False)
        if any(s.a_start < t.a_start or s.b_start < t.b_start for s, t in steps):
            continue  # reordered parts are shown in the alignment's order, not the text's
        columns = aligned_columns(p)
        checked += 1
        squeeze = lambda text: "".join(text.split())  # noqa: E731 - blank runs are collapsed
        assert squeeze("".join(c.a for c in columns)) == squeeze(p.a_text)
        assert squeeze("".join(c.b for c in columns)) == squeeze(p.b_text)
        for c in columns:
            assert c.a or c.b
            if c.tag == "equal":
                assert c.a == c.b or (c.a.isspace() and c.b.isspace())
    assert checked > 0.8 * len(comparison.passages)


def test_a_swapped_word_sits_over_its_replacement():
    text_a = "我们要坚持稳中求进工作总基调，推动经济高质量发展，全面深化改革开放，持续增进民生福祉。"
    text_b = "我们要坚持稳中求进工作总基调，推进经济高质量发展，全面深化改革开放，持续增进民生福祉。"
    (p,) = compare_pair(text_a, text_b).passages
    changed = [(c.a, c.b) for c in aligned_columns(p) if c.tag != "equal"]
    assert changed == [("动", "进")]
    html = diff_html(p, ["A", "B"])
    assert ">动<" in html and ">进<" in html
