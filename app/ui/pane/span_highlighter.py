"""Persistent marks (formulas, redactions, passages) drawn by a QSyntaxHighlighter from precomputed spans.

Qt calls `highlightBlock` for every block it lays out, so that call must not search the whole span list.
When a layer is set we cut its spans at block boundaries once and file the pieces under their block number;
`highlightBlock` then only reads its own block's pieces. Several layers may cover the same characters (a
formula inside a copied passage): their formats are merged in priority order, and every formatted range
carries `KINDS_PROPERTY` = "kind#n|kind#m" (the layers and the index of the mark in each), which is how
tests and the compare view read the marks back from the text layout, exactly: pieces of one mark are joined
across line breaks, two adjacent marks stay two.

Redrawing is what a layer costs: `batch()` sets several layers and re-formats each block they touch once,
with one pass over the whole document when many blocks changed (see `_refresh`). Each block's merged formats
are kept until a layer touching it changes, and `state()`/`restore()` hand all of it to another highlighter
on the same text: a comparison reopened draws its panes without merging a single piece again. On a fresh
text (none of our formats on it yet) such a whole-text drawing skips the pass: each block's layout gets its
merged formats directly, as the pass would leave them (`_layout_ranges`), and the document is marked changed
once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from time import perf_counter
from typing import NamedTuple

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument, QTextFormat, QTextLayout

#: Text-format property holding "kind1|kind2" for the layers covering a range.
KINDS_PROPERTY = int(QTextFormat.Property.UserProperty) + 17


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of code points in the stored text and what it stands for (a FormulaHit, a passage, …)."""

    start: int
    end: int
    payload: object = None


def as_marks(items: Iterable[object]) -> list[Mark]:
    """Accept Marks, (start, end) pairs or any object with `start`/`end` (kept as the payload)."""
    marks: list[Mark] = []
    for item in items:
        if isinstance(item, Mark):
            marks.append(item)
        elif isinstance(item, tuple):
            marks.append(Mark(int(item[0]), int(item[1]), item[2] if len(item) > 2 else None))
        else:
            marks.append(Mark(int(item.start), int(item.end), item))  # type: ignore[attr-defined]
    return [m for m in marks if m.end > m.start]


class Piece(NamedTuple):
    """Part of mark number `index` inside one block, in UTF-16 units relative to the block start."""

    start: int
    end: int
    fmt: QTextCharFormat
    index: int


class _Layer(NamedTuple):
    kind: str
    priority: int
    pieces: dict[int, list[Piece]]


#: A block's formats as `setFormat` takes them: (start, length, format), UTF-16 units in the block.
BlockFormats = list[tuple[int, int, QTextCharFormat]]


class HighlighterState(NamedTuple):
    """Everything a highlighter draws from, for a document with the same text (see `restore`)."""

    layers: dict[str, _Layer]
    formats: dict[int, BlockFormats]
    #: Start and end of every block (see SpanHighlighter._blocks).
    bounds: tuple[list[int], list[int]]
    #: The formats as each block's layout takes them (`layout_ranges`), made once, by the first `restore`
    #: that lays them directly or ahead of it while the app is idle, and kept for every later reopen.
    ranges: dict[int, list[QTextLayout.FormatRange]]


def layout_ranges(state: HighlighterState) -> dict[int, list[QTextLayout.FormatRange]]:
    """`state.ranges`, made now if they are not yet."""
    ranges = state.ranges
    if not ranges:
        starts, ends = state.bounds
        for number, formats in state.formats.items():
            if formats and number < len(starts):
                ranges[number] = _layout_ranges(formats, ends[number] - starts[number])
    return ranges


