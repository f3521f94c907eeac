"""Peak memory of importing one 62 MB text (21 million characters): the baseline code against this tree, in
the same run, each in a fresh interpreter; and what both stored, compared by digest.

Run with `python -m pytest tests/bench/test_bench_import_memory.py -s -p no:cacheprovider` (Linux: peak RSS
from /proc). The baseline is the tree named by DUIDU_BASELINE (default /tmp/base-96f, main at 96f1391:
`git archive 96f1391 | tar -x -C /tmp/base-96f`); without it only this tree is measured. The issue-17 aim:
a peak of at most 4 times the file's size, for the whole process.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.store.hostile_library import big_text

BASELINE = Path(os.environ.get("DUIDU_BASELINE", "/tmp/base-96f"))
AIM = 4.0

#: In a fresh interpreter: the RSS once the modules an import needs are loaded, then `duidu import`, then
#: the exit code, the peak RSS (VmHWM: the whole process's) and CPU seconds of the import alone. Not getrusage:
#: its ru_maxrss survives exec, so a child of a big pytest process reports the parent's size.
_MEASURE = """
import sys, time
from pathlib import Path
def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
import numpy, app.importers, app.store.importing, app.store.index
from app.cli import run
before = status("VmRSS:")
started = time.process_time()
code = run(["import", sys.argv[1], "--db", sys.argv[2]])
cpu = time.process_time() - started
print(code, before, status("VmHWM:"), cpu)
"""

#: Reading the file and nothing else, for scale.
_READ_ONLY = """
import sys
from pathlib import Path
def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
import numpy, app.importers, app.store.importing, app.store.index
before = status("VmRSS:")
text = Path(sys.argv[1]).read_text(encoding="utf-8")
print(before, status("VmHWM:"))
"""


def _run(tree: Path, script: str, *args: Path) -> list[float]:
    # cwd outside any tree: a `python -c` child imports the `app` of its working folder whatever PYTHONPATH says
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True, text=True, timeout=900, cwd=args[-1].parent,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return [float(value) for value in done.stdout.splitlines()[-1].split()]


def stored_digest(library: Path) -> tuple[object, ...]:
    """What a library holds about its documents, as digests: the text's UTF-8, every metadata column but the
    import time, the fingerprints and the index state."""
    import hashlib

    connection = sqlite3.connect(f"{library.as_uri()}?mode=ro", uri=True)
    try:
        columns = [
            row[1]
            for row in connection.execute("PRAGMA table_info(documents)")
            if row[1] not in ("text", "imported_at")
        ]
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY id").fetchall()
        texts = []
        for (document_id,) in connection.execute("SELECT id FROM documents ORDER BY id"):
            digest = hashlib.sha256()
            with connection.blobopen("documents", "text", document_id, readonly=True) as blob:
                while piece := blob.read(1 << 22):
                    digest.update(piece)
            texts.append(digest.hexdigest())
        postings = hashlib.sha256()
        for row in connection.execute(
            "SELECT document_id, hash FROM shingle_postings ORDER BY document_id, hash"
        ):
            postings.update(repr(row).encode())
        state = connection.execute(
            "SELECT document_id, version, fingerprints, chars FROM shingle_index_state ORDER BY document_id"
        ).fetchall()
    finally:
        connection.close()
    return (tuple(columns), tuple(rows), tuple(texts), postings.hexdigest(), tuple(state))


def test_import_memory(tmp_path: Path) -> None:
    text_file = tmp_path / "long.txt"
    text_file.write_text(big_text(21_000_000), encoding="utf-8")
    size = text_file.stat().st_size / 2**20
    _, read_peak = _run(REPO, _READ_ONLY, text_file)
    print(
        f"\n{size:.1f} MiB text ({os.getloadavg()[0]:.1f} load): reading it alone peaks at {read_peak:.0f} MiB"
    )
    trees = [("baseline", BASELINE)] if (BASELINE / "app").is_dir() else []
    measured = {}
    for name, tree in [*trees, ("this tree", REPO)]:
        library = tmp_path / f"{name.replace(' ', '-')}.sqlite"
        code, before, peak, cpu = _run(tree, _MEASURE, text_file, library)
        assert code == 0
        measured[name] = (peak, stored_digest(library))
        print(
            f"{name:>9}: start {before:.0f} MiB, peak {peak:.0f} MiB = {peak / size:.2f}x"
            f" the file in all, {(peak - before) / size:.2f}x above the start; import {cpu:.1f} s CPU"
        )
    if "baseline" in measured:
        same = measured["baseline"][1] == measured["this tree"][1]
        print(
            f"peak this tree / baseline: {measured['this tree'][0] / measured['baseline'][0]:.2f};"
            f" stored documents, texts, fingerprints identical: {same}"
        )
        assert same
    print(f"aim: {AIM:.0f}x the file in all ({AIM * size:.0f} MiB)")
    assert measured["this tree"][0] <= AIM * size
