"""Import speed against the code before issue 13i, both measured in the same run, on an empty library and
on one that already holds 10,000 speeches.

Run with `python -m pytest tests/bench/test_bench_import_scale.py -s -p no:cacheprovider`. Targets (issue 13):
≥ 1.5 M characters per second importing the shared corpus (3 M characters) into an empty library, ≥ 1.2 M
into a library of 10,000 speeches. The old code is /tmp/base-96f, `DUIDU_BASELINE_REPO` or a `git archive`
of `DUIDU_BASELINE_REF` (see tests/bench/import_runs.py). Imports alternate between the two codes, so load
from other processes falls on both; each starts from a copy of the same library.

The large library is `DUIDU_IMPORT_BENCH_LIBRARY`, else the 10,000-speech library the tracing benchmark
caches (/tmp/duidu-bench-12/tracing-10000-v2.sqlite: 83 M characters, 8.7 M postings), else one built here
(10,000 windows of 5,000 characters of the corpus, about 10 minutes). Both are built as an import leaves a library:
their postings merged into the main table when due (a library built by `add_document` alone, without that last
merge, keeps all its postings recent, and the first import into it then merges all of them: 0.12 M chars/s for any
code, a state no import leaves). It is only ever copied: opened once by
the old code (its schema), and that copy once more by the new code (which adds the empty table of recent
postings, migration 0007); the imports start from these two copies. The new code leaves the corpus's
postings in the recent table; the merge that moves them to the main table (a later import runs it, once
the recent postings are 1/8 of the main ones) is timed after the runs and charged to the import.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.import_runs import (
    Run,
    baseline_code,
    env,
    import_once,
    report,
    run_script,
    upgraded_copy,
)
from tests.conftest import REPO

RUNS = 3
LIBRARY_SPEECHES = 10_000
SPEECH_CHARS = 5_000
CACHED_LIBRARY = Path("/tmp/duidu-bench-12/tracing-10000-v2.sqlite")
BUILD_SCRIPT = """
import sys
from app.core.model import DocumentMeta
from app.store import add_document, open_library
corpus, count, size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
from pathlib import Path
pool = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(corpus).rglob("*.txt")))
with open_library(sys.argv[1]) as library:
    for start in range(0, count, 500):
        with library.writer() as session, session.begin():
            for i in range(start, min(count, start + 500)):
                at = (i * 7919) % (len(pool) - size)
                text = f"（资料第{i}篇）\\n" + pool[at : at + size]
                add_document(session, text, DocumentMeta(title=f"资料第{i}篇"))
    from app.store import index
    with library.writer() as session:  # as `import_paths` ends: the recent postings merged when due
        index.merge_if_due(session)
"""
#: Imports the corpus, then times the merge of the recent postings it left (new code only).
MERGE_SCRIPT = """
import sys, time
from app.store import import_paths, open_library
from app.store import index
with open_library(sys.argv[1]) as library:
    import_paths(library.writer, [sys.argv[2]])
    with library.reader() as session:
        recent, total = index.recent_share(session)
    due = max(index.MERGE_MIN_POSTINGS, index.MERGE_SHARE * (total - recent))
    index.MERGE_MIN_POSTINGS, index.MERGE_SHARE = 0, 0.0  # due now
    wall, cpu = time.perf_counter(), time.process_time()
    with library.writer() as session:
        assert index.merge_if_due(session) == recent
    print(recent, total, due, time.perf_counter() - wall, time.process_time() - cpu)
"""


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return baseline_code(tmp_path_factory.mktemp("baseline"))


def _large_library(corpus: Path, baseline: Path, tmp: Path) -> Path:
    given = os.environ.get("DUIDU_IMPORT_BENCH_LIBRARY")
    if given:
        return Path(given)
    if CACHED_LIBRARY.exists():
        return CACHED_LIBRARY
    built = tmp / "built.sqlite"
    subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(built), str(corpus), str(LIBRARY_SPEECHES), str(SPEECH_CHARS)],
        env=env(baseline, tmp / "home"), check=True, timeout=3600,
    )  # fmt: skip
    return built


def test_import_into_an_empty_library(corpus: Path, baseline: Path, tmp_path: Path):
    new: list[Run] = []
    old: list[Run] = []
    for _ in range(RUNS):  # alternating, so that load from other processes falls on both
        new.append(import_once(REPO, corpus, tmp_path, None))
        old.append(import_once(baseline, corpus, tmp_path, None))
    assert report("corpus into an empty library", new, old, 1.5e6) >= 1.5e6


def test_import_into_a_library_of_ten_thousand_speeches(corpus: Path, baseline: Path, tmp_path: Path):
    source = _large_library(corpus, baseline, tmp_path)
    home = tmp_path / "home"
    start_old = upgraded_copy(baseline, source, tmp_path / "start-old.sqlite", home)
    start_new = upgraded_copy(REPO, start_old, tmp_path / "start-new.sqlite", home)
    new: list[Run] = []
    old: list[Run] = []
    for _ in range(RUNS):
        new.append(import_once(REPO, corpus, tmp_path, start_new))
        old.append(import_once(baseline, corpus, tmp_path, start_old))
    name = f"corpus into a library of 10,000 speeches ({source.name})"
    speed = report(name, new, old, 1.2e6)

    library = tmp_path / "merge.sqlite"
    shutil.copyfile(start_new, library)
    out = run_script(REPO, home, MERGE_SCRIPT, str(library), str(corpus))
    recent, total, due, merge_wall, merge_cpu = (float(v) for v in out.split())
    chars, wall = statistics.median(r.chars for r in new), statistics.median(r.wall for r in new)
    # Each posting is merged once. A merge's cost is part per posting, part a walk over the main table
    # that a merge at the due size shares among more postings: the import's share lies between these.
    whole = chars / (wall + merge_wall)
    shared = chars / (wall + merge_wall * recent / due)
    print(
        f"  merge of the {recent:,.0f} recent postings into {total - recent:,.0f}: {merge_wall:.2f} s"
        f" (CPU {merge_cpu:.2f} s); due at {due:,.0f} recent postings. Import with its merge:"
        f" {whole / 1e6:.2f} M chars/s if this merge is charged to it whole,"
        f" {shared / 1e6:.2f} M chars/s if a merge cost the same at any size ({recent / due:.2f} of one)"
    )
    assert speed >= 1.2e6
