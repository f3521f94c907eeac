"""The Trace dock in the real main window: similar speeches, passage search, formula timeline and table,
copy network — driven the way a user does, with tasks run inline."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.model import DocumentMeta
from app.ui.compare.integration import attach_compare

ORIGINAL = (
    "同志们：\n今年以来，全区上下坚决做到两个维护，扎实推进棚户区改造，新建保障性住房三千套，"
    "完成老旧小区供热管网改造一百二十公里，城市集中供热普及率达到百分之九十五。\n"
    "新增城镇就业岗位四千二百个，城乡居民医疗保险参保率稳定在百分之九十八以上。\n"
)
REVISED = (
    ORIGINAL.replace("三千套", "三千五百套").replace("今年以来", "过去一年") + "明年要继续增强四个意识。\n"
)
UNRELATED = (
    "各位代表：\n我们要增强四个意识，坚定四个自信，做到两个维护，推动草原生态保护，"
    "建设呼伦贝尔中心城市的航空港和物流园区，发展冰雪旅游和边境贸易。\n"
)


def _fill(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids = {}
    for key, text, meta in (
        (
            "original",
            ORIGINAL,
            DocumentMeta(title="二〇二〇年工作报告", speaker="张三", date="2020-02-01", genre="报告"),
        ),
        (
            "revised",
            REVISED,
            DocumentMeta(title="二〇二一年工作报告", speaker="张三", date="2021-02-01", genre="报告"),
        ),
        (
            "unrelated",
            UNRELATED,
            DocumentMeta(title="在人代会上的讲话", speaker="李四", date="2021-05-01", genre="讲话"),
        ),
    ):
        ids[key], _ = window.service.add_text(text, meta)
    window.reload()
    return ids


def test_the_trace_menu_shows_the_dock_with_its_panels(window) -> None:
    dock = window.trace
    assert not dock.isVisible()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "T&race" in titles
    dock.trace_actions.show_dock.trigger()
    assert dock.isVisible()
    assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == [
        "Similar speeches", "Passage search", "Formula timeline", "Formula table", "Copy network",
    ]  # fmt: skip


def test_similar_speeches_of_the_open_reader_and_one_click_to_compare(window, qtbot) -> None:
    attach_compare(window)
    ids = _fill(window)
    window.open_reader(ids["original"])
    window.trace.trace_actions.similar.trigger()
    panel = window.trace.similar
    assert panel.query_id == ids["original"]
    assert [r.document.id for r in panel.results] == [
        ids["revised"]
    ]  # the unrelated speech shares formulas only
    assert panel.table.item(0, 0).text() == "二〇二一年工作报告"
    assert "similar speech" in panel.status.text()
    rect = panel.table.visualItemRect(panel.table.item(0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.tabs.currentWidget()
    assert type(view).__name__ == "CompareView"
    assert [d.doc_id for d in view.documents] == [ids["original"], ids["revised"]]


def test_passage_search_from_a_selection_opens_the_other_place(window, qtbot) -> None:
    ids = _fill(window)
    reader = window.open_reader(ids["original"])
    start = ORIGINAL.index("新建保障性住房")
    end = ORIGINAL.index("百分之九十五") + len("百分之九十五")
    cursor = reader.pane.textCursor()
    cursor.setPosition(reader.pane.offsets.to_qt(start))
    cursor.setPosition(reader.pane.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    reader.pane.setTextCursor(cursor)
    window.trace.trace_actions.passage.trigger()
    panel = window.trace.passages
    assert window.trace.tabs.currentWidget() is panel
    assert panel.query.toPlainText() == ORIGINAL[start:end]
    hits = panel.search.hits
    assert [h.document.id for h in hits] == [ids["revised"]]  # not the speech it was selected in
    assert hits[0].text.startswith("新建保障性住房三千五百套") and hits[0].similarity < 1
    panel.table.setCurrentCell(0, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    other = window.tabs.currentWidget()
    assert other.property("doc_id") == ids["revised"]
    selected = other.pane.textCursor().selectedText()
    assert selected == hits[0].text


def test_formula_timeline_counts_context_chart_and_non_users(window, qtbot) -> None:
    ids = _fill(window)
    window.trace.show_panel(window.trace.concordance)
    panel = window.trace.concordance
    panel.date_from.setText("2021")
    panel.date_to.setText("2021")
    panel.formula.setText("四个意识")
    qtbot.keyClick(panel.formula, Qt.Key.Key_Return)
    assert panel.lines.rowCount() == 2  # one use each in the revised report and the speech
    assert {panel.lines.item(r, 3).text() for r in range(2)} == {"四个意识"}
    assert panel.lines.item(0, 2).text().endswith("明年要继续增强") or panel.lines.item(1, 2).text().endswith(
        "明年要继续增强"
    )
    assert panel.chart.bars() == [("2021", 2)]
    panel.grouping.setCurrentIndex(1)  # per speaker
    assert sorted(panel.chart.bars()) == [("张三", 1), ("李四", 1)]
    assert panel.non_users.count() == 0
    assert "First use in the library: 2021-02-01" in panel.summary.text()
    panel.set_formula("两个维护")  # still within 2021: the 2020 report's use is outside the period
    assert panel.lines.rowCount() == 2
    assert [
        panel.non_users.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.non_users.count())
    ] == []
    panel.date_from.setText("2020")
    panel.date_to.setText("2020")
    panel.set_formula("四个意识")
    assert panel.lines.rowCount() == 0
    assert [
        panel.non_users.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.non_users.count())
    ] == [ids["original"]]


def test_formula_table_of_the_selected_speeches(window) -> None:
    ids = _fill(window)
    window.select_ids(list(ids.values()))
    panel = window.trace.formula_table
    assert "3 selected" in panel.hint.text()
    panel.run()
    formulas = [panel.table.verticalHeaderItem(r).text() for r in range(panel.table.rowCount())]
    assert "两个维护" in formulas and "四个意识" in formulas
    row = formulas.index("四个意识")
    columns = {
        panel.table.item(row, c).data(Qt.ItemDataRole.UserRole)[1]: c
        for c in range(panel.table.columnCount())
    }
    assert panel.table.item(row, columns[ids["original"]]).text() == ""
    assert panel.table.item(row, columns[ids["unrelated"]]).text() == "1"


def test_copy_network_of_the_selection_points_from_the_earlier_report(window, qtbot) -> None:
    attach_compare(window)
    ids = _fill(window)
    window.select_ids(list(ids.values()))
    window.trace.show_panel(window.trace.network)
    panel = window.trace.network
    panel.threshold.setValue(20)
    qtbot.mouseClick(panel.build_button, Qt.MouseButton.LeftButton)
    edges = panel.network.edges
    assert [(e.source.id, e.target.id, e.directed) for e in edges] == [
        (ids["original"], ids["revised"], True)
    ]
    assert panel.table.item(0, 0).text() == "二〇二〇年工作报告" and panel.table.item(0, 6).text() == "→"
    panel.graph.resize(600, 300)
    panel.graph.repaint()
    a, b = (panel.graph._positions[i] for i in (ids["original"], ids["revised"]))
    bend = QPointF((a.x() + b.x()) / 2, min(a.y(), b.y()) - 0.15 * abs(b.x() - a.x()))
    middle = (a + bend * 2 + b) / 4  # the drawn curve at its half-way point
    assert panel.graph.edge_at(middle) is edges[0]
    with qtbot.waitSignal(panel.compare_requested) as signal:
        qtbot.mouseClick(panel.graph, Qt.MouseButton.LeftButton, pos=middle.toPoint())
    assert signal.args == [[ids["original"], ids["revised"]]]


def test_passage_search_from_a_selection_in_a_comparison(window) -> None:
    attach_compare(window)
    ids = _fill(window)
    window.compare_requested.emit([ids["revised"], ids["unrelated"]])
    view = window.tabs.currentWidget()
    pane = view.panes[0].reader
    start = REVISED.index("新增城镇就业岗位")
    cursor = pane.textCursor()
    cursor.setPosition(pane.offsets.to_qt(start))
    cursor.setPosition(pane.offsets.to_qt(REVISED.index("以上")), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    window.trace.trace_actions.search_selection()
    panel = window.trace.passages
    assert panel.exclude == ids["revised"]
    assert [h.document.id for h in panel.search.hits] == [ids["original"]]


def test_speeches_stored_without_fingerprints_are_indexed_when_the_library_loads(
    make_window, gui_library
) -> None:
    from app.store import add_document
    from app.store.index import clear_index, indexed_documents

    with gui_library.writer.begin() as session:  # as a library from before the index would be
        add_document(session, ORIGINAL, DocumentMeta(title="甲"))
        add_document(session, REVISED, DocumentMeta(title="乙"))
        clear_index(session)
    window = make_window(gui_library)
    with gui_library.reader() as session:
        assert indexed_documents(session) == 2
    assert "2" in window.statusBar().currentMessage()


def test_similar_results_name_their_source_in_the_tooltip(window) -> None:
    ids = _fill(window)
    window.select_ids([ids["original"]])
    window.trace.show_panel(window.trace.similar)
    tooltip = window.trace.similar.table.item(0, 0).toolTip()
    assert tooltip.splitlines()[:2] == ["二〇二一年工作报告", "张三"]


def test_the_trace_panels_follow_the_language(window) -> None:
    from app.ui.shell.i18n import Translations

    translations = Translations()
    try:
        translations.apply("zh_CN")
        dock = window.trace
        assert dock.windowTitle() == "溯源"
        assert dock.tabs.tabText(0) == "相似讲话" and dock.tabs.tabText(4) == "抄用关系图"
        assert dock.trace_actions.menu.title() == "溯源(&R)"
        assert dock.similar.find_button.text() == "查找相似讲话"
        assert dock.concordance.formula_label.text() == "提法"
        assert dock.network.scope.itemText(1) == "整个文库"
    finally:
        translations.apply("en")
    assert window.trace.tabs.tabText(0) == "Similar speeches"


def test_every_trace_question_has_a_keyboard_shortcut(window, qtbot) -> None:
    dock = window.trace
    with qtbot.waitActive(window):
        window.activateWindow()
    for key, panel in ((Qt.Key.Key_K, dock.concordance), (Qt.Key.Key_N, dock.network)):
        dock.hide()
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert dock.isVisible() and dock.tabs.currentWidget() is panel
    shortcuts = [a.shortcut().toString() for a in dock.trace_actions.menu.actions() if not a.isSeparator()]
    assert all(shortcuts) and len(set(shortcuts)) == len(shortcuts)


def test_a_long_formula_does_not_push_the_counts_out_of_a_narrow_dock(window) -> None:
    long_formula = "在思想上政治上行动上同以习近平同志为核心的党中央保持高度一致"
    text = f"同志们：\n我们要{long_formula}，增强四个意识，做到两个维护。\n"
    doc_id, _ = window.service.add_text(text, DocumentMeta(title="讲话", date="2023-01-01"))
    window.reload()
    window.select_ids([doc_id])
    panel = window.trace.formula_table
    window.trace.show_panel(panel)
    window.trace.resize(420, 500)
    panel.run()
    formulas = [panel.table.verticalHeaderItem(r).text() for r in range(panel.table.rowCount())]
    assert long_formula in formulas
    assert panel.table.verticalHeaderItem(formulas.index(long_formula)).toolTip() == long_formula
    QApplication.processEvents()  # lay the table out
    widest = 14 * panel.table.fontMetrics().horizontalAdvance("两")
    assert 0 < panel.table.verticalHeader().width() <= widest  # the counts stay in view


def test_indexing_an_older_library_shows_its_progress(make_window, gui_library, monkeypatch) -> None:
    from PySide6.QtWidgets import QStatusBar

    import app.store.tracing as tracing

    def ensure_fresh(_library, progress, _cancelled):  # type: ignore[no-untyped-def]
        progress(128, 300)
        return 300

    shown: list[str] = []
    monkeypatch.setattr(tracing, "ensure_fresh", ensure_fresh)
    monkeypatch.setattr(QStatusBar, "showMessage", lambda _bar, text, _timeout=0: shown.append(text))
    make_window(gui_library)
    assert shown == ["Indexing speeches for tracing: 128 of 300…", "Indexed 300 speeches for tracing."]
