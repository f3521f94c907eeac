"""Open a compare view on N speeches in a fresh process and print its timings as one JSON line.

Run by tests/bench/test_bench_compare_view.py as a script with PYTHONPATH naming the code to measure
(this checkout, or an older one as the baseline), so both are timed the same way in the same run:

    python tests/bench/compare_view_probe.py LIBRARY FILE...

Each view is opened the way a user opens one: created, shown, left to the event loop. A 5 ms heartbeat
QTimer records the longest gap between its ticks after construction (the longest time the GUI thread
did not answer), and the GUI thread's and the whole process's CPU seconds until then (steadier than wall
time on a busy machine; the probe waits in the event loop, so they count no polling), and its helper
or pool processes'. Three opens: a first one (no cache, fills the library's comparison cache), then two reopens
served by the cache. Only stable public API is used, so older code runs it unchanged. Before the first
open the probe does what the app does when a library opens (`library_opened`), unless DUIDU_PROBE_COLD=1.
DUIDU_PROBE_SIGNAL=1: the speeches are in the library, which then gives its boilerplate signal (`library_signal`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __name__ == "__main__":
    # Only when run as a script: the view's helper process (spawned) imports this file as its main module,
    # and an application's helper would not pay for importing Qt.
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

TIMEOUT_SECONDS = 120


def children_cpu() -> float:
    """CPU seconds of this process's live children (the view's helper process), read from /proc."""
    tick, total, me = os.sysconf("SC_CLK_TCK"), 0, str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def digest(result) -> str:
    """A hash of every passage (pair, spans, kind, similarity, formula share) and the ratios, to tell whether
    two codes found the same result."""
    rows = [
        (p.a, p.b, p.a_start, p.a_end, p.b_start, p.b_end, p.kind, p.similarity, p.formula_share)
        for p in result.passages
    ]
    ratios = sorted(result.pair_ratios.items())
    return hashlib.sha256(json.dumps([rows, list(result.ratios), ratios]).encode()).hexdigest()[:16]


class Heartbeat:
    """A 5 ms timer: the longest gap between its ticks is the longest the event loop was blocked, and the
    most GUI-thread CPU spent between two ticks is how much work blocked it (what the gap would be on an
    idle machine; a loaded one adds waiting for a core)."""

    def __init__(self) -> None:
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self.longest = 0
        self.longest_cpu = 0.0
        self._cpu = 0.0

    def _tick(self) -> None:
        self.longest = max(self.longest, self._clock.restart())
        cpu = time.thread_time()
        self.longest_cpu, self._cpu = max(self.longest_cpu, cpu - self._cpu), cpu

    def start(self) -> None:
        self.longest, self.longest_cpu, self._cpu = 0, 0.0, time.thread_time()
        self._clock.start()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        self._tick()
        return self.longest / 1000


def open_view(documents, cache, heartbeat: Heartbeat, shot: str = "", source=None) -> dict[str, float]:
    """One open; `source`: the library's boilerplate source, given as the app's host gives it."""
    import inspect

    from app.ui.compare import CompareView

    arrived: list[float] = []
    done: list[float] = []
    loop = QEventLoop()
    started, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
    helper_cpu = children_cpu()
    if source is not None and "boilerplate_source" in inspect.signature(CompareView).parameters:
        view = CompareView(documents, cache=cache, boilerplate_source=source)
    else:  # older code: the host set it after construction
        view = CompareView(documents, cache=cache)
        if source is not None:
            view.boilerplate_source = source
    view.result_ready.connect(lambda _result: arrived.append(time.perf_counter()))
    view.highlights_ready.connect(
        lambda: (done.append(time.perf_counter()), done_cpu.append(time.thread_time()), loop.quit())
    )
    # The GUI thread's work from the moment the result lands (apply_result) to the last highlight: what
    # drawing during the matching can take off the end.
    landed: list[tuple[float, float]] = []
    done_cpu: list[float] = []
    apply_result = view.apply_result

    def timed_apply(result) -> None:
        landed.append((time.perf_counter(), time.thread_time()))
        apply_result(result)

    view.apply_result = timed_apply
    view.resize(1600, 900)
    view.show()
    built = time.perf_counter() - started
    heartbeat.start()
    QTimer.singleShot(TIMEOUT_SECONDS * 1000, loop.quit)
    if not done:
        loop.exec()  # the event loop itself, no polling: CPU figures are the view's work (and the heartbeat)
    stall = heartbeat.stop()
    # The GUI thread's own work, and the whole process's (worker included), whatever the load.
    gui_cpu, all_cpu = time.thread_time() - cpu, time.process_time() - process_cpu
    helper_cpu = children_cpu() - helper_cpu
    if not done:
        raise SystemExit("the highlights never arrived")
    if shot:
        QApplication.processEvents()
        view.grab().save(shot)
    figures = {
        "built": built,
        "result": arrived[-1] - started,
        "highlighted": done[0] - started,
        "after_result": done[0] - landed[0][0],
        "after_result_cpu": done_cpu[0] - landed[0][1],
        "stall": stall,
        "stall_cpu": heartbeat.longest_cpu,
        "gui_cpu": gui_cpu,
        "cpu": all_cpu,
        "helper_cpu": helper_cpu,
        "passages": len(view.result.passages),
        "digest": digest(view.result),
    }
    view.close()
    view.deleteLater()
    # deleted now, as a closed tab is: left to the next open's event loop, deleting eight panes would be
    # timed as that open's work (~10 ms inside its first heartbeat gap)
    from PySide6.QtCore import QEvent  # (here: tools that import this file set only the names above)

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
    return figures


def library_opened(timeout: float = 60.0) -> None:
    """What the app does once a library is open and shown (app.ui.compare.integration.attach_compare), done
    here and waited for, as a user choosing speeches would: the code's own preload (the shipped lexicon;
    in newer code also the matching processes). DUIDU_PROBE_COLD=1 skips it (the view then starts cold)."""
    import threading

    from app.ui.compare import integration

    preload = getattr(integration, "preload_formula_lexicon", None)
    if preload is None:
        return
    preload()
    for thread in threading.enumerate():
        if thread.name == "duidu-lexicon":
            thread.join(timeout)
    pool = sys.modules.get("app.core.passages.helper_pool")
    if pool is not None and hasattr(pool, "wait_started"):
        pool.wait_started(timeout)
    warm_idle_view(timeout)


def warm_idle_view(timeout: float) -> None:
    """Newer code then opens a small comparison off screen while the app is idle (app.ui.compare.warm_up):
    done here and waited for, as the app does it before the user's first comparison."""
    try:
        from app.ui.compare import warm_up
    except ImportError:
        return
    loop = QEventLoop()
    if warm_up.warm_compare_view(loop.quit):
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()


