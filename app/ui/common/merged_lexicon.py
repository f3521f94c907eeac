"""The formula lexicon of the open library — shipped entries with the user's own merged over them.

Readers, the compare view and the lexicon dialog all ask this one object, so a user's edit shows
everywhere: every change goes through it, drops the cached entries and matcher, bumps `version` and
tells the listeners (the window refreshes its readers). The matcher is built lazily, under a lock, on
whichever thread first needs it (a worker, normally): compiling the automaton must not stall the GUI.
Qt-free on purpose, like LibraryService, which holds one per library.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.formulas.lexicon import FormulaEntry, LoadedLexicon, match_key, parse_lexicon_tsv
from app.store.errors import library_errors

if TYPE_CHECKING:
    from types import ModuleType

    from app.core.formulas.detect import FormulaHit, FormulaMatcher
    from app.store import Library

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: The user-lexicon state of one canonical text: no row (shipped version applies), removed, or an entry.
REMOVED = "removed"
UserState = FormulaEntry | str | None
DISCOVERED = "discovered"


def _store() -> ModuleType:
    """The store's lexicon functions, loaded on first use (SQLAlchemy: not needed for the first window)."""
    from app.store import lexicon

    return lexicon


@dataclass(frozen=True, slots=True)
class LexiconRow:
    """One entry as the lexicon table shows it, with where it comes from."""

    entry: FormulaEntry
    #: "shipped" (as Duidu ships it), "edited" (a shipped formula the user changed) or "user" (added)
    source: str


