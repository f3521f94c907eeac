"""The passage table (sort, filters, selection), the heat map, and recomputing with other parameters."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt

from app.core.passages import PassageParams, compare_many
from app.ui.common.tasks import TaskRunner
from app.ui.compare.compute import CompareSettings
from app.ui.compare.passage_table import PAINT_FILLED_MS, Col

from .conftest import corpus_document


def test_table_model_passes_qt_model_checks(open_view, corpus, qtmodeltester):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    qtmodeltester.check(view.passage_dock.model)
    qtmodeltester.check(view.passage_dock.proxy)
    assert view.passage_dock.proxy.rowCount() == len(view.result.passages)


def test_table_filters_by_length_kind_and_pair(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    dock, passages = view.passage_dock, view.result.passages
    dock.min_length.setValue(40)
    shown = [passages[n] for n in dock.visible_numbers()]
    assert shown and len(shown) == sum(max(len(p.a_text), len(p.b_text)) >= 40 for p in passages)
    dock.min_length.setValue(0)
    dock.kind.setCurrentIndex(dock.kind.findData("formula"))
    assert {passages[n].kind for n in dock.visible_numbers()} == {"formula"}
    dock.kind.setCurrentIndex(dock.kind.findData(""))
    dock.set_pair((1, 2))
    assert dock.current_pair() == (1, 2)
    shown = [passages[n] for n in dock.visible_numbers()]
    assert shown and {(p.a, p.b) for p in shown} == {(1, 2)}
    assert len(shown) == sum((p.a, p.b) == (1, 2) for p in passages)
    assert f"({len(shown)} " in dock.windowTitle()


def test_table_sorts_by_similarity_and_selecting_a_row_shows_both_sides(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    dock = view.passage_dock
    dock.table.sortByColumn(Col.SIMILARITY, Qt.SortOrder.AscendingOrder)
    sims = [view.result.passages[n].similarity for n in dock.visible_numbers()]
    assert sims == sorted(sims)
    row = len(sims) // 2
    rect = dock.table.visualRect(dock.proxy.index(row, Col.TEXT))
    dock.table.scrollTo(dock.proxy.index(row, Col.TEXT))
    rect = dock.table.visualRect(dock.proxy.index(row, Col.TEXT))
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    p = view.result.passages[dock.visible_numbers()[row]]
    assert view.current == p
    for doc, start in ((p.a, p.a_start), (p.b, p.b_start)):
        first, last = view.panes[doc].reader.visible_range()
        assert first <= start < last


def test_heat_map_cell_opens_the_pair(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    opened = []
    view.open_documents = opened.append
    matrix = view.matrix
    assert matrix.value(0, 2) == view.result.pair_ratios[0, 2]
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_rect(2, 0).center().toPoint())
    assert [d.name for d in opened[0]] == ["gwr-2021.txt", "gwr-2023.txt"]
    assert matrix.cell_at(QPointF(1, 1)) is None
    two = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    assert two.matrix_dock is None


def test_new_parameters_recompute_and_change_the_panes(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    before = len(view.result.passages)
    view.params.min_chars.setValue(30)
    view.params.apply_now()
    view.wait_until_highlighted()
    texts = [d.text for d in view.documents]
    expected = compare_many(
        texts, PassageParams(min_chars=30, formula_oracle=view.result.settings.engine_params().formula_oracle)
    )
    assert view.result.settings == CompareSettings(min_chars=30)
    assert view.result.passages == expected.passages and len(expected.passages) < before
    copies = [(p.a_start, p.a_end) for p in expected.passages if p.kind == "copy"]
    drawn = view.panes[0].reader.highlighted_ranges()["copy-1"]
    assert {i for s, e in drawn for i in range(s, e)} >= {
        i for s, e in copies for i in range(s, e) if texts[0][i] != "\n"
    }
    # counting formulas raises the ratios
    view.params.min_chars.setValue(12)
    view.params.count_formulas.setChecked(True)
    view.params.apply_now()
    assert view.result.ratios[0] > view.result.comparison.summary[0].a_copy_ratio


def test_recompute_runs_in_the_background_and_can_be_cancelled(corpus, qtbot):
    from app.ui.compare import CompareView

    runner = TaskRunner()
    view = CompareView([corpus_document(corpus, y) for y in (2021, 2022, 2023, 2024)], runner=runner)
    qtbot.addWidget(view)
    view.ensure_started()  # (a shown view starts after its first paint)
    assert view.is_busy() and not view.params.progress.isHidden()
    view.cancel()
    runner.wait(20_000)
    qtbot.wait(50)
    assert view.result is None and view.params.progress.isHidden()
    with qtbot.waitSignal(view.highlights_ready, timeout=20_000):
        view.recompute(CompareSettings())
    assert view.result is not None and len(view.result.documents) == 4


def test_a_filled_table_is_painted_once(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    dock = view.passage_dock
    viewport = dock.table.viewport()
    qtbot.waitUntil(lambda: dock.table.updatesEnabled())
    painted: list[int] = []

    class Counter(QObject):
        def eventFilter(self, watched, event) -> bool:
            if watched is viewport and event.type() == QEvent.Type.Paint:
                painted.append(event.rect().height())
            return False

    counter = Counter()
    viewport.installEventFilter(counter)
    passages = view.result.passages
    dock.set_passages([], view.labels())  # an empty table, then the rows again: reset, layout, scroll bar
    qtbot.wait(PAINT_FILLED_MS + 100)
    painted.clear()
    dock.set_passages(passages, view.labels())
    qtbot.wait(0)  # the turn after the fill (the compare view queues `paint_filled` as its next step)
    dock.paint_filled()
    qtbot.wait(PAINT_FILLED_MS + 100)
    viewport.removeEventFilter(counter)
    assert len(painted) == 1, painted
    assert dock.proxy.rowCount() == len(passages)


def test_progress_is_painted_at_the_bars_next_paint_not_at_once(qtbot):
    """QProgressBar.setValue repaints the bar on the spot; a pair landing must not cost a paint of its own."""
    from app.ui.compare.params_bar import ParamsBar

    bar = ParamsBar(CompareSettings())
    qtbot.addWidget(bar)
    bar.resize(900, 40)
    bar.show()
    qtbot.waitExposed(bar)
    bar.set_busy(True)
    qtbot.wait(20)
    paints: list[int] = []

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(bar.progress.value())
            return False

    counter = Paints()
    bar.progress.installEventFilter(counter)
    for done in range(1, 29):
        bar.set_progress(done, 28)
    assert paints == []  # none while the pairs landed
    qtbot.waitUntil(lambda: bool(paints))  # then painted, as it stands
    assert set(paints) == {28} and bar.progress.text() == "28 of 28 pairs"


def test_an_unfiltered_table_reads_no_passage_to_filter_its_rows(open_view, corpus, monkeypatch):
    """A first fill asks the filter about each of thousands of rows: with no filter set it reads none."""
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    dock, passages = view.passage_dock, view.result.passages
    read: list[int] = []
    passage = dock.model.passage
    monkeypatch.setattr(dock.model, "passage", lambda row: (read.append(row), passage(row))[1])
    dock.proxy.set_filters(kind="")
    assert read == [] and len(dock.visible_numbers()) == len(passages)
    dock.proxy.set_filters(kind="formula")
    assert read and {passages[n].kind for n in dock.visible_numbers()} == {"formula"}
