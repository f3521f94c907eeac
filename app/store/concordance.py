"""A formula across the library: concordance (KWIC), counts per year/speaker/genre, first use, non-users,
and a speeches × formulas table.

The database narrows the library to texts containing a wording once line breaks, quotes and list commas are
stripped (see `app.core.concordance.lookup_keys`); each remaining text is then matched exactly as the
reader marks it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, func, or_, select
from sqlalchemy.orm import Session

from app.core.concordance import (
    INSIDE_FORMULA,
    DocumentFacts,
    FormulaStats,
    FormulaTable,
    KwicLine,
    aggregate,
    entry_matcher,
    find_uses,
    formula_table,
    kwic,
    lookup_keys,
)
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry, match_key
from app.store.engine import Library
from app.store.models import Document
from app.store.records import DocumentFilter
from app.store.repository import list_documents

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_DOCUMENTS: Table = Document.__table__  # type: ignore[assignment]
_BATCH = 100


class ConcordanceCancelled(Exception):
    """The caller's `cancelled()` returned True."""


@dataclass(frozen=True, slots=True)
class Concordance:
    """Every use of one formula, with counts; `non_users` are the speeches of the period that never use it."""

    entry: FormulaEntry
    lines: tuple[KwicLine, ...]
    stats: FormulaStats
    documents: dict[int, DocumentFacts]
    non_users: tuple[DocumentFacts, ...]
    date_from: str
    date_to: str


def library_lexicon(library: Library) -> tuple[FormulaEntry, ...]:
    """The shipped lexicon with the user's own entries of this library merged over it."""
    from app.core.formulas.shipped import shipped_lexicon
    from app.store.lexicon import merged_lexicon

    with library.reader() as session:
        return merged_lexicon(session, shipped_lexicon().entries)


def resolve_entry(wording: str, entries: Sequence[FormulaEntry]) -> FormulaEntry:
    """The lexicon entry a wording belongs to (with all its variants), else a bare entry for the wording."""
    key = match_key(wording)
    for entry in entries:
        if any(match_key(form) == key for form, _status in entry.forms()):
            return entry
    return FormulaEntry(canonical=wording.strip())


def _facts(session: Session, ids: Collection[int]) -> dict[int, DocumentFacts]:
    c = _DOCUMENTS.c
    found: dict[int, DocumentFacts] = {}
    items = list(ids)
    for start in range(0, len(items), 500):
        statement = select(c.id, c.title, c.date, c.speaker, c.genre).where(
            c.id.in_(items[start : start + 500])
        )
        found.update({row[0]: DocumentFacts(*row) for row in session.execute(statement)})
    return found


def _stripped_text() -> ColumnElement[str]:
    expression: ColumnElement[str] = _DOCUMENTS.c.text
    for character in INSIDE_FORMULA:
        expression = func.replace(expression, character, "")
    return expression


def _candidates(session: Session, entry: FormulaEntry, within: Collection[int] | None) -> list[int]:
    """Documents whose text, without the characters a formula may have inside it, contains a wording.

    Done by the database (a few passes over the texts in C): matching every text in Python was 20× slower
    on a 10,000-speech library.
    """
    stripped = _stripped_text()
    dialect = session.get_bind().dialect.name
    conditions = []
    for key in lookup_keys(entry):
        if dialect == "sqlite":
            conditions.append(func.instr(stripped, key) > 0)
        elif dialect == "postgresql":
            conditions.append(func.strpos(stripped, key) > 0)
        else:
            conditions.append(stripped.contains(key, autoescape=True))
    if not conditions:
        return []
    statement = select(_DOCUMENTS.c.id).where(or_(*conditions)).order_by(_DOCUMENTS.c.id)
    ids = list(session.scalars(statement))
    if within is not None:
        allowed = set(within)
        ids = [d for d in ids if d in allowed]
    return ids


def _period(date_from: str, date_to: str) -> DocumentFilter:
    return DocumentFilter(date_from=date_from, date_to=date_to)


def formula_concordance(
    library: Library,
    entry: FormulaEntry,
    *,
    within: Collection[int] | None = None,
    date_from: str = "",
    date_to: str = "",
    width: int = 20,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Concordance:
    """Uses of `entry` in the library (or in `within`), limited to a period when one is given."""
    matcher = entry_matcher(entry)
    with library.reader() as session:
        candidates = _candidates(session, entry, within)
        if date_from or date_to:
            in_period = {d.id for d in list_documents(session, _period(date_from, date_to))}
            if within is not None:
                in_period &= set(within)
            candidates = [d for d in candidates if d in in_period]
        else:
            in_period = set()
    lines: list[KwicLine] = []
    uses: dict[int, int] = {}
    c = _DOCUMENTS.c
    for start in range(0, len(candidates), _BATCH):
        if cancelled is not None and cancelled():
            raise ConcordanceCancelled
        batch = candidates[start : start + _BATCH]
        with library.reader() as session:
            rows = session.execute(select(c.id, c.text).where(c.id.in_(batch))).all()
        for doc_id, text in sorted(rows):
            hits = find_uses(text or "", matcher)
            if hits:
                uses[doc_id] = len(hits)
                lines.extend(kwic(doc_id, text, hits, width))
        if progress is not None:
            progress(min(start + _BATCH, len(candidates)), len(candidates))
    with library.reader() as session:
        facts = _facts(session, set(uses) | in_period)
    non_users = sorted((facts[d] for d in in_period - set(uses)), key=lambda f: (f.date, f.id))
    lines.sort(key=lambda line: (facts[line.document_id].date or "~", line.document_id, line.start))
    return Concordance(
        entry, tuple(lines), aggregate(uses, facts), facts, tuple(non_users), date_from, date_to
    )


def speeches_by_formulas(
    library: Library,
    ids: Sequence[int],
    matcher: FormulaMatcher,
    *,
    limit: int | None = 40,
    cancelled: Cancelled | None = None,
) -> tuple[FormulaTable, dict[int, DocumentFacts]]:
    """The speeches × formulas table for the chosen speeches (rows in the given order)."""
    c = _DOCUMENTS.c
    with library.reader() as session:
        texts = dict(session.execute(select(c.id, c.text).where(c.id.in_(list(ids)))).all())
        facts = _facts(session, ids)
    if cancelled is not None and cancelled():
        raise ConcordanceCancelled
    ordered = [(doc_id, texts[doc_id] or "") for doc_id in ids if doc_id in texts]
    return formula_table(ordered, matcher, limit=limit), facts
