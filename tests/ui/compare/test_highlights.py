"""What the panes draw is what the engine found: layout read-back against the passages, in code points."""

from __future__ import annotations

import pytest

from app.core.passages import PassageParams, compare_many
from app.ui.compare.highlights import DIFF_KIND, FORMULA_KIND, copy_kind
from app.ui.compare.links import links_by_doc

from .conftest import EXT_B, corpus_document, sample_document


def _covered(text: str, spans) -> set[int]:
    """Code points inside `spans`, line breaks left out (the layout never formats a block separator)."""
    return {i for start, end in spans for i in range(start, end) if text[i] != "\n"}


def _assert_panes_match_engine(view, params: PassageParams) -> None:
    texts = [d.text for d in view.documents]
    engine = compare_many(texts, params)
    assert view.result.passages == engine.passages
    links = links_by_doc(engine.passages, len(texts))
    for pane in view.panes:
        drawn = pane.reader.highlighted_ranges()
        text = texts[pane.index]
        for partner in range(len(texts)):
            if partner == pane.index:
                continue
            expected = [
                (k.start, k.end) for k in links[pane.index] if k.partner == partner and k.kind == "copy"
            ]
            assert expected, "every pair of these speeches shares copied passages"
            assert _covered(text, drawn[copy_kind(partner)]) == _covered(text, expected)
        formulas = [(k.start, k.end) for k in links[pane.index] if k.kind == "formula"]
        assert _covered(text, drawn.get(FORMULA_KIND, [])) == _covered(text, formulas)


def test_three_speeches_read_back_from_the_layout(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    _assert_panes_match_engine(view, view.result.settings.engine_params())
    ratios = view.result.comparison.summary
    assert view.result.pair_ratios[0, 1] == ratios[0].a_copy_ratio  # the header ratio is the engine's


def test_astral_characters_before_passages_keep_marks_on_the_right_characters(open_view):
    # 𠀋 at the head of both speeches and again inside the first: every later offset differs by one or
    # two UTF-16 units from its code point.
    first = sample_document("01-city-study-session.txt", prefix=EXT_B * 2 + "\n")
    text = first.text
    middle = len(text) // 3
    text = text[:middle] + EXT_B + text[middle:]
    first = type(first)(first.name, text, first.sha256)
    second = sample_document("03-theme-education-mobilisation.txt", prefix=EXT_B)
    view = open_view([first, second])
    assert not view.panes[0].reader.offsets.is_bmp
    _assert_panes_match_engine(view, view.result.settings.engine_params())
    after = [p for p in view.result.passages if p.a_start > middle]
    assert after, "a passage lies after the inserted 𠀋"
    drawn = view.panes[0].reader.highlighted_ranges()
    starts = {start for kind, ranges in drawn.items() if kind.startswith("copy-") for start, _ in ranges}
    assert after[0].a_start in starts or any(s <= after[0].a_start < e for r in drawn.values() for s, e in r)
    # the character drawn at the passage start is the passage's first character
    assert view.panes[0].reader.text()[after[0].a_start] == after[0].a_text[0]


def test_near_copy_edits_are_marked_inside_the_passage(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    edited = [p for p in view.result.passages if p.kind == "copy" and p.similarity < 0.95]
    assert edited
    drawn = [view.panes[n].reader.highlighted_ranges()[DIFF_KIND] for n in (0, 1)]
    texts = [d.text for d in view.documents]
    for p in edited[:20]:
        marked = [texts[0][s:e] for s, e in drawn[0] if p.a_start <= s and e <= p.a_end] + [
            texts[1][s:e] for s, e in drawn[1] if p.b_start <= s and e <= p.b_end
        ]
        assert marked, f"no edit marked in {p.a_text!r} / {p.b_text!r}"
        # an edit changes words: a passage whose sides differ only in punctuation has nothing marked
        assert any(ch.isalnum() for stretch in marked for ch in stretch)
    identical = [p for p in view.result.passages if p.similarity == 1.0 and p.a_text == p.b_text]
    for p in identical[:20]:
        assert not [r for r in drawn[0] if p.a_start <= r[0] < p.a_end]


def test_hiding_formulas_removes_their_layer(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    assert view.panes[0].reader.highlighted_ranges().get(FORMULA_KIND)
    view.act_formulas.trigger()
    assert FORMULA_KIND not in view.panes[0].reader.highlighted_ranges()
    assert all(k.kind != "formula" for k in view.panes[0].overview._links)
    view.act_formulas.trigger()
    assert view.panes[0].reader.highlighted_ranges().get(FORMULA_KIND)


@pytest.mark.parametrize("count", [2, 3])
def test_tooltip_names_partner_similarity_and_counterpart(open_view, corpus, count):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)[:count]])
    pane = view.panes[0].reader
    link = next(k for k in view.links[0] if k.kind == "copy")
    pane.scroll_to(link.start, 0.3)
    position = pane.offsets.to_qt(link.start + 1)
    cursor = pane.textCursor()
    cursor.setPosition(position)
    point = pane.cursorRect(cursor).center()
    tip = pane.tooltip_at(point)
    assert f"{link.similarity:.0%}" in tip
    assert view.documents[link.partner].label in tip
    assert " ".join(link.partner_text.split())[:20] in tip


@pytest.mark.parametrize("count", [2, 3])
def test_passage_colours_are_the_colours_of_their_links(qapp, count):
    from app.ui.common.theme import current_theme
    from app.ui.compare.highlights import link_colour, passage_colours
    from app.ui.compare.links import Link

    names = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt", "05-plenary-communique.txt")
    passages = compare_many([sample_document(n).text for n in names[:count]]).passages
    assert {p.kind for p in passages} == {"copy", "formula"}
    theme = current_theme()
    expected = [link_colour(theme, Link(n, p.a, p.b, 0, 0, 0, 0, p), count) for n, p in enumerate(passages)]
    assert [c.name() for c in passage_colours(theme, passages, count)] == [c.name() for c in expected]


def test_kept_pane_drawings_get_their_layout_ranges_when_idle_and_a_reopen_lays_them(open_view, monkeypatch):
    from app.ui.compare import highlights
    from app.ui.pane import span_highlighter

    highlights.forget_drawn()
    documents = [
        sample_document("01-city-study-session.txt"),
        sample_document("04-county-exchange-remarks.txt"),
    ]
    first = open_view(documents)  # an inline runner does the idle work at once
    kept = [state for _links, (_layers, state) in highlights._drawn.values()]
    assert len(kept) == 2 and all(state.ranges for state in kept)
    made: list[int] = []
    original = span_highlighter._layout_ranges
    monkeypatch.setattr(span_highlighter, "_layout_ranges", lambda *args: made.append(1) or original(*args))
    again = open_view(documents)
    assert made == [], "the reopen made no range: it laid the ones made when idle"
    for old, new in zip(first.panes, again.panes, strict=True):
        assert new.reader.highlighted_ranges() == old.reader.highlighted_ranges()
