"""Synchronised scrolling anchored on passages, interpolated between them (after Meld's filediff).

The point that matters is the middle of the viewport: its offset in the scrolled pane is mapped through
the pair's `AnchorMap` and the partner is scrolled to put the mapped offset in its middle. With more than
two panes one reference pane leads: scrolling it moves every other pane; scrolling another pane moves the
lead, which then moves the rest, so all panes stay consistent with one reference. Scrolls caused by the
sync itself are dropped, not queued (a busy flag), so panes never ping-pong.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from app.ui.compare.links import AnchorMap, Link
from app.ui.pane.reading_pane import ReadingPane

#: Where in the viewport the compared point sits (Meld uses the middle too).
VIEW_POINT = 0.5


class ScrollSync(QObject):
    lead_changed = Signal(int)

    def __init__(self, panes: Sequence[ReadingPane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = list(panes)
        self.enabled = True
        self.lead = 0
        self._busy = False
        self._maps: dict[tuple[int, int], AnchorMap] = {}
        self._links: list[list[Link]] = []
        for index, pane in enumerate(self.panes):
            pane.scrolled.connect(lambda index=index: self.on_pane_scrolled(index))
        self.set_links([[] for _ in self.panes])

    def set_links(self, links_by_doc: Sequence[Sequence[Link]]) -> None:
        """Anchor on these links; each pair's map is built the first time a scroll needs it (with eight
        panes only the lead's 14 of 56 maps ever are)."""
        self._links = [list(links) for links in links_by_doc]
        self._maps.clear()

    def _map_for(self, source: int, target: int) -> AnchorMap:
        anchors = self._maps.get((source, target))
        if anchors is None:
            own = [link for link in self._links[source] if link.partner == target]
            lengths = len(self.panes[source].text()), len(self.panes[target].text())
            anchors = self._maps[source, target] = AnchorMap(own, *lengths)
        return anchors

    def set_lead(self, index: int) -> None:
        if 0 <= index < len(self.panes) and index != self.lead:
            self.lead = index
            self.lead_changed.emit(index)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.on_pane_scrolled(self.lead)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Move panes programmatically (e.g. to a passage's counterparts) without the sync reacting."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def map(self, source: int, target: int, offset: int) -> int:
        return self._map_for(source, target).map(offset)

    def view_point(self, index: int) -> int:
        """Code point at the compared point (middle) of pane `index`'s viewport."""
        pane = self.panes[index]
        return pane.offset_at(int(pane.viewport().height() * VIEW_POINT))

    def follow(self, source: int, target: int) -> None:
        """Scroll pane `target` to where pane `source`'s view point maps."""
        offset = self.map(source, target, self.view_point(source))
        self.panes[target].scroll_to(offset, VIEW_POINT)

    def on_pane_scrolled(self, index: int) -> None:
        if self._busy or not self.enabled or len(self.panes) < 2:
            return
        self._busy = True
        try:
            lead = index if len(self.panes) == 2 else self.lead
            if index != lead:
                self.follow(index, lead)
            for target in range(len(self.panes)):
                if target not in (index, lead):
                    self.follow(lead, target)
        finally:
            self._busy = False
