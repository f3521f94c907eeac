"""Folder imports with hostile file names and links: names with spaces, line breaks, tabs and bytes that
are not UTF-8 import with one output line each; link loops and unreadable files are reported, never
followed forever or crashed on."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from app.cli import run

SPEECH = "同志们：\n今天召开全县经济工作会议，要坚持以人民为中心的发展思想。第{}篇。\n"
NAMES = [b"with space.txt", b"new\nline.txt", b"tab\there.txt", b"\xe4\xb8\xad\xe6\x96\x87 \xe5\x90\x8d.txt"]
NOT_UTF8 = b"bad\xff\xfename.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = os.fsencode(tmp_path / "src")
    os.mkdir(root)
    names = NAMES + ([NOT_UTF8] if sys.platform.startswith("linux") else [])
    for number, name in enumerate(names):
        with open(os.path.join(root, name), "w", encoding="utf-8") as handle:
            handle.write(SPEECH.format(number))
    os.symlink(b"loop-b.txt", os.path.join(root, b"loop-a.txt"))  # a link loop between two files
    os.symlink(b"loop-a.txt", os.path.join(root, b"loop-b.txt"))
    os.symlink(b".", os.path.join(root, b"self"))  # a folder linking to itself
    os.mkdir(os.path.join(root, b"sub"))
    os.symlink(b"..", os.path.join(root, b"sub", b"up"))
    return Path(os.fsdecode(root))


def test_hostile_names_import_with_one_line_each(folder: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite")
    expected = len(NAMES) + (1 if sys.platform.startswith("linux") else 0)
    assert run(["import", str(folder), "--db", db]) == 1  # the two looping links fail
    out = capsys.readouterr().out.splitlines()
    assert len([line for line in out if line.startswith("imported")]) == expected
    assert len([line for line in out if line.startswith("failed")]) == 2
    assert all("symbolic links" in line for line in out if line.startswith("failed"))
    assert len([line for line in out if line.startswith("skipped")]) == 2  # self, sub/up: not followed
    assert len(out) == expected + 2 + 2 + 1  # one line per file, then the summary
    assert run(["list", "--json", "--db", db]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    sources = {Path(d["source_path"]).name for d in documents}
    assert "new\nline.txt" in sources and "with space.txt" in sources
    if sys.platform.startswith("linux"):
        assert "bad\\xff\\xfename.txt" in sources  # stored escaped: no database takes undecodable names
    assert all("\n" not in d["title"] for d in documents)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root (or Windows) can read a mode-000 file")
def test_an_unreadable_file_in_a_folder_fails_alone(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(SPEECH.format(1), encoding="utf-8")
    locked = folder / "b.txt"
    locked.write_text(SPEECH.format(2), encoding="utf-8")
    locked.chmod(0)
    try:
        assert run(["import", str(folder), "--db", str(tmp_path / "lib.sqlite")]) == 1
    finally:
        locked.chmod(0o644)
    out = capsys.readouterr().out
    assert "imported" in out and "failed    " in out and "Permission denied" in out
