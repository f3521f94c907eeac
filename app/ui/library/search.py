"""What narrows the library table: the query as typed and the facet checks, kept for the next session.

Metadata matches show at once; full-text hits (two characters or more) follow from a worker, and a hit
list that arrives after the user typed on is dropped. The last search and facet checks are restored once
the rows are in, so the analyst picks up where they left off (the status line says how many speeches they
leave shown; Ctrl+Shift+L clears them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.ui.common import settings as S
from app.ui.common.library_service import LibraryService
from app.ui.common.reasons import localized_reason
from app.ui.common.tasks import TaskRunner
from app.ui.library.search_panel import FacetPanel
from app.ui.library.view import LibraryView


class LibrarySearch(QObject):
    """Connects the search box and the facet panel to the table's filter proxy."""

    #: The set of speeches shown changed (the window updates its status line).
    shown_changed = Signal()

    def __init__(
        self,
        view: LibraryView,
        facets: FacetPanel,
        runner: TaskRunner,
        service: Callable[[], LibraryService],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self._view, self._facets, self._runner = view, facets, runner
        self._service, self._report = service, report
        self._query = ""
        view.search_box.query_changed.connect(self.on_query_changed)
        facets.facets_changed.connect(self.on_facets_changed)

    def on_query_changed(self, query: str) -> None:
        """Metadata matches show at once; full-text hits (≥ 2 characters) follow from a worker."""
        self._query = query
        self._view.proxy.set_query(query)
        self.shown_changed.emit()
        if len(query) >= 2:
            service = self._service()
            self._runner.start(
                lambda _p, _c: service.search_text(query),
                on_success=lambda ids: self._on_text_hits(query, ids),
                on_failure=lambda exc: self._report(localized_reason(str(exc))),
            )

    def _on_text_hits(self, query: str, ids: set[int]) -> None:
        if query == self._query:  # a newer query may have been typed meanwhile
            self._view.proxy.set_query(query, ids)
            self.shown_changed.emit()

    def on_facets_changed(self, facets: dict) -> None:
        self._view.proxy.set_facets(facets)
        self.shown_changed.emit()

    def restore(self, prefs: S.Settings) -> None:
        """The last session's search and facet checks."""
        for entry in prefs.get(S.LIBRARY_FACETS):
            name, _tab, value = entry.partition("\t")
            if name in self._facets.group_titles():
                self._facets.set_checked(name, value)
        query = prefs.get(S.LIBRARY_QUERY)
        if query:
            self._view.search_box.set_query(query)

    def save(self, prefs: S.Settings) -> None:
        prefs.set(S.LIBRARY_QUERY, self._view.search_box.text().strip())
        checked = self._facets.checked()
        prefs.set(
            S.LIBRARY_FACETS, [f"{name}\t{value}" for name in checked for value in sorted(checked[name])]
        )

    def clear(self) -> None:
        self._view.search_box.clear()
        self.on_query_changed("")
        self._facets.clear_checks()
