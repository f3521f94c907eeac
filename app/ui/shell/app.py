"""Start the GUI: application object, language, appearance, the library (or a way out), the main window.

Start-up must show the window with its table filled in half a second, so this module imports only Qt and
the light part of the store; segmentation and matching load on first use, off the GUI thread. An up-to-date
library file's rows are read with the standard sqlite3 module (app.store.table_rows) and the library is
opened with SQLAlchemy on a worker once the table is shown (app.store.deferred); any other library is
opened, checked, upgraded or refused before the window, as always.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.paths import APP_NAME, DB_ENV, default_library_path, resource
from app.store.deferred import DeferredLibrary
from app.store.errors import LibraryError
from app.ui.common import settings as S
from app.ui.common.library_service import LibraryService
from app.ui.common.prompts import warn
from app.ui.common.reasons import localized_reason
from app.ui.shell.error_dialog import install_error_dialog
from app.ui.shell.i18n import Translations
from app.ui.shell.library_chooser import (
    choose_existing,
    choose_new,
    create_new_library,
    open_existing,
    recover,
)
from app.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from app.store import Library
    from app.store.table_rows import TableRow

#: Set by the start-up benchmark: print this marker and quit once the window is shown.
STARTUP_PROBE_ENV = "DUIDU_STARTUP_PROBE"


def make_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([sys.argv[0] if sys.argv else "duidu", *argv])
        app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The window and taskbar icon, at every size packaging/make_icons.py drew (Qt picks the nearest)."""
    icon = QIcon()
    for path in sorted(resource("icons").glob("duidu-*.png")):
        icon.addFile(str(path))
    return icon


