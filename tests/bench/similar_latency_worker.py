"""Time `similar_documents` of whichever checkout is on PYTHONPATH: run by test_bench_similar_latency.py
once with the baseline's tree and once with this one, so both are measured the same way in one run.

Usage: python similar_latency_worker.py QUERIES.json LIBRARY.sqlite → JSON on stdout: per query the wall
and CPU seconds, the result ids and their characters of copied prose, plus the seconds the library took
to open (its integrity check).
Only `app` is imported from PYTHONPATH; nothing of the tests.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(queries_file: str, library_file: str) -> None:
    from app.store import open_library
    from app.store.tracing import default_params, similar_documents

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    library = open_library(library_file)
    opened = time.perf_counter() - started
    wall, cpu, ids, matched = [], [], [], []
    with library:
        default_params().formula_oracle("预热")  # the lexicon loaded before timing, as the app has it
        first_wall, first_cpu = time.perf_counter(), time.process_time()
        similar_documents(library, queries[0], top=10)  # first query after opening: not timed
        first = (time.perf_counter() - first_wall, time.process_time() - first_cpu)
        for text in queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            results = similar_documents(library, text, top=10)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            ids.append([r.document.id for r in results])
            matched.append([r.matched_chars for r in results])
    print(
        json.dumps({"wall": wall, "cpu": cpu, "ids": ids, "matched": matched, "open": opened, "first": first})
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
