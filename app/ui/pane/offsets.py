"""The one place that converts core code-point offsets to Qt's UTF-16 positions and back.

Every span in Duidu counts code points, while QTextDocument, QTextCursor and QTextLayout count UTF-16
units: a character outside the BMP (𠀋, U+2000B) is one code point but two Qt positions. Converting
anywhere else would shift every mark after such a character by one, so widgets only ever call this module.

Most speeches are BMP-only; then both directions are the identity and cost nothing. Otherwise we keep the
code-point index of each astral character and bisect into it, which is exact and O(log n) per lookup.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class OffsetMap:
    """Converts positions for one text; build it once per text and reuse it for every span."""

    __slots__ = ("_astral", "_astral_qt", "code_point_length", "qt_length")

    def __init__(self, text: str) -> None:
        self.code_point_length = len(text)
        # UTF-16 length == code points ⇔ no astral character: a C-speed test (max() over a long speech took
        # milliseconds per pane).
        if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
            self._astral: list[int] = []
            self._astral_qt: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ch > "\uffff"]
            # Qt position of the high surrogate of the i-th astral character.
            self._astral_qt = [cp + i for i, cp in enumerate(self._astral)]
        self.qt_length = self.code_point_length + len(self._astral)

    @property
    def is_bmp(self) -> bool:
        """True when code points and UTF-16 units coincide (the fast path)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point `offset` (0 ≤ offset ≤ len(text))."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_core(self, position: int) -> int:
        """Code-point offset of Qt `position`; a position inside a surrogate pair rounds down to its char."""
        if not self._astral:
            return position
        return position - bisect_left(self._astral_qt, position)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_to_core(self, start: int, end: int) -> tuple[int, int]:
        """Code-point span of a Qt range; an end inside a surrogate pair is widened to cover the char."""
        core_end = self.to_core(end)
        if self._astral and self.to_qt(core_end) < end:
            core_end += 1
        return self.to_core(start), core_end

    def spans_to_qt(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        return [self.span_to_qt(s, e) for s, e in spans]


def utf16_length(text: str) -> int:
    """Length of `text` as Qt counts it."""
    return len(text) + sum(1 for ch in text if ch > "\uffff")
