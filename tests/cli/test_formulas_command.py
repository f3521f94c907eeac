"""`duidu formulas` through app.cli.run: the JSON contract, readable text, library ids, discovery, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.cli import run

SPEECH = "同志们：\n要坚决做到“两个维护”，深入开展“三解三促”活动，\n持之以恒纠治“四风”。\n"


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_bytes(SPEECH.encode("gb18030"))
    return path


def test_json_output_follows_the_contract(speech, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["formulas", str(speech), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    hits = data["hits"]
    assert [(h["text"], h["formula"], h["source"]) for h in hits] == [
        ("两个维护", "两个维护", "lexicon"),
        ("三解三促", "三解三促", "pattern"),
        ("四风", "四风", "lexicon"),
    ]
    for h in hits:
        assert {"start", "end", "text", "formula", "source"} <= set(h)
        assert SPEECH[h["start"] : h["end"]] == h["text"]
    assert data["document"]["chars"] == len(SPEECH)


def test_readable_text_by_default(speech, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["formulas", str(speech)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("speech.txt: 3 formula hits (2 lexicon, 1 pattern)")
    assert "pattern/quoted" in out and "两个维护" in out


def test_library_id(speech, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(["import", str(speech), "--db", db]) == 0
    capsys.readouterr()
    assert run(["formulas", "#1", "--json", "--db", db]) == 0
    assert [h["formula"] for h in json.loads(capsys.readouterr().out)["hits"]] == [
        "两个维护",
        "三解三促",
        "四风",
    ]
    assert run(["formulas", "7", "--db", db]) == 2
    assert "no document #7" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv_tail", "message"),
    [
        (["missing.txt"], "no such file"),
        ([], "formulas takes one DOC"),
        (["a.txt", "b.txt"], "formulas takes one DOC"),
    ],
)
def test_bad_input_is_one_line(argv_tail, message, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["formulas", *argv_tail]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_empty_and_binary_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    for path in (empty, binary):
        assert run(["formulas", str(path)]) != 0
        err = capsys.readouterr().err
        assert err.startswith("duidu: ") and err.count("\n") == 1


def test_discover_over_a_folder_and_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "speeches"
    folder.mkdir()
    for n, opening in enumerate(["全市要", "各县要", "我们要", "乡镇要"]):
        (folder / f"s{n}.txt").write_text(
            f"{opening}深入开展“三解三促”活动，把工作落到实处。\n", encoding="utf-8"
        )
    assert run(["formulas", "--discover", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 4
    assert data["candidates"][0]["text"] == "三解三促"
    assert data["candidates"][0]["df"] == 4

    db = str(tmp_path / "lib.sqlite")
    assert run(["import", str(folder), "--db", db]) == 0
    capsys.readouterr()
    assert run(["formulas", "--discover", "--db", db, "--top", "5"]) == 0
    out = capsys.readouterr().out
    first_line, *rows = out.splitlines()
    assert re.fullmatch(r"\d candidates from 4 documents .*", first_line)
    assert 1 <= len(rows) <= 5 and "三解三促" in rows[0]


def test_discover_with_nothing_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["formulas", "--discover", str(tmp_path)]) == 2
    assert "no documents" in capsys.readouterr().err


def test_accepted_formulas_are_found_in_library_documents(speech, tmp_path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(["import", str(speech), "--db", db]) == 0
    assert run(["formulas", "--accept", "深入开展", "--db", db]) == 0
    capsys.readouterr()
    assert run(["formulas", "1", "--json", "--db", db]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [(h["formula"], h["category"]) for h in hits if h["source"] == "lexicon"][1] == (
        "深入开展",
        "discovered",
    )
    assert run(["formulas", str(speech), "--json"]) == 0  # a file without --db: the shipped lexicon only
    assert "深入开展" not in {h["formula"] for h in json.loads(capsys.readouterr().out)["hits"]}


def test_lexicon_export_and_import(tmp_path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(["formulas", "--accept", "三解三促", "四学四强", "--db", db]) == 0
    out = tmp_path / "mine.tsv"
    assert run(["formulas", "--export-lexicon", str(out), "--db", db]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("三解三促\t")
    other = str(tmp_path / "other.sqlite")
    bad = tmp_path / "bad.tsv"
    bad.write_text(out.read_text(encoding="utf-8") + "x\t\t\t\t\tnot-a-year\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["formulas", "--import-lexicon", str(bad), "--db", other]) == 1
    captured = capsys.readouterr()
    assert "imported 2 formula entries, skipped 1 rows" in captured.out
    assert "line 4: first_year" in captured.err
    assert run(["formulas", "--import-lexicon", str(tmp_path / "missing.tsv"), "--db", other]) == 2
