"""`duidu list/show/remove` through app.cli.run, on a library seeded with the store API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from app.cli.library import display_width
from app.core.model import DocumentMeta
from app.store import add_document, count_documents, open_library

SPEECH = "关于全面深化改革若干重大问题的说明\n\n同志们：\n这次全会的主题是全面深化改革。\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "lib.sqlite"
    with open_library(str(path)) as library, library.writer.begin() as session:
        add_document(
            session, SPEECH, DocumentMeta(title="全面深化改革的说明", speaker="习近平", date="2013-11-09")
        )
        add_document(session, "第二篇讲话正文\n", DocumentMeta(title="Second", tags=("a", "b")))
    return str(path)


def test_list_prints_a_table_with_cjk_columns_aligned(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "CHARS", "SPEAKER", "TITLE"]
    assert lines[1].split() == ["#1", "2013-11-09", str(len(SPEECH)), "习近平", "全面深化改革的说明"]
    assert lines[2].split() == ["#2", "8", "Second"]
    title_columns = {
        display_width(line[: line.index(title)])
        for line, title in zip(lines[:3], ("TITLE", "全面", "Sec"), strict=True)
    }
    assert len(title_columns) == 1  # CJK speakers take two columns each; the titles still line up
    assert lines[-1] == "2 documents"


def test_list_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["list", "--db", db, "--json"]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [d["id"] for d in documents] == [1, 2]
    assert documents[0]["title"] == "全面深化改革的说明" and documents[0]["chars"] == len(SPEECH)
    assert documents[1]["tags"] == ["a", "b"]
    assert len(documents[0]["sha256"]) == 64


def test_show_prints_metadata_then_exact_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "#1", "--db", db]) == 0
    out = capsys.readouterr().out
    head, text = out.split("\n\n", 1)
    assert "title: 全面深化改革的说明" in head.splitlines()
    assert text == SPEECH
    assert run(["show", "1", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["text"] == SPEECH


def test_remove_then_missing(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["remove", "2", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("removed   #2")
    assert run(["remove", "2", "--db", db]) == 2
    assert capsys.readouterr().err.strip() == "duidu: no document #2 in the library"
    assert run(["show", "2", "--db", db]) == 2
    with open_library(db) as library, library.reader() as session:
        assert count_documents(session) == 1


def test_library_problems_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00\x01not a database" * 64)
    for argv in (["list"], ["show", "1"], ["remove", "1"], ["import", str(tmp_path)]):
        assert run([*argv, "--db", str(garbage)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not an SQLite database" in err and "Traceback" not in err
    for argv in (["list"], ["show", "1"], ["remove", "1"]):
        assert run([*argv, "--db", str(tmp_path / "typo.sqlite")]) == 2
        assert "no library at" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite").exists()


def test_default_library_is_created_for_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 documents"
