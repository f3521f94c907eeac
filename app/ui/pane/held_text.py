"""Reading panes whose text is drawn in an event-loop turn of its own, one pane a turn, after the window's
first paint: a window of eight long panes would otherwise lay out, shape and draw all their visible lines
in that one paint (about a third of its 25–40 ms of GUI-thread CPU, the longest stall of the compare view's
opening).

A held pane paints only its background; asking to paint queues it, and each turn of a zero-interval timer
draws one queued pane. Its companions (`hold`: its scroll bar, overview strip, header) are drawn in that
turn too, not in the first paint: with eight panes they were about half of the widget painting that paint
still did. Where a pane's lines sit does not depend on this: `ReadingPane.scroll_to` and the positions it
reports lay out the blocks they need themselves.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Protocol
from weakref import WeakKeyDictionary, WeakSet

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class HeldPane(Protocol):
    """What this module needs of a reading pane (app.ui.pane.reading_pane imports this module)."""

    text_held: bool
    gutter: QWidget

    def viewport(self) -> QWidget: ...


_waiting: deque[HeldPane] = deque()
#: Held panes their caller reveals (`claim`).
_claimed: WeakSet[HeldPane] = WeakSet()
_timer: list[QTimer] = []


#: Held panes' companion widgets, not painted until their pane is (`hold`).
_companions: WeakKeyDictionary[HeldPane, tuple[QWidget, ...]] = WeakKeyDictionary()


def hold(pane: HeldPane, companions: Iterable[QWidget] = ()) -> None:
    """Draw `pane`'s text only in a turn of its own, after the first time it is asked to paint, and
    `companions` (widgets showing the pane's state: its scroll bar, strip, header) then too."""
    pane.text_held = True
    widgets = tuple(companions)
    if widgets:
        for widget in widgets:  # (their children too; Qt then paints none of them, grabs included)
            widget.setUpdatesEnabled(False)
        _companions[pane] = widgets


def may_paint(pane: HeldPane) -> bool:
    """Whether `pane` draws its text now; a held one is queued for a turn of its own instead."""
    if not pane.text_held:
        return True
    if pane not in _waiting and pane not in _claimed:
        _waiting.append(pane)
        if not _timer:
            timer = QTimer()
            timer.setSingleShot(True)
            timer.setInterval(0)
            timer.timeout.connect(_reveal_next)
            _timer.append(timer)
        if not _timer[0].isActive():
            _timer[0].start()
    return False


def claim(pane: HeldPane) -> bool:
    """Take a held `pane` out of the queue: its caller reveals it (True), when it is about to change what
    the pane shows anyway (a reopened comparison restores its highlights), so that its text is laid out
    and drawn once, not once plain and again highlighted. False: its text is drawn already."""
    if not pane.text_held:
        return False
    if pane in _waiting:
        _waiting.remove(pane)
    _claimed.add(pane)
    return True


def reveal(pane: HeldPane) -> None:
    """Draw `pane`'s text from its next paint on, without waiting for its turn (a window grabbed at once)."""
    if pane in _waiting:
        _waiting.remove(pane)
    _claimed.discard(pane)
    _reveal(pane)


def _reveal(pane: HeldPane) -> None:
    if isValid(pane) and pane.text_held:
        pane.text_held = False
        pane.viewport().update()
        pane.gutter.update()
        for widget in _companions.pop(pane, ()):
            if isValid(widget):
                widget.setUpdatesEnabled(True)  # (which asks for its paint)


def _reveal_next() -> None:
    if _waiting:
        _reveal(_waiting.popleft())
    if _waiting:
        _timer[0].start()
