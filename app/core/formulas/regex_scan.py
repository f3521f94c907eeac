"""`finditer` for rule expressions that start with a small class of literal characters, at literal speed.

`re` finds the next place where a pattern can start with a fast literal search when the pattern starts with
one fixed character, but tests every character of the text against the class when it starts with a class
(`[，,；;]…`): about 6 ns a character, some 17 ms per expression over the 3 M-character corpus whatever the
class holds. `finditer(rx, text)` runs one pattern per character of such a class (the class replaced by that
character) and merges their matches into exactly the matches of `rx.finditer(text)`: the leftmost match
that starts at or after the end of the last one (patterns that start with different characters never match
at one place, so the order is the same, and a pending match that now starts inside the last one is looked
for again from its end). Worth it for classes of a few characters (quotes, semicolons, sentence ends, list
commas); with a class of a dozen characters (measured: `[，,；;。！？!?\n：:]`) the plain scan is as fast, and
the rules keep calling `rx.finditer` there. A pattern may also start with a group of alternatives that
each are one such character or class, one of them maybe a capturing group of its own
(`(?:(?P<line>\n)|[。！？!?])…`): each character then gets the alternative it starts, the others' group kept as
one that never takes part, so that group numbers, names and spans stay those of `rx`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from heapq import heapify, heappop, heapreplace

#: Longest leading class split into one pattern per character (each costs a literal search of the text).
MAX_CLASS_CHARS = 6
#: What ends a clause (and so stands before the next one): clause and sentence ends, colons, line breaks.
CLAUSE_STARTS = frozenset("，,；;：:。！？!?\n")


def finditer(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)`, in order (each pattern here matches at least one character)."""
    known = _SPLIT.get(id(rx))  # (by identity: a cached call hashes the whole compiled pattern, ~1 µs a call)
    if known is None or known[0] is not rx:
        known = _SPLIT[id(rx)] = (rx, by_first_character(rx))
    parts = known[1]
    if parts is None:
        yield from rx.finditer(text)
        return
    heap = [(m.start(), k, m) for k, part in enumerate(parts) if (m := part.search(text)) is not None]
    heapify(heap)
    end = 0
    while len(heap) > 1:
        start, k, m = heap[0]
        if start >= end:
            yield m
            end = m.end()
            found = parts[k].search(text, end)
        else:  # it starts inside the match just taken: the next one from there
            found = parts[k].search(text, end)
        if found is None:
            heappop(heap)
        else:
            heapreplace(heap, (found.start(), k, found))
    if heap:  # one character left with matches (most texts have one or two of a class): its own scan, in C
        start, k, m = heap[0]
        pending = m if start >= end else parts[k].search(text, end)
        if pending is not None:
            yield pending
            yield from parts[k].finditer(text, pending.end())


