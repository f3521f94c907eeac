"""The search box waits for a pause in typing; facet checks survive a refresh of the library."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.common.library_service import LibraryRow
from app.ui.library.search_panel import FacetPanel, SearchBox

ROWS = [
    LibraryRow(1, "甲", speaker="张三", date="2023-01-01", genre="讲话", tags=("经济",)),
    LibraryRow(2, "乙", speaker="李四", date="2022-05-01", genre="报告", tags=("经济", "民生")),
]


def test_search_box_emits_once_after_typing_stops(qtbot):
    box = SearchBox(delay_ms=50)
    qtbot.addWidget(box)
    seen = []
    box.query_changed.connect(seen.append)
    qtbot.keyClicks(box, "econ")
    assert seen == []  # nothing while typing
    qtbot.waitUntil(lambda: seen == ["econ"], timeout=2000)
    qtbot.wait(120)
    assert seen == ["econ"]
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter searches at once
    assert seen == ["econ", "econ"]


def test_facets_count_values_and_keep_checks_across_refreshes(qtbot):
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.set_rows(ROWS)
    tag_group = panel.topLevelItem(3)
    assert [tag_group.child(i).text(0) for i in range(tag_group.childCount())] == ["经济 (2)", "民生 (1)"]
    years = panel.topLevelItem(1)
    assert [years.child(i).text(0) for i in range(years.childCount())] == ["2023 (1)", "2022 (1)"]
    with qtbot.waitSignal(panel.facets_changed) as blocker:
        panel.set_checked("tag", "民生")
    assert blocker.args == [{"tag": {"民生"}}]
    panel.set_rows([*ROWS, LibraryRow(3, "丙", tags=("民生",))])
    assert panel.checked() == {"tag": {"民生"}}
    assert "民生 (2)" in [tag_group.child(i).text(0) for i in range(tag_group.childCount())]
    # A checked value that disappears from the library is dropped, and listeners hear about it.
    with qtbot.waitSignal(panel.facets_changed) as blocker:
        panel.set_rows(ROWS[:1])
    assert blocker.args == [{}]
