"""Moving between shared passages in the compare view: a click on a mark or a table row, F7 / Shift+F7.

The current passage is marked in every pane that has it, the partners scroll to it, the table selects its
row and the diff panel shows both wordings. Kept apart from the view's construction and matching; the view
mixes it in and provides the attributes listed on the class.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.ui.compare.current_passage import links_under, mark_current
from app.ui.compare.links import Link, neighbour_link

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.core.passages import Passage
    from app.ui.compare.compute import CompareResult
    from app.ui.compare.diff_panel import DiffPanel
    from app.ui.compare.pane import ComparePane
    from app.ui.compare.passage_table import PassageDock
    from app.ui.compare.scroll_sync import ScrollSync
    from app.ui.pane.span_highlighter import Mark


class PassageNavigation:
    """The passage-to-passage half of CompareView (which sets every attribute below)."""

    result: CompareResult | None
    links: list[list[Link]]
    panes: list[ComparePane]
    sync: ScrollSync
    passage_dock: PassageDock
    diff_panel: DiffPanel
    current: Passage | None
    current_number: int
    show_formulas: bool
    passage_selected: SignalInstance
    labels: Callable[[], list[str]]

    def _on_mark_clicked(self, index: int, mark: Mark) -> None:
        if isinstance(mark.payload, Link) and mark.payload.number >= 0:  # not a provisional one
            self.select_links(index, links_under(self.panes[index].reader, mark.payload))

    def select_passage(self, number: int) -> None:
        """Make passage `number` current: mark it in both panes and bring both sides into view."""
        if self.result is None or not 0 <= number < len(self.result.passages):
            return
        p = self.result.passages[number]
        link = next(k for k in self.links[p.a] if k.number == number)
        self.select_links(p.a, [link])

    def select_links(self, doc: int, links: Sequence[Link]) -> None:
        """Mark `links` (seen from `doc`) and their counterparts, and scroll the partners to them."""
        if not links or self.result is None:
            return
        first = links[0]
        self.current = first.passage
        self.current_number = first.number
        mark_current(self.panes, self.sync, doc, links)
        self.passage_dock.select_number(first.number)
        self.diff_panel.show_passage(first.passage, self.labels())
        self.passage_selected.emit(first.number)

    def _focus_doc(self) -> int:
        for pane in self.panes:
            if pane.reader.hasFocus():
                return pane.index
        if self.current is not None and self.current_number >= 0:
            return self.current.a
        return self.sync.lead

    def _step(self, forward: bool) -> None:
        doc = self._focus_doc()
        links = [k for k in self.links[doc] if self.show_formulas or k.kind != "formula"]
        top = self.panes[doc].reader.first_visible_offset()
        target = neighbour_link(links, self.current_number if self.current is not None else -1, top, forward)
        if target is not None:
            self.select_links(doc, [target])

    def next_passage(self) -> None:
        self._step(True)

    def previous_passage(self) -> None:
        self._step(False)
