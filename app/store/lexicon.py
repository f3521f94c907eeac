"""The user's own formula entries, kept in the library and merged over the shipped lexicon.

A user adds or edits an entry (stored whole, keyed by canonical text) or removes one (a shipped
formula leaves a `removed` marker, so that a new version of the shipped lexicon does not bring it
back). Everything callers see is `app.core.formulas.lexicon.FormulaEntry`; the TSV exchange format is
the one the shipped lexicon uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.formulas.lexicon import (
    FormulaEntry,
    LoadedLexicon,
    lexicon_to_tsv,
    parse_lexicon_tsv,
)
from app.store.models import UserLexiconEntry
from app.store.reads import LEXICON_SEPARATOR

# the reads, in plain SQL for "similar" (app.store.reads); named here with the writes
from app.store.reads import library_formula_oracle as library_formula_oracle
from app.store.reads import list_user_entries as list_user_entries
from app.store.reads import merged_lexicon as merged_lexicon
from app.store.reads import removed_formulas as removed_formulas

_SEPARATOR = LEXICON_SEPARATOR  # as the reads split them


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
