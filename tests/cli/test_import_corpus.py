"""The whole shared corpus through a real `python -m app import` process, including a kill -9 mid-way."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import get_text, list_documents, open_library
from tests.conftest import REPO

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def duidu(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def assert_library_consistent(db: Path, corpus: Path) -> int:
    """integrity_check passes and every stored text is its file's exact content; returns the count."""
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with open_library(str(db)) as library, library.reader() as session:
        documents = list_documents(session)
        for document in documents:
            path = Path(document.meta.source_path)
            assert path.is_relative_to(corpus.resolve()) or path.is_relative_to(corpus)
            assert get_text(session, document.id) == path.read_bytes().decode("utf-8"), path
    return len(documents)


def test_import_the_whole_corpus_twice(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    first = duidu("import", str(corpus), "--db", str(db))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    words = [line.split()[0] for line in lines[:-1]]
    assert words.count("imported") == len(corpus_files(corpus)) == 384
    others = [line for line in lines[:-1] if not line.startswith("imported")]
    assert others and all(line.startswith("skipped") and ": " in line for line in others)
    assert {Path(line.split()[1].rstrip(":")).suffix for line in others} <= {".tsv", ".md"}
    assert lines[-1].startswith(f"384 imported, 0 already in the library, {len(others)} skipped, 0 failed")
    assert assert_library_consistent(db, corpus) == 384

    second = duidu("import", str(corpus), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1].startswith(
        "nothing new imported: 0 imported, 384 already in the library"
    )


def test_killed_import_leaves_a_consistent_library_that_a_rerun_completes(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "killed.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(corpus), "--db", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    printed = []
    for line in process.stdout:
        printed.append(line)
        # Kill early: the child runs ahead of our reading, and must still be far from done when it dies.
        if sum(1 for seen in printed if seen.startswith("imported")) >= 10:
            break
    process.kill()  # SIGKILL: no cleanup, no rollback, no exit handlers
    process.wait(timeout=30)
    process.stdout.close()

    stored = assert_library_consistent(db, corpus)
    assert 10 <= stored < 384, "the kill must land mid-way for this test to mean anything"
    with open_library(str(db)) as library, library.reader() as session:
        ids = {d.id for d in list_documents(session)}
    announced = {int(line.split()[1].lstrip("#")) for line in printed if line.startswith("imported")}
    assert announced <= ids  # a printed "imported" line means the document was committed

    rerun = duidu("import", str(corpus), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.splitlines()[-1].startswith(
        f"{384 - stored} imported, {stored} already in the library"
    )
    assert assert_library_consistent(db, corpus) == 384
