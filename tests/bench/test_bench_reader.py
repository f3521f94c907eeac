"""How long opening a reader takes, against a bare QPlainTextEdit on the same text in the same run.

Measures, for a ~20k-character speech and the longest corpus text: the time until the reader is shown with
redactions and formula marks drawn (detection inline, lexicon already loaded), the baseline of setPlainText
plus show on a bare QPlainTextEdit, and the longest event-loop stall while detection runs in a worker.
Run: python -m pytest tests/bench/test_bench_reader.py -s
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.core.model import DocumentMeta
from app.ui.common.tasks import TaskRunner
from app.ui.reader.widget import ReaderWidget


def _texts(corpus) -> dict[str, str]:
    speeches = sorted((corpus / "xi-speeches-2013-2018").glob("*.txt"), key=lambda p: p.stat().st_size)
    twenty_k = next(p for p in speeches if len(p.read_text(encoding="utf-8")) >= 20_000)
    longest = max(corpus.glob("*/*.txt"), key=lambda p: p.stat().st_size)
    return {name: p.read_text(encoding="utf-8") for name, p in (("20k", twenty_k), ("longest", longest))}


def _shown(widget, qapp) -> None:
    widget.resize(1000, 700)
    widget.show()
    qapp.processEvents()


def test_open_reader_speed(qapp, corpus):
    shipped = pytest.importorskip("app.core.formulas.shipped")
    shipped.default_matcher()  # the lexicon loads once per process, off the GUI thread in the app
    for name, text in _texts(corpus).items():
        start = time.perf_counter()
        bare = QPlainTextEdit()
        bare.setPlainText(text)
        _shown(bare, qapp)
        baseline = time.perf_counter() - start
        bare.close()

        start = time.perf_counter()
        reader = ReaderWidget(text, DocumentMeta(title=name), runner=TaskRunner(inline=True))
        _shown(reader, qapp)
        opened = time.perf_counter() - start
        hits = len(reader.formula_hits())
        reader.close()

        runner = TaskRunner()
        reader = ReaderWidget(text, DocumentMeta(title=name), runner=runner)
        _shown(reader, qapp)
        longest_stall = _longest_stall_until(qapp, lambda r=reader: bool(r.formula_hits()))
        runner.wait(5000)
        reader.close()
        print(
            f"\n{name}: {len(text):,} chars, {hits} formula hits; reader open {opened * 1000:.0f} ms, "
            f"bare QPlainTextEdit {baseline * 1000:.0f} ms (ratio {opened / baseline:.1f}); "
            f"longest GUI stall during background detection {longest_stall * 1000:.0f} ms"
        )


def _longest_stall_until(qapp, done, timeout: float = 10.0) -> float:
    """Tick a 5 ms timer and record the longest gap between ticks until `done()`."""
    timer = QElapsedTimer()
    timer.start()
    gaps: list[int] = []

    def tick() -> None:
        gaps.append(timer.restart())

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    deadline = time.perf_counter() + timeout
    while not done() and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    ticker.stop()
    return max(gaps, default=0) / 1000
