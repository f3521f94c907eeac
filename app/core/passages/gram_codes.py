"""Texts as numpy gram codes (`vector_runs`): a gram of four characters is one 64-bit code (four 16-bit
code points), and a scanned text's grams sorted once.

`ScannedGrams` is what finding the runs of a pair needs of its scanned side, whatever the indexed side:
made once per document and kept (`engine.PreparedDocument.scanned`), it spares each further pair that
scans the document its sort (the compare view's matching pool scans a long document in several pairs).
"""

from __future__ import annotations

import numpy as np


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def gram_codes(points: np.ndarray, k: int) -> np.ndarray:
    count = len(points) - k + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    # shifted and or-ed in place: a long text's code arrays are megabytes, each one made anew is memory
    # the system hands over page by page
    wide = points.astype(np.uint64)
    codes = wide[:count].copy()
    for offset in range(1, k):
        codes <<= np.uint64(16)
        codes |= wide[offset : offset + count]
    return codes


class ScannedGrams:
    """A text's code points, and its gram positions sorted by gram: each distinct gram (`distinct`, in
    code order) once, with how many positions it has (`sizes`); `order` lists the positions gram by gram."""

    __slots__ = ("codes", "distinct", "k", "order", "points", "sizes", "text")

    def __init__(self, text: str, k: int) -> None:
        self.text, self.k = text, k
        self.points = code_points(text)
        self.codes = codes = gram_codes(self.points, k)  # in text order
        self.order = np.argsort(codes)
        ordered = codes[self.order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else self.order
        self.sizes = np.diff(np.r_[starts, len(ordered)])
        self.distinct = ordered[starts]
