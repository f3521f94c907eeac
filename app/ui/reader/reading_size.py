"""A reader opens at the text size and outline width the user last left a reader at, today or in an
earlier session: every reader writes its zoom and splitter back to the preferences as they change."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget

from app.ui.common import settings as S


def follow_reading_size(reader: QWidget | None, prefs: S.Settings) -> None:
    """Give `reader` the remembered text size and outline width, and remember its changes."""
    pane = getattr(reader, "pane", None)
    if pane is None:
        return
    pane.set_point_size(prefs.get(S.READER_POINT_SIZE))
    pane.zoom_changed.connect(lambda size: prefs.set(S.READER_POINT_SIZE, size))
    splitter = getattr(reader, "splitter", None)
    if isinstance(splitter, QSplitter):
        state = prefs.get(S.READER_SPLITTER)
        if not state.isEmpty():
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda _pos, _index: prefs.set(S.READER_SPLITTER, splitter.saveState())
        )
