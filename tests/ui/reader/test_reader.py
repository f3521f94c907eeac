"""The reader tab driven like a user would: outline clicks, Ctrl+F, formula marks arriving from a task."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from shiboken6 import isValid

from app.core.model import DocumentMeta
from app.core.structure import outline
from app.ui.common.tasks import TaskRunner
from app.ui.pane.formula_marks import formula_tooltip
from app.ui.reader.find_bar import find_hits
from app.ui.reader.widget import ReaderWidget

EXT_B = "\U0002000b"  # 𠀋
FORMULAS = ("习近平新时代中国特色社会主义思想", "两个确立", "两个维护", "以人民为中心")


@dataclass(frozen=True)
class Hit:
    """Shaped like app.core.formulas' FormulaHit (the fields the reader reads)."""

    start: int
    end: int
    text: str
    formula: str
    source: str = "lexicon"
    category: str = "numbered"
    expansion: str = ""


def fake_detect(text: str) -> list[Hit]:
    pattern = "|".join(map(re.escape, FORMULAS))
    return [Hit(m.start(), m.end(), m.group(), m.group()) for m in re.finditer(pattern, text)]


@pytest.fixture
def seed_text(corpus) -> str:
    return (corpus / "seed" / "city-secretary-study-session-2023.txt").read_text(encoding="utf-8")


def _reader(qtbot, text: str, **kwargs) -> ReaderWidget:
    kwargs.setdefault("runner", TaskRunner(inline=True))
    reader = ReaderWidget(text, DocumentMeta(title="测试讲话", speaker="某同志", date="2023-05"), **kwargs)
    qtbot.addWidget(reader)
    reader.resize(900, 560)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def test_formula_marks_from_provider_read_back_from_layout(qtbot, seed_text):
    reader = _reader(qtbot, seed_text, formula_hits_provider=fake_detect)
    expected = [(h.start, h.end) for h in fake_detect(seed_text)]
    assert len(expected) >= 8
    assert reader.pane.highlighted_ranges()["formula"] == expected


def test_formula_marks_after_astral_character(qtbot):
    text = f"{EXT_B}{EXT_B}同志指出，要做到两个维护。\n{EXT_B}坚持以人民为中心。"
    reader = _reader(qtbot, text, formula_hits_provider=fake_detect)
    assert reader.pane.highlighted_ranges()["formula"] == [
        (text.index("两个维护"), text.index("两个维护") + 4),
        (text.index("以人民为中心"), text.index("以人民为中心") + 6),
    ]


def test_formulas_arrive_from_a_worker_thread(qtbot, seed_text):
    runner = TaskRunner()
    reader = _reader(qtbot, seed_text, formula_hits_provider=fake_detect, runner=runner)
    if "formula" not in reader.pane.highlighted_ranges():
        with qtbot.waitSignal(reader.formulas_ready, timeout=5000):
            pass
    assert len(reader.pane.highlighted_ranges()["formula"]) == len(fake_detect(seed_text))
    runner.wait(1000)


def test_formula_tooltip_shows_canonical_category_and_usage(qtbot):
    text = "我们要增强两个维护的自觉。"
    usage = {"两个维护": 7}
    reader = _reader(qtbot, text, formula_hits_provider=fake_detect, usage_count=usage.get)
    pane = reader.pane
    cursor = pane.textCursor()
    cursor.setPosition(text.index("两个维护") + 1)
    rect = pane.cursorRect(cursor)
    tip = pane.tooltip_at(QPoint(rect.x() + 3, rect.center().y()))
    assert "两个维护" in tip and "numbered" in tip and "7" in tip
    assert formula_tooltip(Hit(0, 4, "两个 维护", "两个维护"), None).count("两个维护") == 1


