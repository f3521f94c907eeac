"""Start-up weight: commands that do not need a heavy module must not import it.

Each command runs in a fresh interpreter under `python -X importtime`, which lists every module the process
imported; a lazy import turned back into a module-level one (SQLAlchemy in `--help`, Qt in `compare`) fails
here long before anyone notices a slow start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store.integrity import VERDICTS_FOLDER
from tests.conftest import REPO

SAMPLES = REPO / "resources" / "samples"
SAMPLE_A = SAMPLES / "03-theme-education-mobilisation.txt"
SAMPLE_B = SAMPLES / "04-county-exchange-remarks.txt"

#: Modules no command line below needs: the library (SQLAlchemy), the GUI, the numeric/parallel stack,
#: word segmentation and the parsers of formats other than plain text.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "app.store",
    "PySide6",
    "app.ui",
    "numpy",
    "dask",
    "jieba",
    "bs4",
    "pypdf",
    "docx",
    "charset_normalizer",
)
#: `compare` parses its own arguments only (app.cli.COMMAND_HOMES).
OTHER_COMMANDS = ("app.cli.library", "app.cli.similar", "app.cli.gui", "app.cli.selftest")
#: `--help` does not compare or read anything either.
ENGINE = ("app.core.passages.engine", "rapidfuzz", "ahocorasick", "app.importers", "app.core.formulas")


def imported_modules(*argv: str, home: Path) -> set[str]:
    """Every module `python -X importtime -m app ARGV` imports (the command must succeed)."""
    env = {**os.environ, "DUIDU_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("DUIDU_DB", None)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", *argv],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "app.cli" in names, "no import timings were printed"
    return names


def _heavy(names: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == f or n.startswith(f + ".") for f in forbidden))


@pytest.mark.parametrize(
    ("argv", "forbidden"),
    [
        (("--help",), (*HEAVY, *ENGINE)),
        # comparing needs neither metadata guessing nor the formula pattern rules (only lexicon coverage)
        (
            ("compare", str(SAMPLE_A), str(SAMPLE_B), "--json"),
            (*HEAVY, *OTHER_COMMANDS, "app.core.metadata", "app.core.formulas.patterns"),
        ),
        # (rapidfuzz is allowed: inflected lexicon wordings are confirmed with its Indel distance, ~12 ms)
        (("formulas", str(SAMPLE_A), "--json"), (*HEAVY, "app.core.passages.engine")),
    ],
    ids=["help", "compare-files", "formulas-file"],
)
def test_a_command_imports_only_what_it_needs(
    argv: tuple[str, ...], forbidden: tuple[str, ...], tmp_path: Path
):
    assert _heavy(imported_modules(*argv, home=tmp_path), forbidden) == []


def test_the_check_sees_a_heavy_import(tmp_path: Path):
    """The same check on a command that does open the library finds SQLAlchemy: the test can fail."""
    names = imported_modules("list", home=tmp_path)  # the default library, created on demand
    assert "sqlalchemy" in _heavy(names, HEAVY)


def test_the_gui_command_builds_only_its_own_parser(tmp_path):
    """`duidu gui` starts the window, timed from launch: the other commands' modules (and everything they
    import) are not loaded for their parsers (app.cli.COMMAND_HOMES). Read from sys.modules: importtime
    does not list modules loaded through importlib.import_module."""
    script = (
        "import sys\n"
        "from app.__main__ import main\n"
        f"code = main(['gui', '--db', {str(tmp_path / 'library.duidu.sqlite')!r}])\n"
        "print('LOADED', ' '.join(sorted(m for m in sys.modules if m.startswith('app.'))))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "DUIDU_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    env.update(QT_QPA_PLATFORM="offscreen", DUIDU_STARTUP_PROBE="1")  # quits once the table is filled
    env.pop("DUIDU_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = done.stdout.split("LOADED", 1)[1].split()
    assert "app.ui.shell.main_window" in loaded, "the window was not built"
    others = ("app.cli.library", "app.cli.compare", "app.cli.formulas", "app.cli.similar", "app.cli.scan")
    assert [name for name in loaded if name in (*others, "app.cli.selftest")] == []


def _similar_in_a_fresh_process(library: Path, env: dict[str, str]) -> tuple[str, set[str], int]:
    """(stdout's JSON, modules loaded, objects frozen) of `duidu similar SAMPLE_B --db library --json`."""
    script = (
        "import sys\n"
        "from app.__main__ import main\n"
        f"code = main(['similar', {str(SAMPLE_B)!r}, '--db', {str(library)!r}, '--json'])\n"
        "import gc\n"
        "print('COLLECTOR', gc.isenabled(), gc.get_freeze_count())\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answer, rest = done.stdout.split("COLLECTOR", 1)
    enabled, frozen = rest.split()[:2]
    assert enabled == "True"  # imported with the collector paused, then frozen (app.cli._import_quietly)
    return answer, set(done.stdout.split("LOADED", 1)[1].split()), int(frozen)


def test_similar_loads_the_engine_but_not_sqlalchemy_nor_anything_it_does_not_use(tmp_path: Path):
    """`duidu similar FILE` is timed start-up included (< 1 s on 10,000 speeches): it needs numpy and the
    engine, but not SQLAlchemy (its reads are plain SQL on the sqlite3 module: app.store.reads,
    app.store.plain_library), Qt, Dask, the metadata guesser (the query file is not imported), the formula
    pattern rules, other formats' parsers, or the other commands' modules and parsers. What it needs is
    imported with the garbage collector paused and then frozen. It reads the library that way once the
    library's last check is remembered and still holds; until then it opens it the regular way (through
    SQLAlchemy, which checks the file), with the same answer."""
    library = tmp_path / "library.duidu.sqlite"
    env = {**os.environ, "DUIDU_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    env.pop("DUIDU_DB", None)
    subprocess.run(
        [sys.executable, "-m", "app", "import", str(SAMPLE_A), "--db", str(library)],
        cwd=REPO, env=env, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    # a library this small is checked by the next open (in milliseconds), which remembers the pass — unless the
    # file changed in the two seconds before (file times tick coarsely): as if imported a little while ago
    past = time.time_ns() - 10_000_000_000
    for path in library.parent.glob(library.name + "*"):
        os.utime(path, ns=(past, past))
    regular, loaded, _frozen = _similar_in_a_fresh_process(library, env)
    assert {"sqlalchemy", "app.store.engine"} <= loaded
    answer, loaded, frozen = _similar_in_a_fresh_process(library, env)
    assert answer == regular and '"id": 1' in answer  # the sample shares text with the other
    assert {"numpy", "app.core.passages.engine", "app.store.tracing", "app.store.plain_library"} <= loaded
    assert frozen > 30_000
    unused = (
        *(h for h in HEAVY if h not in ("app.store", "numpy")),
        "app.store.engine", "app.store.models", "app.store.index", "app.store.similar_stored",
        "app.core.metadata", "app.core.formulas.patterns", "app.scan", "distributed", "pandas",
        "app.cli.compare", "app.cli.formulas", "app.cli.scan", "app.cli.gui", "app.cli.selftest",
    )  # fmt: skip
    assert _heavy(loaded, unused) == []
    shutil.rmtree(tmp_path / "home" / "cache" / VERDICTS_FOLDER)  # forgotten: the next open checks again
    assert "sqlalchemy" in _similar_in_a_fresh_process(library, env)[1]


def test_comparing_two_files_imports_what_it_needs_with_the_collector_paused(tmp_path: Path):
    """Every module `duidu compare FILE FILE` needs is imported before the command runs, with the garbage
    collector paused (the compare parser's `preload`, app.cli._import_quietly): none comes in later."""
    script = (
        "import gc, io, sys\n"
        "import app.cli as cli\n"
        "real, seen = cli._import_quietly, {}\n"
        "def spy(modules):\n"
        "    real(modules)\n"
        "    seen['modules'], seen['frozen'] = set(sys.modules), gc.get_freeze_count()\n"
        "cli._import_quietly = spy\n"
        "out, sys.stdout = sys.stdout, io.StringIO()\n"
        f"code = cli.run(['compare', {str(SAMPLE_A)!r}, {str(SAMPLE_B)!r}, '--json'])\n"
        "sys.stdout = out\n"
        "print('LATER', *sorted(set(sys.modules) - seen['modules']))\n"
        "print('FROZEN', seen['frozen'], gc.isenabled())\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "DUIDU_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    env.pop("DUIDU_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    later = done.stdout.split("LATER", 1)[1].split("FROZEN")[0].split()
    frozen, enabled = done.stdout.split("FROZEN", 1)[1].split()
    assert [name for name in later if not name.startswith("encodings.")] == []  # (a codec: the file's)
    assert int(frozen) > 10_000 and enabled == "True"  # the imports' objects frozen, the collector back on