#: `by_first_character` of each pattern `finditer` was given, by the pattern's id (the pattern kept with it).
_SPLIT: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], ...] | None]] = {}


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)` when `starts` (ascending) holds every place where `rx` can match:
    the leftmost match at or after the end of the last one is the first of those places where it matches."""
    end = 0
    match = rx.match
    for start in starts:
        if start >= end and (m := match(text, start)) is not None:
            yield m
            end = m.end()


@cache
def by_first_character(rx: re.Pattern[str]) -> tuple[re.Pattern[str], ...] | None:
    """`rx` as one pattern per character of the class it starts with (`[…]` or `([…])`, not repeated, or a
    group of alternatives, `_by_first_alternative`), or None when it does not start with a class of at most
    `MAX_CLASS_CHARS` plain characters (or it cannot be read)."""
    source = rx.pattern
    if source.startswith("(?:"):
        return _by_first_alternative(rx)
    at = 1 if source.startswith("([") else 0
    close = source.find("]", at + 2)
    if not source.startswith("[", at) or source.startswith("[^", at) or close < 0:
        return None
    chars = _class_characters(source[at : close + 1], rx.flags)
    if chars is None or not 1 < len(chars) <= MAX_CLASS_CHARS:
        return None
    rest = source[close + 1 :]
    after = rest[1:2] if at else rest[:1]  # a repeated class (`[，；]+`) is no single character
    if (at and not rest.startswith(")")) or after in ("*", "+", "?", "{"):
        return None
    parts = tuple(re.compile(source[:at] + re.escape(ch) + rest, rx.flags) for ch in chars)
    return parts if all(p.groups == rx.groups for p in parts) else None


#: One alternative of a leading group: a capturing group's opening (or ""), and its one character or class.
_ALTERNATIVE_RE = re.compile(r"(\((?:\?P<\w+>)?)?(\[[^\[\]\\]+\]|\\[nt]|[^\\()\[\]|?*+{}.^$])(?(1)\))")


def _by_first_alternative(rx: re.Pattern[str]) -> tuple[re.Pattern[str], ...] | None:
    """`by_first_character` of a pattern that opens with `(?:A|B|…)`, each alternative one character or a class
    of plain characters, at most one of them inside a capturing group (`(?P<line>\n)`), the group not repeated.
    The pattern of a character is that character (in the alternative's group, when it has one) and the rest of
    `rx`; where the character's alternative has no group but another has, that group follows the character as
    one that cannot match (`(?:(?P<line>(?!)))?`), so that every group keeps its number and name."""
    source = rx.pattern
    alternatives: list[tuple[str, list[str]]] = []  # (group opening or "", characters)
    at = 3
    while True:
        m = _ALTERNATIVE_RE.match(source, at)
        if m is None:
            return None
        one = m.group(2)
        chars = _class_characters(one if one.startswith("[") else f"[{one}]", rx.flags)
        if chars is None:
            return None
        alternatives.append((m.group(1) or "", chars))
        at = m.end()
        if source.startswith(")", at):
            break
        if not source.startswith("|", at):
            return None
        at += 1
    rest = source[at + 1 :]
    every = [ch for _g, chars in alternatives for ch in chars]
    groups = [g for g, _c in alternatives if g]
    if rest[:1] in ("*", "+", "?", "{") or len(groups) > 1 or len(set(every)) != len(every):
        return None
    if not 1 < len(every) <= MAX_CLASS_CHARS:
        return None
    idle = f"(?:{groups[0]}(?!)))?" if groups else ""  # the group, never taking part
    parts = tuple(
        re.compile((f"{opening}{re.escape(ch)})" if opening else re.escape(ch) + idle) + rest, rx.flags)
        for opening, chars in alternatives
        for ch in chars
    )
    same = all(p.groups == rx.groups and p.groupindex == rx.groupindex for p in parts)
    return parts if same else None


def _class_characters(text: str, flags: int) -> list[str] | None:
    """The characters of a character class written as `text`, when it lists plain characters only."""
    try:
        from re import _parser  # type: ignore[attr-defined]  (the parser `re.compile` uses)

        (op, items), *others = _parser.parse(text, flags & ~re.UNICODE).data
        if op is _parser.LITERAL:  # (a class of one character, `[a]`, is read as that character)
            op, items = _parser.IN, [(op, items)]
        if others or op is not _parser.IN or any(kind is not _parser.LITERAL for kind, _c in items):
            return None
    except (ImportError, AttributeError, ValueError, TypeError, re.error):
        return None
    chars = [chr(code) for _kind, code in items]
    return chars if len(set(chars)) == len(chars) else None


def clause_start(text: str, sep: int, shortest: int, longest: int) -> int:
    """Where the clause that ends at `sep` starts (after the `CLAUSE_STARTS` character before it), when it is
    `shortest`–`longest` characters long and not the text's first; −1 otherwise. Rules whose expressions start
    at the separator after a first clause (four literal searches instead of a class tried at every character)
    read that clause backwards with it."""
    start = sep
    while start > 0 and sep - start <= longest and text[start - 1] not in CLAUSE_STARTS:
        start -= 1
    return start if shortest <= sep - start <= longest and start > 0 else -1
