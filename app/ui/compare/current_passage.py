"""The current passage across panes: mark it and its counterparts, and bring them all into view.

With three or more speeches one sentence may be shared with several partners; clicking it makes all of
those passages current at once, and panes not involved follow the clicked pane through scroll sync.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.ui.compare.highlights import CURRENT_KIND, DIFF_KIND, current_style
from app.ui.compare.links import Link
from app.ui.compare.pane import ComparePane
from app.ui.compare.scroll_sync import ScrollSync
from app.ui.pane.reading_pane import ReadingPane
from app.ui.pane.span_highlighter import Mark

#: Reveal at most this much of a long passage (its start matters; the rest is a scroll away).
REVEAL_CHARS = 200


def links_under(reader: ReadingPane, clicked: Link) -> list[Link]:
    """Every passage at the clicked passage's start (one per partner sharing that sentence)."""
    found = [
        mark.payload
        for kind, mark in reader.marks_at(clicked.start)
        if isinstance(mark.payload, Link) and kind != DIFF_KIND
    ]
    return found or [clicked]


def mark_current(panes: Sequence[ComparePane], sync: ScrollSync, doc: int, links: Sequence[Link]) -> None:
    """Mark `links` (seen from pane `doc`) and their counterparts; scroll every pane to show them."""
    spans: dict[int, list[tuple[int, int]]] = {doc: [(k.start, k.end) for k in links]}
    for link in links:
        spans.setdefault(link.partner, []).append((link.partner_start, link.partner_end))
    with sync.paused():
        for pane in panes:
            own = spans.get(pane.index, [])
            pane.reader.set_transient(CURRENT_KIND, [Mark(s, e) for s, e in own], style=current_style)
            pane.overview.set_current(own)
            if own and pane.index != doc:
                start, end = min(s for s, _ in own), max(e for _, e in own)
                pane.reader.reveal(start, min(end, start + REVEAL_CHARS))
        start, end = spans[doc][0]
        panes[doc].reader.reveal(start, min(end, start + REVEAL_CHARS))
        if sync.enabled:
            for pane in panes:
                if pane.index not in spans:
                    sync.follow(doc, pane.index)
