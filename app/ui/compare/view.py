"""The compare view: two to eight speeches side by side, their shared passages highlighted and linked.

The view coordinates; each behaviour lives in its own module (panes, highlights, scroll sync, overview,
passage table, heat map, diff panel, parameters, export, matching). Matching runs on the task runner
(when it starts and what lands: app.ui.compare.matching); when its result arrives each pane gets two
queued steps (find the edits inside near-copies, then set all its layers in one batch that re-formats each
block once), so the window keeps answering while thousands of formats go in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget
from shiboken6 import isValid

from app.core.passages import Passage
from app.ui.common import settings as S
from app.ui.common.heatmap import SimilarityMatrix
from app.ui.common.tasks import Task, TaskRunner
from app.ui.common.theme import current_theme
from app.ui.compare.compute import (
    CompareDocument,
    CompareResult,
    CompareSettings,
    LibrarySignal,
    PairCache,
)
from app.ui.compare.diff_panel import DiffPanel
from app.ui.compare.dock_memory import DockMemory, place_bottom_docks
from app.ui.compare.export_commands import ExportCommands
from app.ui.compare.highlights import (
    CURRENT_KIND,
    FORMULA_KIND,
    highlight_steps,
    link_colour,
    link_tooltip,
    passage_colours,
    relink,
)
from app.ui.compare.link_map import LinkMap
from app.ui.compare.links import Link
from app.ui.compare.matching import START_FALLBACK_MS, PaneRelay, ViewMatching
from app.ui.compare.pane_row import PaneRow
from app.ui.compare.params_bar import ParamsBar
from app.ui.compare.passage_navigation import PassageNavigation
from app.ui.compare.passage_table import PassageDock
from app.ui.compare.remembered_settings import remember_settings, remembered_settings
from app.ui.compare.scroll_sync import ScrollSync
from app.ui.compare.step_queue import StepQueue
from app.ui.compare.toolbar import CompareToolbar
from app.ui.pane import held_text

if TYPE_CHECKING:
    from app.ui.common.merged_lexicon import MergedLexicon

MIN_DOCUMENTS, MAX_DOCUMENTS = 2, 8
#: Compare views made in this process (app.ui.compare.warm_up warms only before the first).
views_made = 0


class CompareView(ViewMatching, PassageNavigation, ExportCommands, QMainWindow):
    """Shows `documents` side by side; embed it in a tab (it is a plain widget) or show it on its own."""

    #: A new result arrived (before its highlights are drawn).
    result_ready = Signal(object)
    #: Every highlight layer of the current result is applied.
    highlights_ready = Signal()
    #: A passage (its number in the comparison) became the current one.
    passage_selected = Signal(int)

    def __init__(
        self,
        documents: Sequence[CompareDocument],
        *,
        runner: TaskRunner | None = None,
        cache: PairCache | None = None,
        settings: CompareSettings | None = None,
        prefs: S.Settings | None = None,
        parent: QWidget | None = None,
        formula_lexicon: MergedLexicon | None = None,
        boilerplate_source: Callable[[], LibrarySignal | None] | None = None,
    ) -> None:
        super().__init__(parent)
        if not MIN_DOCUMENTS <= len(documents) <= MAX_DOCUMENTS:
            raise ValueError(f"compare {MIN_DOCUMENTS} to {MAX_DOCUMENTS} documents, not {len(documents)}")
        global views_made
        views_made += 1
        self.setWindowFlags(Qt.WindowType.Widget)
        self.documents = list(documents)
        self.runner = runner or TaskRunner(self)
        self.cache = cache
        self.theme = current_theme()
        self.result: CompareResult | None = None
        self.links: list[list[Link]] = [[] for _ in self.documents]
        self.current: Passage | None = None
        self.current_number = -1
        self.show_formulas = True
        self._started = False
        #: The library's merged formula lexicon (from the host); None means the shipped lexicon.
        self._formula_lexicon = formula_lexicon
        #: Builds the library's boilerplate signal (from the host); None: no corpus-wide boilerplate.
        self._boilerplate_source = boilerplate_source
        #: Opens another comparison (heat map click); the host replaces it to open a tab instead.
        self.open_documents: Callable[[list[CompareDocument]], object] = self._open_standalone
        self._task: Task | None = None
        #: A result whose newly matched pairs are still to be stored in the cache (once it is drawn).
        self._unsaved: CompareResult | None = None
        self._steps = StepQueue(self)
        self._steps.finished.connect(self._on_steps_finished)
        #: Panes drawn (or queued to be) from provisional Links while the first result was still matching:
        #: pane index → (those Links, (show_formulas, lead) they were drawn with). See `_on_pane_ready`.
        self._early: dict[int, tuple[list[Link], tuple[bool, int]]] = {}
        self._relay = PaneRelay(self)
        self._generation = 0
        #: Where the knobs, toggles and docks are remembered: the host window's preferences (tests pass
        #: their own); the default settings file only for a view made on its own.
        self.prefs = prefs if prefs is not None else S.Settings()
        settings = settings or remembered_settings(self.prefs)
        self.start_early(settings)  # the pool matches while the panes are built (see matching)
        self._build(settings)
        self.theme.changed.connect(self.on_theme_changed)
        self.retranslate()
        if self._task is not None:
            self.show_busy()
            self._update_export_enabled()
        # Else match after the first paint: the panes appear at once, and the worker does not compete with
        # the window's first layout for the interpreter. A view that is never shown starts anyway.
        QTimer.singleShot(START_FALLBACK_MS, self.ensure_started)

    @property
    def formula_lexicon(self) -> MergedLexicon | None:
        return self._formula_lexicon

    @formula_lexicon.setter
    def formula_lexicon(self, lexicon: MergedLexicon | None) -> None:
        self._formula_lexicon = lexicon
        self._restart_first_open()

    @property
    def boilerplate_source(self) -> Callable[[], LibrarySignal | None] | None:
        return self._boilerplate_source

    @boilerplate_source.setter
    def boilerplate_source(self, source: Callable[[], LibrarySignal | None] | None) -> None:
        self._boilerplate_source = source
        self._restart_first_open()

    def _restart_first_open(self) -> None:
        """The host changed the lexicon or the signal after the first open's matching started early."""
        if self._started and self.result is None and self._task is not None:
            self.recompute(self.params.settings())

    # ---- construction ------------------------------------------------------------------------------------

    def labels(self) -> list[str]:
        """Short names used in tooltips, the table and the heat map ("2 · title" with 3+ speeches)."""
        if len(self.documents) == 2:
            return [d.label for d in self.documents]
        return [f"{n + 1} · {d.label}" for n, d in enumerate(self.documents)]

    def _build(self, settings: CompareSettings) -> None:
        self.splitter = PaneRow(self.documents, self._link_colour)
        self.splitter.mark_clicked.connect(self._on_mark_clicked)
        self.splitter.lead_requested.connect(self.set_lead)
        self.splitter.passage_clicked.connect(self.select_passage)
        self.panes, self.link_maps = self.splitter.panes, self.splitter.link_maps
        self.setCentralWidget(self.splitter)
        self.sync = ScrollSync([pane.reader for pane in self.panes], self)
        self.set_lead(0)

        self.params = ParamsBar(settings)
        self.params.settings_changed.connect(self.recompute)
        self.params.settings_changed.connect(lambda chosen: remember_settings(self.prefs, chosen))
        self.params.cancel_requested.connect(self.cancel)
        self.toolbar = bar = CompareToolbar(
            self,
            self.params,
            previous_passage=self.previous_passage,
            next_passage=self.next_passage,
            formulas=self._toggle_formulas,
            sync=self._toggle_sync,
            export_html=self.ask_export_html,
            export_pdf=self.ask_export_pdf,
        )
        self.act_previous, self.act_next, self.act_formulas = bar.previous, bar.next, bar.formulas
        self.act_sync, self.act_export_html, self.act_export_pdf = bar.sync, bar.export_html, bar.export_pdf
        self.set_formulas_visible(self.prefs.get(S.COMPARE_SHOW_FORMULAS))
        self.act_sync.setChecked(self.prefs.get(S.COMPARE_SCROLL_LOCK))
        self.sync.set_enabled(self.act_sync.isChecked())
        self._update_export_enabled()
        self.addToolBar(self.toolbar)

        self.passage_dock = PassageDock(self)
        self.passage_dock.passage_selected.connect(self.select_passage)
        self.diff_panel = DiffPanel(self)
        self.matrix = SimilarityMatrix()
        self.matrix.pair_clicked.connect(self.open_pair)
        self.matrix_dock = None
        if len(self.documents) >= 3:  # a pair's one ratio is in the headers already
            self.matrix_dock = QDockWidget(self)
            self.matrix_dock.setObjectName("compare-matrix")
            self.matrix_dock.setWidget(self.matrix)
        docks = [dock for dock in (self.passage_dock, self.diff_panel, self.matrix_dock) if dock is not None]
        place_bottom_docks(self, docks)
        option = S.COMPARE_DOCKS_PAIR if self.matrix_dock is None else S.COMPARE_DOCKS_MANY
        self.dock_memory = DockMemory(self, docks, self.prefs, option)

    def retranslate(self) -> None:
        self.toolbar.retranslate()
        if self.matrix_dock is not None:
            self.matrix_dock.setWindowTitle(self.tr("Similarity matrix"))
        for widget in (self.params, self.passage_dock, self.diff_panel, *[p.header for p in self.panes]):
            widget.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        """A short tab title: both titles' beginnings for a pair, the count for more."""
        if len(self.documents) == 2:
            return " ↔ ".join(d.label if len(d.label) <= 8 else d.label[:7] + "…" for d in self.documents)
        return "⇄ " + QCoreApplication.translate("MainWindow", "%n speech(es)", "", len(self.documents))

    def on_theme_changed(self) -> None:
        """Light/dark switched: the panes redraw their own layers; recolour what the view painted itself."""
        if not isValid(self) or self.result is None:
            return
        self._recolour()
        for pane in self.panes:
            pane.overview.update()
        for link_map in self.link_maps:
            link_map.update()
        if self.current is not None:
            self.diff_panel.show_passage(self.current, self.labels())

    def _recolour(self) -> None:
        """Header chips and table swatches in the current theme's colours."""
        if self.result is None:
            return
        for pane in self.panes:
            pane.header.set_colour(self.theme.partner_colour(pane.index) if len(self.documents) > 2 else None)
        self.passage_dock.model.set_colours(self._passage_colours())

    def _passage_colours(self):
        assert self.result is not None
        return passage_colours(self.theme, self.result.passages, len(self.documents))

    def _link_colour(self, link: Link):
        return link_colour(self.theme, link, len(self.documents))

    # ---- computing -----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: isValid(self) and self.dock_memory.shown())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            self.start_after_paint()

    def apply_result(self, result: CompareResult) -> None:
        """Show `result`: headers at once; matrix, link maps, table, sync map and highlight layers in steps,
        a few per event-loop turn (see StepQueue). The matrix and link maps are steps too: set with the
        headers, their repaint joined the result's arrival in one stall (~25 ms with eight speeches)."""
        self.result = result
        self.links = result.links_by_doc()
        labels = self.labels()
        self.current, self.current_number = None, -1
        self.diff_panel.show_passage(None, labels)
        colours = self._passage_colours()
        for pane in self.panes:
            pane.header.set_colour(self.theme.partner_colour(pane.index) if len(self.documents) > 2 else None)
        for pane in self.panes:
            pane.header.set_ratio(result.ratios[pane.index])
            pane.reader.clear_transient(CURRENT_KIND)
            pane.overview.set_current([])
        self._update_status()
        self.result_ready.emit(result)
        self._queue_highlights(
            [
                lambda: (self.matrix.set_matrix(labels, result.pair_ratios), self.matrix.repaint()),
                *self._link_map_steps(paint=True),
                lambda: self.passage_dock.set_passages(result.passages, labels, colours),
                lambda: self.sync.set_links(self.links),
                self.passage_dock.paint_filled,  # a turn after the fill: one paint of the filled table
            ]
        )

    def _queue_highlights(self, first: Sequence[Callable[[], object]] = ()) -> None:
        steps: list[Callable[[], object]] = list(first)
        labels = self.labels()
        early, self._early = self._early, {}
        options = (self.show_formulas, self.sync.lead)
        for pane in self.panes:
            drawn = early.get(pane.index)
            if drawn is not None and drawn[1] == options:
                final = self.links[pane.index]
                steps.append(
                    lambda pane=pane, final=final: relink(
                        pane.reader, final, labels, show_formulas=options[0], top_partner=options[1]
                    )
                )
                steps.append(lambda pane=pane: pane.overview.set_links(self._overview_links(pane.index)))
                continue
            steps += highlight_steps(
                pane.reader,
                self.links[pane.index],
                labels,
                show_formulas=self.show_formulas,
                top_partner=self.sync.lead,
            )
            steps.append(lambda pane=pane: pane.overview.set_links(self._overview_links(pane.index)))
            if held_text.claim(pane.reader):  # a remembered result, before the pane's text was drawn
                steps.append(partial(held_text.reveal, pane.reader))  # drawn once, highlighted
        if early:  # the early panes' steps still queued draw first; the relinks follow them
            self._steps.extend(steps)
        else:
            self._steps.replace(steps)

    def wait_until_highlighted(self) -> None:
        """Apply any queued highlight steps now (tests and exports that need the final state).

        With an inline task runner this also computes, if the view has not started yet; every pane's text is
        drawn from the next paint on (not in turns of its own, see held_text).
        """
        self.ensure_started()
        self._steps.run_all()
        for pane in self.panes:
            held_text.reveal(pane.reader)

    def _update_link_maps(self) -> None:
        for step in self._link_map_steps():
            step()

    def _link_map_steps(self, paint: bool = False) -> list[Callable[[], object]]:
        """Give each link map its bands (the links from its left pane to its right one), a step each;
        `paint`: each map drawn in its step (left to Qt, the seven maps' repaints came together after
        later steps, ~10 ms in one go)."""

        def step(index: int, link_map: LinkMap) -> None:
            link_map.set_links([k for k in self._overview_links(index) if k.partner == index + 1])
            if paint:
                link_map.repaint()

        return [partial(step, index, link_map) for index, link_map in enumerate(self.link_maps)]

    def _overview_links(self, doc: int) -> list[Link]:
        return [k for k in self.links[doc] if self.show_formulas or k.kind != "formula"]

    def _update_status(self, computing: bool = False) -> None:
        if computing:
            self.params.set_status(self.tr("Comparing…"))
            return
        if self.result is None:
            self.params.set_status("")
            return
        if self.result.trouble:
            self.params.set_status(
                self.tr("A matching process failed ({0}); the rest was matched here.").format(
                    self.result.trouble
                )
            )
            return
        copies = sum(p.kind == "copy" for p in self.result.passages)
        formulas = len(self.result.passages) - copies
        text = (
            self.tr("%n copied passage(s)", "", copies)
            + " · "
            + self.tr("%n shared formula(s)", "", formulas)
        )
        self.params.set_status(text)

    def _update_export_enabled(self) -> None:
        """Exports need a result, and not one about to be replaced by a running recompute."""
        ready = self.result is not None and (self._task is None or self._task.done)
        self.act_export_html.setEnabled(ready)
        self.act_export_pdf.setEnabled(ready)

    # ---- formulas and lead pane ------------------------------------------------------------------------------

    def _toggle_formulas(self, visible: bool) -> None:
        self.prefs.set(S.COMPARE_SHOW_FORMULAS, visible)
        self.set_formulas_visible(visible)

    def _toggle_sync(self, enabled: bool) -> None:
        self.prefs.set(S.COMPARE_SCROLL_LOCK, enabled)
        self.sync.set_enabled(enabled)

    def set_formulas_visible(self, visible: bool) -> None:
        self.show_formulas = visible
        self.act_formulas.setChecked(visible)
        if self.result is None:
            return
        labels = self.labels()
        for pane in self.panes:
            formulas = [k for k in self.links[pane.index] if k.kind == "formula"] if visible else []
            if formulas:
                pane.reader.set_marks(
                    FORMULA_KIND, formulas, tooltip=lambda mark: link_tooltip(mark.payload, labels)
                )
            else:
                pane.reader.clear_marks(FORMULA_KIND)
            pane.overview.set_links(self._overview_links(pane.index))
        self._update_link_maps()
        if not visible and self.passage_dock.proxy.kind == "":
            self.passage_dock.kind.setCurrentIndex(self.passage_dock.kind.findData("copy"))

    def set_lead(self, index: int) -> None:
        """Make pane `index` the reference: the others follow it, and its colour is drawn on top."""
        changed = index != self.sync.lead
        self.sync.set_lead(index)
        for pane in self.panes:
            pane.header.set_lead(pane.index == index)
        if changed and self.result is not None and len(self.panes) > 2:
            self._queue_highlights()

    # ---- other comparisons -------------------------------------------------------------------------

    def open_pair(self, row: int, column: int) -> object:
        """Open speeches `row` and `column` on their own (heat map click)."""
        pair = sorted((row, column))
        return self.open_documents([self.documents[pair[0]], self.documents[pair[1]]])

    def _open_standalone(self, documents: list[CompareDocument]) -> CompareView:
        view = CompareView(
            documents, runner=self.runner, cache=self.cache, settings=self.params.settings(), prefs=self.prefs
        )
        view.setWindowFlags(Qt.WindowType.Window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setWindowTitle(view.title())
        view.resize(self.size())
        view.show()
        return view

    def closeEvent(self, event: QCloseEvent) -> None:
        self.dock_memory.save()
        self.cancel()
        self._steps.clear()
        super().closeEvent(event)
