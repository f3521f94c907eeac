"""The library table model and its filter/sort proxy."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPersistentModelIndex, Qt

from app.ui.common.library_service import LibraryRow
from app.ui.library.model import ID_ROLE, Column, LibraryFilterProxy, LibraryModel

ROWS = [
    LibraryRow(
        1, "在全省经济工作会议上的讲话", "张三", "省长", "某省", "2021-12-20", "讲话", ("经济",), 12000
    ),
    LibraryRow(2, "在安全生产会议上的讲话", "李四", "副省长", "某市", "2023-03-01", "讲话", ("安全",), 900),
    LibraryRow(3, "政府工作报告", "王五", "市长", "某市", "2023-01-15", "报告", ("经济", "民生"), 30500),
    LibraryRow(4, "Annual address", "安六", "", "", "2019", "讲话", (), 45),
]


def _proxy(rows=ROWS):
    model = LibraryModel()
    model.set_rows(rows)
    proxy = LibraryFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def _column(proxy, column):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def _ids(proxy):
    return sorted(proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount()))


def test_model_passes_qt_model_tester(qtmodeltester):
    model, proxy = _proxy()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_headers_and_display_values():
    model, _ = _proxy()
    assert model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Title"
    assert model.index(2, Column.TAGS).data() == "经济, 民生"
    assert model.index(0, Column.LENGTH).data() == QLocale().toString(12000)


def test_speakers_sort_by_pinyin_not_code_point():
    _, proxy = _proxy()
    proxy.sort(Column.SPEAKER, Qt.SortOrder.AscendingOrder)
    # pinyin: an, li, wang, zhang (code point order would put 张 before 李)
    assert _column(proxy, Column.SPEAKER) == ["安六", "李四", "王五", "张三"]


def test_length_sorts_numerically():
    _, proxy = _proxy()
    proxy.sort(Column.LENGTH, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(4)] == [3, 1, 2, 4]


def test_query_matches_metadata_words_and_full_text_hits():
    _, proxy = _proxy()
    proxy.set_query("某市 讲话")
    assert _ids(proxy) == [2]
    proxy.set_query("annual")
    assert _ids(proxy) == [4]
    proxy.set_query("统筹发展", text_hits=[1, 3])
    assert _ids(proxy) == [1, 3]
    proxy.set_query("")
    assert _ids(proxy) == [1, 2, 3, 4]


def test_facets_combine_across_names_and_within_a_name():
    _, proxy = _proxy()
    proxy.set_facets({"year": ["2023"]})
    assert _ids(proxy) == [2, 3]
    proxy.set_facets({"year": ["2023", "2019"], "genre": ["讲话"]})
    assert _ids(proxy) == [2, 4]
    proxy.set_facets({"tag": ["经济"], "speaker": []})
    assert _ids(proxy) == [1, 3]


def test_upsert_and_remove_keep_the_proxy_consistent(qtmodeltester):
    model, proxy = _proxy()
    qtmodeltester.check(proxy)
    proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)  # sorted rows are re-sorted on every change
    model.upsert(LibraryRow(2, "改名", "李四", chars=1))
    assert model.index(model.row_of(2), Column.TITLE).data() == "改名"
    model.upsert(LibraryRow(9, "新", chars=2))
    model.remove_ids([1, 3])
    assert _ids(proxy) == [2, 4, 9]
    assert _column(proxy, Column.TITLE) == [
        "改名",
        "新",
        "Annual address",
    ]  # still sorted: pinyin, Latin after


def test_sorting_keeps_persistent_indexes_on_their_rows(qtmodeltester):
    model, _proxy_model = _proxy()
    qtmodeltester.check(model)
    index = QPersistentModelIndex(model.index(model.row_of(3), Column.TITLE))
    model.sort(Column.LENGTH, Qt.SortOrder.DescendingOrder)
    assert index.row() == 0 and index.data() == "政府工作报告"
    model.sort(Column.SPEAKER, Qt.SortOrder.AscendingOrder)
    assert index.data() == "政府工作报告" and index.row() == 2  # 安六, 李四, 王五, 张三
