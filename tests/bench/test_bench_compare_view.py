"""Opening a compare view on four ~20k-character speeches: time to all highlights, and GUI stalls.

Measures, for the government work reports 2021–2024 (≈18k characters each): the time from creating the
view until every highlight layer is drawn (matching in a worker, no cache; the first view of the process
also loads the formula lexicon), the same with the pairs cached in a library, a baseline of four bare
QPlainTextEdits showing the same texts in the same run, and the longest gap of a 5 ms heartbeat QTimer
while the view computes and highlights (the GUI thread's longest stall), split by phase: the window's first
paint, the matching in the worker, the highlighting. Then the same for eight reports (2016–2024, 28 pairs).
Budget (issue 6): all highlights under 1.5 s, no stall over 100 ms during the computation.
Run: python -m pytest tests/bench/test_bench_compare_view.py -s  (several times: one run is noisy)
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.core.text import clean_text, content_hash
from app.store import open_library
from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareDocument, CompareView
from app.ui.compare.cache import LibraryPairCache
from tests.bench.shipped_lexicon import same_lexicon
from tests.conftest import REPO

YEARS = (2021, 2022, 2023, 2024)
#: Eight reports (the corpus has no 2020 report).
EIGHT_YEARS = (2016, 2017, 2018, 2019, *YEARS)
STALL_BUDGET = 0.1
PROBE = Path(__file__).with_name("compare_view_probe.py")


def _documents(corpus, years=YEARS) -> list[CompareDocument]:
    out = []
    for year in years:
        text = clean_text((corpus / "gwr-state-council" / f"gwr-{year}.txt").read_text(encoding="utf-8"))
        out.append(CompareDocument(f"gwr-{year}.txt", text, content_hash(text)))
    return out


class Heartbeat:
    """A 5 ms timer; the longest gap between its ticks is the longest time the event loop was blocked.

    Each gap is filed under the phase the view is in when the tick finally runs: "first paint" (matching
    has not started), "computing" (the worker is matching) or "highlighting" (layers being applied).
    """

    def __init__(self) -> None:
        self._clock = QElapsedTimer()
        self.view: CompareView | None = None
        self.gaps: dict[str, int] = {}
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _phase(self) -> str:
        view = self.view
        if view is None or not view._started:
            return "first paint"
        if view._task is not None and not view._task.done:
            return "computing"
        return "highlighting"

    def _tick(self) -> None:
        gap, phase = self._clock.restart(), self._phase()
        self.gaps[phase] = max(self.gaps.get(phase, 0), gap)

    def start(self, view: CompareView) -> None:
        self.view = view
        self.gaps = {}
        self._clock.start()
        self._timer.start()

    def stop(self) -> dict[str, float]:
        self._timer.stop()
        self._tick()
        return {phase: gap / 1000 for phase, gap in self.gaps.items()}


def _open(documents, cache, qapp, heartbeat: Heartbeat):
    """(construction s, until all highlights s, longest stall per phase after construction, view,
    highlighting s: from the result's arrival until every layer is drawn)."""
    done, arrived = [], []
    started = time.perf_counter()
    view = CompareView(documents, runner=TaskRunner(), cache=cache)
    view.result_ready.connect(lambda _result: arrived.append(time.perf_counter()))
    view.highlights_ready.connect(lambda: done.append(time.perf_counter()))
    view.resize(1600, 900)
    view.show()
    built = time.perf_counter() - started
    heartbeat.start(view)
    deadline = time.perf_counter() + 30
    while not done and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    stalls = heartbeat.stop()
    assert done, "the highlights never arrived"
    return built, done[0] - started, stalls, view, done[0] - arrived[-1]


def _dispose(view: CompareView, qapp) -> None:
    """Close and delete a view like a closed tab, so the next run starts from a comparable heap."""
    view.close()
    view.deleteLater()
    qapp.processEvents()
    gc.collect()


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
        _dispose(results[name][3], qapp)
    library = open_library(str(tmp_path / "bench.duidu.sqlite"))
    _dispose(_open(documents, LibraryPairCache(library), qapp, heartbeat)[3], qapp)  # fills the cache
    results["library cache"] = _open(documents, LibraryPairCache(library), qapp, heartbeat)
    passages = len(results["library cache"][3].result.passages)
    _dispose(results["library cache"][3], qapp)
    eight = _documents(corpus, EIGHT_YEARS)
    eight_results = {"8 speeches, no cache": _open(eight, None, qapp, heartbeat)}
    _dispose(eight_results["8 speeches, no cache"][3], qapp)
    _dispose(_open(eight, LibraryPairCache(library), qapp, heartbeat)[3], qapp)
    eight_results["8 speeches, cache"] = _open(eight, LibraryPairCache(library), qapp, heartbeat)
    eight_passages = len(eight_results["8 speeches, cache"][3].result.passages)
    _dispose(eight_results["8 speeches, cache"][3], qapp)
    library.close()
    print(
        f"\nfour speeches ({', '.join(f'{len(d.text):,}' for d in documents)} chars), {passages} passages; "
        f"eight: {eight_passages} passages; baseline: four bare QPlainTextEdits shown {baseline * 1000:.0f} ms"
    )
    for name, (built, total, stalls, _view, highlighting) in {**results, **eight_results}.items():
        longest = ", ".join(f"{phase} {gap * 1000:.0f} ms" for phase, gap in stalls.items())
        print(
            f"  {name:>22}: view built {built * 1000:.0f} ms, all highlights {total * 1000:.0f} ms "
            f"(highlighting {highlighting * 1000:.0f} ms) "
            f"(ratio to baseline {total / baseline:.1f}); longest GUI stall: {longest}"
        )
    assert results["no cache"][1] < 1.5
    assert max(results["no cache"][2].values()) < STALL_BUDGET


#: The eight largest congress reports (13th–20th, ≈245k characters): issue 13's eight-pane case.
CONGRESSES = range(13, 21)
#: Issue 13: all highlighted < 1 s, no stall > 50 ms, a cached reopen < 0.3 s.
EIGHT_TARGETS = {"highlighted": 1.0, "stall": 0.05, "reopen": 0.3}


def _probe(code: Path, library: Path, files: list[Path], shot: Path | None = None) -> dict[str, dict]:
    """tests/bench/compare_view_probe.py in a fresh process over `code` (this checkout or a baseline)."""
    env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}
    if shot is not None:
        env["DUIDU_PROBE_SHOT"] = str(shot)
    done = subprocess.run(
        [sys.executable, str(PROBE), str(library), *map(str, files)],
        cwd=code, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


#: Rounds of the 8-pane probe per code, in alternating order (this, baseline, baseline, this, …): the first
#: process of a run pays for cold caches whatever code it runs (the same code measured 144 ms vs 45 ms
#: longest stall in one run), so each code is shown by its round with the sooner first open.
EIGHT_ROUNDS = int(os.environ.get("DUIDU_BENCH_ROUNDS", "2"))


def test_eight_congress_reports(corpus, tmp_path):
    """The 8-pane view on congress reports, this code beside the baseline code (DUIDU_BENCH_BASELINE, a
    checkout of older code) in the same run; screenshots of the last reopen go to tmp_path (printed). Each
    probe first does what the app does when a library opens (its preload; DUIDU_PROBE_COLD=1: not).
    DUIDU_PROBE_SIGNAL=1: the real app's case, a library holding the speeches, so its boilerplate signal
    labels too (compare_view_probe.library_signal)."""
    files = [corpus / "cpc-congress-reports" / f"cpc-{n}-congress-report.txt" for n in CONGRESSES]
    variants = {"this code": REPO}
    if os.environ.get("DUIDU_BENCH_BASELINE"):
        variants["baseline code"] = Path(os.environ["DUIDU_BENCH_BASELINE"])
    rounds: dict[str, list[dict[str, dict]]] = {name: [] for name in variants}
    for n in range(EIGHT_ROUNDS):
        for name, code in list(variants.items())[:: 1 if n % 2 == 0 else -1]:
            tag = f"{name.split()[0]}-{n}"
            rounds[name].append(
                _probe(code, tmp_path / f"{tag}.duidu.sqlite", files, tmp_path / f"eight-{tag}.png")
            )
    figures = {name: min(runs, key=lambda r: r["first"]["highlighted"]) for name, runs in rounds.items()}
    chars = sum(len(clean_text(f.read_text(encoding="utf-8"))) for f in files)
    load = os.getloadavg()
    signal = ", the library's boilerplate signal on" if os.environ.get("DUIDU_PROBE_SIGNAL") == "1" else ""
    print(
        f"\neight congress reports ({chars:,} chars){signal}, load {load[0]:.1f} {load[1]:.1f}; "
        f"screenshots in {tmp_path}"
    )
    for name, runs in rounds.items():
        firsts = ", ".join(f"{r['first']['highlighted'] * 1000:.0f}" for r in runs)
        print(f"  {name}: first open, all highlighted in each round: {firsts} ms (the soonest shown below)")
        for opened in ("first", "reopen", "reopen again"):  # every round: the targets hold in each, or not
            cells = ", ".join(
                f"{r[opened]['highlighted'] * 1000:.0f}/{r[opened]['stall'] * 1000:.0f}/"
                f"{r[opened].get('stall_cpu', 0) * 1000:.0f}/{r[opened]['gui_cpu'] * 1000:.0f}"
                for r in runs
            )
            print(
                f"    {opened:>12}, each round (all highlighted / longest stall / its GUI CPU / GUI CPU, ms): {cells}"
            )
        pooled = ", ".join(
            f"{r['first']['result'] * 1000:.0f}/{r['first'].get('helper_cpu', 0) * 1000:.0f}/"
            f"{r['first']['cpu'] * 1000:.0f}"
            for r in runs
        )
        print(
            f"           first, each round (result landed / pool processes' CPU / this process's CPU, ms): {pooled}"
        )
    for name, runs in figures.items():
        for run, f in runs.items():
            print(
                f"  {name:>13} {run:>12}: built {f['built'] * 1000:.0f} ms, result {f['result'] * 1000:.0f} ms, "
                f"all highlighted {f['highlighted'] * 1000:.0f} ms "
                f"(after the result landed: {f.get('after_result', 0) * 1000:.0f} ms, "
                f"GUI-thread CPU {f.get('after_result_cpu', 0) * 1000:.0f} ms) (CPU: GUI thread {f['gui_cpu'] * 1000:.0f} ms, "
                f"process {f['cpu'] * 1000:.0f} ms, helper/pool processes {f.get('helper_cpu', 0) * 1000:.0f} ms, "
                f"in all {(f['cpu'] + f.get('helper_cpu', 0)) * 1000:.0f} ms), "
                f"longest stall after construction {f['stall'] * 1000:.0f} ms "
                f"(GUI-thread CPU in it at most {f.get('stall_cpu', 0) * 1000:.0f} ms) ({f['passages']} passages)"
            )
    if "baseline code" in figures:
        for run in ("first", "reopen", "reopen again"):
            new, old = figures["this code"][run], figures["baseline code"][run]
            print(
                f"  {run}: all highlighted {old['highlighted'] / new['highlighted']:.1f}× sooner than the "
                f"baseline code (wall); CPU {old['gui_cpu'] / new['gui_cpu']:.1f}× less on the GUI thread, "
                f"{old['cpu'] / new['cpu']:.1f}× less in this process, "
                f"{(old['cpu'] + old.get('helper_cpu', 0)) / (new['cpu'] + new.get('helper_cpu', 0)):.1f}× less "
                "with the helper/pool processes"
            )
    print(f"  targets (issue 13): {EIGHT_TARGETS}")
    digests = {
        (name, n, run): f["digest"]
        for name, each in rounds.items()
        for n, runs in enumerate(each)
        for run, f in runs.items()
    }
    print(f"  passage digests: {sorted(set(digests.values()))} (one value: every open found the same)")
    baseline = variants.get("baseline code")
    if baseline is not None and not same_lexicon(REPO, baseline):
        # a different shipped lexicon labels passages differently: each code must still agree with itself;
        # the engines alone are compared by running this bench from a copy of this tree with the old lexicon
        print("  the two trees ship different lexicons: passages compared within each code only")
        for name in variants:
            assert len({d for (n, _r, _k), d in digests.items() if n == name}) == 1, digests
        return
    assert len(set(digests.values())) == 1, digests
