"""`duidu import` through app.cli.run on a small folder: one line per file, summary, exit status."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from tests.conftest import REPO

GOOD = "在全市经济工作会议上的讲话\n\n同志们：\n今年以来，我们坚持稳中求进工作总基调。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "big5.txt").write_bytes("在全縣工作會議上的講話\n\n同志們：\n要堅持實事求是。\n".encode("big5"))
    (root / "same.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "clip.mp3").write_bytes(b"ID3\x03" + bytes(200))  # (photos are imported now, through OCR)
    return root


def test_import_prints_one_line_per_file_and_fails_on_bad_files(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(["import", str(folder), "--db", db]) == 1  # empty.txt failed
    lines = capsys.readouterr().out.splitlines()
    by_file = {re.search(r"[^/\s]+\.(?:txt|mp3)", line).group(): line for line in lines[:-1]}  # type: ignore[union-attr]
    assert len(by_file) == 5
    assert re.fullmatch(r"imported  #\d+ +\S+good\.txt  \(.+\)", by_file["good.txt"])
    assert re.fullmatch(r"imported  #\d+ +\S+big5\.txt.*", by_file["big5.txt"])
    good_id = re.search(r"#(\d+)", by_file["good.txt"]).group(1)  # type: ignore[union-attr]
    assert re.fullmatch(rf"duplicate #{good_id} +\S+same\.txt", by_file["same.txt"])
    assert re.fullmatch(r"failed    \S+empty\.txt: .+", by_file["empty.txt"])
    assert re.fullmatch(r"skipped   \S+clip\.mp3: .+", by_file["clip.mp3"])
    assert lines[-1].startswith("2 imported, 1 already in the library, 1 skipped, 1 failed")

    assert run(["import", str(folder / "good.txt"), str(folder / "big5.txt"), "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["duplicate", "duplicate"]
    assert lines[-1].startswith("nothing new imported: 0 imported, 2 already in the library")


def test_missing_path_is_a_failure_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", str(tmp_path / "nowhere.txt"), "--db", str(tmp_path / "lib.sqlite")]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.out.splitlines()[0].startswith(("failed", "skipped"))


def test_real_process_round_trip(folder: Path, tmp_path: Path) -> None:
    """`python -m app` as a user runs it: import, list --json, show the exact text back."""
    db = str(tmp_path / "lib.sqlite")

    def duidu(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "app", *args, "--db", db]
        return subprocess.run(
            command, cwd=REPO, capture_output=True, text=True, encoding="utf-8", check=False
        )

    imported = duidu("import", str(folder / "good.txt"), str(folder / "missing.txt"))
    assert imported.returncode == 1 and imported.stderr == ""
    assert imported.stdout.splitlines()[0].startswith("imported  #1 ")
    assert imported.stdout.splitlines()[1].startswith("failed    ")
    documents = json.loads(duidu("list", "--json").stdout)["documents"]
    assert [(d["id"], d["chars"]) for d in documents] == [(1, len(GOOD))]
    shown = duidu("show", "1", "--json")
    assert json.loads(shown.stdout)["document"]["text"] == GOOD
