"""The passage list's filters read as label–field pairs with a gap between them, each label naming its field."""

from __future__ import annotations

from app.ui.compare.passage_table import PassageDock


def test_each_filter_label_sits_apart_from_the_previous_field(qtbot) -> None:
    dock = PassageDock()
    qtbot.addWidget(dock)
    dock.set_passages([], ["甲", "乙", "丙"])
    dock.resize(700, 200)
    dock.show()
    qtbot.waitExposed(dock)
    pairs = ((dock.min_length, dock._kind_label), (dock.kind, dock._pair_label))
    for field, next_label in pairs:
        assert next_label.geometry().left() - field.geometry().right() >= 8
    assert dock._min_label.buddy() is dock.min_length
    assert dock._kind_label.buddy() is dock.kind
    assert dock._pair_label.buddy() is dock.pair
