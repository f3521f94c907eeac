"""`duidu compare` with a library: text that ≥ 3 other library speeches repeat is reported as a formula."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from app.store import open_library
from tests.store.boilerplate_texts import HOST, OTHER, holders, prose, store


def _kinds(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [p["kind"] for p in json.loads(capsys.readouterr().out)["passages"]]


def test_a_library_turns_its_boilerplate_into_formulas(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite")
    with open_library(db) as library:
        host, other = store(library, HOST, OTHER, *holders(3), prose(200))[:2]
    files = tmp_path / "host.txt", tmp_path / "other.txt"
    files[0].write_text(HOST, encoding="utf-8")
    files[1].write_text(OTHER, encoding="utf-8")
    assert run(["compare", *map(str, files), "--json"]) == 0
    assert _kinds(capsys) == ["copy"]
    assert run(["compare", *map(str, files), "--json", "--db", db]) == 0
    assert _kinds(capsys) == ["formula"]
    assert run(["compare", f"#{host}", f"#{other}", "--json", "--db", db]) == 0
    assert _kinds(capsys) == ["formula"]


def test_a_small_library_changes_nothing(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite")
    with open_library(db) as library:
        host, other = store(library, HOST, OTHER, *holders(2))[:2]
    assert run(["compare", f"#{host}", f"#{other}", "--json", "--db", db]) == 0
    assert _kinds(capsys) == ["copy"]
