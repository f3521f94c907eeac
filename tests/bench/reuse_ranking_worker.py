"""Rank the labelled reuse queries with whichever checkout is on PYTHONPATH: run by
test_bench_reuse_ranking.py once with the baseline's tree and once with this one, on the same library, so
both are measured the same way in one run.

Usage: python reuse_ranking_worker.py QUERIES.json LIBRARY.sqlite → JSON on stdout: per query its key, the
ids of its first 10 results, their characters of copied prose, and the wall and CPU seconds it took. Only `app` is imported from PYTHONPATH.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(queries_file: str, library_file: str) -> None:
    from app.store import open_library
    from app.store.tracing import similar_documents, similar_params

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    out = []
    with open_library(library_file) as library:
        params = similar_params(library)  # what similar_documents builds when given none (CLI, GUI)
        for query in queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            results = similar_documents(
                library, query["text"], exclude=query["own_id"], top=10, params=params
            )
            out.append(
                {
                    "key": query["key"],
                    "ids": [r.document.id for r in results],
                    "matched": [r.matched_chars for r in results],
                    "wall": time.perf_counter() - started,
                    "cpu": time.process_time() - cpu_started,
                }
            )
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
