"""Inflected lexicon wordings: a formula written with a character or two added or dropped.

Speakers bend long formulas (把论文写在祖国大地上 → 把论文书写在祖国的大地上), so exact matching misses them.
A wording of n characters with at most k insertions or deletions (k = 1 from `MIN_CHARS`, 2 from
`MIN_CHARS_TWO_EDITS`) keeps one of k + 1 pieces intact (pigeonhole), so an automaton of the pieces proposes
places and an Indel distance over the few stretches that start and end like the wording confirms them.
Substitutions are not allowed: one changed character is how a wording becomes outdated or wrong (领导一切
for 协调各方), which the lexicon lists explicitly. Places the exact matches already cover are skipped, so
the extra cost falls on text without formulas.
"""

from __future__ import annotations

from collections import Counter

import ahocorasick
from rapidfuzz.distance import Indel, LCSseq

#: Shortest wording matched with one edit, and with two.
MIN_CHARS = 8
MIN_CHARS_TWO_EDITS = 12
#: Shortest piece (shorter pieces match everywhere and cost more than they find).
_MIN_PIECE = 4
#: A piece contained in more wordings than this is not used to propose places.
_MAX_OWNERS = 2


def allowed_edits(length: int) -> int:
    return 2 if length >= MIN_CHARS_TWO_EDITS else 1 if length >= MIN_CHARS else 0


#: (piece, its length, the longest wording it belongs to, (wording index, offset) pairs) — plain data, so
#: that a matcher holding them pickles into the lexicon cache without new classes.
Piece = tuple[str, int, int, tuple[tuple[int, int], ...]]


def pieces_of(keys: dict[int, str]) -> list[Piece]:
    """Pieces of the wordings long enough to be matched with edits. They go into the lexicon's own
    automaton (a second scan of the text would cost as much as the lexicon scan itself), which reports
    their ends back to `matches`."""
    by_piece: dict[str, list[tuple[int, int]]] = {}
    for index, key in keys.items():
        edits = allowed_edits(len(key))
        if not edits or len(key) // (edits + 1) < _MIN_PIECE:
            continue
        size = len(key) // (edits + 1)
        for p in range(edits + 1):
            offset = p * size
            piece = key[offset : offset + size] if p < edits else key[offset:]
            by_piece.setdefault(piece, []).append((index, offset))
    # A piece inside more wordings than this (社会主义, 中国特色, 马克思主义) proposes places all over every
    # formula-dense text; the other pieces of its wordings propose theirs.
    containing: Counter[str] = Counter()
    if by_piece:
        automaton = ahocorasick.Automaton()
        for piece in by_piece:
            automaton.add_word(piece, piece)
        automaton.make_automaton()
        for key in set(keys.values()):
            containing.update({piece for _end, piece in automaton.iter(key)})
    return [
        (piece, len(piece), max(len(keys[i]) for i, _o in owners), tuple(owners))
        for piece, owners in by_piece.items()
        if containing[piece] <= _MAX_OWNERS
    ]


def matches(
    keys: dict[int, str],
    pieces: list[Piece],
    normalised: str,
    covered: bytearray,
    piece_ends: list[tuple[int, int]],
) -> list[tuple[int, int, int]]:
    """(start, end, key index) of inflected occurrences in a normalised text, from the (end, piece number)
    pairs the automaton found; `covered` holds, per character, the length of the exact match over it
    (capped at 255), so that places an exact match at least as long as a wording covers are not tried."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    tried: set[tuple[int, int]] = set()
    size = len(normalised)
    for end, number in piece_ends:
        _piece, length, longest, owners = pieces[number]
        piece_start = end + 1 - length
        if covered[piece_start] >= longest:
            continue  # inside an exact match at least as long as every wording with this piece
        for index, offset in owners:
            key = keys[index]
            if covered[piece_start] >= len(key):
                continue
            edits = allowed_edits(len(key))
            origin = piece_start - offset
            if (index, origin) in tried:
                continue
            tried.add((index, origin))
            # no stretch starts with the wording's first character, or ends with its last, where
            # `_best_stretch` looks: nine places in ten, told without the call
            low, high = max(0, origin - edits), min(size, origin + edits + 1)
            if low >= high or key[0] not in normalised[low:high]:
                continue
            length = len(key)
            if key[-1] not in normalised[low + length - edits - 1 : min(size, high - 1 + length + edits)]:
                continue
            best = _best_stretch(normalised, key, origin, edits, size)
            if best is not None:
                start, stop, distance = best
                old = found.get((start, stop))
                if old is None or distance < old[1]:
                    found[(start, stop)] = (index, distance)
    return [(s, e, i) for (s, e), (i, d) in found.items() if d > 0]


def _best_stretch(text: str, key: str, origin: int, edits: int, size: int) -> tuple[int, int, int] | None:
    """The stretch near `origin` that starts and ends like `key` and is closest to it within `edits`."""
    # Any stretch within `edits` keeps len(key) - edits of the wording's characters in order, and so does the
    # window holding every stretch tried below: one C call rules out most places the loops would try.
    window = text[max(0, origin - edits) : min(size, origin + len(key) + 2 * edits)]
    if not LCSseq.similarity(key, window, score_cutoff=len(key) - edits):
        return None
    best = None
    first, last = key[0], key[-1]
    for start in range(max(0, origin - edits), min(size, origin + edits + 1)):
        if text[start] != first:
            continue
        for stop in range(start + len(key) - edits, min(size, start + len(key) + edits) + 1):
            if text[stop - 1] != last:
                continue
            distance = Indel.distance(key, text[start:stop], score_cutoff=edits)
            # only additions or only omissions: a changed character (one of each) is another wording
            pure = distance == abs(stop - start - len(key))
            if distance <= edits and pure and (best is None or distance < best[2]):
                best = (start, stop, distance)
    return best
