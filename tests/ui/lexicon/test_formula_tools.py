"""Tools → Formula lexicon and Discover formulas, driven through the window over a real temporary library."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core.formulas.discover import DiscoveryCancelled
from app.core.formulas.lexicon import FormulaEntry
from app.core.formulas.shipped import shipped_lexicon
from app.store import open_library
from app.ui.common.merged_lexicon import MergedLexicon
from app.ui.lexicon import dialog as lexicon_dialog_module
from app.ui.lexicon.discover_panel import discover_in_library
from app.ui.lexicon.entry_dialog import LexiconEntryDialog

NEW = "三抓三促"


def _answer_entry_dialog(monkeypatch, fill):
    """Make the add/edit form answer like a user: `fill(dialog)` types, then OK (if OK is enabled)."""
    seen: list[LexiconEntryDialog] = []

    def exec_(dialog: LexiconEntryDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LexiconEntryDialog, "exec", exec_)
    return seen


def _select(qtbot, dialog, canonical):
    dialog.filter.setText(canonical)
    shown = dialog.shown_canonicals()
    assert canonical in shown
    dialog.select([canonical])
    assert dialog.selected_canonicals() == [canonical]


def test_add_edit_remove_through_the_dialog_persist_in_the_library(
    qtbot, window, monkeypatch, library_path, type_text
):
    dialog = window.formula_tools.show_lexicon()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() > 300  # the shipped lexicon is there from the start
    assert "两个维护" in [row.entry.canonical for row in dialog.model.rows()]

    def add(form: LexiconEntryDialog) -> None:
        type_text(form.canonical, NEW)
        type_text(form.variants, "“三抓三促”行动")
        form.expansion.setText("抓学习促提升、抓执行促落实、抓效能促发展")
        form.year.setValue(2023)

    _answer_entry_dialog(monkeypatch, add)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = window.service.lexicon.entry_for(NEW)
    assert added is not None and added.first_year == 2023 and added.variants == ("“三抓三促”行动",)
    assert dialog.selected_canonicals() == [NEW]
    source = dialog.model.index(
        dialog.model.rows().index(next(r for r in dialog.model.rows() if r.entry.canonical == NEW)), 5
    )
    assert source.data() == "user"

    def edit(form: LexiconEntryDialog) -> None:
        assert form.canonical.text() == NEW
        form.expansion.setText("抓学习促提升、抓执行促落实、抓效能促发展（甘肃）")
        form.category.setEditText("local")

    _answer_entry_dialog(monkeypatch, edit)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert window.service.lexicon.entry_for(NEW).expansion.endswith("（甘肃）")

    _select(qtbot, dialog, "两个维护")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "两个维护" not in dialog.shown_canonicals()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # undo is cheap: it comes back
    assert window.service.lexicon.entry_for("两个维护") is not None
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert window.service.lexicon.entry_for("两个维护") is None
    dialog.close()

    window.service.close()
    reopened = open_library(str(library_path))
    try:
        lexicon = MergedLexicon(reopened)
        entry = lexicon.entry_for(NEW)
        assert entry is not None and entry.category == "local" and entry.expansion.endswith("（甘肃）")
        assert lexicon.entry_for("两个维护") is None
        assert lexicon.entry_for("四个意识") is not None
    finally:
        reopened.close()


def test_a_wording_that_is_another_formula_keeps_ok_disabled(qtbot, window, monkeypatch, type_text):
    dialog = window.formula_tools.show_lexicon()

    def clash(form: LexiconEntryDialog) -> None:
        type_text(form.canonical, "两个维护")
        assert "两个维护" in form.problem.text()

    _answer_entry_dialog(monkeypatch, clash)
    rows = dialog.model.rowCount()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == rows


def test_import_with_a_malformed_row_names_its_line_and_loads_the_rest(
    qtbot, window, monkeypatch, tmp_path, library_path
):
    tsv = tmp_path / "mine.tsv"
    tsv.write_text(
        "#canonical\tvariants\toutdated\texpansion\tcategory\tfirst_year\n"
        "四下基层\t\t\t宣传党的路线方针政策下基层、调查研究下基层、信访接待下基层、现场办公下基层\tslogan\t1988\n"
        "坏年份\t\t\t\tslogan\tabc\n"
        "三个务必\t\t\t\tnumbered\t\n",
        encoding="utf-8",
    )
    warnings: list[tuple] = []
    monkeypatch.setattr(lexicon_dialog_module, "warn", lambda *args: warnings.append(args))
    monkeypatch.setattr(lexicon_dialog_module, "choose_import_file", lambda _parent: str(tsv))
    dialog = window.formula_tools.show_lexicon()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert len(warnings) == 1
    message = warnings[0][2]
    assert "Line 3" in message and "abc" in message
    assert "Line 2" not in message and "Line 4" not in message
    assert sorted(dialog.selected_canonicals()) == sorted(["四下基层", "三个务必"])
    assert window.service.lexicon.entry_for("四下基层").first_year == 1988
    assert window.service.lexicon.entry_for("坏年份") is None

    exported = tmp_path / "out.tsv"
    monkeypatch.setattr(lexicon_dialog_module, "choose_export_file", lambda _parent: str(exported))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[0] for line in lines[1:]] == ["三个务必", "四下基层"]

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # the whole import is one step
    shipped = {e.canonical: e for e in shipped_lexicon().entries}
    for canonical in ("四下基层", "三个务必"):  # back to the shipped version, or gone if Duidu ships none
        assert window.service.lexicon.entry_for(canonical) == shipped.get(canonical)


def test_discovery_lists_candidates_and_an_accepted_one_is_marked_in_the_reader(qtbot, window):
    window.import_demo()
    assert window.model.rowCount() >= 5
    panel = window.formula_tools.show_discover()
    with qtbot.waitSignal(panel.finished, timeout=30000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    texts = [c.text for c in panel.candidates()]
    assert panel.table.rowCount() == len(texts) > 5
    assert "两个维护" not in texts  # known formulas are hidden unless asked for
    scores = [float(panel.table.item(row, 1).text()) for row in range(panel.table.rowCount())]
    assert scores == sorted(scores, reverse=True)  # best first
    for row in range(panel.table.rowCount()):  # the context cell is trimmed around the candidate
        assert panel.table.item(row, 0).text() in panel.table.item(row, 4).text()
    candidate = next(c for c in panel.candidates() if c.text == "牛鼻子")
    assert candidate.df >= 3 and candidate.first_date.startswith("20") and "牛鼻子" in candidate.context
    panel.show_known.setChecked(True)
    assert "两个维护" in [c.text for c in panel.candidates()]
    panel.show_known.setChecked(False)

    doc_id = int(candidate.docs[0])
    reader = window.open_reader(doc_id)
    assert not [h for h in reader.formula_hits() if h.formula == "牛鼻子" and h.source == "lexicon"]

    panel.select_texts(["牛鼻子"])
    assert panel.selected_texts() == ["牛鼻子"]
    with qtbot.waitSignal(reader.formulas_ready, timeout=10000):
        qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert "牛鼻子" not in [c.text for c in panel.candidates()]
    entry = window.service.lexicon.entry_for("牛鼻子")
    assert entry is not None and entry.category == "discovered"
    hits = [h for h in reader.formula_hits() if h.formula == "牛鼻子" and h.source == "lexicon"]
    assert hits and all(reader.text()[h.start : h.end] == "牛鼻子" for h in hits)
    marked = reader.pane.marks("formula")
    assert any((m.start, m.end) == (hits[0].start, hits[0].end) for m in marked)


def test_discovery_stops_when_cancelled(window):
    window.import_demo()
    with pytest.raises(DiscoveryCancelled):
        discover_in_library(window.service.library, frozenset(), lambda *_: None, lambda: True)


def test_merged_matcher_follows_user_changes(gui_library):
    lexicon = MergedLexicon(gui_library)
    shipped_matcher = lexicon.matcher()
    text = "要抓住“小切口”这个关键，推进三抓三促行动。"
    assert not [h for h in lexicon.find(text) if h.formula == NEW and h.source == "lexicon"]
    calls: list[int] = []
    lexicon.add_listener(lambda: calls.append(lexicon.version))
    lexicon.save(FormulaEntry(NEW, category="local"))
    assert calls == [1]
    assert lexicon.matcher() is not shipped_matcher
    assert [h.formula for h in lexicon.find(text) if h.source == "lexicon"] == [NEW]
    lexicon.apply({NEW: None})  # back to no user entry: the shared shipped matcher again
    assert lexicon.matcher() is shipped_matcher
    assert lexicon.clash(replace(FormulaEntry("新说法"), variants=("两个维护",))) == "两个维护"


def test_a_comparison_labels_a_shared_user_formula_as_formula(window):
    from app.core.model import DocumentMeta
    from app.ui.compare import CompareView
    from app.ui.compare.integration import attach_compare

    formula = "推进产业链供应链韧性提升行动三年攻坚和链主企业培育工程"  # longer than a lone stock clause
    texts = (
        f"今年我们要在全市范围内，{formula}，确保各项目标任务如期完成。另外还要抓好安全生产。",
        f"会议强调，各县区要{formula}，为高质量发展提供坚实支撑。同时要关注民生。",
    )
    ids = [window.service.add_text(text, DocumentMeta(title=f"讲话{n}"))[0] for n, text in enumerate(texts)]
    window.reload()
    attach_compare(window)
    window.select_ids(ids)
    window.act.compare.trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, CompareView)
    view.wait_until_highlighted()
    assert [p.kind for p in view.result.passages] == ["copy"]

    window.service.lexicon.save(FormulaEntry(formula, category="local"))  # the open comparison follows
    view.wait_until_highlighted()
    assert [p.kind for p in view.result.passages] == ["formula"]
    assert view.result.settings.lexicon_version == window.service.lexicon.fingerprint() != ""


def test_undated_formulas_show_when_the_library_first_used_them(window):
    from app.ui.lexicon.table_model import Column

    window.import_demo()
    dates = {}
    for row in window.model.rows():
        if "统筹发展和安全" in window.service.text(row.id) and row.date:
            dates[row.id] = row.date
    assert dates, "a demo speech should use 统筹发展和安全"
    dialog = window.formula_tools.show_lexicon()  # the window's runner is inline: the dates are in
    shown = {}
    for n, row in enumerate(dialog.model.rows()):
        if row.entry.canonical in ("统筹发展和安全", "四个意识"):
            shown[row.entry.canonical] = dialog.model.index(n, Column.FIRST_YEAR).data()
    assert shown["统筹发展和安全"] == f"library {min(dates.values())}"
    assert shown["四个意识"] == "2017"  # a verified year of first official use wins


def test_cancel_stops_a_running_discovery(qtbot, gui_library, monkeypatch):
    import threading

    from app.ui.common.tasks import TaskRunner
    from app.ui.lexicon import discover_panel as discover_panel_module
    from app.ui.lexicon.discover_panel import DiscoverPanel

    started = threading.Event()

    def slow_discovery(_library, _known, progress, cancelled):
        progress(1, 10)
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise DiscoveryCancelled

    monkeypatch.setattr(discover_panel_module, "discover_in_library", slow_discovery)
    runner = TaskRunner()  # a real worker thread
    panel = DiscoverPanel(gui_library, MergedLexicon(gui_library), runner)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert started.wait(5)
    assert panel.is_busy() and panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: panel.progress.maximum() == 10)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert "cancelled" in panel.status.text() and panel.run_button.isEnabled()
    runner.wait(5000)


def test_a_read_only_library_shows_the_lexicon_but_offers_no_edits(make_window, library_path):
    open_library(str(library_path)).close()
    library = open_library(str(library_path), readonly=True)
    try:
        window = make_window(library)
        dialog = window.formula_tools.show_lexicon()
        assert dialog.model.rowCount() > 300
        dialog.select(["两个维护"])
        assert not any(
            button.isEnabled()
            for button in (dialog.add_button, dialog.edit_button, dialog.remove_button, dialog.import_button)
        )
        assert dialog.export_button.isEnabled()
    finally:
        library.close()


def test_the_dialog_speaks_chinese(window, _english_interface):
    _english_interface.apply("zh_CN")
    dialog = window.formula_tools.show_lexicon()
    assert dialog.windowTitle() == "提法库"
    assert window.formula_tools.menu.title() == "工具(&T)"
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "提法"


def test_another_library_gets_its_own_lexicon(window, tmp_path):
    from app.ui.common.library_service import LibraryService

    first = window.formula_tools.show_lexicon()
    first.save(FormulaEntry(NEW, category="local"))
    other = open_library(str(tmp_path / "other.duidu.sqlite"))
    window.switch_service(LibraryService(other))
    assert window.formula_tools.dialog is None  # the old library's dialog closed with it
    second = window.formula_tools.show_lexicon()
    assert second is not first and second.lexicon is window.service.lexicon
    assert NEW not in [row.entry.canonical for row in second.model.rows()]
    other.close()
