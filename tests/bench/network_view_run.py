"""Open the copy network panel on a scanned library and time it until drawn; print one JSON line.

Run by tests/bench/test_bench_scan_network.py as `python3 network_view_run.py LIBRARY` with PYTHONPATH set
to the tree to time (this checkout or the baseline), QT_QPA_PLATFORM=offscreen. Timed: making the panel,
reading the whole library's network (from the stored scan results), filling the table and graph, and
painting it all once (`grab`), as a user choosing "Whole library" and "Build network" waits for it.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from app.store import open_library
from app.ui.common.tasks import TaskRunner
from app.ui.trace.network_panel import NetworkPanel


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with open_library(sys.argv[1]) as library:
        started, cpu = time.perf_counter(), time.process_time()
        panel = NetworkPanel(lambda: library, TaskRunner(inline=True))
        panel.resize(900, 700)
        panel.show()
        panel.scope.setCurrentIndex(1)
        panel.run()
        image = panel.grab()
        app.processEvents()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        network = panel.network
        if len(sys.argv) > 2:
            image.save(sys.argv[2])
        print(
            json.dumps(
                {
                    "seconds": seconds,
                    "cpu": cpu,
                    "nodes": len(network.nodes),
                    "edges": len(network.edges),
                    "from_scan": network.from_scan,
                    "status": panel.status.label.text(),
                }
            )
        )
        panel.close()


if __name__ == "__main__":
    main()
