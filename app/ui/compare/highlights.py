"""The compare view's mark layers on one reading pane: partner colours, muted formulas, the edits inside.

Layers (kinds) per pane: `copy-<j>` for prose shared with document j, `formula-passage` for shared
formulas (hideable), `diff` for the characters a near-copy changed. With two documents every passage pair
gets its own colour (so neighbouring passages are told apart); with more, the colour says which partner.
The same colour rule feeds the overview marks and the passage table, through `link_colour`.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat

from app.core.passages import Passage
from app.ui.common.theme import Theme
from app.ui.compare.links import Link
from app.ui.compare.step_queue import AGAIN
from app.ui.pane.reading_pane import ReadingPane
from app.ui.pane.span_highlighter import Mark, layout_ranges

COPY_PRIORITY = 2
FORMULA_KIND = "formula-passage"
DIFF_KIND = "diff"
CURRENT_KIND = "current-passage"
TOOLTIP_CHARS = 160


def copy_kind(partner: int) -> str:
    return f"copy-{partner}"


def colour_index(link: Link, documents: int) -> int:
    """Palette slot: per passage pair with two documents, per partner document with more."""
    return link.number if documents == 2 else link.partner


def link_colour(theme: Theme, link: Link, documents: int) -> QColor:
    """A passage's colour. Shared by every link of that colour (thousands with eight speeches, asked for on
    every overview and table fill): copy it before changing it."""
    key = (-1 if link.kind == "formula" else colour_index(link, documents), theme.dark)
    colour = _link_colours.get(key)
    if colour is None:
        formula = key[0] < 0
        colour = theme.colour("passage.formula.background") if formula else theme.partner_colour(key[0])
        _link_colours[key] = colour
    return colour


_link_colours: dict[tuple[int, bool], QColor] = {}


def passage_colours(theme: Theme, passages: Sequence[Passage], documents: int) -> list[QColor]:
    """`link_colour` of every passage seen from its first document (the passage table's swatches), without
    building a Link per passage: thousands with eight speeches, on the GUI thread when a result lands."""
    colours: dict[tuple[bool, int], QColor] = {}
    out = []
    for number, p in enumerate(passages):
        key = (p.kind == "formula", number if documents == 2 else p.b)
        colour = colours.get(key)
        if colour is None:
            colour = colours[key] = link_colour(theme, Link(number, p.a, p.b, 0, 0, 0, 0, p), documents)
        out.append(colour)
    return out


def current_style(theme: Theme, _mark: Mark) -> QTextCharFormat:
    """The passage being looked at: outlined in ink, keeping the partner colour behind it visible."""
    fmt = QTextCharFormat()
    fmt.setForeground(theme.colour("passage.current.outline"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(theme.colour("passage.current.outline"))
    fmt.setFontUnderline(True)
    return fmt


def _copy_style(documents: int):
    # One format per colour and scheme, shared by every mark drawn in it (the highlighter only reads it):
    # a pane of a long speech has thousands of marks in a handful of colours.
    formats: dict[tuple[int, bool], QTextCharFormat] = {}

    def style(theme: Theme, mark: Mark) -> QTextCharFormat:
        link = mark.payload
        key = (colour_index(link, documents) if isinstance(link, Link) else 0, theme.dark)
        fmt = formats.get(key)
        if fmt is None:
            fmt = formats[key] = QTextCharFormat()
            fmt.setBackground(theme.partner_colour(key[0]))
        return fmt

    return style


def link_tooltip(link: Link, labels: Sequence[str]) -> str:
    """Hover text: partner, similarity, kind, and the partner's wording."""
    # Literal translate() calls, so that lupdate sees the strings.
    if link.kind == "formula":
        kind = QCoreApplication.translate("CompareHighlights", "shared formula")
    else:
        kind = QCoreApplication.translate("CompareHighlights", "copied passage")
    counterpart = " ".join(link.partner_text.split())
    if len(counterpart) > TOOLTIP_CHARS:
        counterpart = counterpart[: TOOLTIP_CHARS - 1] + "…"
    head = QCoreApplication.translate(
        "CompareHighlights", "{0} · similarity {1:.0%} · shared with <b>{2}</b>"
    ).format(kind, link.similarity, html.escape(labels[link.partner]))
    return f"{head}<br>{html.escape(counterpart)}"


def highlight_steps(
    pane: ReadingPane,
    links: Sequence[Link],
    labels: Sequence[str],
    *,
    show_formulas: bool = True,
    top_partner: int | None = None,
    provisional: bool = False,
) -> list[Callable[[], None]]:
    """The steps that show `links` (this document's side of every passage) on `pane`, one per call.

    The first finds the near-copies' edits (reading every alignment takes a while with many passages);
    the second sets every layer in one batch, so each block is re-formatted once rather than once per
    layer; the third merges each block's formats, a slice of a few milliseconds per call (it returns
    step_queue.AGAIN until done); the last redraws the pane in one pass. A caller can yield to the event
    loop between any two calls (apply_highlights runs them at once). Where several partners share the same
    sentence their colours overlap; `top_partner` (the lead pane) is drawn on top, so every pane shows
    first what it shares with the reference speech. `provisional`: `links` are numbered -1 (drawn while
    other pairs still match, see early_panes.provisional_links); `relink` later gives the pane the final ones.
    """
    documents = len(labels)

    def tooltip(mark: Mark) -> str | None:
        return link_tooltip(mark.payload, labels) if isinstance(mark.payload, Link) else None

    by_partner: dict[int, list[Link]] = {}
    formulas: list[Link] = []
    for link in links:
        if link.kind == "formula":
            formulas.append(link)
        else:
            by_partner.setdefault(link.partner, []).append(link)
    style = _copy_style(documents)
    edits: list[Mark] = []
    key = _drawn_key(pane, labels, show_formulas, top_partner)
    drawn: list[tuple | None] = [None]

    def find_edits() -> None:
        drawn[0] = None if provisional else _drawn_before(pane, key, links)
        if drawn[0] is None:
            edits[:] = _edits(links)

    fresh = [False]

    def set_layers() -> None:
        if drawn[0] is not None:
            pane.restore_drawn(drawn[0])
            return
        fresh[0] = set(pane.mark_kinds()) <= FRESH_KINDS
        with pane.batch_marks(deferred=True):
            for kind in pane.mark_kinds():
                if kind.startswith("copy-") and int(kind[5:]) not in by_partner:
                    pane.clear_marks(kind)
            for partner, own in sorted(by_partner.items()):
                priority = COPY_PRIORITY + (partner == top_partner)
                pane.set_marks(copy_kind(partner), own, style=style, tooltip=tooltip, priority=priority)
            set_formulas_visible(pane, formulas if show_formulas else [], tooltip)
            pane.set_marks(DIFF_KIND, edits)

    def merge() -> object:
        if drawn[0] is None and not pane.merge_some(MERGE_SLICE):
            return AGAIN
        return None

    def redraw() -> None:
        if drawn[0] is None:
            pane.redraw_deferred()
            if fresh[0] and not provisional:
                _remember_drawn(key, list(links), pane.drawn_state())

    return [find_edits, set_layers, merge, redraw]


def _drawn_key(
    pane: ReadingPane, labels: Sequence[str], show_formulas: bool, top_partner: int | None
) -> tuple:
    return (pane.text(), tuple(labels), show_formulas, top_partner, pane.theme, pane.theme.dark)


def relink(
    pane: ReadingPane,
    links: Sequence[Link],
    labels: Sequence[str],
    *,
    show_formulas: bool = True,
    top_partner: int | None = None,
) -> None:
    """Give a pane drawn from provisional Links (`highlight_steps(provisional=True)` on a fresh pane) the
    final `links` of the same passages: every mark keeps its span and its drawing, only its payload becomes
    the final Link (its passage number), and the drawing is kept for reopening as if drawn from `links`."""
    final = {id(link.passage): link for link in links}

    def swap(payload: object) -> object:
        return final.get(id(payload.passage), payload) if isinstance(payload, Link) else payload

    pane.replace_payloads(swap)
    _remember_drawn(_drawn_key(pane, labels, show_formulas, top_partner), list(links), pane.drawn_state())


#: How long one slice of merging a pane's block formats may take (seconds): with the step queue's turn
#: (step_queue.TURN_MS) no turn holds the GUI thread much over 15 ms.
MERGE_SLICE = 0.004


#: Layers a pane has before any comparison is drawn on it (set with its text).
FRESH_KINDS = frozenset({"redaction"})
#: Panes' drawn layers kept for reopening (eight panes of the last two comparisons).
DRAWN_KEPT = 16
_drawn: OrderedDict[tuple, tuple[list[Link], tuple]] = OrderedDict()


def _drawn_before(pane: ReadingPane, key: tuple, links: Sequence[Link]) -> tuple | None:
    """What a pane on the same text drew for the same links and options, when `pane` is as fresh as that
    one was (a reopened comparison): restoring it skips cutting, merging and styling every mark again."""
    found = _drawn.get(key)
    if found is None or not set(pane.mark_kinds()) <= FRESH_KINDS or found[0] != list(links):
        return None
    _drawn.move_to_end(key)
    return found[1]


def _remember_drawn(key: tuple, links: list[Link], state: tuple) -> None:
    _drawn[key] = (links, state)
    _drawn.move_to_end(key)
    while len(_drawn) > DRAWN_KEPT:
        _drawn.popitem(last=False)


def lay_out_drawn() -> None:
    """Make the layout ranges of every kept pane drawing now (the app is idle), so that reopening a
    comparison only hands them to its panes (SpanHighlighter.restore)."""
    for _links, (_layers, state) in list(_drawn.values()):
        layout_ranges(state)


def forget_drawn() -> None:
    """Drop every remembered pane drawing (tests)."""
    _drawn.clear()


def _edits(links: Iterable[Link]) -> list[Mark]:
    """The characters each near-copy changed, as marks that carry their Link."""
    return [
        Mark(start, end, link) for link in links if link.kind != "formula" for start, end in link.differing()
    ]


def apply_highlights(pane: ReadingPane, links: Sequence[Link], labels: Sequence[str], **options) -> None:
    """All of `highlight_steps` at once."""
    for step in highlight_steps(pane, links, labels, **options):
        while step() is AGAIN:
            pass


def set_formulas_visible(pane: ReadingPane, formulas: Sequence[Link], tooltip=None) -> None:
    if formulas:
        pane.set_marks(FORMULA_KIND, formulas, tooltip=tooltip)
    else:
        pane.clear_marks(FORMULA_KIND)
