"""The copy network's labels stay apart however many speeches it draws; the full label is a hover away."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace

from PySide6.QtCore import QPointF

from app.ui.trace.network_view import NetworkView


def _network(count: int) -> SimpleNamespace:
    nodes = [
        SimpleNamespace(id=i, date=f"{2010 + i}-02-0{1 + i % 9}", title=f"呼伦贝尔市海拉尔区政府工作报告{i}")
        for i in range(count)
    ]
    edges = [SimpleNamespace(source=a, target=b, directed=True, target_ratio=0.3) for a, b in pairwise(nodes)]
    return SimpleNamespace(nodes=nodes, edges=edges)


def test_labels_on_a_row_do_not_run_into_each_other(qtbot) -> None:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_network(_network(14))
    view.repaint()
    assert not view.grab().isNull()  # paints without error
    layout = view._layout()
    positions = [layout[i] for i in view.node_ids()]
    same_row_gap = positions[4].x() - positions[0].x()
    assert same_row_gap < 130  # the old fixed label width overlapped here
    assert view.label_width() < same_row_gap

    node = view.node_at(QPointF(positions[5].x(), positions[5].y() + 10))
    assert node is not None and node.id == 5
    assert view.node_at(QPointF(2, 2)) is None


def test_a_few_speeches_keep_full_width_labels(qtbot) -> None:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_network(_network(3))
    view.repaint()
    assert view.label_width() == 130
