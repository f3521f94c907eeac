"""The normalised view used for matching, with an offset map back to the stored text.

Matching must not care about full/half width, quote styles, punctuation variants, whitespace or line
breaks, but every result must be shown in the original text. So normalisation only ever maps one
original character to at most one normalised character (or drops it), and records where each
normalised character came from.

Traditional characters fold to simplified ones (one for one, the same in every text; see
`app.core.traditional`) unless the user's option keeps them apart: a Big5 speech matches its simplified
version while its own text is shown as written.

Redaction markers (`**`, `***`, `××`, `XX`, `□□`, `某某`) are never deleted — deleting them would fuse
`在**县调研` into `在县调研` and invent shared text — and never matched as text: each run becomes one
`REDACTION` character that matchers treat as a hard boundary.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import Any

from app.core.traditional import Folding, folding, traditional_table

#: Stands for one run of redaction markers in the normalised view; matchers must break on it.
REDACTION = "\ufffc"
_DROP = "\x00"

#: A folded text without any of these has no redaction to mark (cheap to test; the expression is not).
_REDACTION_MARKERS = ("**", "××", "xx", "□□", "■■", "某某")
_REDACTION_RE = re.compile(r"\*{2,}|×{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|□{2,}|■{2,}|某某")

# Canonical punctuation: one character for each family of variants.
_PUNCT_FAMILIES = {
    '"': "\"'“”‘’「」『』〝〞〟＂＇﹁﹂﹃﹄‚„‹›«»",
    ",": ",，﹐､",
    "、": "、﹑",
    "。": "。｡",
    ".": ".．",
    ";": ";；﹔",
    ":": ":：﹕",
    "!": "!！﹗",
    "?": "?？﹖",
    "(": "(（﹙",
    ")": ")）﹚",
    "[": "[［【〔〖",
    "]": "]］】〕〗",
    "<": "<＜《〈",
    ">": ">＞》〉",
    "-": "-－‐‑‒–—―─━﹘﹣",
    "…": "…⋯",
    "·": "·・•‧∙",
    "/": "/／",
    "~": "~～〜",
}
#: Canonical punctuation removed when the caller matches across punctuation differences.
PUNCTUATION = frozenset(_PUNCT_FAMILIES) - {"."}
_WHITESPACE = (
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)


def _build_tables(traditional: bool) -> tuple[dict[int, str], dict[int, str]]:
    fold: dict[int, str] = dict(traditional_table()) if traditional else {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII → ASCII
        fold[code] = chr(code - 0xFEE0)
    for code in range(ord("A"), ord("Z") + 1):
        fold[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        fold[code] = chr(code - 0xFF21 + ord("a"))
    for canonical, variants in _PUNCT_FAMILIES.items():
        for ch in variants:
            fold[ord(ch)] = canonical
    for ch in _WHITESPACE:
        fold[ord(ch)] = _DROP
    drop_punct = dict(fold)
    for code, value in fold.items():
        if value in PUNCTUATION:
            drop_punct[code] = _DROP
    for ch in PUNCTUATION:
        drop_punct[ord(ch)] = _DROP
    return fold, drop_punct


@cache
def _tables(traditional: Folding) -> tuple[dict[int, str], dict[int, str]]:
    """(fold keeping punctuation, fold dropping it) for a traditional-folding setting; built on first use."""
    return _build_tables(traditional is Folding.FOLD)


def _table(keep_punctuation: bool, traditional: Folding | None) -> dict[int, str]:
    keep, drop = _tables(folding() if traditional is None else Folding(traditional))
    return keep if keep_punctuation else drop


@dataclass(frozen=True, slots=True)
class NormalizedView:
    """A normalised string plus, for each of its characters, the original offset it came from."""

    text: str
    #: a list, or with `normalize(compact=True)` an `array('q')` (indexing, slicing, `len` and `bisect` alike)
    offsets: list[int] | array[int]
    #: original start → original end, for each redaction run (its one REDACTION char spans them all)
    redaction_ends: dict[int, int]
    original_length: int

    def __len__(self) -> int:
        return len(self.text)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open range to the smallest original range that covers it."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of length {len(self.text)}")
        o_start = self.offsets[start]
        last = self.offsets[end - 1]
        o_end = self.redaction_ends.get(last, last + 1) if self.text[end - 1] == REDACTION else last + 1
        return o_start, o_end

    def normalised_index(self, original: int) -> int:
        """Index of the first normalised character at or after original offset `original`."""
        return bisect_right(self.offsets, original - 1)

    def normalised_span(self, start: int, end: int) -> tuple[int, int]:
        """Map an original half-open range to the normalised characters that lie inside it."""
        return self.normalised_index(start), self.normalised_index(end)


def fold_char(ch: str, *, keep_punctuation: bool = True, traditional: Folding | None = None) -> str:
    """The normalised form of one character ('' when it is dropped); the rule `normalize` applies."""
    out = ch.translate(_table(keep_punctuation, traditional))
    return "" if out == _DROP else out


def normalize(
    text: str, *, keep_punctuation: bool = True, traditional: Folding | None = None, compact: bool = False
) -> NormalizedView:
    """Build the normalised view of a stored text.

    With `keep_punctuation=False` punctuation is dropped too, so that matches run across commas,
    quotes and full stops that one speech has and the other has not. `traditional` overrides the
    process's traditional-folding option (`app.core.traditional.set_folding`; folding by default).
    With `compact=True` the offsets of a text folded with numpy are an `array('q')`, for callers that only
    index, slice or bisect them (the formula scan): no int object per character (a list of them is most of
    `normalize`'s time), but an array never equals a list.
    """
    vectorised = _vectorised(len(text))
    folded, redaction_ends = _fold(
        text, keep_punctuation, _translate_vectorised if vectorised else _translate, traditional
    )
    if _DROP in folded:
        # positions of the kept characters at C speed: in the Latin-1 bytes only a dropped character is
        # zero (every other one encodes as itself or as "?"), so `compress` keeps the rest (twice as fast)
        kept = folded.encode("latin-1", "replace")
        offsets = (
            _nonzero_positions(kept) if compact and vectorised else list(compress(range(len(folded)), kept))
        )
        normalised = folded.replace(_DROP, "")
    else:
        offsets = list(range(len(folded)))
        normalised = folded
    return NormalizedView(normalised, offsets, redaction_ends, len(text))


def _nonzero_positions(data: bytes) -> array[int]:
    """Positions of the non-zero bytes, as an array of 64-bit ints (found by numpy, copied once)."""
    import numpy as np

    return array(
        "q", np.flatnonzero(np.frombuffer(data, dtype=np.uint8)).astype(np.int64, copy=False).tobytes()
    )


#: `normalize` folds with numpy (`_translate_vectorised`, eight times faster than `_translate` on Chinese text)
#: once numpy is loaded (texts from `VECTOR_LOADED_CHARS` on: below, its per-call overhead costs more than it
#: saves), or once this process has folded `VECTOR_IMPORT_CHARS` without it: numpy's import (~0.1 s) is then
#: paid back by the next texts of a scan, while one `duidu formulas FILE` never imports it. The folded text
#: is the same either way.
VECTOR_LOADED_CHARS = 500
VECTOR_IMPORT_CHARS = 2_000_000
_folded_without_numpy = 0


def _numpy_loaded() -> bool:
    return "numpy" in sys.modules


def _vectorised(size: int) -> bool:
    global _folded_without_numpy
    if size < VECTOR_LOADED_CHARS:
        return False
    if _numpy_loaded():
        return True
    _folded_without_numpy += size  # (a race between threads only miscounts a little)
    return _folded_without_numpy >= VECTOR_IMPORT_CHARS


def normalized_text(text: str, *, keep_punctuation: bool = True, traditional: Folding | None = None) -> str:
    """`normalize(text).text` without the offset map, which costs more to build than the folding itself:
    for callers that never map back to the original (fingerprinting every imported speech).

    Folds with a numpy lookup table, ten times faster than `str.translate` on Chinese text; numpy is
    imported here only, so that the GUI's start (which normalises too) does not pay for it.
    """
    return _fold(text, keep_punctuation, _translate_vectorised, traditional)[0].replace(_DROP, "")


class HasRedactions(Exception):
    """Raised by `normalized_pieces` for a text with redaction markers, which normalise across its pieces."""


def normalized_pieces(
    text: str,
    *,
    keep_punctuation: bool = True,
    piece_chars: int = 1 << 20,
    traditional: Folding | None = None,
) -> Iterator[str]:
    """`normalized_text(text)` a piece at a time (their concatenation is it), each from `piece_chars` of `text`,
    so that a long text's folded and normalised views are never whole in memory. Raises `HasRedactions` once
    a redaction marker shows (also across two pieces): such a text needs `normalized_text`."""
    last = ""
    for start in range(0, len(text), piece_chars):
        folded = _translate_vectorised(text[start : start + piece_chars], keep_punctuation, traditional)
        if any(marker in folded or marker == last + folded[:1] for marker in _REDACTION_MARKERS):
            raise HasRedactions
        last = folded[-1:]
        yield folded.replace(_DROP, "")


def _translate_vectorised(text: str, keep_punctuation: bool, traditional: Folding | None = None) -> str:
    """`text.translate(table)` through a code point → code point array (every table maps a BMP character
    to one character); code points beyond the BMP are never folded and pass through."""
    import numpy as np

    table = _lookup_array(keep_punctuation, folding() if traditional is None else Folding(traditional))
    pieces = []
    for start in range(0, len(text), _FOLD_CHUNK):  # a piece at a time: 4-byte arrays of a whole 20-million-
        codes = np.frombuffer(  # character text would take several times its size in memory
            text[start : start + _FOLD_CHUNK].encode("utf-32-le", "surrogatepass"), dtype=np.uint32
        )
        if codes.size and codes.max() < len(table):  # nearly always: one lookup, no mask
            folded = table[codes]
        else:
            folded = np.where(codes < len(table), table[np.minimum(codes, len(table) - 1)], codes)
        pieces.append(folded.tobytes().decode("utf-32-le", "surrogatepass"))
    return "".join(pieces)


#: Characters folded per numpy pass (each character maps on its own, so pieces join up exactly).
_FOLD_CHUNK = 1 << 20


@cache
def _lookup_array(keep_punctuation: bool, traditional: Folding) -> Any:
    import numpy as np

    table = _table(keep_punctuation, traditional)
    assert all(code < 0x10000 and len(value) == 1 for code, value in table.items())
    array = np.arange(0x10000, dtype=np.uint32)
    for code, value in table.items():
        array[code] = ord(value)
    return array


#: Stands, in `kept_characters`, for an original character the normalised view leaves out.
DROPPED = _DROP


def kept_characters(text: str, *, keep_punctuation: bool = True) -> str:
    """`text` folded character for character, `DROPPED` where `normalize` leaves a character out.

    The normalised view's characters stand at their original offsets, so how many of them a span holds is
    a `str.count` of `DROPPED` (C speed), without the offset list `normalize` builds (the compare view's
    shared ratios of a cached comparison spent most of their time building those lists).
    """
    return _fold(text, keep_punctuation)[0]


def redaction_runs(text: str) -> dict[int, int]:
    """Start → end of each redaction run in `text`, as `normalize(text).redaction_ends` has them, without
    building the offset map (a reading pane marks redactions of every text it shows; most have none, which
    a scan for the characters that fold to a redaction marker tells without folding the text)."""
    if not any(ch in text for ch in _redaction_sources()):
        return {}
    return _fold(text, True)[1]


@cache
def _redaction_sources() -> frozenset[str]:
    """Every character that folds (punctuation kept) to one that redaction markers are made of."""
    markers = set("*×xX□■某")
    return frozenset(
        {chr(code) for code, folded in _table(True, None).items() if folded and markers & set(folded)}
        | markers
    )


#: Characters a process folds with plain `str.translate` (per setting) before `_sparse_table` is built:
#: building it costs ~5 ms (a 4,400-character class compiled), which its faster folding (~0.05 µs a
#: character saved) repays after ~100,000 characters. A comparison of two short files never builds it; a
#: long run loses at most the ~2.5 ms of folding the first characters slowly.
SPARSE_AFTER = 50_000
_plain_left: dict[tuple[bool, Folding], int] = {}


def _translate(text: str, keep_punctuation: bool, traditional: Folding | None = None) -> str:
    """`text.translate(table)`, but only the characters that change are looked up.

    `str.translate` looks every character up in the table's dict (about 0.1 µs each on Chinese text,
    a fifth of a formula scan); about one character in nine changes, so finding those with one regular
    expression and joining the unchanged runs around their folded forms gives the same string 2–3× faster.
    The first `SPARSE_AFTER` characters of a process are folded by `str.translate` itself (same string).
    """
    setting = folding() if traditional is None else Folding(traditional)
    left = _plain_left.get((keep_punctuation, setting), SPARSE_AFTER)
    if len(text) < left:
        _plain_left[keep_punctuation, setting] = left - len(text)
        return text.translate(_tables(setting)[0 if keep_punctuation else 1])
    _plain_left[keep_punctuation, setting] = 0
    changes, folded_of = _sparse_table(keep_punctuation, setting)
    found = changes.findall(text)
    if not found:
        return text
    out = [""] * (2 * len(found) + 1)
    out[0::2] = changes.split(text)
    out[1::2] = list(map(folded_of.__getitem__, found))
    return "".join(out)


@cache
def _sparse_table(keep_punctuation: bool, traditional: Folding) -> tuple[re.Pattern[str], dict[str, str]]:
    """A character class of the characters the table changes, and their folded forms (built on first use)."""
    keep, drop = _tables(traditional)
    table = keep if keep_punctuation else drop
    changed = sorted(chr(code) for code, value in table.items() if chr(code) != value)
    pattern = re.compile("[" + "".join(map(re.escape, changed)) + "]") if changed else re.compile("(?!)")
    return pattern, {chr(code): value for code, value in table.items()}


def _fold(
    text: str,
    keep_punctuation: bool,
    translate: Callable[[str, bool, Folding | None], str] = _translate,
    traditional: Folding | None = None,
) -> tuple[str, dict[int, int]]:
    """Each original character folded to its normalised form or `_DROP` (same length as `text`), with
    each redaction run's first character made `REDACTION`; and the original span of each run."""
    folded = translate(text, keep_punctuation, traditional)
    redaction_ends: dict[int, int] = {}
    # (a marker's first character alone is found faster: most texts have none of them, and fail there)
    if any(marker[0] in folded and marker in folded for marker in _REDACTION_MARKERS):
        pieces: list[str] = []
        last = 0
        for match in _REDACTION_RE.finditer(folded):
            start, end = match.span()
            pieces.append(folded[last:start])
            pieces.append(REDACTION + _DROP * (end - start - 1))
            redaction_ends[start] = end
            last = end
        pieces.append(folded[last:])
        folded = "".join(pieces)
    return folded, redaction_ends


_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))


def is_han(ch: str) -> bool:
    """True for CJK ideographs, including the extension planes (𠀋 is U+2000B)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _HAN_RANGES)