class SpanHighlighter(QSyntaxHighlighter):
    """Applies named layers of (Qt start, Qt end, format) ranges to a read-only document."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, _Layer] = {}
        #: The layers in drawing order (lowest priority first).
        self._ordered: list[_Layer] = []
        self._block_bounds: tuple[list[int], list[int]] = ([], [])
        self._block_size = (-1, -1)
        #: Blocks whose formats wait for the end of a `batch()`; None outside one.
        self._pending: set[int] | None = None
        #: Block number → its merged formats, as last computed (dropped when a layer on it changes).
        self._formats: dict[int, BlockFormats] = {}
        #: Blocks changed by a `batch(deferred=True)`, not redrawn yet (see `merge_some`, `redraw_deferred`).
        self._deferred: set[int] = set()
        #: No block of this text carries a format of ours yet (see `restore`).
        self._bare = True

    def kinds(self) -> list[str]:
        return list(self._layers)

    def set_layer(
        self, kind: str, ranges: Iterable[tuple[int, int, QTextCharFormat]], priority: int = 0
    ) -> None:
        """Replace layer `kind` with `ranges` (Qt positions; may cross blocks) and redraw what changed."""
        if "|" in kind or "#" in kind:
            raise ValueError(f"mark kind {kind!r} must not contain '|' or '#'")
        ranges = list(ranges)
        starts, ends = self._blocks() if ranges else ([], [])
        pieces: dict[int, list[Piece]] = {}
        for index, (start, end, fmt) in enumerate(ranges):
            number = max(0, bisect_right(starts, start) - 1)
            while number < len(starts) and starts[number] < end:
                base = starts[number]
                lo, hi = max(start, base) - base, min(end, ends[number]) - base
                if hi > lo:
                    pieces.setdefault(number, []).append(Piece(lo, hi, fmt, index))
                number += 1
        old = self._layers.get(kind)
        self._layers[kind] = _Layer(kind, priority, pieces)
        self._order_layers()
        self._changed(set(pieces) | (set(old.pieces) if old else set()))

    def clear_layer(self, kind: str) -> None:
        old = self._layers.pop(kind, None)
        if old is not None:
            self._order_layers()
            self._changed(set(old.pieces))

    def state(self) -> HighlighterState:
        return HighlighterState(dict(self._layers), dict(self._formats), self._blocks(), {})

    def restore(self, state: HighlighterState) -> None:
        """Draw `state` (taken from a highlighter on the same text) in one pass over the document.

        On a text that carries none of our formats yet (a reopened comparison's fresh pane), each formatted
        block's layout is given its formats directly, and the document is marked changed once: no
        `highlightBlock` call for each block of the text, half the CPU of a `rehighlight()`. The layouts
        then hold exactly what a pass would have set, and any later redraw of a block goes through
        `highlightBlock` as usual.
        """
        self._layers = dict(state.layers)
        self._formats = dict(state.formats)
        self._deferred.clear()
        self._order_layers()
        if self._pending is not None:
            self._pending |= set(range(self.document().blockCount()))
        elif self._bare:
            self._lay(state)
        else:
            self.rehighlight()

    def _lay(self, state: HighlighterState) -> None:
        self._lay_ranges(layout_ranges(state))

    def _lay_ranges(self, ranges: dict[int, list[QTextLayout.FormatRange]]) -> None:
        """Give each block in `ranges` its layout formats, then mark the document changed once (on a text
        that carries none of our formats: the other blocks have none to clear)."""
        document = self.document()
        for number, block_ranges in ranges.items():
            block = document.findBlockByNumber(number)
            if block.isValid():
                block.layout().setFormats(block_ranges)
        self._bare = not ranges
        document.markContentsDirty(0, document.characterCount())

    def forget_formats(self) -> None:
        """The text changed: block numbers mean other blocks now (and no block carries our formats)."""
        self._formats.clear()
        self._bare = True

    def _order_layers(self) -> None:
        self._ordered = sorted(self._layers.values(), key=lambda layer: layer.priority)

    def _blocks(self) -> tuple[list[int], list[int]]:
        """Start and end (Qt positions, the end before the block's separator) of every block, read once per
        text: finding a mark's blocks is then a bisection, not a walk over QTextBlocks."""
        document = self.document()
        size = (document.blockCount(), document.characterCount())
        if self._block_size != size:
            starts, ends = [], []
            block = document.begin()
            while block.isValid():
                starts.append(block.position())
                ends.append(block.position() + block.length() - 1)
                block = block.next()
            self._block_bounds, self._block_size = (starts, ends), size
        return self._block_bounds

    @contextmanager
    def batch(self, deferred: bool = False) -> Iterator[None]:
        """Set and clear several layers, then redraw each block they touch once (not once per layer).

        `deferred`: redraw nothing yet; the caller merges the blocks' formats in slices of bounded time
        (`merge_some`) and then redraws them in one pass (`redraw_deferred`), so that drawing a long text's
        layers never holds the GUI thread for long. Any redraw before that includes them.
        """
        if self._pending is not None:  # nested: the outer batch redraws
            yield
            return
        self._pending = set()
        try:
            yield
        finally:
            blocks, self._pending = self._pending, None
            if deferred:
                self._deferred |= blocks
            else:
                self._refresh(blocks)

    def merge_some(self, seconds: float) -> bool:
        """Merge the formats of deferred blocks for about `seconds`; True once every one is merged."""
        deadline = perf_counter() + seconds
        starts, ends = self._blocks()
        formats = self._formats
        for number in sorted(self._deferred):
            if number not in formats and number < len(starts):
                formats[number] = self._merged(number, ends[number] - starts[number])
                if perf_counter() > deadline:
                    return False
        return True

    def redraw_deferred(self) -> None:
        """Redraw the deferred blocks now (their formats merged or not)."""
        self._refresh(set())

    def _changed(self, blocks: set[int]) -> None:
        for number in blocks:
            self._formats.pop(number, None)
        if self._pending is None:
            self._refresh(blocks)
        else:
            self._pending |= blocks

    def _refresh(self, blocks: set[int]) -> None:
        blocks, self._deferred = blocks | self._deferred, set()
        if not blocks:
            return
        # Each rehighlightBlock() is an edit block of its own (the document announces a change, the layout
        # and the editor react), ~80 µs a call; rehighlight() formats every block in one edit block, ~10 µs
        # a block. Past one block in eight, one pass over the whole document is the cheaper.
        document = self.document()
        if len(blocks) * 8 > document.blockCount():
            if self._bare:  # a fresh text's first drawing: its formats go straight to the layouts
                self._lay_ranges(self._ranges_of(blocks))
            else:
                self.rehighlight()
            return
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def _ranges_of(self, blocks: set[int]) -> dict[int, list[QTextLayout.FormatRange]]:
        """The layout ranges of `blocks` (their formats merged now where a pass would merge them)."""
        starts, ends = self._blocks()
        formats, ranges = self._formats, {}
        for number in sorted(blocks):
            if number < len(starts):
                length = ends[number] - starts[number]
                merged = formats.get(number)
                if merged is None:
                    merged = formats[number] = self._merged(number, length) if self._ordered else []
                if merged:
                    ranges[number] = _layout_ranges(merged, length)
        return ranges

    def highlightBlock(self, text: str) -> None:
        if not self._ordered:  # setting a text formats every block; with no layer there is nothing to do
            return
        number = self.currentBlock().blockNumber()
        formats = self._formats.get(number)
        if formats is None:
            formats = self._formats[number] = self._merged(number, len(text))
        if formats:
            self._bare = False
        for start, length, fmt in formats:
            self.setFormat(start, length, fmt)

    def _merged(self, number: int, length: int) -> BlockFormats:
        """Block `number`'s formats: every layer's pieces on it, merged in drawing order."""
        covering = [(layer.kind, piece) for layer in self._ordered for piece in layer.pieces.get(number, ())]
        if len(covering) == 1:  # most blocks: one piece of one mark, nothing to merge
            kind, piece = covering[0]
            fmt = QTextCharFormat(piece.fmt)
            fmt.setProperty(KINDS_PROPERTY, f"{kind}#{piece.index}")
            return [(piece.start, piece.end - piece.start, fmt)]
        merged: BlockFormats = []
        cuts = sorted({0, length} | {p.start for _, p in covering} | {p.end for _, p in covering})
        for lo, hi in pairwise(cuts):
            kinds: list[str] = []
            fmt = QTextCharFormat()
            for kind, piece in covering:
                if piece.start <= lo and hi <= piece.end:
                    fmt.merge(piece.fmt)
                    kinds.append(f"{kind}#{piece.index}")
            if kinds:
                fmt.setProperty(KINDS_PROPERTY, "|".join(kinds))
                merged.append((lo, hi - lo, fmt))
        return merged


def _layout_ranges(formats: BlockFormats, length: int) -> list[QTextLayout.FormatRange]:
    """`formats` as a highlighting pass leaves them in a block of `length` UTF-16 units: cut at its end, and
    touching ranges of equal formats joined (`setFormat` formats characters; the layout gets runs)."""
    out: list[QTextLayout.FormatRange] = []
    for start, count, fmt in formats:
        end = min(start + count, length)
        if end <= start:
            continue
        last = out[-1] if out else None
        if last is not None and last.start + last.length == start and last.format == fmt:
            last.length = end - last.start
            continue
        made = QTextLayout.FormatRange()
        made.start, made.length, made.format = start, end - start, fmt
        out.append(made)
    return out
