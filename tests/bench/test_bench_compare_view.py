"""Opening a compare view on four ~20k-character speeches: time to all highlights, and GUI stalls.

Measures, for the government work reports 2021–2024 (≈18k characters each): the time from creating the
view until every highlight layer is drawn (matching in a worker, no cache), the same with the pairs cached
in a library, a baseline of four bare QPlainTextEdits showing the same texts in the same run, and the
longest gap of a 5 ms heartbeat QTimer while the view computes and highlights (the GUI thread's longest
stall). Budget (issue 6): all highlights under 1.5 s, no stall over 100 ms during the computation.
Run: python -m pytest tests/bench/test_bench_compare_view.py -s
"""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.core.text import clean_text, content_hash
from app.store import open_library
from app.ui.compare import CompareDocument, CompareView
from app.ui.compare.cache import LibraryPairCache
from app.ui.tasks import TaskRunner

YEARS = (2021, 2022, 2023, 2024)


def _documents(corpus) -> list[CompareDocument]:
    out = []
    for year in YEARS:
        text = clean_text((corpus / "gwr-state-council" / f"gwr-{year}.txt").read_text(encoding="utf-8"))
        out.append(CompareDocument(f"gwr-{year}.txt", text, content_hash(text)))
    return out


class Heartbeat:
    """A 5 ms timer; the longest gap between its ticks is the longest time the event loop was blocked."""

    def __init__(self) -> None:
        self._clock = QElapsedTimer()
        self.gaps: list[int] = []
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(lambda: self.gaps.append(self._clock.restart()))

    def start(self) -> None:
        self.gaps.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        self.gaps.append(self._clock.elapsed())
        return max(self.gaps) / 1000


def _open(documents, cache, qapp, heartbeat: Heartbeat) -> tuple[float, float, float, CompareView]:
    """(construction s, until all highlights s, longest stall after construction s, view)."""
    done = []
    started = time.perf_counter()
    view = CompareView(documents, runner=TaskRunner(), cache=cache)
    view.highlights_ready.connect(lambda: done.append(time.perf_counter()))
    view.resize(1600, 900)
    view.show()
    built = time.perf_counter() - started
    heartbeat.start()
    deadline = time.perf_counter() + 30
    while not done and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    stall = heartbeat.stop()
    assert done, "the highlights never arrived"
    return built, done[0] - started, stall, view


def _baseline(documents, qapp) -> float:
    started = time.perf_counter()
    edits = []
    for document in documents:
        edit = QPlainTextEdit()
        edit.setPlainText(document.text)
        edit.resize(400, 800)
        edit.show()
        edits.append(edit)
    qapp.processEvents()
    elapsed = time.perf_counter() - started
    for edit in edits:
        edit.close()
    return elapsed


def test_compare_view_speed(qapp, corpus, tmp_path):
    documents = _documents(corpus)
    baseline = _baseline(documents, qapp)
    heartbeat = Heartbeat()
    results = {}
    for name, cache in (("cold (lexicon loads)", None), ("no cache", None)):
        results[name] = _open(documents, cache, qapp, heartbeat)
        results[name][3].close()
    library = open_library(str(tmp_path / "bench.duidu.sqlite"))
    _open(documents, LibraryPairCache(library), qapp, heartbeat)[3].close()  # fills the cache
    results["library cache"] = _open(documents, LibraryPairCache(library), qapp, heartbeat)
    view = results["library cache"][3]
    passages = len(view.result.passages)
    view.close()
    library.close()
    print(
        f"\nfour speeches ({', '.join(f'{len(d.text):,}' for d in documents)} chars), {passages} passages; "
        f"baseline: four bare QPlainTextEdits shown {baseline * 1000:.0f} ms"
    )
    for name, (built, total, stall, _view) in results.items():
        print(
            f"  {name:>22}: view built {built * 1000:.0f} ms, all highlights {total * 1000:.0f} ms "
            f"(ratio to baseline {total / baseline:.1f}), longest GUI stall after construction "
            f"{stall * 1000:.0f} ms"
        )
    assert results["no cache"][1] < 1.5
