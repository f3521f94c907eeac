"""Help → Keyboard shortcuts: the list comes from the live actions, filters as you type, and shows no clashes."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence

from app.ui.pane.reading_pane import ReadingPane
from app.ui.reader.find_bar import FindBar
from app.ui.shell.shortcuts_dialog import READER, WINDOW, ShortcutsDialog, collect_shortcuts, plain_text

NATIVE = QKeySequence.SequenceFormat.NativeText


def _open(window, qtbot) -> ShortcutsDialog:
    assert window.act.shortcuts in window.act.menu_help.actions()
    window.act.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _keys_of(dialog: ShortcutsDialog, command: str) -> list[str]:
    return [keys for text, keys in dialog.visible_rows() if text == command]


def test_menu_entry_opens_a_list_built_from_the_live_actions(window, qtbot):
    assert window.act.shortcuts.shortcut().toString(NATIVE) == "F1"
    dialog = _open(window, qtbot)
    for action in (window.act.import_files, window.act.compare, window.formula_tools.lexicon_action):
        keys = _keys_of(dialog, plain_text(action.text()))
        assert len(keys) == 1
        assert keys[0].split(", ")[0] == action.shortcut().toString(NATIVE)
    assert _keys_of(dialog, "Next passage") == ["F7, Alt+Down"]
    assert _keys_of(dialog, "Export PDF…") == [QKeySequence("Ctrl+Shift+P").toString(NATIVE)]
    groups = [group.title for group in collect_shortcuts(window)]
    assert groups[:5] == ["File", "Edit", "Library", "Trace", "Tools"]
    assert {"Help", "Reader", "Comparison"} <= set(groups)


def test_a_changed_shortcut_shows_up_without_editing_the_dialog(window, qtbot):
    window.act.compare.setShortcut(QKeySequence("Ctrl+Alt+K"))
    assert _keys_of(_open(window, qtbot), "Compare") == [QKeySequence("Ctrl+Alt+K").toString(NATIVE)]


def test_reader_rows_are_the_keys_of_a_real_reading_pane(window, qtbot):
    pane = ReadingPane("一段文字。")
    bar = FindBar(pane)
    qtbot.addWidget(pane)
    live = {a.text(): [k.toString(NATIVE) for k in a.shortcuts()] for a in pane.zoom_actions()}
    live |= {a.text(): [k.toString(NATIVE) for k in a.shortcuts()] for a in bar.actions_for_host()}
    reader = next(g for g in collect_shortcuts(window) if g.rows[0].context == READER)
    assert {row.text: list(row.keys) for row in reader.rows} == live


def test_typing_in_the_filter_narrows_the_rows(window, qtbot):
    dialog = _open(window, qtbot)
    everything = dialog.visible_rows()
    qtbot.keyClicks(dialog.filter, "export")
    assert [text for text, _keys in dialog.visible_rows()] == ["Export HTML…", "Export PDF…"]
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "f7")  # matches the key column too
    assert {text for text, _keys in dialog.visible_rows()} == {"Previous passage", "Next passage"}
    dialog.filter.clear()
    assert dialog.visible_rows() == everything and len(everything) > 25


def test_no_two_actions_share_a_key_where_both_are_live(window):
    groups = collect_shortcuts(window)
    rows = {
        (row.text, row.keys, row.context) for group in groups for row in group.rows
    }  # zoom is listed twice
    per_context = Counter((context, key) for _text, keys, context in rows for key in keys)
    clashes = [pair for pair, count in per_context.items() if count > 1]
    assert clashes == []
    window_keys = {key for (context, key) in per_context if context == WINDOW}
    scoped_keys = {key for (context, key) in per_context if context != WINDOW}
    assert window_keys & scoped_keys == set()  # a window-wide key would make a focused part's key ambiguous


def test_the_dialog_speaks_chinese(window, qtbot, _english_interface):
    _english_interface.apply("zh_CN")
    dialog = _open(window, qtbot)
    assert dialog.windowTitle() == "键盘快捷键"
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert titles[0] == "文件" and "阅读" in titles and "比对" in titles
    assert "(&" not in "".join(text for text, _keys in dialog.visible_rows())
