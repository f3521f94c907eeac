"""The ahocorasick-rs scanner over a lexicon automaton's keys (optional: pyahocorasick scans without it)."""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

#: The scan's byte encoding: two bytes for every character of the Basic Multilingual Plane, so that a byte
#: offset is twice a character offset.
_UNITS = "utf-16-le"
#: A character beyond the Basic Multilingual Plane (two UTF-16 units), and the one unit that stands for it in a
#: scan: U+FFFF is a noncharacter, in no key (`rust_scanner` checks), so no match runs through it either way.
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_STAND_IN = "\uffff"


def rust_scanner(automaton: ahocorasick.Automaton) -> tuple[Any, list[int]] | bool:
    """An ahocorasick-rs automaton over the keys of `automaton` (as UTF-16 bytes) and each key's value, or
    False when the package is missing (the pyahocorasick automaton then scans, with the same result)."""
    try:
        import ahocorasick_rs
    except ImportError:
        return False
    keys = list(automaton.keys())
    if not keys or any(_BEYOND_BMP.search(key) or _STAND_IN in key for key in keys):
        return False  # (no lexicon key has such a character: the stand-in below would hide it)
    values = [automaton.get(key) for key in keys]
    # a contiguous NFA: same matches as a DFA, which scans a text alone faster, but inside a formula scan
    # (where the rules' work evicts its tables from the caches between texts) takes 0.22 s over the corpus
    # against the NFA's 0.14 s, since the curated lexicon (issue 14) made the automaton larger.
    # Over UTF-16 bytes, not str: a str is scanned as UTF-8 (three bytes a Chinese character, encoded anew for
    # every fresh text) and its byte offsets mapped back to characters; UTF-16 is a copy of the text's own
    # two-byte form, and its offsets halve to character offsets (0.10 against 0.13 s over the corpus).
    scanner = ahocorasick_rs.BytesAhoCorasick(
        [key.encode(_UNITS) for key in keys],
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )
    return scanner, values


def scan_spans(scanner: tuple[Any, list[int]], text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every key in `text`, overlapping ones too, in character offsets, in any order.
    A character beyond the Basic Multilingual Plane is scanned as one stand-in unit, so offsets still halve."""
    automaton, values = scanner
    data = text.encode(_UNITS, "surrogatepass")
    if len(data) != 2 * len(text):
        data = _BEYOND_BMP.sub(_STAND_IN, text).encode(_UNITS, "surrogatepass")
    found = automaton.find_matches_as_indexes(data, overlapping=True)
    # a match at an odd byte offset joins the halves of two characters: no key of whole characters is there
    return [(start >> 1, end >> 1, values[k]) for k, start, end in found if not start & 1]