def test_clicking_an_outline_entry_scrolls_the_heading_to_the_top(qtbot, seed_text):
    reader = _reader(qtbot, seed_text)
    headings = outline(seed_text)
    target = 2  # 三、 — far enough from the end to reach the top of the view
    item = reader.outline.item_for(target)
    rect = reader.outline.visualItemRect(item)
    qtbot.mouseClick(reader.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    block = reader.pane.document().findBlock(reader.pane.offsets.to_qt(headings[target].start))
    assert reader.pane.firstVisibleBlock().blockNumber() == block.blockNumber()
    assert reader.pane.first_visible_offset() == headings[target].start
    assert reader.outline.currentItem() is item


def test_outline_nests_levels(qtbot):
    text = "一、总体要求\n（一）指导思想\n1. 基本原则\n（二）主要目标\n二、重点任务\n正文。"
    reader = _reader(qtbot, text)
    tree = reader.outline
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0)
    assert first.childCount() == 2
    assert first.child(0).child(0).text(0).startswith("1.")


def test_find_marks_and_counts_all_hits_across_width_and_line_breaks(qtbot):
    text = "推动ＧＤＰ增长。\n推动GDP\n增长，GDP增长。"
    reader = _reader(qtbot, text)
    with qtbot.waitActive(reader):
        reader.activateWindow()
    reader.pane.setFocus()
    qtbot.keyClick(reader.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.edit, "gdp")  # QTest types Latin-1 only
    reader.find_bar.edit.insert("增长")  # as an input method would
    hits = reader.pane.transient_ranges()["find"]
    assert hits == [(2, 7), (11, 17), (18, 23)]  # full-width, across the line break, plain
    assert reader.find_bar.count_label.text() == "1 / 3"
    assert reader.pane.transient_ranges()["find-current"] == [(2, 7)]
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.pane.transient_ranges()["find-current"] == [(11, 17)]
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.find_bar.count_label.text() == "1 / 3"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_F3)
    assert reader.find_bar.current_index() == 1
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.pane.transient_ranges() == {}


def test_find_counts_hits_on_real_text(qtbot, seed_text):
    reader = _reader(qtbot, seed_text)
    reader.show_find()
    reader.find_bar.edit.setText("主题教育")
    assert len(reader.find_bar.hits()) == seed_text.count("主题教育") > 3
    assert reader.find_bar.count_label.text().endswith(f"/ {seed_text.count('主题教育')}")
    reader.find_bar.edit.setText("没有这句话")
    assert reader.find_bar.count_label.text() == "No results"
    assert "find" not in reader.pane.transient_ranges()


def test_find_hits_after_astral_character(qtbot):
    text = f"{EXT_B}两个维护，{EXT_B}两个维护"
    reader = _reader(qtbot, text)
    assert find_hits(reader.pane, "两个维护") == [(1, 5), (7, 11)]


def test_zoom_shortcuts_work_from_the_reader(qtbot):
    reader = _reader(qtbot, "坚持以人民为中心的发展思想")
    with qtbot.waitActive(reader):
        reader.activateWindow()
    reader.find_bar.open()  # focus in the find field: zoom still works
    size = reader.pane.point_size()
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.pane.point_size() == size + 1


@pytest.fixture
def shipped_detection():
    shipped = pytest.importorskip("app.core.formulas.shipped")
    return shipped.default_matcher().find


def test_real_formula_detection_read_back_on_real_text(qtbot, seed_text, shipped_detection):
    reader = _reader(qtbot, seed_text)  # default provider: the shipped lexicon and pattern rules
    hits = shipped_detection(seed_text)
    assert len(hits) > 20
    assert reader.formula_hits() == hits
    assert reader.pane.highlighted_ranges()["formula"] == [(h.start, h.end) for h in hits]


