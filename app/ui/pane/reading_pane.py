"""The read-only reading pane shared by the reader tab and every pane of the compare view.

It shows the stored text exactly (plain text, never HTML) and speaks code points to its callers: marks,
scroll targets and visible ranges are offsets into the stored text, converted to Qt positions only here via
`OffsetMap`. Persistent marks are layers drawn by `SpanHighlighter`; transient ones (find hits, the current
passage) are one `setExtraSelections` call, so moving between find hits never re-lays out the text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.core.normalize import NormalizedView, normalize, redaction_runs
from app.core.structure import Heading, Paragraph, outline, paragraphs
from app.ui.common.fonts import DEFAULT_POINT_SIZE
from app.ui.common.theme import Theme, current_theme
from app.ui.pane import held_text
from app.ui.pane.layout_readback import extra_selection_ranges, layout_ranges
from app.ui.pane.mark_styles import DEFAULT_STYLES, Style
from app.ui.pane.offsets import OffsetMap
from app.ui.pane.paragraph_gutter import ParagraphGutter
from app.ui.pane.span_highlighter import KINDS_PROPERTY, HighlighterState, Mark, SpanHighlighter, as_marks
from app.ui.pane.zoom import Zoomable

#: A mark's sort key: its span.
_SPAN = attrgetter("start", "end")

Tooltip = Callable[[Mark], "str | None"]


@lru_cache(maxsize=16)
def _structure(text: str) -> tuple[tuple[Paragraph, ...], tuple[Heading, ...], tuple[tuple[int, int], ...]]:
    """Paragraphs, outline and redaction runs of a text, kept for the last texts shown: a comparison
    reopened (or a speech read beside its comparison) shows the same long texts again, and finding that a
    text with 某 has no redaction folds all of it (~1 ms a congress report)."""
    found = paragraphs(text)
    return tuple(found), tuple(outline(text, found)), tuple(sorted(redaction_runs(text).items()))


def _redaction_tooltip(mark: Mark) -> str:
    # Not a method: a layer may move to another pane on the same text (restore_drawn) and outlive this one.
    return QCoreApplication.translate("ReadingPane", "Redacted in the source ({0} characters)").format(
        mark.end - mark.start
    )


@dataclass(slots=True)
class _Layer:
    drawn: list[Mark]
    style: Style
    priority: int
    tooltip: Tooltip | None
    longest: int
    #: Payloads still to be swapped (`replace_payloads`): done the first time a mark is asked for, since
    #: the compare view hands thousands of marks their final payload when its result lands, when nothing
    #: reads them yet.
    swap: Callable[[object], object] | None = None

    @property
    def marks(self) -> list[Mark]:
        swap = self.swap
        if swap is not None:
            self.drawn = [Mark(m.start, m.end, swap(m.payload)) for m in self.drawn]
            self.swap = None
        return self.drawn

    def swapped(self, swap: Callable[[object], object]) -> _Layer:
        """This layer (same spans, same drawing) whose marks will carry `swap(payload)`."""
        earlier = self.swap
        both = swap if earlier is None else (lambda payload: swap(earlier(payload)))
        return replace(self, swap=both)


class ReadingPane(Zoomable, QPlainTextEdit):
    """Read-only view of one stored text with mark layers, paragraph numbers and zoom."""

    zoom_changed = Signal(float)
    #: The viewport moved (scrolling, zoom or resize); ask `first_visible_offset()` where it is now.
    scrolled = Signal()
    #: A mark was clicked: its kind and its Mark (payload = the FormulaHit, passage, …).
    mark_activated = Signal(str, object)

    def __init__(self, text: str = "", parent: QWidget | None = None, *, theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.theme = theme or current_theme()
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        self._base_point_size = DEFAULT_POINT_SIZE
        self._point_size = DEFAULT_POINT_SIZE
        self._font_override = ""
        self._layers: dict[str, _Layer] = {}
        self._transient: dict[str, tuple[list[Mark], Style, int]] = {}
        self._highlighter = SpanHighlighter(self.document())
        #: Text drawn only in a turn of its own (app.ui.pane.held_text).
        self.text_held = False
        self.gutter = ParagraphGutter(self, lambda: self.theme)
        self._apply_font()
        self._zoom_actions = self._make_zoom_actions()
        self.retranslate_ui()
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.scrolled.emit())
        self.theme.changed.connect(self.on_theme_changed)
        self.set_text(text)

    # ---- text -------------------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show `text` (the stored text); drops every mark except the redactions found in it."""
        self._text = text
        self.offsets = OffsetMap(text)
        self._normalized: NormalizedView | None = None
        structure = _structure(text)
        self._paragraphs = list(structure[0])
        self._layers.clear()
        self._transient.clear()
        for kind in self._highlighter.kinds():
            self._highlighter.clear_layer(kind)
        self._highlighter.forget_formats()
        self.setExtraSelections([])
        # Stored texts have no CR (app.core.text.clean_text), but Qt would fold a CRLF into one separator and
        # shift every later mark; a zero-width space keeps positions aligned if one ever slips through.
        self.setPlainText(text.replace("\r", "\u200b") if "\r" in text else text)
        self._headings = list(structure[1])
        heading_paragraphs = {h.paragraph for h in self._headings}
        shared_lines = len(self._paragraphs) > self.document().blockCount()
        self.gutter.set_paragraphs(
            [self.offsets.to_qt(p.start) for p in self._paragraphs], heading_paragraphs, shared_lines
        )
        self._update_gutter_width()
        self.set_marks("redaction", structure[2], tooltip=_redaction_tooltip)

    def text(self) -> str:
        """The stored text shown (code points; what every offset refers to)."""
        return self._text

    def paragraphs(self) -> list[Paragraph]:
        return self._paragraphs

    def headings(self) -> list[Heading]:
        """The outline of the text (app.core.structure.outline), computed once per text."""
        return self._headings

    def normalized_view(self) -> NormalizedView:
        """The normalised view of the text (with punctuation), computed once per text."""
        if self._normalized is None:
            self._normalized = normalize(self._text)
        return self._normalized

    # ---- persistent marks -------------------------------------------------------------------------------

    def set_marks(
        self,
        kind: str,
        items: Iterable[object],
        *,
        style: Style | None = None,
        tooltip: Tooltip | None = None,
        priority: int | None = None,
    ) -> None:
        """Draw `items` (Marks, (start, end[, payload]) tuples or objects with start/end) as layer `kind`.

        Offsets are code points of the stored text. Unknown kinds need a `style`; `tooltip(mark)` gives the
        hover text. Setting a kind again replaces its marks.
        """
        default_style, default_priority = DEFAULT_STYLES.get(kind, (None, 5))
        chosen = style or default_style
        if chosen is None:
            raise KeyError(f"no default style for mark kind {kind!r}; pass style=")
        limit = len(self._text)
        marks = [  # (a new Mark only where one must be clipped to the text: thousands in a compare view)
            m if m.start >= 0 and m.end <= limit else Mark(max(0, m.start), min(limit, m.end), m.payload)
            for m in as_marks(items)
        ]
        marks.sort(key=_SPAN)
        marks = [m for m in marks if m.end > m.start]
        longest = max((m.end - m.start for m in marks), default=0)
        layer = _Layer(marks, chosen, default_priority if priority is None else priority, tooltip, longest)
        self._draw_layer(kind, layer)  # first: it refuses bad kinds before we remember the layer
        self._layers[kind] = layer

    def _draw_layer(self, kind: str, layer: _Layer) -> None:
        span_to_qt = self.offsets.span_to_qt
        if getattr(layer.style, "same_for_every_mark", False) and layer.marks:
            fmt = layer.style(self.theme, layer.marks[0])  # one format for the layer, not one per mark
            ranges = [(*span_to_qt(m.start, m.end), fmt) for m in layer.marks]
        else:
            ranges = [(*span_to_qt(m.start, m.end), layer.style(self.theme, m)) for m in layer.marks]
        self._highlighter.set_layer(kind, ranges, layer.priority)

    def clear_marks(self, kind: str) -> None:
        if self._layers.pop(kind, None) is not None:
            self._highlighter.clear_layer(kind)

    @contextmanager
    def batch_marks(self, deferred: bool = False) -> Iterator[None]:
        """Set or clear several kinds inside; each block they touch is redrawn once, at the end.

        Re-formatting blocks (a document change Qt's layout and editor react to) is most of what a layer
        costs; the compare view sets up to nine per pane. `deferred`: redrawn only after `merge_some`
        and `redraw_deferred` (see SpanHighlighter.batch).
        """
        with self._highlighter.batch(deferred):
            yield

    def merge_some(self, seconds: float) -> bool:
        return self._highlighter.merge_some(seconds)

    def redraw_deferred(self) -> None:
        self._highlighter.redraw_deferred()

    def drawn_state(self) -> tuple[dict[str, _Layer], HighlighterState]:
        """Every persistent layer and its drawn formats, for `restore_drawn` on a pane with the same text."""
        return dict(self._layers), self._highlighter.state()

    def restore_drawn(self, state: tuple[dict[str, _Layer], HighlighterState]) -> None:
        """Show the layers of `drawn_state()` taken from a pane with the same text, without recomputing."""
        layers, drawn = state
        self._layers = dict(layers)
        self._highlighter.restore(drawn)

    def replace_payloads(self, swap: Callable[[object], object]) -> None:
        """Give every persistent mark the payload `swap(payload)`: same spans, same drawing, nothing redrawn
        (the compare view draws a pane with provisional passages, then hands it the final ones)."""
        self._layers = {kind: layer.swapped(swap) for kind, layer in self._layers.items()}

    def marks(self, kind: str) -> list[Mark]:
        layer = self._layers.get(kind)
        return list(layer.marks) if layer else []

    def mark_kinds(self) -> list[str]:
        return list(self._layers)

    def marks_at(self, offset: int) -> list[tuple[str, Mark]]:
        """(kind, mark) for every persistent mark covering code point `offset`, top priority first."""
        found: list[tuple[int, str, Mark]] = []
        for kind, layer in self._layers.items():
            starts = [m.start for m in layer.marks]
            hi = bisect_right(starts, offset)
            for mark in reversed(layer.marks[:hi]):
                if mark.start < offset - layer.longest:
                    break
                if mark.start <= offset < mark.end:
                    found.append((layer.priority, kind, mark))
        found.sort(key=lambda item: -item[0])
        return [(kind, mark) for _, kind, mark in found]

    # ---- transient marks --------------------------------------------------------------------------------

    def set_transient(self, kind: str, items: Iterable[object], *, style: Style | None = None) -> None:
        """Mark `items` as transient kind `kind` (find hits, current passage): no re-layout, cheap to move."""
        default_style, priority = DEFAULT_STYLES.get(kind, (None, 35))
        chosen = style or default_style
        if chosen is None:
            raise KeyError(f"no default style for mark kind {kind!r}; pass style=")
        marks = [m for m in as_marks(items) if m.end > m.start]
        if marks:
            self._transient[kind] = (marks, chosen, priority)
        else:
            self._transient.pop(kind, None)
        self._apply_transient()

    def clear_transient(self, kind: str) -> None:
        if self._transient.pop(kind, None) is not None:
            self._apply_transient()

    def _apply_transient(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for kind, (marks, style, _priority) in sorted(self._transient.items(), key=lambda item: item[1][2]):
            for mark in marks:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                start, end = self.offsets.span_to_qt(mark.start, mark.end)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                fmt = style(self.theme, mark)
                fmt.setProperty(KINDS_PROPERTY, kind)
                selection.format = fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    # ---- reading back -----------------------------------------------------------------------------------

    def highlighted_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """kind → code-point ranges as the text layout will draw them (persistent marks)."""
        return layout_ranges(self.document(), self.offsets)

    def transient_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """kind → code-point ranges of the transient marks (extra selections)."""
        return extra_selection_ranges(self, self.offsets)

    # ---- theme ------------------------------------------------------------------------------------------

    def on_theme_changed(self) -> None:
        with self.batch_marks():
            for kind, layer in self._layers.items():
                self._draw_layer(kind, layer)
        self._apply_transient()
        self.gutter.update()

    # ---- scrolling --------------------------------------------------------------------------------------

    def _lay_out_around(self, block: QTextBlock, lines_after: int) -> None:
        """Lay out every block up to `block` and enough after it to fill `lines_after` lines.

        QPlainTextEdit lays blocks out lazily and counts an unseen block as one line, so line numbers and
        the scroll bar's range are estimates until then; scrolling by line number needs them exact.
        """
        engine = self.document().documentLayout()
        if not isinstance(engine, QPlainTextDocumentLayout):
            return
        current = self.document().begin()
        while current.isValid() and current.blockNumber() <= block.blockNumber():
            engine.ensureBlockLayout(current)
            current = current.next()
        while current.isValid() and lines_after > 0:
            engine.ensureBlockLayout(current)
            lines_after -= current.lineCount()
            current = current.next()

    def _lines_in_view(self) -> int:
        return max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))

    def scroll_to(self, offset: int, fraction: float = 0.0) -> None:
        """Scroll so that the line holding code point `offset` sits `fraction` of the way down the view."""
        offset = min(max(0, offset), len(self._text))
        position = self.offsets.to_qt(offset)
        block = self.document().findBlock(position)
        self._lay_out_around(block, self._lines_in_view())
        line = block.layout().lineForTextPosition(position - block.position())
        number = block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)
        self.verticalScrollBar().setValue(max(0, number - int(fraction * self._lines_in_view())))

    def reveal(self, start: int, end: int | None = None) -> None:
        """Bring a span into view (a third of the way down) unless it is already fully visible."""
        end = start if end is None else end
        first, last = self.visible_range()
        if not (first <= start and end <= last):
            self.scroll_to(start, 1 / 3)

    def first_visible_offset(self) -> int:
        """Code point at the start of the topmost visible line."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        layout = block.layout()
        index = self.verticalScrollBar().value() - block.firstLineNumber()
        position = block.position()
        if layout is not None and 0 <= index < layout.lineCount():
            position += layout.lineAt(index).textStart()
        return self.offsets.to_core(position)

    def offset_at(self, y: int) -> int:
        """Code point at the start of the line at viewport height `y` (pixels)."""
        return self.offsets.to_core(self.cursorForPosition(QPoint(0, y)).position())

    def visible_range(self) -> tuple[int, int]:
        """(first, end) code points of the text currently visible in the viewport."""
        viewport = self.viewport()
        bottom_right = QPoint(viewport.width() - 1, viewport.height() - 1)
        end = self.offsets.to_core(self.cursorForPosition(bottom_right).position())
        return self.first_visible_offset(), max(end, self.first_visible_offset())

    # ---- gutter -----------------------------------------------------------------------------------------

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if held_text.may_paint(self):
            super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        self.gutter.setGeometry(
            QRect(contents.left(), contents.top(), self.gutter.gutter_width(), contents.height())
        )
        self.scrolled.emit()

    # ---- hover and click --------------------------------------------------------------------------------

    def offset_under(self, pos: QPoint) -> int | None:
        """Code point under viewport point `pos`, or None beyond the end of a line."""
        cursor = self.cursorForPosition(pos)
        position = cursor.position()
        if pos.x() < self.cursorRect(cursor).x():
            position -= 1
        if position < 0 or position >= self.offsets.qt_length:
            return None
        return self.offsets.to_core(position)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The hover text for viewport point `pos`: the tooltips of every mark under it, top first."""
        offset = self.offset_under(pos)
        if offset is None:
            return ""
        return "<hr>".join(
            filter(None, (self.mark_tooltip(kind, mark) for kind, mark in self.marks_at(offset)))
        )

    def mark_tooltip(self, kind: str, mark: Mark) -> str | None:
        """The hover text of one persistent mark (None: its layer has none)."""
        tooltip = self._layers[kind].tooltip
        return tooltip(mark) if tooltip else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_under(event.position().toPoint())
            hits = self.marks_at(offset) if offset is not None else []
            if hits:
                self.mark_activated.emit(*hits[0])
