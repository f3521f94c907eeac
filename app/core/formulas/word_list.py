"""A large, read-only word list kept as a few long strings instead of a set of 300k string objects.

jieba's general dictionary has ~337k words of 2–8 characters. As a `frozenset` it takes ~30 MB and
~0.3 s to build from any serialised form (one object and one hash per word). Here the words of each length
sit sorted in one string of fixed-width cells, so the list loads from the disk cache as a handful of
strings and membership is a binary search (about 18 slice comparisons, a few microseconds).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator


class _Cells:
    """The fixed-width cells of one length's string, as a sequence `bisect` can search."""

    __slots__ = ("text", "width")

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width

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
        at = bisect_left(cells, word)
        return at < len(cells) and cells[at] == word

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        for width in sorted(self._cells):
            cells = self._cells[width]
            yield from (cells[n] for n in range(len(cells)))


class LazyWordList:
    """A `WordList` obtained from `load` on first use (a matcher holds one; most uses never ask it)."""

    __slots__ = ("_load",)

    def __init__(self, load: Callable[[], WordList]) -> None:
        self._load = load

    def __contains__(self, word: object) -> bool:
        return word in self._load()

    def __len__(self) -> int:
        return len(self._load())

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())