class MergedLexicon:
    """Shipped + user entries of one library, the matcher over them, and every edit of the user's part."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._lock = threading.RLock()
        self._matcher_lock = threading.Lock()
        self._entries: tuple[FormulaEntry, ...] | None = None
        self._user: frozenset[str] = frozenset()
        self._by_canonical: dict[str, FormulaEntry] = {}
        self._matcher: FormulaMatcher | None = None
        self._fingerprint: str | None = None
        self.version = 0
        self._listeners: list[Callable[[], None]] = []

    # ---- reading ---------------------------------------------------------------------------------------

    @property
    def readonly(self) -> bool:
        return self._library.readonly

    def entries(self) -> tuple[FormulaEntry, ...]:
        """The merged lexicon (read once, then cached until the next change)."""
        from app.core.formulas.shipped import shipped_lexicon

        with self._lock:
            if self._entries is None:
                with library_errors(self._library.location), self._library.reader() as session:
                    user = _store().list_user_entries(session)
                    self._entries = _store().merged_lexicon(session, shipped_lexicon().entries)
                self._user = frozenset(e.canonical for e in user)
                self._by_canonical = {e.canonical: e for e in self._entries}
            return self._entries

    def rows(self) -> list[LexiconRow]:
        """Every merged entry with its source, for the lexicon table."""
        from app.core.formulas.shipped import shipped_lexicon

        shipped = {e.canonical for e in shipped_lexicon().entries}
        entries = self.entries()
        with self._lock:
            user = self._user
        return [
            LexiconRow(
                e, ("edited" if e.canonical in shipped else "user") if e.canonical in user else "shipped"
            )
            for e in entries
        ]

    def entry_for(self, canonical: str) -> FormulaEntry | None:
        """The entry of a canonical wording (the reader's hover text), or None."""
        self.entries()
        with self._lock:
            return self._by_canonical.get(canonical)

    def fingerprint(self) -> str:
        """A short hash of the user's entries and removals ("" when there are none): names the lexicon in
        cache keys and evidence, stable across sessions (unlike `version`)."""
        import hashlib

        with self._lock:
            if self._fingerprint is not None:
                return self._fingerprint
            version = self.version
        with library_errors(self._library.location), self._library.reader() as session:
            removed = _store().removed_formulas(session)
            text = _store().export_user_tsv(session) if _store().list_user_entries(session) or removed else ""
        digest = hashlib.sha256((text + "\n".join(removed)).encode()).hexdigest()[:16] if text else ""
        with self._lock:
            if version == self.version:
                self._fingerprint = digest
        return digest

    def has_user_changes(self) -> bool:
        with library_errors(self._library.location), self._library.reader() as session:
            return bool(_store().list_user_entries(session) or _store().removed_formulas(session))

    def matcher(self) -> FormulaMatcher:
        """The detection matcher over the merged lexicon; the shared shipped one when the user changed nothing.

        Built under its own lock, so that a hover on the GUI thread (entry_for) never waits for a compile.
        """
        from app.core.formulas.detect import FormulaMatcher
        from app.core.formulas.shipped import default_matcher, general_words, idioms

        with self._matcher_lock:
            with self._lock:
                if self._matcher is not None:
                    return self._matcher
                version = self.version
            entries = self.entries()
            if self.has_user_changes():
                matcher = FormulaMatcher(entries, idioms=idioms(), common_words=general_words())
            else:
                matcher = default_matcher()
            with self._lock:
                if version == self.version:  # not changed meanwhile
                    self._matcher = matcher
            return matcher

    def find(self, text: str) -> list[FormulaHit]:
        """Formula hits in a speech (the reader's mark provider)."""
        return self.matcher().find(text)

    def coverage(self, normalised_text: str) -> float:
        """Share of a normalised string covered by lexicon formulas (the passage engine's formula oracle)."""
        return self.matcher().coverage(normalised_text)

    def known_keys(self) -> frozenset[str]:
        """Every wording in match-key form (discovery flags these as known)."""
        return frozenset(match_key(w) for e in self.entries() for w, _s in e.forms())

    def first_seen(self, progress: Progress, cancelled: Cancelled) -> dict[str, str]:
        """canonical → date of the earliest dated speech in the library that uses it (a worker's job).

        The lexicon shows this where no year of first official use is verified. Speeches are read in date
        order, so each formula's first hit is its date; a formula nested in a longer one counts as used.
        """
        from app.store import get_text, list_documents

        matcher = self.matcher()
        seen: dict[str, str] = {}
        with library_errors(self._library.location), self._library.reader() as session:
            documents = [d for d in list_documents(session, sort="date") if d.meta.date]
            for number, document in enumerate(documents):
                if cancelled():
                    return seen
                for hit in matcher.lexicon_hits(get_text(session, document.id) or ""):
                    for canonical in (hit.formula, *hit.contains):
                        seen.setdefault(canonical, document.meta.date)
                progress(number + 1, len(documents))
        return seen

    # ---- changes ---------------------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Call `listener()` after every change (on the thread that made it: the GUI thread)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def invalidate(self) -> None:
        """Forget the cached entries and matcher (someone changed the user lexicon)."""
        with self._lock:
            self._entries = None
            self._matcher = None
            self._fingerprint = None
            self.version += 1
        for listener in list(self._listeners):
            listener()

    def snapshot(self, canonicals: Iterable[str]) -> dict[str, UserState]:
        """The user-lexicon state of these formulas, so that `apply` can put it back (undo)."""
        wanted = set(canonicals)
        with library_errors(self._library.location), self._library.reader() as session:
            state: dict[str, UserState] = dict.fromkeys(wanted)
            state.update({c: REMOVED for c in _store().removed_formulas(session) if c in wanted})
            state.update(
                {e.canonical: e for e in _store().list_user_entries(session) if e.canonical in wanted}
            )
        return state

    def apply(self, state: dict[str, UserState]) -> None:
        """Put formulas back in a state taken by `snapshot`."""
        with library_errors(self._library.location), self._library.writer.begin() as session:
            for canonical, value in state.items():
                if value is None:
                    _store().restore_entry(session, canonical)
                elif value == REMOVED:
                    _store().remove_entry(session, canonical)
                elif isinstance(value, FormulaEntry):
                    _store().save_entry(session, value)
        self.invalidate()

    def save(self, entry: FormulaEntry, *, replacing: str | None = None) -> None:
        """Add an entry or replace one (`replacing` = the canonical text being edited)."""
        with library_errors(self._library.location), self._library.writer.begin() as session:
            _store().save_entry(session, entry, replacing=replacing)
        self.invalidate()

    def remove(self, canonicals: Sequence[str]) -> None:
        with library_errors(self._library.location), self._library.writer.begin() as session:
            for canonical in canonicals:
                _store().remove_entry(session, canonical)
        self.invalidate()

    def restore(self, canonicals: Sequence[str]) -> None:
        """Drop the user's changes to these formulas: the shipped versions (if any) apply again."""
        with library_errors(self._library.location), self._library.writer.begin() as session:
            for canonical in canonicals:
                _store().restore_entry(session, canonical)
        self.invalidate()

    def save_all(self, entries: Sequence[FormulaEntry]) -> None:
        with library_errors(self._library.location), self._library.writer.begin() as session:
            _store().save_entries(session, entries)
        self.invalidate()

    def import_tsv(self, text: str) -> LoadedLexicon:
        """Save every loadable row of a lexicon TSV; the bad rows come back as problems (with line numbers)."""
        with library_errors(self._library.location), self._library.writer.begin() as session:
            loaded = _store().import_user_tsv(session, text)
        self.invalidate()
        return loaded

    def export_tsv(self) -> str:
        with library_errors(self._library.location), self._library.reader() as session:
            return _store().export_user_tsv(session)

    # ---- checks ------------------------------------------------------------------------------------------

    def clash(self, entry: FormulaEntry, *, replacing: str | None = None) -> str | None:
        """A wording of `entry` that would take another formula's place, else None.

        A user entry may take a variant away from a shipped formula (merging moves it), but not another
        formula's canonical wording (adding an existing formula again would silently replace it), nor a
        wording another user entry already claims. `replacing` is the entry being edited.
        """
        self.entries()
        with self._lock:
            user, others = self._user, [e for e in self._entries or () if e.canonical != replacing]
        taken = {match_key(e.canonical): e.canonical for e in others}
        taken.update(
            {match_key(w): e.canonical for e in others if e.canonical in user for w, _s in e.forms()}
        )
        for wording, _status in entry.forms():
            owner = taken.get(match_key(wording))
            if owner is not None:
                return owner
        return None


def tsv_canonicals(text: str) -> list[str]:
    """The canonical texts a lexicon TSV would save (to snapshot them before an import, for undo)."""
    return [e.canonical for e in parse_lexicon_tsv(text).entries]
