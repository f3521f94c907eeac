"""Reopening a comparison in the same session: the remembered result is drawn without the worker, and
checked by it when the library's boilerplate signal could have changed it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareView, highlights, result_memo
from app.ui.compare.highlights import FORMULA_KIND

from .conftest import sample_document

NAMES = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt", "04-county-exchange-remarks.txt")


class _RecordingRunner:
    """Records the work it is given and runs it only when the test says so."""

    def __init__(self) -> None:
        self.started: list[tuple] = []

    def start(self, work, *, on_success=None, on_failure=None, on_progress=None):
        class Pending:
            done = False

            def cancel(self) -> None:
                pass

        self.started.append((work, on_success))
        return Pending()

    def run_last(self) -> None:
        work, on_success = self.started[-1]
        on_success(work(lambda *_: None, lambda: False))


def _view(qtbot, documents, runner, **options) -> CompareView:
    view = CompareView(documents, runner=runner, **options)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    return view


def _drawn(view: CompareView) -> list[dict[str, list[tuple[int, int]]]]:
    return [pane.reader.highlighted_ranges() for pane in view.panes]


def test_a_reopened_comparison_is_drawn_from_memory_like_the_first(qtbot, prefs):
    documents = [sample_document(name) for name in NAMES]
    first = _view(qtbot, documents, TaskRunner(inline=True), prefs=prefs)
    first.wait_until_highlighted()
    assert first.result is not None and first.result.passages

    runner = _RecordingRunner()
    renamed = [replace(d, name=f"again-{d.name}") for d in documents]  # same texts, other names
    again = _view(qtbot, renamed, runner, prefs=prefs)
    again.wait_until_highlighted()
    assert runner.started == [], "no matching: the result came from memory"
    assert again.result is not None and again.result.passages == first.result.passages
    assert again.result.ratios == first.result.ratios and again.result.cached_pairs == 3
    assert [d.name for d in again.result.documents] == [d.name for d in renamed]  # exports name these
    assert _drawn(again) == _drawn(first)

    other = _view(qtbot, documents, runner, prefs=prefs)
    other.recompute(replace(other.params.settings(), min_chars=40))  # other knobs: matched again
    assert len(runner.started) == 1 and other.result is None


def test_with_a_library_signal_the_remembered_result_is_checked_once_drawn(qtbot, prefs):
    documents = [sample_document(name) for name in NAMES]
    first = _view(qtbot, documents, TaskRunner(inline=True), prefs=prefs)
    first.boilerplate_source = lambda: None
    first.wait_until_highlighted()

    runner = _RecordingRunner()
    again = _view(qtbot, documents, runner, prefs=prefs)
    again.boilerplate_source = lambda: None
    shown: list[object] = []
    again.result_ready.connect(shown.append)
    again.wait_until_highlighted()
    assert len(shown) == 1 and len(runner.started) == 1, "drawn from memory, then a check started"
    drawn = _drawn(again)
    runner.run_last()
    assert len(shown) == 1, "the check agreed: nothing drawn again"
    assert again.result.passages == first.result.passages and _drawn(again) == drawn
    assert not again.is_busy()

    # The library changed the answer meanwhile: the check's result replaces the remembered one.
    third = _view(qtbot, documents, runner, prefs=prefs)
    third.boilerplate_source = lambda: None
    third.wait_until_highlighted()
    work, on_success = runner.started[-1]
    fresh = work(lambda *_: None, lambda: False)
    changed = replace(fresh, comparison=replace(fresh.comparison, passages=fresh.passages[:1]), links=())
    on_success(changed)
    third.wait_until_highlighted()
    assert third.result.passages == fresh.passages[:1]
    sides = [
        mark
        for pane in third.panes
        for kind in pane.reader.mark_kinds()
        if kind.startswith("copy-") or kind == FORMULA_KIND
        for mark in pane.reader.marks(kind)
    ]
    assert len(sides) == 2, "one passage drawn: its two sides"


def test_a_restored_drawing_follows_later_changes_and_outlives_the_first_view(qtbot, prefs, monkeypatch):
    documents = [
        sample_document(NAMES[0], prefix="某某***同志：\n"),
        *(sample_document(n) for n in NAMES[1:]),
    ]
    first = _view(qtbot, documents, TaskRunner(inline=True), prefs=prefs)
    first.wait_until_highlighted()
    with monkeypatch.context() as patched:  # restored, not drawn: no edits are looked for
        patched.setattr(highlights, "_edits", lambda _links: pytest.fail("drawn again"))
        again = _view(qtbot, documents, _RecordingRunner(), prefs=prefs)
        again.wait_until_highlighted()
    assert _drawn(again) == _drawn(first)
    first.close()
    first.deleteLater()
    QApplication.processEvents()  # the first view's panes are gone; the drawing they made is not

    reader = again.panes[0].reader
    redacted = reader.text().index("***")
    tips = [reader.mark_tooltip(kind, mark) for kind, mark in reader.marks_at(redacted)]
    assert tips == ["Redacted in the source (3 characters)"]
    again.set_formulas_visible(False)
    again.set_lead(1)
    again.wait_until_highlighted()

    highlights.forget_drawn()
    result_memo.forget_all()
    fresh = _view(qtbot, documents, TaskRunner(inline=True), prefs=prefs)
    fresh.set_formulas_visible(False)
    fresh.set_lead(1)
    fresh.wait_until_highlighted()
    assert _drawn(again) == _drawn(fresh)


def test_a_remembered_result_lands_after_the_loop_has_turned_past_the_first_paint(qtbot):
    """The first paint and the remembered result's arrival are two stalls, not one: the event loop's timers
    (and the user's input) are served between them."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    documents = [sample_document(name) for name in NAMES[:2]]
    first = CompareView(documents, runner=TaskRunner(inline=True))
    qtbot.addWidget(first)
    first.wait_until_highlighted()
    view = CompareView(documents, runner=TaskRunner(inline=True))
    qtbot.addWidget(view)
    seen: list[str] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in seen:
                seen.append("paint")
            return False

    watch = PaintWatch()
    view.installEventFilter(watch)
    view.result_ready.connect(lambda _result: seen.append("result"))
    ticks = QTimer()
    ticks.setInterval(0)
    ticks.timeout.connect(lambda: seen and seen[-1] == "paint" and seen.append("tick"))
    ticks.start()
    view.resize(900, 600)
    view.show()
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    ticks.stop()
    assert seen[:3] == ["paint", "tick", "result"]


def test_panes_held_for_a_result_forgotten_before_the_start_are_drawn_while_it_matches(qtbot, monkeypatch):
    from app.ui.compare import matching

    result_memo.forget_all()
    monkeypatch.setattr(matching, "is_remembered", lambda _key: True)  # remembered at the paint, not after
    runner = _RecordingRunner()
    view = CompareView([sample_document(name) for name in NAMES[:2]], runner=runner)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitUntil(lambda: bool(runner.started), timeout=5000)  # matching, not shown from memory
    qtbot.waitUntil(lambda: not any(pane.reader.text_held for pane in view.panes), timeout=5000)
