"""The full integrity check of the open library, in the background once it is shown.

Opening runs SQLite's quick check, bounded in time (app.store.integrity); this one reads everything,
so it runs on the window's task runner. Damage it finds makes the library read-only for the rest of the
session (`Library.mark_damaged`: nothing more is written to it) and is reported in one dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.store import LibraryError
from app.store.integrity import full_check, verdicts_for
from app.ui.common.prompts import warn
from app.ui.common.reasons import localized_reason

if TYPE_CHECKING:
    from app.ui.common.tasks import Task
    from app.ui.shell.main_window import MainWindow


def check_in_background(window: MainWindow) -> Task:
    """Start the check of the window's current library; on damage, stop writing to it and say so."""
    service = window.service
    library = service.library

    def damaged(exc: Exception) -> None:
        if not isinstance(exc, LibraryError):
            return  # the check itself failed (library closed meanwhile …): it proves nothing
        library.mark_damaged(str(exc))
        if window.service is service:
            warn(
                window,
                QCoreApplication.translate("LibraryCheck", "The library is damaged"),
                localized_reason(str(exc)),
            )

    file, memory = verdicts_for(library.location)  # (None, None) for a server library
    return window.runner.start(
        lambda _progress, cancelled: full_check(
            library.engine, library.location, cancelled, file=file, memory=memory
        ),
        on_failure=damaged,
    )
