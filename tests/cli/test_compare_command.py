"""`duidu compare` through app.cli.run: the JSON contract, text summary, HTML/CSV files, bad input."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.core.text import content_hash
from tests.conftest import REPO

SHARED = "我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，切实解决群众急难愁盼问题。"
A = "在全市经济工作会议上的讲话\n\n同志们：\n今年春耕生产形势很好。" + SHARED + "\n下面讲三点意见。\n"
B = "在全县乡村振兴推进会上的讲话\n\n" + SHARED.replace("，", "、", 1) + "\n会议要求，各乡镇抓好落实。\n"


@pytest.fixture
def docs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_bytes(B.encode("gb18030"))
    return a, b


def test_json_output_follows_the_contract(docs, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(docs[0]), str(docs[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["documents", "passages", "summary"]
    assert data["documents"] == [
        {"index": 0, "name": "a.txt", "chars": len(A), "sha256": content_hash(A)},
        {"index": 1, "name": "b.txt", "chars": len(B), "sha256": content_hash(B)},
    ]
    (p,) = data["passages"]
    assert list(p) == [
        "a",
        "b",
        "a_start",
        "a_end",
        "b_start",
        "b_end",
        "similarity",
        "kind",
        "a_text",
        "b_text",
    ]
    assert (
        p["kind"] == "copy"
        and p["a_text"] == A[p["a_start"] : p["a_end"]]
        and p["a_text"].startswith("我们要")
    )
    assert p["b_text"] == B[p["b_start"] : p["b_end"]]
    (summary,) = data["summary"]
    assert list(summary) == ["a", "b", "a_copy_ratio", "b_copy_ratio"]
    assert 0.5 < summary["b_copy_ratio"] <= 1 and 0 < summary["a_copy_ratio"] < summary["b_copy_ratio"]


def test_min_chars_is_applied(docs, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(docs[0]), str(docs[1]), "--json", "--min-chars", "200"]) == 0
    assert json.loads(capsys.readouterr().out)["passages"] == []


def test_text_summary_lists_documents_ratios_and_passages(docs, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(docs[0]), str(docs[1]), str(docs[0])]) == 0
    out = capsys.readouterr().out
    assert "[0] a.txt" in out and "[2] a.txt" in out
    assert "[0] ↔ [2]  copied: 100.0% of [0], 100.0% of [2]" in out
    assert "copy    1.00  我们要坚持以人民为中心" in out


def test_html_report_is_self_contained_with_hashes_and_linked_passages(
    docs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.html"
    assert run(["compare", str(docs[0]), str(docs[1]), "--html", str(report)]) == 0
    assert "wrote" in capsys.readouterr().out
    html = report.read_text(encoding="utf-8")
    assert content_hash(A) in html and content_hash(B) in html and "min_similarity" in html
    assert 'id="p0-1-0a"' in html and 'href="#p0-1-0b"' in html and 'id="p0-1-0b"' in html
    assert "<link" not in html and "src=" not in html  # nothing outside the file


def test_csv_lists_passages_with_document_names(docs, tmp_path: Path) -> None:
    out = tmp_path / "passages.csv"
    assert run(["compare", str(docs[0]), str(docs[1]), "--csv", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 and rows[0]["a_name"] == "a.txt" and rows[0]["kind"] == "copy"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (bytes(range(256)) * 4, ""), ("，。\n".encode(), "")],
)
def test_bad_input_gives_one_line_and_nonzero_exit(
    docs, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    code = run(["compare", str(docs[0]), str(bad)])
    captured = capsys.readouterr()
    if content == "，。\n".encode():  # only punctuation: a valid document that shares nothing
        assert code == 0 and "0 copied passages" in captured.out
        return
    assert code != 0 and "Traceback" not in captured.err
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("duidu: ") and message in line


def test_a_single_document_or_unknown_id_is_refused(docs, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(docs[0])]) == 2
    assert "at least two" in capsys.readouterr().err
    assert run(["compare", str(docs[0]), "#99999"]) == 2
    assert "no document #99999" in capsys.readouterr().err


def test_library_ids_are_compared_like_files(
    docs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(["import", str(docs[0]), str(docs[1]), "--db", db]) == 0
    ids = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.startswith("imported")]
    assert run(["compare", *ids, "--json", "--db", db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["sha256"] for d in data["documents"]] == [content_hash(A), content_hash(B)]
    assert len(data["passages"]) == 1


_PROGRAM = """
import atexit, os, sys
from pathlib import Path


def report_teardown(event, _args, write=os.write):  # the interpreter's teardown, which a comparison skips
    if event == "cpython.PyInterpreterState_Clear":
        write(2, b"TEARDOWN\\n")


sys.addaudithook(report_teardown)
atexit.register(Path(sys.argv[-1]).write_text, "exit functions ran")
sys.argv = ["duidu", *sys.argv[1:-1]]
from app.__main__ import main

sys.exit(main())
"""


@pytest.mark.parametrize(
    ("argv", "code", "ends_at_once"),
    [
        (["compare", "A", "B", "--json"], 0, True),
        (["compare", "A"], 2, True),
        (["compare", "A", "B", "--json", "--db", "DB"], 0, False),
        (["formulas", "A"], 0, False),
    ],
    ids=["compare", "compare-error", "compare-with-library", "other-command"],
)
def test_the_compare_program_ends_once_its_output_is_written(
    docs, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, ends_at_once: bool
) -> None:
    """Run as the program, a comparison ends without the interpreter's teardown (app.cli.end_program),
    after the exit functions and with all of its output; one that opened a library, and other commands,
    end the usual way."""
    paths = {"A": str(docs[0]), "B": str(docs[1]), "DB": str(tmp_path / "lib.sqlite")}
    if "DB" in argv:
        assert run(["import", paths["A"], paths["B"], "--db", paths["DB"]]) == 0
        capsys.readouterr()
    marker = tmp_path / "marker"
    env = {**os.environ, "DUIDU_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, *(paths.get(a, a) for a in argv), str(marker)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == code and marker.read_text() == "exit functions ran"
    assert ("TEARDOWN" in done.stderr) is not ends_at_once
    assert run([paths.get(a, a) for a in argv]) == code
    assert done.stdout == capsys.readouterr().out  # all of it
    if argv[-1] == "--json":
        assert json.loads(done.stdout)["passages"]