def apply_theme(preference: str) -> None:
    """Follow the system's light/dark scheme, or force one; reader colours follow via the Theme object."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        hints = app.styleHints()
        if preference == "dark":
            hints.setColorScheme(Qt.ColorScheme.Dark)
        elif preference == "light":
            hints.setColorScheme(Qt.ColorScheme.Light)
        else:
            hints.unsetColorScheme()
    from app.ui.common.theme import current_theme
    from app.ui.shell.palette import ensure_palette

    preference = preference if preference in ("system", "light", "dark") else "system"
    current_theme().set_preference(preference)
    ensure_palette(preference)


class GuiSession:
    """The running GUI: owns the translators, the preferences and the window, and switches libraries."""

    def __init__(self, prefs: S.Settings | None = None) -> None:
        self.prefs = prefs or S.Settings()
        self.translations = Translations()
        self.translations.apply(self.prefs.get(S.LANGUAGE))
        apply_theme(self.prefs.get(S.THEME))
        self.window: MainWindow | None = None
        self._first_rows: list[TableRow] | None = None
        #: The user chose Quit when the library could not be opened (the command then fails, as before).
        self.gave_up = False

    def open(self, db: str | None) -> Library | DeferredLibrary | None:
        """Open a library; on LibraryError let the user choose another or a new one.

        `--db` wins, then $DUIDU_DB, then the library used last time (if it still exists), then the default.
        An up-to-date, writable library file is not opened yet: its rows are read for the first window and
        `show` opens it in the background (a DeferredLibrary).
        """
        target = db or os.environ.get(DB_ENV) or self._last_library() or str(default_library_path())
        from app.store.table_rows import quick_table_rows

        self._first_rows = quick_table_rows(target)
        if self._first_rows is not None:
            return DeferredLibrary(target)
        try:
            return open_existing(None, target, create=True)
        except LibraryError as exc:
            return recover(None, exc)

    def _last_library(self) -> str:
        last = self.prefs.get(S.LAST_LIBRARY)
        # A library that was moved or deleted is not silently re-created empty where it used to be.
        return last if last and ("://" in last or Path(last).is_file()) else ""

    def show(self, library: Library | DeferredLibrary) -> MainWindow:
        self.prefs.add_recent_library(library.location)
        first_rows, self._first_rows = self._first_rows, None
        window = MainWindow(LibraryService(library, first_rows), self.prefs)
        window.preferences_changed.connect(self.on_preferences_changed)
        window.library_switch_requested.connect(self.on_library_switch_requested)
        window.recent_library_requested.connect(self.on_recent_library_requested)
        from app.ui.compare.integration import attach_compare  # light: the view loads on first use

        attach_compare(window)
        self.window = window
        if isinstance(library, DeferredLibrary):
            opening: list[bool] = []

            def open_when_shown(_count: int) -> None:
                # Once: the rows are in, now SQLAlchemy and the engine, off the GUI thread (not for a window
                # already closing: its runner has been drained).
                if not opening and window.isVisible():
                    opening.append(True)
                    window.runner.start(
                        lambda _progress, _cancelled: library.open_now(),
                        on_success=lambda _library: window.service.library is library and _check(window),
                        on_failure=lambda exc: self.on_open_failed(library, exc),
                    )

            window.library_loaded.connect(open_when_shown)
        window.show()
        if not isinstance(library, DeferredLibrary):  # a deferred one is checked once it is open
            _check(window)
        return window

    def on_open_failed(self, library: DeferredLibrary, exc: Exception) -> None:
        """The library whose rows are shown could not be opened after all (another program holds it, it
        changed meanwhile): explain, then let the user choose another library, or quit."""
        window = self.window
        if window is None or window.service.library is not library:
            return
        if not isinstance(exc, LibraryError):
            exc = LibraryError(f"{library.location}: {exc}")
        chosen = recover(window, exc)
        if chosen is None:
            self.gave_up = True
            window.close()
            return
        self.prefs.add_recent_library(chosen.location)
        window.switch_service(LibraryService(chosen))
        _check(window)

    def on_preferences_changed(self, language: str, theme: str) -> None:
        self.translations.apply(language)  # widgets retranslate on the LanguageChange event
        apply_theme(theme)

    def on_library_switch_requested(self, how: str) -> None:
        if self.window is None:
            return
        path = choose_existing(self.window) if how == "open" else choose_new(self.window)
        if path:
            self.switch_to(path, create=how == "new")

    def on_recent_library_requested(self, path: str) -> None:
        self.switch_to(path, create=False)

    def switch_to(self, path: str, *, create: bool) -> bool:
        """Show another library in the window; a library that cannot be used is reported, never touched."""
        window = self.window
        if window is None:
            return False
        try:
            library = create_new_library(path) if create else open_existing(window, path)
        except LibraryError as exc:
            warn(
                window,
                QCoreApplication.translate("LibraryChooser", "Cannot open the library"),
                localized_reason(str(exc)),
            )
            return False
        self.prefs.add_recent_library(library.location)
        window.switch_service(LibraryService(library))
        window.offer_demo_when_loaded()
        _check(window)
        return True


def _check(window: MainWindow) -> None:
    """The full integrity check of the window's library, in the background (app.ui.shell.library_check)."""
    from app.ui.shell.library_check import check_in_background  # the check loads SQLAlchemy: not before

    check_in_background(window)


def open_documents(window: MainWindow, doc_args: Sequence[str]) -> None:
    """`duidu gui DOC…`: one file or library id opens in a reader tab; 2–8 are compared side by side."""
    if len(doc_args) >= 2:
        from app.ui.compare.integration import open_documents_from_args

        open_documents_from_args(window, doc_args)
    elif doc_args:
        from app.ui.shell.open_document import open_document_arg

        open_document_arg(window, doc_args[0])


def run_gui(doc_args: Sequence[str] = (), db: str | None = None) -> int:
    """The `duidu gui` command: one file or library id opens in a reader tab; 2–8 are compared."""
    app = make_application()
    install_error_dialog()
    session = GuiSession()
    library = session.open(db)
    if library is None:
        return 1
    window = session.show(library)
    if os.environ.get(STARTUP_PROBE_ENV):
        # The benchmark reads these markers: the window is on screen, then its table is filled.
        print("DUIDU_WINDOW_SHOWN", flush=True)
        window.library_loaded.connect(lambda _count: (print("DUIDU_LIBRARY_LOADED", flush=True), app.quit()))
    elif not doc_args:  # someone opening a file came to read it, not to be offered the demo
        window.offer_demo_when_loaded()
    open_documents(window, [str(arg) for arg in doc_args])
    code = int(app.exec())
    window.runner.wait(5000)  # a task started while the window closed ends before the interpreter does
    from app.ui.compare.integration import stop_matching_pool

    stop_matching_pool()
    return 1 if session.gave_up else code