def library_signal(library, documents):
    """DUIDU_PROBE_SIGNAL=1: the real app's case. The compared speeches are imported into the library as
    the app imports (indexed, then its table of frequent fingerprints brought up to date), so the library
    gives a boilerplate signal (five indexed speeches or more); its source, as the app's host passes it."""
    from app.core.model import DocumentMeta
    from app.store import add_document
    from app.store.frequent_fingerprints import refresh_frequent
    from app.ui.compare.cache import boilerplate_source

    with library.writer.begin() as session:
        for document in documents:
            add_document(session, document.text, DocumentMeta(title=document.name))
    refresh_frequent(library)
    return boilerplate_source(library)


def main(argv: list[str]) -> None:
    library_path, *files = argv
    app = QApplication([])  # noqa: F841 (kept alive for the views)
    from app.core.text import clean_text, content_hash
    from app.store import open_library
    from app.ui.compare import CompareDocument
    from app.ui.compare.cache import LibraryPairCache

    documents = []
    for file in files:
        text = clean_text(Path(file).read_text(encoding="utf-8"))
        documents.append(CompareDocument(Path(file).stem, text, content_hash(text)))
    library = open_library(library_path)
    source = library_signal(library, documents) if os.environ.get("DUIDU_PROBE_SIGNAL") == "1" else None
    if os.environ.get("DUIDU_PROBE_COLD") != "1":
        library_opened()
    heartbeat = Heartbeat()
    shot = os.environ.get("DUIDU_PROBE_SHOT", "")
    runs = {
        "first": open_view(documents, LibraryPairCache(library), heartbeat, "", source),
        "reopen": open_view(documents, LibraryPairCache(library), heartbeat, "", source),
        "reopen again": open_view(documents, LibraryPairCache(library), heartbeat, shot, source),
    }
    library.close()
    print(json.dumps(runs), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
