"""The compare toolbar and docks as a user meets them: counts in proper plurals, exports visible at
1200 px and usable only once there is something to export, export shortcuts, and docks tall enough to
read and remembered in the window's own preferences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication

from app.ui.common import settings as S
from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareView, export, result_memo
from app.ui.compare.integration import open_compare

from .conftest import sample_document

PAIR = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt")
TRIO = (*PAIR, "04-county-exchange-remarks.txt")


def _documents(names=PAIR):
    return [sample_document(name) for name in names]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _status_for(view: CompareView, full, copies: int, formulas: int) -> str:
    by_kind = {kind: [p for p in full.passages if p.kind == kind] for kind in ("copy", "formula")}
    chosen = tuple(by_kind["copy"][:copies] + by_kind["formula"][:formulas])
    view.result = replace(full, comparison=replace(full.comparison, passages=chosen))
    view.retranslate()
    return view.params.status.text()


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "1 copied passage · 1 shared formula", "2 copied passages · 3 shared formulas"),
        ("zh_CN", "1 处雷同段落 · 1 处共用提法", "2 处雷同段落 · 3 处共用提法"),
    ],
)
def test_status_counts_use_plural_forms(open_view, prefs, _english_interface, language, one, many):
    view = open_view(_documents(TRIO), prefs=prefs)
    _english_interface.apply(language)
    full = view.result
    assert _status_for(view, full, 1, 1) == one
    assert _status_for(view, full, 2, 3) == many


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("names", [PAIR, TRIO])
def test_export_actions_stay_visible_at_1200_px(open_view, prefs, _english_interface, language, names):
    _english_interface.apply(language)
    view = open_view(_documents(names), size=(1200, 800), prefs=prefs)
    _settle()
    for action in (view.act_export_html, view.act_export_pdf):
        button = view.toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), f"{action.text()} is behind the overflow chevron"
        assert button.geometry().right() <= view.toolbar.width()
    status = view.params.status
    assert status.isVisible() and status.width() > 0
    if status.is_elided():  # the whole sentence is still one hover away
        assert status.toolTip() == status.text()


class _PendingRunner:
    """A runner whose task never finishes until the test delivers its result."""

    def __init__(self) -> None:
        self.deliver = None

    def start(self, work, *, on_success=None, on_failure=None, on_progress=None):
        class Pending:
            done = False

            def cancel(self) -> None:
                pass

        self.deliver = on_success
        return Pending()


def test_exports_are_disabled_until_a_result_and_during_a_recompute(qtbot, prefs, monkeypatch):
    runner = _PendingRunner()
    view = CompareView(_documents(), runner=runner, prefs=prefs)
    qtbot.addWidget(view)
    asked: list[str] = []
    monkeypatch.setattr(export, "ask_and_export", lambda _view, kind: asked.append(kind))
    assert not view.act_export_html.isEnabled() and not view.act_export_pdf.isEnabled()
    view.act_export_html.trigger()
    assert asked == []

    inline = CompareView(_documents(), runner=TaskRunner(inline=True), prefs=prefs)
    qtbot.addWidget(inline)
    inline.ensure_started()
    result = inline.result
    assert result is not None and inline.act_export_html.isEnabled() and inline.act_export_pdf.isEnabled()

    result_memo.forget_all()  # the same texts: the view would show the result `inline` computed at once
    view.ensure_started()
    assert not view.act_export_html.isEnabled()
    runner.deliver(result)
    assert view.act_export_html.isEnabled() and view.act_export_pdf.isEnabled()
    view.recompute(replace(view.params.settings(), min_chars=30))  # the result on screen is being replaced
    assert not view.act_export_html.isEnabled() and not view.act_export_pdf.isEnabled()
    view.cancel()  # the previous result stays, and can be exported again
    assert view.act_export_html.isEnabled() and view.act_export_pdf.isEnabled()


def _bound_keys(widget) -> list[str]:
    keys = []
    for action in widget.findChildren(QAction):
        keys += [k.toString() for k in action.shortcuts()]
    keys += [s.key().toString() for s in widget.findChildren(QShortcut)]
    return keys


def test_export_shortcuts_are_unique_shown_and_work(window, qtbot, monkeypatch):
    view = open_compare(window, _documents())
    view.wait_until_highlighted()
    keys = _bound_keys(window)
    for action in (view.act_export_html, view.act_export_pdf):
        key = action.shortcut().toString()
        assert key and keys.count(key) == 1, f"{key} is bound more than once"
        assert action.shortcut().toString(action.shortcut().SequenceFormat.NativeText) in action.toolTip()
    asked: list[str] = []
    monkeypatch.setattr(export, "ask_and_export", lambda _view, kind: asked.append(kind))
    reader = view.panes[0].reader
    reader.setFocus()
    qtbot.keyClick(
        reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(
        reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert asked == ["html", "pdf"]


def _visible_rows(view: CompareView) -> float:
    table = view.passage_dock.table
    return table.viewport().height() / table.rowHeight(0)


def test_docks_show_enough_rows_and_keep_their_size_across_views(open_view, prefs, qtbot):
    first = open_view(_documents(), size=(1200, 800), prefs=prefs)
    _settle()
    assert _visible_rows(first) >= 6
    first.resizeDocks([first.passage_dock], [430], Qt.Orientation.Vertical)
    _settle()
    first.close()
    assert not prefs.get(S.COMPARE_DOCKS_PAIR).isEmpty()
    prefs.sync()

    restarted = S.Settings(QSettings(prefs.backend.fileName(), QSettings.Format.IniFormat))  # a new session
    second = open_view(_documents(), size=(1200, 800), prefs=restarted)
    _settle()
    assert abs(second.passage_dock.height() - first.passage_dock.height()) <= 2
    assert second.passage_dock.height() > 400
    assert restarted.get(S.COMPARE_DOCKS_MANY).isEmpty()  # three speeches keep their own arrangement


def test_the_view_uses_the_window_preferences_not_the_default_file(window):
    view = open_compare(window, _documents())
    view.wait_until_highlighted()
    assert view.prefs is window.prefs
    view.act_sync.trigger()
    assert window.prefs.get(S.COMPARE_SCROLL_LOCK) is False
    assert S.Settings().get(S.COMPARE_SCROLL_LOCK) is True  # the default settings file is untouched
