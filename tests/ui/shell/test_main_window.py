"""The main window driven like a user would: search, read, edit, remove and undo, compare, layout."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from app.core.model import DocumentMeta
from app.store import get_document, open_library
from app.ui.library.metadata_dialog import MetadataDialog
from app.ui.library.model import ID_ROLE, Column
from app.ui.library.paste_dialog import PasteDialog
from app.ui.shell import main_window as main_window_module

SPEECHES = (
    (
        "在全市经济工作会议上的讲话",
        DocumentMeta(title="在全市经济工作会议上的讲话", speaker="张三", date="2023-02-01", genre="讲话"),
        "同志们：\n今年要扎实推进共同富裕，稳住经济大盘。\n一、抓好项目建设\n项目是发展的生命线。\n",
    ),
    (
        "政府工作报告",
        DocumentMeta(title="政府工作报告", speaker="李四", date="2022-01-10", genre="报告", tags=("民生",)),
        "各位代表：\n过去一年，我们坚持稳中求进。\n",
    ),
    (
        "在安全生产会议上的讲话",
        DocumentMeta(title="在安全生产会议上的讲话", speaker="王五", date="2023-06-01", genre="讲话"),
        "安全生产责任重于泰山，要守住共同富裕的底线。\n",
    ),
)


def _fill(window):
    ids = {}
    for key, meta, text in SPEECHES:
        ids[key], _ = window.service.add_text(text, meta)
    window.reload()
    return ids


def _proxy_index(window, doc_id, column=Column.TITLE) -> QModelIndex:
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, column)
        if index.data(ID_ROLE) == doc_id:
            return index
    raise AssertionError(f"{doc_id} is not shown")


def _click_row(qtbot, window, doc_id, modifier=Qt.KeyboardModifier.NoModifier):
    index = _proxy_index(window, doc_id)
    window.table.scrollTo(index)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_library_size_in_status_bar(window):
    _fill(window)
    assert window.model.rowCount() == 3
    status = window.size_label.text()
    assert "3" in status
    total = sum(len(text) for _, _, text in SPEECHES)
    assert QLocale().toString(total) in status


def test_typing_a_chinese_substring_filters_by_full_text(qtbot, window, type_text):
    _fill(window)
    # "共同富裕" appears only in the texts of two speeches, never in their metadata.
    type_text(window.search_box, "共同富裕")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=3000)
    assert sorted(window.visible_titles()) == sorted(["在全市经济工作会议上的讲话", "在安全生产会议上的讲话"])
    assert "2" in window.size_label.text()  # "2 shown"
    # Two characters are enough.
    window.search_box.clear()
    type_text(window.search_box, "泰山")
    qtbot.waitUntil(lambda: window.visible_titles() == ["在安全生产会议上的讲话"], timeout=3000)
    # Metadata matches as well (speaker name), and clearing shows everything again.
    window.search_box.clear()
    type_text(window.search_box, "李四")
    qtbot.waitUntil(lambda: window.visible_titles() == ["政府工作报告"], timeout=3000)
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=3000)


def test_full_text_search_runs_in_a_worker(qtbot, make_window, gui_library, type_text):
    window = make_window(gui_library, inline=False)
    _fill(window)
    type_text(window.search_box, "稳中求进")
    qtbot.waitUntil(lambda: window.visible_titles() == ["政府工作报告"], timeout=5000)


def test_facets_narrow_the_table(window):
    _fill(window)
    window.facets.set_checked("year", "2023")
    assert sorted(window.visible_titles()) == sorted(["在全市经济工作会议上的讲话", "在安全生产会议上的讲话"])
    window.facets.set_checked("speaker", "王五")
    assert window.visible_titles() == ["在安全生产会议上的讲话"]
    window.clear_filters()
    assert window.proxy.rowCount() == 3


def test_double_click_opens_a_reader_tab_once(qtbot, window):
    ids = _fill(window)
    doc_id = ids["政府工作报告"]
    rect = window.table.visualRect(_proxy_index(window, doc_id))
    # A real double click starts with a click; item views ignore a bare double-click event.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.count() == 2
    reader = window.tabs.currentWidget()
    assert reader.property("doc_id") == doc_id
    assert (
        "稳中求进" in reader.findChild(QPlainTextEdit).toPlainText()
        if not isinstance(reader, QPlainTextEdit)
        else "稳中求进" in reader.toPlainText()
    )
    # Enter on the same row goes back to the same tab instead of opening another.
    window.tabs.setCurrentIndex(0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 1
    window.close_tab(1)
    assert window.tabs.count() == 1


def test_edit_metadata_is_persisted_and_undoable(qtbot, window, library_path, monkeypatch, type_text):
    ids = _fill(window)
    doc_id = ids["政府工作报告"]
    _click_row(qtbot, window, doc_id)
    assert window.selected_ids() == [doc_id]

    def fill_and_accept(dialog: MetadataDialog) -> int:
        dialog.speaker.clear()
        type_text(dialog.speaker, "赵六")
        dialog.tags.clear()
        type_text(dialog.tags, "民生，经济、财政")
        type_text(dialog.notes, "核对过原文")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetadataDialog, "exec", fill_and_accept)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert _proxy_index(window, doc_id, Column.SPEAKER).data() == "赵六"
    assert _proxy_index(window, doc_id, Column.TAGS).data() == "民生, 经济, 财政"

    with open_library(str(library_path)) as reopened, reopened.reader() as session:
        meta = get_document(session, doc_id).meta
    assert (meta.speaker, meta.tags, meta.notes) == ("赵六", ("民生", "经济", "财政"), "核对过原文")

    window.act.undo.trigger()
    assert _proxy_index(window, doc_id, Column.SPEAKER).data() == "李四"
    with open_library(str(library_path)) as reopened, reopened.reader() as session:
        assert get_document(session, doc_id).meta.speaker == "李四"


def test_delete_asks_and_undo_brings_the_speeches_back(qtbot, window, library_path, monkeypatch):
    ids = _fill(window)
    questions = []
    monkeypatch.setattr(main_window_module, "ask", lambda *args, **kw: questions.append(args[2]) or True)
    _click_row(qtbot, window, ids["政府工作报告"])
    _click_row(qtbot, window, ids["在安全生产会议上的讲话"], Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_ids()) == 2
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert len(questions) == 1 and "政府工作报告" in questions[0]
    assert window.visible_titles() == ["在全市经济工作会议上的讲话"]
    with open_library(str(library_path)) as reopened, reopened.reader() as session:
        assert get_document(session, ids["政府工作报告"]) is None

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.visible_titles()) == sorted(key for key, _, _ in SPEECHES)
    assert len(window.selected_ids()) == 2  # the restored speeches are selected
    restored = window.service.row(window.selected_ids()[0])
    assert restored is not None and restored.chars > 0
    with open_library(str(library_path)) as reopened, reopened.reader() as session:
        metas = [get_document(session, i) for i in window.selected_ids()]
    assert {m.meta.title for m in metas} == {"政府工作报告", "在安全生产会议上的讲话"}
    assert ("民生",) in {m.meta.tags for m in metas}


def test_delete_declined_changes_nothing(qtbot, window, monkeypatch):
    ids = _fill(window)
    monkeypatch.setattr(main_window_module, "ask", lambda *args, **kw: False)
    _click_row(qtbot, window, ids["政府工作报告"])
    window.act.delete.trigger()
    assert window.model.rowCount() == 3
    assert not window.undo_stack.canUndo()


def test_edit_after_remove_and_undo_follows_the_new_id(qtbot, window, monkeypatch):
    ids = _fill(window)
    doc_id = ids["政府工作报告"]
    before = window.service.document(doc_id).meta
    window.apply_metadata(doc_id, before, replace(before, genre="公报"))
    monkeypatch.setattr(main_window_module, "ask", lambda *args, **kw: True)
    window.select_ids([doc_id])
    window.delete_selected()
    window.undo_stack.undo()  # restored under a new id
    window.undo_stack.undo()  # the edit is undone on the restored speech
    new_id = window.selected_ids()[0]
    assert new_id != doc_id
    assert window.service.document(new_id).meta.genre == "报告"


def test_compare_needs_two_to_eight_and_emits_the_ids(qtbot, window):
    ids = _fill(window)
    window.select_ids([ids["政府工作报告"]])
    assert not window.act.compare.isEnabled()
    chosen = [ids["政府工作报告"], ids["在安全生产会议上的讲话"]]
    window.select_ids(chosen)
    assert window.act.compare.isEnabled()
    window.act.compare.trigger()  # nobody listens yet: the window says the view is not there
    assert "compare" in window.statusBar().currentMessage().lower()
    with qtbot.waitSignal(window.compare_requested) as blocker:
        window.act.compare.trigger()
    assert sorted(blocker.args[0]) == sorted(chosen)


def test_paste_text_adds_a_speech(qtbot, window, monkeypatch, type_text):
    def paste_and_accept(dialog: PasteDialog) -> int:
        type_text(dialog.title, "粘贴的讲话")
        dialog.text.setPlainText("同志们：\r\n我们要坚定不移推动高质量发展。\r\n")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", paste_and_accept)
    qtbot.keyClick(
        window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.visible_titles() == ["粘贴的讲话"]
    doc_id = window.selected_ids()[0]
    assert window.service.text(doc_id) == "同志们：\n我们要坚定不移推动高质量发展。\n"


def test_layout_is_remembered(qtbot, make_window, gui_library):
    first = make_window(gui_library)
    first.resize(700, 500)  # the offscreen screen is 800×600
    first.splitter.setSizes([150, 550])
    first.table.horizontalHeader().resizeSection(Column.TITLE, 123)
    first.close()
    second = make_window(gui_library)
    assert (second.width(), second.height()) == (700, 500)
    assert second.table.horizontalHeader().sectionSize(Column.TITLE) == 123
    assert second.splitter.sizes()[0] == 150


def test_headers_and_toolbar_are_not_clipped_in_either_language(window, _english_interface):
    _fill(window)
    for language in ("en", "zh_CN"):
        _english_interface.apply(language)
        window.library_view.fit_columns()
        header = window.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in Column:
            title = window.model.headerData(column, Qt.Orientation.Horizontal)
            assert metrics.horizontalAdvance(title) < header.sectionSize(column), (language, title)
        for action in window.act.toolbar.actions():
            button = window.act.toolbar.widgetForAction(action)
            if button is not None and button.isVisible():
                wanted = button.fontMetrics().horizontalAdvance(action.text().replace("&", ""))
                assert wanted <= button.width(), (language, action.text())


def test_other_views_close_like_readers_and_the_library_tab_stays(qtbot, window):
    from PySide6.QtWidgets import QLabel

    view = QLabel("a comparison")  # what the compare view adds: any widget as a tab
    window.tabs.addTab(view, "比对")
    window.tabs.setCurrentWidget(view)
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(view))
    assert window.tabs.count() == 1
    window.tabs.tabCloseRequested.emit(0)
    window.close_tab(0)
    assert window.tabs.count() == 1 and window.tabs.widget(0) is window.library_view


def test_ctrl_f_searches_the_library_or_the_open_speech(qtbot, window):
    ids = _fill(window)
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    reader = window.open_reader(ids["政府工作报告"])
    qtbot.keyClick(reader.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    assert window.tabs.currentWidget() is reader  # the library search did not steal it
    # Ctrl+L goes back to the library.
    qtbot.keyClick(reader.pane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_hidden_columns_are_remembered(make_window, gui_library):
    first = make_window(gui_library)
    menu = first.library_view.column_menu()
    role = next(action for action in menu.actions() if action.text() == "Role")
    role.setChecked(False)
    assert first.table.horizontalHeader().isSectionHidden(Column.ROLE)
    title = next(action for action in menu.actions() if action.text() == "Title")
    assert not title.isEnabled()  # the title column always stays
    first.close()
    second = make_window(gui_library)
    assert second.table.horizontalHeader().isSectionHidden(Column.ROLE)


def test_every_library_column_fits_the_default_window(window):
    """Long titles and organisations give way, so Length is not pushed off behind a scroll bar."""
    long_meta = DocumentMeta(
        title="在全市学习贯彻习近平新时代中国特色社会主义思想主题教育动员部署会议上的讲话" * 2,
        speaker="王某某",
        role="市委副书记、市长",
        organisation="中共汀岚市委员会办公室、汀岚市人民政府办公室",
        date="2023-04-20",
        genre="政府工作报告",
        tags=("主题教育", "动员部署"),
    )
    window.service.add_text("同志们：\n今天开会。\n" * 200, long_meta)
    window.reload()
    header = window.table.horizontalHeader()
    right = header.sectionViewportPosition(Column.LENGTH) + header.sectionSize(Column.LENGTH)
    assert right <= window.table.viewport().width()
    assert header.sectionSize(Column.TITLE) >= 200


def test_facets_make_room_for_readers_and_come_back_with_the_library(qtbot, make_window, gui_library):
    first = make_window(gui_library)
    ids = _fill(first)
    first.splitter.setSizes([180, 1000])
    first.open_reader(ids["政府工作报告"])
    assert not first.facets.isVisible()
    qtbot.waitUntil(lambda: first.tabs.width() > first.splitter.width() - 20)  # the reader takes their width
    first.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: first.splitter.sizes()[0] == 180)
    assert first.facets.isVisible()
    first.open_reader(ids["政府工作报告"])
    first.close()  # closed while reading: the library's facets still come back next time

    second = make_window(gui_library)
    assert second.tabs.currentIndex() == 0
    assert second.facets.isVisible() and second.splitter.sizes()[0] == 180


def test_readers_open_at_the_size_last_zoomed_to(qtbot, make_window, gui_library):
    first = make_window(gui_library)
    ids = _fill(first)
    pane = first.open_reader(ids["政府工作报告"]).pane
    base = pane.point_size()
    with qtbot.waitActive(first):
        first.activateWindow()
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoomed = pane.point_size()
    assert zoomed > base
    assert first.open_reader(ids["在安全生产会议上的讲话"]).pane.point_size() == zoomed
    first.close()

    second = make_window(gui_library)
    assert second.open_reader(ids["政府工作报告"]).pane.point_size() == zoomed


def test_the_paste_dialog_takes_ctrl_v_straight_into_its_text(qtbot):
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("同志们：\n剪贴板里的讲话。\n")
    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.text.toPlainText() == "同志们：\n剪贴板里的讲话。\n"
    assert dialog.title.text() == ""


def test_the_discover_dock_comes_back_where_it_was_left(qtbot, make_window, gui_library):
    first = make_window(gui_library)
    first.formula_tools.show_discover()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.formula_tools.dock)
    first.close()

    second = make_window(gui_library)
    dock = second.formula_tools.dock
    assert dock is not None and dock.isVisible()
    assert second.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    dock.close()
    second.close()

    third = make_window(gui_library)
    assert third.formula_tools.dock is None  # closed last time: not made at start


def test_the_last_search_and_facets_are_there_after_a_restart(qtbot, make_window, gui_library, type_text):
    first = make_window(gui_library)
    _fill(first)
    type_text(first.search_box, "共同富裕")
    first.facets.set_checked("genre", "讲话")
    qtbot.waitUntil(
        lambda: sorted(first.visible_titles()) == ["在全市经济工作会议上的讲话", "在安全生产会议上的讲话"]
    )
    first.close()

    second = make_window(gui_library)
    assert second.search_box.text() == "共同富裕"
    assert second.facets.checked() == {"genre": {"讲话"}}
    qtbot.waitUntil(lambda: len(second.visible_titles()) == 2)
    assert "2 shown" in second.size_label.text()
    second.clear_filters()
    assert len(second.visible_titles()) == 3


def test_readers_open_with_the_outline_width_last_dragged_to(qtbot, make_window, gui_library):
    first = make_window(gui_library)
    ids = _fill(first)
    splitter = first.open_reader(ids["在全市经济工作会议上的讲话"]).splitter
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(90, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(90, 0))
    wide = splitter.sizes()[0]
    assert wide > 250
    first.close()

    second = make_window(gui_library)
    assert second.open_reader(ids["政府工作报告"]).splitter.sizes()[0] == wide
