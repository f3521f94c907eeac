"""Peak memory of importing one 62 MB text (21 million characters), against reading the same file.

Run with `python -m pytest tests/bench/test_bench_import_memory.py -s` (Linux: peak RSS from /proc). The
issue-17 aim is a peak of at most 4 times the file's size; see the printout for where it stands.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.store.hostile_library import big_text, measure_import

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


def test_import_memory(tmp_path: Path) -> None:
    text_file = tmp_path / "long.txt"
    text_file.write_text(big_text(21_000_000), encoding="utf-8")
    size = text_file.stat().st_size / 2**20
    done = subprocess.run(
        [sys.executable, "-c", _READ_ONLY, str(text_file)], capture_output=True, text=True, check=True
    )
    read_before, read_peak = map(float, done.stdout.split())
    before, peak = measure_import(text_file, tmp_path / "library.sqlite")
    print(
        f"\n{size:.1f} MiB text: reading it peaks at {read_peak:.0f} MiB ({read_peak - read_before:.0f} above"
        f" the start); importing it peaks at {peak:.0f} MiB ({peak - before:.0f} above the start):"
        f" {peak / size:.1f}x the file in all, {(peak - before) / size:.1f}x above the start; aim 4x in all"
    )
    assert peak <= 7 * size
