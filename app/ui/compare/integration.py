"""Where the compare view meets the rest of the GUI: the main window's Compare action and `duidu gui A B`.

Documents come from the library (ids) or straight from files (`duidu gui a.txt b.docx` compares files
without importing them). Each comparison opens as a tab of the main window and caches its pairs in the
open library.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from app.core.text import content_hash

if TYPE_CHECKING:
    from app.ui.common.host import WindowHost
    from app.ui.common.library_service import LibraryService
    from app.ui.compare.compute import CompareDocument
    from app.ui.compare.view import CompareView

# The view, the engine and the cache load on the first comparison, not at start-up (see app.ui.shell.app).

#: After the library has loaded, wait this long, then load the formula lexicon in a background thread.
LEXICON_PRELOAD_MS = 1500
_lexicon_preload_started = False


class DocumentError(ValueError):
    """A DOC argument that names neither a readable file nor a speech in the library."""


def library_document(service: LibraryService, doc_id: int) -> CompareDocument:
    from app.ui.compare.compute import CompareDocument

    stored = service.document(doc_id)
    if stored is None:
        raise DocumentError(f"no speech #{doc_id} in the library")
    text = service.text(doc_id)
    return CompareDocument(
        name=stored.meta.title or f"#{doc_id}",
        text=text,
        sha256=content_hash(text),
        meta=stored.meta,
        doc_id=doc_id,
    )


def file_document(path: Path) -> CompareDocument:
    from app.importers import ImportFailure, read_document  # format parsers load only when needed
    from app.ui.compare.compute import CompareDocument

    try:
        imported = read_document(path)
    except ImportFailure as exc:
        raise DocumentError(f"{path}: {exc}") from None
    return CompareDocument(
        name=path.name,
        text=imported.text,
        sha256=content_hash(imported.text),
        meta=imported.meta,
        path=str(path),
    )


def documents_from_args(service: LibraryService, args: Sequence[str]) -> list[CompareDocument]:
    """A file when such a file exists, else a library id (`12` or `#12`)."""
    out = []
    for arg in args:
        path = Path(arg)
        if path.is_file():
            out.append(file_document(path))
        elif arg.removeprefix("#").isdigit():
            out.append(library_document(service, int(arg.removeprefix("#"))))
        else:
            raise DocumentError(f"{arg}: no such file, and not a library id")
    return out


def open_compare(window: WindowHost, documents: Sequence[CompareDocument]) -> CompareView:
    """Open a comparison as a new tab of `window`."""
    from app.ui.compare.cache import LibraryPairCache, boilerplate_source
    from app.ui.compare.view import CompareView

    view = CompareView(
        documents,
        runner=window.runner,
        cache=LibraryPairCache(window.service.library),
        prefs=window.prefs,
        parent=window.tabs,
        formula_lexicon=window.service.lexicon,  # formulas are labelled with the library's own entries
        boilerplate_source=boilerplate_source(window.service.library),  # … and its corpus-wide boilerplate
    )
    view.open_documents = lambda docs: open_compare(window, docs)
    index = window.tabs.addTab(view, view.title())
    window.tabs.setTabToolTip(index, "\n".join(d.label for d in documents))
    window.tabs.setCurrentIndex(index)
    return view


def attach_compare(window: WindowHost) -> None:
    """Make the main window's Compare action open compare tabs."""
    window.compare_available = True

    def on_requested(ids: list[int]) -> None:
        try:
            documents = [library_document(window.service, doc_id) for doc_id in ids]
        except DocumentError as exc:
            window.statusBar().showMessage(str(exc), 8000)
            return
        open_compare(window, documents)

    window.compare_requested.connect(on_requested)
    window.library_loaded.connect(
        lambda _count: QTimer.singleShot(LEXICON_PRELOAD_MS, window, lambda: _when_idle(window))
    )


def _when_idle(window: WindowHost) -> None:
    """The library has been shown a while: load the lexicon and start the pool, then warm the view (timers
    tied to the window: none fires once it is gone)."""
    preload_formula_lexicon()
    from app.ui.compare import warm_up

    QTimer.singleShot(warm_up.WARM_DELAY_MS, window, warm_up.warm_compare_view)


def preload_formula_lexicon() -> None:
    """Load the shipped formula lexicon in a background thread, once per process, and start the matching
    processes (app.core.passages.helper_pool.start), so that the first comparison finds them warm.

    The first comparison needs it to tell formulas from copied prose, and loading it (jieba's dictionary,
    the lexicon, the matcher) took a quarter of a second out of the first comparison's second. Loaded
    while the user is still choosing speeches, it costs the GUI thread at most ~20 ms stalls (the loader
    releases the interpreter lock often), and the start-up is not delayed: this runs after the library
    is shown. A comparison asking meanwhile waits on the loader's lock.
    """
    global _lexicon_preload_started
    if _lexicon_preload_started:
        return
    _lexicon_preload_started = True
    threading.Thread(target=_load_formula_lexicon, name="duidu-lexicon", daemon=True).start()


def _load_formula_lexicon() -> None:
    from app.core.passages import helper_pool  # imported here, off the GUI thread

    helper_pool.start()  # the matching processes come up (and load the lexicon) while this one does
    from app.core.formulas.shipped import formula_coverage

    formula_coverage("")


def stop_matching_pool() -> None:
    """End the matching processes (the app quits), if a comparison or the preload started them, and store
    the pairs of a comparison drawn too recently to have been stored yet (idle_work)."""
    import sys

    idle_work = sys.modules.get("app.ui.compare.idle_work")
    if idle_work is not None:
        idle_work.flush()

    # still being imported (by the preload thread) when the app quits: then it has started nothing yet,
    # and a pool it starts afterwards ends with this process (its processes watch their parent)
    shutdown = getattr(sys.modules.get("app.core.passages.helper_pool"), "shutdown", None)
    if shutdown is not None:
        shutdown()


def open_documents_from_args(window: WindowHost, args: Sequence[str]) -> CompareView | None:
    """`duidu gui A B …`: compare the named files or library ids, or say in the status bar why not."""
    from app.ui.compare.view import MAX_DOCUMENTS

    if len(args) > MAX_DOCUMENTS:
        message = QCoreApplication.translate("CompareView", "Compare at most 8 speeches at once.")
        window.statusBar().showMessage(message, 8000)
        args = args[:MAX_DOCUMENTS]
    try:
        documents = documents_from_args(window.service, args)
    except DocumentError as exc:
        window.statusBar().showMessage(str(exc), 10000)
        return None
    return open_compare(window, documents)
