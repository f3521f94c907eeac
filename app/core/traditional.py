"""Traditional → simplified folding for matching: one character for one, the same for every text.

A Big5 speech from Hong Kong or Taiwan must match its simplified version, but its text is stored and
read as written. So only the normalised view folds it (`normalize` adds this table to its own), and
character for character, so that its offsets are the original's.

Why a character table, not OpenCC's phrase conversion run per document: folding must be the same for
both texts of a pair, or a passage that both quote in traditional characters would be folded in one and
not the other; and converting every text costs a third of the import time again. A table folds every
text alike at no cost, and detects traditional text by itself: it changes only characters that OpenCC
converts, which a simplified text does not use (`tests/core/test_traditional.py` checks that no
simplified corpus text changes). The few characters whose simplified form depends on the word (乾燥 →
干燥, 乾隆 stays) take their commonest form on both sides alike, which matching does not mind.

The table (`t2s_chars.tsv`) is made from OpenCC's `tw2s` conversion — Taiwan's variant forms back to
OpenCC's, then traditional to simplified — by `python3 -m app.core.traditional`; a test checks that it is
what OpenCC gives, so that OpenCC is needed to build it but not to run Duidu.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("t2s_chars.tsv")
#: Ideographs looked at: the unified block, extension A and the compatibility ideographs.
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


class Folding(StrEnum):
    """Whether matching folds traditional characters (`fold`, the default) or keeps them apart."""

    FOLD = "fold"
    KEEP = "keep"


_mode = Folding.FOLD


def set_folding(mode: Folding | str) -> None:
    """Set how `normalize` treats traditional characters in this process (the user's option)."""
    global _mode
    _mode = Folding(mode)


def folding() -> Folding:
    return _mode


@cache
def traditional_table() -> dict[int, str]:
    """Code point of each traditional character → its simplified character."""
    table: dict[int, str] = {}
    for line in TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, target = line.split("\t")
            table[ord(source)] = target
    return table


def build_table() -> dict[int, str]:
    """The table from OpenCC (needs the `opencc` package): each ideograph whose `tw2s` conversion, on its
    own, is one other character."""
    import opencc

    converter = opencc.OpenCC("tw2s")
    chars = [chr(code) for low, high in _RANGES for code in range(low, high + 1)]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise RuntimeError("OpenCC joined or split lines; cannot build the table")
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if len(b) == 1 and b != a}


def write_table(path: Path = TABLE_PATH) -> int:
    table = build_table()
    lines = ["# traditional → simplified, one character each: built by `python3 -m app.core.traditional`"]
    lines += [f"{chr(code)}\t{target}" for code, target in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(table)


if __name__ == "__main__":
    print(f"wrote {write_table()} characters to {TABLE_PATH}")
