"""Copy network: for the selected speeches or the whole library, the pairs above a copy threshold, as a
graph along time and as a table; the earlier dated speech is shown as the likely source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.tasks import TaskRunner
from app.ui.trace.network_view import NetworkView
from app.ui.trace.panel import LibraryGetter, TracePanel
from app.ui.trace.table import ResultTable, percent


class NetworkPanel(TracePanel):
    def __init__(self, library: LibraryGetter, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(library, runner, parent)
        self.ids: list[int] = []
        self.network = None
        self.scope = QComboBox()
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(10)
        self.threshold.setSuffix(" %")
        self.threshold_label = QLabel()
        self.build_button = QPushButton()
        self.build_button.clicked.connect(self.run)
        self.graph = NetworkView()
        self.graph.edge_clicked.connect(lambda a, b: self.compare_requested.emit([a, b]))
        self.table = ResultTable()
        self.table.activated_payload.connect(
            lambda edge: self.compare_requested.emit([edge.source.id, edge.target.id])  # type: ignore[attr-defined]
        )
        row = QHBoxLayout()
        row.addWidget(self.scope)
        row.addWidget(self.threshold_label)
        row.addWidget(self.threshold)
        row.addStretch(1)
        row.addWidget(self.build_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.graph)
        splitter.addWidget(self.table)
        splitter.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        index = max(self.scope.currentIndex(), 0)
        self.scope.clear()
        self.scope.addItems([self.tr("Selected speeches"), self.tr("Whole library")])
        self.scope.setCurrentIndex(index)
        self.threshold_label.setText(self.tr("copied at least"))
        self.build_button.setText(self.tr("Build network"))
        self.table.set_headers(
            [self.tr("Likely source"), self.tr("Date"), self.tr("Copied in"), self.tr("Date"),
             self.tr("Of the later"), self.tr("Of the earlier"), self.tr("Direction")]
        )  # fmt: skip
        if self.network is not None:
            self._show(self.network)

    def set_selection(self, ids: list[int]) -> None:
        self.ids = list(ids)

    def run(self) -> None:
        whole = self.scope.currentIndex() == 1
        if not whole and len(self.ids) < 2:
            self.status.done(
                self.tr("Select at least two speeches in the library, or choose the whole library.")
            )
            return
        ids = None if whole else list(self.ids)
        threshold, library = self.threshold.value() / 100, self.library()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.store.network import copy_network

            return copy_network(library, ids, threshold=threshold, progress=progress, cancelled=cancelled)

        self.start(self.tr("Measuring which speeches copy which…"), work, self._show)

    def _show(self, network) -> None:  # type: ignore[no-untyped-def]
        self.network = network
        self.graph.set_network(network)
        rows = []
        for edge in network.edges:
            s, t = edge.source, edge.target
            cells = [
                (s.title or f"#{s.id}", None),
                (s.date, s.date),
                (t.title or f"#{t.id}", None),
                (t.date, t.date),
                (percent(edge.target_ratio), edge.target_ratio),
                (percent(edge.source_ratio), edge.source_ratio),
                ("→" if edge.directed else "↔", int(edge.directed)),
            ]
            rows.append((cells, edge))
        self.table.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in (0, 2):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))
        message = self.tr("%n pair(s) above the threshold", "", len(network.edges))
        message += " · " + self.tr("%n pair(s) measured", "", network.checked_pairs)
        if network.unmeasured:
            message += " · " + self.tr(
                "%n weaker pair(s) not measured: raise the threshold", "", network.unmeasured
            )
        self.status.done(message)
