"""Copy network: for the selected speeches or the whole library, the pairs above a copy threshold, as a
graph along time and as a table; the earlier dated speech is shown as the likely source.

Once the library is scanned (Trace → Scan library…, which runs `duidu scan`'s code on a local Dask cluster
with progress, time left and Stop), the network is read from the stored pairs: the whole library, with no
cap on the pairs. A network of thousands of pairs is listed in full in the table; the graph draws the
strongest `DRAWN_EDGES` of them (more would be a solid smear at this size, and slow to paint).
"""

from __future__ import annotations

import time

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
from app.ui.trace.large_table import LargeResultTable
from app.ui.trace.network_view import NetworkView
from app.ui.trace.panel import LibraryGetter, TracePanel
from app.ui.trace.table import percent

#: Pairs drawn in the graph (the strongest); the table lists them all.
DRAWN_EDGES = 300


class NetworkPanel(TracePanel):
    def __init__(self, library: LibraryGetter, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(library, runner, parent)
        self.ids: list[int] = []
        self.network = None
        #: worker processes of the scan's local Dask cluster (None: all cores; 0: in this process)
        self.scan_workers: int | None = None
        #: what the last scan did, said once with the network it leads to
        self._scan_summary = ""
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
        self.table = LargeResultTable()
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

    def scan_library(self) -> None:
        """Scan the whole library (pairs sharing copied prose, stored in it), then show its network."""
        from app.core.scan import eta_seconds

        library, started = self.library(), time.monotonic()
        threshold, workers = min(self.threshold.value(), 10) / 100, self.scan_workers

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.scan.run import run_scan

            def report(p) -> None:  # type: ignore[no-untyped-def]
                progress(p.pairs_done, p.pairs)

            return run_scan(
                library, threshold=threshold, workers=workers, progress=report, cancelled=cancelled
            )

        def progressed(done: int, total: int) -> None:
            self.status.progress(done, total)
            left = eta_seconds(done, total, time.monotonic() - started)
            message = self.tr("Scanning the library: %1 % of the pairs measured").replace(
                "%1", str(done * 100 // max(total, 1))
            )
            if left:
                message += " · " + self.tr("about %n minute(s) left", "", max(1, round(left / 60)))
            self.status.label.setText(message)

        def finished(report) -> None:  # type: ignore[no-untyped-def]
            self._scan_summary = (
                self.tr("Scanned %n speech(es)", "", report.scanned)
                + " · "
                + self.tr("%n pair(s) sharing copied prose stored", "", report.found)
            )
            self.status.done(self._scan_summary)
            self.scope.setCurrentIndex(1)
            self.run()

        self.start(self.tr("Starting the library scan…"), work, finished, progressed)

    def _show(self, network) -> None:  # type: ignore[no-untyped-def]
        self.network = network
        self.graph.set_network(network, DRAWN_EDGES)
        # rows are edge numbers: a stored network makes an edge only when its row is shown
        edges = network.edges
        self.table.set_items(range(len(edges)), lambda row: _cells(edges[row]), lambda row: edges[row])
        self.table.resizeColumnsToContents()
        for column in (0, 2):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))
        message = self.tr("%n pair(s) above the threshold", "", len(network.edges))
        if self._scan_summary:
            message, self._scan_summary = self._scan_summary + " · " + message, ""
        if network.from_scan:
            message += " · " + self.tr("from the library scan")
        else:
            message += " · " + self.tr("%n pair(s) measured", "", network.checked_pairs)
        if len(network.edges) > DRAWN_EDGES:
            message += " · " + self.tr("the graph shows the strongest %n", "", DRAWN_EDGES)
        if network.unmeasured:
            message += " · " + self.tr(
                "%n weaker pair(s) not measured: raise the threshold or scan the library (Trace menu)",
                "",
                network.unmeasured,
            )
        self.status.done(message)


def _cells(edge) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """A pair's row, made when the table shows it (a scanned library has 100,000 pairs)."""
    s, t = edge.source, edge.target
    return [
        (s.title or f"#{s.id}", None),
        (s.date, s.date),
        (t.title or f"#{t.id}", None),
        (t.date, t.date),
        (percent(edge.target_ratio), edge.target_ratio),
        (percent(edge.source_ratio), edge.source_ratio),
        ("→" if edge.directed else "↔", int(edge.directed)),
    ]
