"""A pair's passages as plain tuples, the way a matching pool process hands them back (helper_pool)."""

from __future__ import annotations

from dataclasses import fields

from app.core.passages.model import AlignedSegment, PairSummary, Passage

#: A passage's fields in order, and where its alignment is among them.
_FIELDS = tuple(f.name for f in fields(Passage))
_ALIGNMENT = _FIELDS.index("alignment")
Packed = tuple[list[tuple[object, ...]], PairSummary]


def packed(found: tuple[list[Passage], PairSummary]) -> Packed:
    """A pair's passages as plain tuples (their fields, the alignment's segments as tuples too), the way
    they go back to the caller: pickling and unpickling ~2,500 frozen dataclasses field by field cost
    ~35 ms each way for the 8 congress reports, in the pool and then in the app's process; tuples
    about half."""
    passages, summary = found
    rows = []
    for p in passages:
        row = [getattr(p, name) for name in _FIELDS]
        row[_ALIGNMENT] = tuple((s.tag, s.a_start, s.a_end, s.b_start, s.b_end) for s in p.alignment)
        rows.append(tuple(row))
    return rows, summary


def unpacked(rows_and_summary: Packed) -> tuple[list[Passage], PairSummary]:
    """`packed`'s passages as they were."""
    rows, summary = rows_and_summary
    passages = []
    for row in rows:
        fields_ = list(row)
        fields_[_ALIGNMENT] = tuple([AlignedSegment(*s) for s in fields_[_ALIGNMENT]])  # type: ignore[attr-defined]
        passages.append(Passage(*fields_))  # type: ignore[arg-type]
    return passages, summary
