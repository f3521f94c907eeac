"""A library in a folder Duidu cannot write to (a CD, a read-only share, a locked-down profile) can be
read by every reading command; every writing command is refused in one line; nothing is changed."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import run
from app.core.model import DocumentMeta
from app.store import add_document, open_library

SPEECH = "同志们：\n今天我们召开全县经济工作会议，总结工作，部署任务。要坚持以人民为中心的发展思想，推动高质量发展。\n"


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` unwritable: chmod for ordinary users; root ignores modes, so for root the folder
    gets the immutable attribute (ext4/xfs/btrfs), and the test is skipped where that fails."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if (
        not shutil.which("chattr")
        or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode
    ):
        pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    path = folder / "library.sqlite"
    with open_library(str(path)) as opened, opened.writer.begin() as session:
        add_document(session, SPEECH, DocumentMeta(title="经济工作会议讲话", date="2024-01-05"))
        add_document(session, SPEECH.replace("全县", "全市"), DocumentMeta(title="全市会议"))
    assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite"]  # closed cleanly: no -wal left
    with read_only(folder):
        before = path.read_bytes()
        yield path
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite"]


def test_reading_commands_work(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(library)]
    assert run(["list", "--json", *db]) == 0
    assert [d["title"] for d in json.loads(capsys.readouterr().out)["documents"]] == [
        "经济工作会议讲话",
        "全市会议",
    ]
    assert run(["show", "1", *db]) == 0
    assert "坚持以人民为中心" in capsys.readouterr().out
    assert run(["compare", "1", "2", "--json", *db]) == 0
    assert json.loads(capsys.readouterr().out)["passages"]
    assert run(["similar", "1", "--json", *db]) == 0
    assert json.loads(capsys.readouterr().out)["query"]["id"] == 1
    assert run(["formulas", "1", *db]) == 0


@pytest.mark.parametrize(
    "command", [["remove", "1"], ["formulas", "--accept", "新的提法"], ["import", "NEW"]]
)
def test_writing_commands_are_refused_in_one_line(
    command: list[str], library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.txt"
    new.write_text(SPEECH + "补充一段。\n", encoding="utf-8")
    argv = [str(new) if word == "NEW" else word for word in command]
    assert run([*argv, "--db", str(library)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "read-only" in err, err
