"""A large, read-only word list kept as a few long strings instead of a set of 300k string objects.

jieba's general dictionary has ~337k words of 2–8 characters. As a `frozenset` it takes ~30 MB and
~0.3 s to build from any serialised form (one object and one hash per word). Here the words of each length
sit sorted in one string of fixed-width cells, so the list loads from the disk cache as a handful of
strings and membership is a binary search over every 32nd word, then a substring search (about a microsecond).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator

#: Cells per block of `_Cells.holds`: one cell in this many is kept as a string, to find a word's block.
_BLOCK = 32


class _Cells:
    """The fixed-width cells of one length's string, as a sequence `bisect` can search."""

    __slots__ = ("fence", "text", "width")

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width
        self.fence: list[str] | None = None

    def holds(self, word: str) -> bool:
        """Whether a word of this width is a cell: a binary search over the first cell of each block (in C,
        on a list of strings) and a substring search inside the block, instead of ~18 Python-level cell
        reads (a third of the time a formula scan spends asking the general dictionary)."""
        fence = self.fence
        if fence is None:  # built on first use: 4,700 strings for the largest width
            step = _BLOCK * self.width
            fence = self.fence = [self.text[at : at + self.width] for at in range(0, len(self.text), step)]
        block = bisect_right(fence, word) - 1
        if block < 0:
            return False
        low = block * _BLOCK * self.width
        high = low + _BLOCK * self.width
        at = self.text.find(word, low, high)
        while at >= 0 and (at - low) % self.width:  # a match across two cells is no cell
            at = self.text.find(word, at + 1, high)
        return at >= 0

    def __len__(self) -> int:
        return len(self.text) // self.width

    def __getitem__(self, n: int) -> str:
        return self.text[n * self.width : (n + 1) * self.width]


class WordList:
    """An immutable collection of words (`in`, `len`, iteration in sorted order per length)."""

    __slots__ = ("_cells", "_size")

    def __init__(self, words: Iterable[str]) -> None:
        by_length: dict[int, list[str]] = {}
        for word in set(words):
            if word:
                by_length.setdefault(len(word), []).append(word)
        self._cells = {n: _Cells("".join(sorted(ws)), n) for n, ws in by_length.items()}
        self._size = sum(len(ws) for ws in by_length.values())

    def to_strings(self) -> dict[int, str]:
        """The serialised form: word length → the sorted words of that length, concatenated."""
        return {n: cells.text for n, cells in self._cells.items()}

    @classmethod
    def from_strings(cls, strings: dict[int, str]) -> WordList:
        """Rebuild from `to_strings` output (checked: each string a whole number of cells)."""
        words = cls(())
        for width, text in strings.items():
            if not isinstance(width, int) or width < 1 or not isinstance(text, str) or len(text) % width:
                raise ValueError("not a word list")
            words._cells[width] = _Cells(text, width)
        words._size = sum(len(cells) for cells in words._cells.values())
        return words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        cells = self._cells.get(len(word))
        if cells is None:
            return False
        return cells.holds(word)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        for width in sorted(self._cells):
            cells = self._cells[width]
            yield from (cells[n] for n in range(len(cells)))


class LazyWordList:
    """A `WordList` obtained from `load` on first use (a matcher holds one; most uses never ask it), and kept:
    a formula scan asks it ~30 times a text, and each `load` call takes a lock."""

    __slots__ = ("_load", "_words")

    def __init__(self, load: Callable[[], WordList]) -> None:
        self._load = load
        self._words: WordList | None = None

    def _loaded(self) -> WordList:
        words = self._words
        if words is None:  # (two threads may both load: `load` returns the one cached list)
            words = self._words = self._load()
        return words

    def __contains__(self, word: object) -> bool:
        words = self._words
        return word in (self._loaded() if words is None else words)

    def __len__(self) -> int:
        return len(self._loaded())

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())