def test_real_detection_after_astral_character(qtbot, shipped_detection):
    text = f"{EXT_B}{EXT_B}同志强调，要增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n{EXT_B}坚持以人民为中心的发展思想。"
    reader = _reader(qtbot, text)
    hits = shipped_detection(text)
    formulas = {h.formula for h in hits}
    assert {"四个意识", "两个维护"} <= formulas
    assert reader.pane.highlighted_ranges()["formula"] == [(h.start, h.end) for h in hits]
    two = next(h for h in hits if h.formula == "两个维护")
    assert text[two.start : two.end] == "两个维护"
    pane = reader.pane
    cursor = pane.textCursor()
    cursor.setPosition(pane.offsets.to_qt(two.start) + 1)
    rect = pane.cursorRect(cursor)
    tip = pane.tooltip_at(QPoint(rect.x() + 3, rect.center().y()))
    assert "两个维护" in tip and "坚决维护" in tip  # canonical form and the lexicon's expansion


def test_pattern_candidates_are_styled_apart_from_lexicon_formulas(qtbot, seed_text, shipped_detection):
    reader = _reader(qtbot, seed_text)
    lexicon = next(h for h in reader.formula_hits() if h.source == "lexicon")
    pattern = next(h for h in reader.formula_hits() if h.source == "pattern")

    def fmt_at(offset: int):
        pane = reader.pane
        block = pane.document().findBlock(pane.offsets.to_qt(offset))
        rel = pane.offsets.to_qt(offset) - block.position()
        fr = next(f for f in block.layout().formats() if f.start <= rel < f.start + f.length)
        return QTextCharFormat(fr.format)

    assert fmt_at(lexicon.start).background().style() != Qt.BrushStyle.NoBrush
    assert fmt_at(pattern.start).background().style() == Qt.BrushStyle.NoBrush
    assert fmt_at(pattern.start).underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline


def test_reader_retranslates_when_the_language_changes(qtbot):
    from app.ui.shell.i18n import Translations

    reader = _reader(qtbot, "正文。", formula_hits_provider=fake_detect)
    translations = Translations()
    try:
        translations.apply("zh_CN")
        assert reader.find_bar.find_label.text() == "查找："
        assert reader.pane.zoom_actions()[0].text() == "放大"
        assert reader.outline.topLevelItem(0).text(0) == "未找到标题"
    finally:
        translations.apply("en")
    assert reader.find_bar.find_label.text() == "Find:"


def test_closing_a_reader_while_detection_runs_is_harmless(qtbot):
    import threading

    release = threading.Event()

    def slow_detect(text: str) -> list[Hit]:
        release.wait(5)
        return fake_detect(text)

    runner = TaskRunner()
    reader = ReaderWidget("要做到两个维护。", formula_hits_provider=slow_detect, runner=runner)
    pane = reader.pane
    reader.cancel_work()
    reader.deleteLater()
    qtbot.waitUntil(lambda: not isValid(pane))
    release.set()
    qtbot.waitUntil(lambda: runner.active_count() == 0)  # the result arrives and is dropped quietly


def test_header_shows_metadata_and_elides_long_titles(qtbot):
    title = "关于进一步加强和改进新时代基层党组织建设推动高质量发展的若干意见的说明" * 2
    reader = _reader(qtbot, "正文。", formula_hits_provider=fake_detect)
    reader.set_meta(DocumentMeta(title=title, speaker="某同志", date="2023-05"))
    reader.resize(320, 300)
    qtbot.waitUntil(lambda: reader.header.title_label.text().endswith("…"))
    assert reader.header.title_label.toolTip() == title == reader.title()
    details = reader.header.details()
    assert "某同志" in details and "2023-05" in details and "3 characters" in details


def test_escape_in_the_pane_closes_the_find_bar(qtbot):
    reader = _reader(qtbot, "两个维护，两个维护。", formula_hits_provider=fake_detect)
    reader.show_find()
    reader.find_bar.edit.setText("两个")
    assert len(reader.pane.transient_ranges()["find"]) == 2
    reader.pane.setFocus()
    qtbot.keyClick(reader.pane, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.pane.transient_ranges() == {}
