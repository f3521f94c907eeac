"""The compare view's matching: when it starts, running `compute` on the task runner, and what lands.

A first open's matching starts as early as it helps:

- When the matching pool will match and label the pairs (app.core.passages.helper_pool: long texts, the
  shipped lexicon), at construction, before the panes are built: the pool's processes work on the other
  cores while this one builds and first paints the window, and the worker thread here only waits for
  them (`starts_early`).
- Otherwise after the first paint (or `START_FALLBACK_MS`): matching in this process would compete with
  the window's first layout for the interpreter.

The result replaces what is shown; each pane whose pairs are all matched while others still run is drawn
at once from provisional Links (`_on_pane_ready`). The view mixes this in and sets the attributes listed
on the class; its strings are the view's (translation context "CompareView").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from shiboken6 import isValid

from app.core.passages import Cancelled
from app.ui.compare.compute import CompareDocument, CompareResult, CompareSettings, LibrarySignal, compute
from app.ui.compare.highlights import FRESH_KINDS, highlight_steps
from app.ui.compare.idle_work import after_drawing, result_landed
from app.ui.compare.links import Link
from app.ui.compare.result_memo import MemoKey, is_remembered, memo_key, remember, remembered, same_result
from app.ui.pane import held_text

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.ui.common.merged_lexicon import MergedLexicon
    from app.ui.common.tasks import Task, TaskRunner
    from app.ui.compare.compute import PairCache
    from app.ui.compare.pane import ComparePane
    from app.ui.compare.params_bar import ParamsBar
    from app.ui.compare.scroll_sync import ScrollSync
    from app.ui.compare.step_queue import StepQueue
    from app.ui.pane.reading_pane import ReadingPane

#: Start matching this long after construction if the view has not been painted by then.
START_FALLBACK_MS = 250


class PaneRelay(QObject):
    """Hands `compute`'s pane_ready calls (made in the worker) to the view on the GUI thread: this object
    lives there, so Qt queues the signal (in an inline runner it is delivered at once)."""

    _ready = Signal(int, int, object)

    def __init__(self, view: ViewMatching) -> None:
        super().__init__(view)  # type: ignore[arg-type]
        self._view = view
        self._ready.connect(self._deliver)

    def pane_ready(self, generation: int, doc: int, links: list[Link]) -> None:
        with suppress(RuntimeError):  # the view is gone (its matching is being cancelled)
            self._ready.emit(generation, doc, links)

    @Slot(int, int, object)
    def _deliver(self, generation: int, doc: int, links: object) -> None:
        self._view._on_pane_ready(generation, doc, links)  # type: ignore[arg-type]


def starts_early(
    documents: Sequence[CompareDocument], runner: TaskRunner, lexicon: MergedLexicon | None
) -> bool:
    """Whether a first open's matching starts at construction: the runner has threads and the pool will
    label every pair (the shipped lexicon; a library boilerplate signal goes as a snapshot)."""
    from app.core.passages import PassageParams
    from app.core.passages.helper_pool import pool_labels

    if getattr(runner, "inline", False) or (lexicon is not None and lexicon.fingerprint()):
        return False
    pairs = list(combinations(range(len(documents)), 2))
    return pool_labels([len(d.text) for d in documents], pairs, PassageParams())


class ViewMatching:
    """The matching half of CompareView (which sets every attribute below)."""

    documents: list[CompareDocument]
    runner: TaskRunner
    cache: PairCache | None
    result: CompareResult | None
    panes: list[ComparePane]
    sync: ScrollSync
    params: ParamsBar
    show_formulas: bool
    highlights_ready: SignalInstance
    formula_lexicon: MergedLexicon | None
    boilerplate_source: Callable[[], LibrarySignal | None] | None
    _task: Task | None
    _unsaved: CompareResult | None
    _steps: StepQueue
    #: Panes held for a remembered result since the first paint (`start_after_paint`).
    _claimed: tuple[ReadingPane, ...] = ()
    _early: dict[int, tuple[list[Link], tuple[bool, int]]]
    _relay: PaneRelay
    _generation: int
    _started: bool

    def labels(self) -> list[str]: ...
    def apply_result(self, result: CompareResult) -> None: ...
    def _update_status(self, computing: bool = False) -> None: ...
    def _update_export_enabled(self) -> None: ...

    def ensure_started(self) -> None:
        """Start the first comparison unless it has started already."""
        if not self._started and isValid(self):
            self._started = True
            self.recompute(self.params.settings())

    def start_after_paint(self) -> None:
        """After the window's first paint: start in a later turn, so that the event loop serves its timers
        and input between that paint and a remembered result's arrival (two stalls, not one). The panes
        then wait for that result to be drawn highlighted, once (held_text.claim), not plain first."""
        if is_remembered(memo_key(self.documents, self._knobs(self.params.settings()))):
            self._claimed = tuple(pane.reader for pane in self.panes if held_text.claim(pane.reader))
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.ensure_started))

    def start_early(self, settings: CompareSettings) -> None:
        """At construction, before the widgets exist: start matching now when `starts_early` says so and
        the result is not one this session has computed already (that one is shown after the first paint)."""
        if not starts_early(self.documents, self.runner, self.formula_lexicon):
            return
        settings = self._knobs(settings)
        key = memo_key(self.documents, settings)
        if remembered(key, self.documents) is not None:
            return
        self._started = True
        self._generation += 1
        self._start_task(self._generation, settings, key)

    def _knobs(self, settings: CompareSettings) -> CompareSettings:
        """`settings` with the library's lexicon (when the user changed it) and boilerplate source."""
        version = self.formula_lexicon.fingerprint() if self.formula_lexicon is not None else ""
        if self.formula_lexicon is not None and version:  # else the shipped lexicon: it labels in the pool
            settings = replace(
                settings, formula_oracle=self.formula_lexicon.coverage, lexicon_version=version
            )
        if self.boilerplate_source is not None:
            settings = replace(settings, boilerplate_source=self.boilerplate_source)
        return settings

    def recompute(self, settings: CompareSettings) -> None:
        """Match again with `settings` in the background; the previous result stays until the new one lands.
        One this session computed already for these texts and knobs is shown at once (result_memo)."""
        self._started = True
        self.cancel()
        settings = self._knobs(settings)
        self._generation += 1
        if self.result is None:  # only early drawings of a superseded first result are queued: drop them
            self._steps.clear()
            self._early.clear()
        generation, key = self._generation, memo_key(self.documents, settings)
        known = remembered(key, self.documents)
        if known is None:
            for reader in self._claimed:  # (forgotten since the paint: drawn plain now)
                held_text.reveal(reader)
            self._match(generation, settings, key)
            return
        self._on_result(generation, known)
        if settings.boilerplate_source is not None:  # confirm it once drawn (the steps end with a new turn)
            self._steps.append(lambda: self._match(generation, settings, key, check=True))

    def _match(self, generation: int, settings: CompareSettings, key: MemoKey, check: bool = False) -> None:
        """Run `compute` on the task runner; its result replaces what is shown (or, `check`, confirms it)."""
        if generation != self._generation:  # a check queued for settings changed since
            return
        self.show_busy()
        self._start_task(generation, settings, key, check)
        self._update_export_enabled()  # after the task exists: an inline one is done already

    def show_busy(self) -> None:
        """The knobs and status say a comparison runs (one started before they existed: `start_early`)."""
        self.params.set_busy(True)
        self._update_status(computing=True)

    def _start_task(
        self, generation: int, settings: CompareSettings, key: MemoKey, check: bool = False
    ) -> None:
        documents, cache, relay = list(self.documents), self.cache, self._relay

        def pane_ready(doc: int, links: list[Link]) -> None:
            relay.pane_ready(generation, doc, links)

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> CompareResult:
            return compute(
                documents, settings, cache, progress, cancelled, pane_ready, save=False, freeze=True
            )

        self._task = self.runner.start(
            work,
            on_success=lambda result: self._on_result(generation, result, key, check=check),
            on_failure=lambda exc: self._on_failure(generation, exc),
            on_progress=lambda done, total: isValid(self) and self.params.set_progress(done, total),
        )
        # A closed tab is deleted, not closed: stop its matching then (the task object outlives the view).
        self.destroyed.connect(self._task.cancel)  # type: ignore[attr-defined]

    def cancel(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._task = None
        self.params.set_busy(False)
        self._update_export_enabled()

    def is_busy(self) -> bool:
        return (self._task is not None and not self._task.done) or bool(self._steps)

    def _on_pane_ready(self, generation: int, doc: int, links: list[Link]) -> None:
        """All of pane `doc`'s pairs are matched while others still run: draw its highlights now, from
        provisional Links (numbered -1), when nothing is shown yet; `apply_result` then only relinks it.
        A view showing a result keeps it whole until the next one lands."""
        if not isValid(self) or generation != self._generation or self.result is not None:
            return
        reader = self.panes[doc].reader
        if doc in self._early or not set(reader.mark_kinds()) <= FRESH_KINDS:
            return
        self._early[doc] = (links, (self.show_formulas, self.sync.lead))
        self._steps.extend(
            highlight_steps(
                reader,
                links,
                self.labels(),
                show_formulas=self.show_formulas,
                top_partner=self.sync.lead,
                provisional=True,
            )
        )

    def _on_steps_finished(self) -> None:
        if self.result is not None:  # not after drawing early panes only
            self.highlights_ready.emit()
            unsaved, self._unsaved = self._unsaved, None
            after_drawing(unsaved, self.cache, now=getattr(self.runner, "inline", False))

    def _on_failure(self, generation: int, exc: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._task = None
        self.params.set_busy(False)
        self._update_export_enabled()
        if isinstance(exc, Cancelled):
            self.params.set_status(
                QCoreApplication.translate("CompareView", "Cancelled; showing the previous result.")
            )
        else:
            failed = QCoreApplication.translate("CompareView", "Comparison failed: {0}")
            self.params.set_status(failed.format(exc))

    def _on_result(
        self, generation: int, result: CompareResult, key: MemoKey | None = None, *, check: bool = False
    ) -> None:
        if not isValid(self) or generation != self._generation:  # closed meanwhile, or superseded
            return
        self._task = None
        self.params.set_busy(False)
        if key is not None:
            remember(key, result)
        self._unsaved = result if key is not None and result.matched else None
        if check and self.result is not None and same_result(self.result, result):
            self.result = replace(result, links=self.result.links)  # what is drawn already
            self._update_status()
        else:
            result_landed()  # its objects out of the collector's way until drawn (idle_work)
            self.apply_result(result)
        self._update_export_enabled()
