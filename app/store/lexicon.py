"""The user's own formula entries, kept in the library and merged over the shipped lexicon.

A user adds or edits an entry (stored whole, keyed by canonical text) or removes one (a shipped
formula leaves a `removed` marker, so that a new version of the shipped lexicon does not bring it
back). Everything callers see is `app.core.formulas.lexicon.FormulaEntry`; the TSV exchange format is
the one the shipped lexicon uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.formulas.lexicon import (
    FormulaEntry,
    LoadedLexicon,
    lexicon_to_tsv,
    merge_entries,
    parse_lexicon_tsv,
)
from app.store.models import UserLexiconEntry

if TYPE_CHECKING:
    from app.core.passages import FormulaOracle
    from app.store.engine import Library

_SEPARATOR = "|"


def _to_entry(row: UserLexiconEntry) -> FormulaEntry:
    return FormulaEntry(
        canonical=row.canonical,
        variants=tuple(v for v in row.variants.split(_SEPARATOR) if v),
        outdated=tuple(v for v in row.outdated.split(_SEPARATOR) if v),
        expansion=row.expansion,
        category=row.category,
        first_year=row.first_year,
        first_year_source=row.first_year_source,
        note=row.note,
    )


def _row(session: Session, canonical: str) -> UserLexiconEntry | None:
    return session.scalars(select(UserLexiconEntry).where(UserLexiconEntry.canonical == canonical)).first()


def _fill(row: UserLexiconEntry, entry: FormulaEntry) -> None:
    row.canonical = entry.canonical
    row.variants = _SEPARATOR.join(entry.variants)
    row.outdated = _SEPARATOR.join(entry.outdated)
    row.expansion = entry.expansion
    row.category = entry.category
    row.first_year = entry.first_year
    row.first_year_source = entry.first_year_source
    row.note = entry.note
    row.removed = False
    row.updated_at = datetime.now(UTC)


def list_user_entries(session: Session) -> list[FormulaEntry]:
    """The entries the user added or edited, by canonical text."""
    rows = session.scalars(
        select(UserLexiconEntry)
        .where(UserLexiconEntry.removed.is_(False))
        .order_by(UserLexiconEntry.canonical)
    )
    return [_to_entry(row) for row in rows]


def removed_formulas(session: Session) -> list[str]:
    """Canonical texts of shipped formulas the user removed."""
    rows = session.scalars(
        select(UserLexiconEntry.canonical)
        .where(UserLexiconEntry.removed.is_(True))
        .order_by(UserLexiconEntry.canonical)
    )
    return list(rows)


def save_entry(session: Session, entry: FormulaEntry, *, replacing: str | None = None) -> None:
    """Add an entry or replace one; `replacing` names the canonical text being edited (renames too)."""
    if replacing is not None and replacing != entry.canonical:
        old = _row(session, replacing)
        if old is not None:
            session.delete(old)
            session.flush()
        # the old name may be a shipped formula: keep it from reappearing next to the renamed one
        session.add(_removed_marker(replacing))
    row = _row(session, entry.canonical) or UserLexiconEntry()
    _fill(row, entry)
    session.add(row)
    session.flush()


def _removed_marker(canonical: str) -> UserLexiconEntry:
    marker = UserLexiconEntry()
    _fill(marker, FormulaEntry(canonical))
    marker.removed = True
    return marker


def remove_entry(session: Session, canonical: str) -> None:
    """Take a formula out of the user's lexicon, whether the user added it or it was shipped."""
    session.execute(delete(UserLexiconEntry).where(UserLexiconEntry.canonical == canonical))
    session.add(_removed_marker(canonical))
    session.flush()


def restore_entry(session: Session, canonical: str) -> None:
    """Undo the user's change to one formula: the shipped version (if any) applies again."""
    session.execute(delete(UserLexiconEntry).where(UserLexiconEntry.canonical == canonical))
    session.flush()


def merged_lexicon(session: Session, shipped: Iterable[FormulaEntry]) -> tuple[FormulaEntry, ...]:
    """The lexicon the user works with: shipped entries, overridden, extended and pruned by theirs."""
    return merge_entries(shipped, list_user_entries(session), removed_formulas(session))


def export_user_tsv(session: Session) -> str:
    """The user's entries as lexicon TSV (to share them, or to edit them in a spreadsheet)."""
    return lexicon_to_tsv(list_user_entries(session))


def import_user_tsv(session: Session, text: str) -> LoadedLexicon:
    """Save every loadable row of a lexicon TSV as a user entry; the bad rows come back as problems."""
    loaded = parse_lexicon_tsv(text)
    for entry in loaded.entries:
        save_entry(session, entry)
    return loaded


def save_entries(session: Session, entries: Sequence[FormulaEntry]) -> None:
    """Save several entries in one go (accepting discovered candidates)."""
    for entry in entries:
        save_entry(session, entry)


def library_formula_oracle(library: Library) -> FormulaOracle:
    """Formula coverage by the library's lexicon: the shipped one (already built, shared) unless the user
    added, edited or removed entries, in which case a matcher over the merged entries is built."""
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.shipped import formula_coverage, general_words, idioms, shipped_lexicon

    with library.reader() as session:
        if not list_user_entries(session) and not removed_formulas(session):
            return formula_coverage
        entries = merged_lexicon(session, shipped_lexicon().entries)
    return FormulaMatcher(entries, idioms=idioms(), common_words=general_words()).coverage
