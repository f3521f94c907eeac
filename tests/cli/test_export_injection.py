"""CSV/TSV exports never hand a spreadsheet a formula: `compare --csv` and the lexicon export, with
text and file names starting with = + - @ (OWASP's CSV-injection rule), and the lexicon still
round-trips exactly."""

from __future__ import annotations

import csv
from pathlib import Path

from app.cli import run
from app.core.spreadsheet import FORMULA_TRIGGERS

SHARED = "我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，切实解决群众急难愁盼问题。"
EVIL = '=HYPERLINK("http://evil.example/x","点此查看原文")'


def _cells(path: Path, delimiter: str) -> list[str]:
    rows = csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=delimiter)
    return [cell for row in rows for cell in row]


def test_compare_csv_neutralises_formulas_in_passages_and_names(tmp_path: Path) -> None:
    a, b = tmp_path / "=1+2.txt", tmp_path / "@SUM(A1).txt"
    a.write_text(EVIL + SHARED + "\n下面讲三点意见。\n", encoding="utf-8")
    b.write_text("会议指出：\n" + EVIL + SHARED + "\n各乡镇抓好落实。\n", encoding="utf-8")
    out = tmp_path / "passages.csv"
    assert run(["compare", str(a), str(b), "--csv", str(out)]) == 0
    cells = _cells(out, ",")
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["a_name"] == "'=1+2.txt" and rows[0]["b_name"] == "'@SUM(A1).txt"
    assert rows[0]["a_text"].startswith("'" + EVIL)


def test_lexicon_export_neutralises_formulas_and_imports_back_unchanged(tmp_path: Path) -> None:
    db, exported = tmp_path / "lib.sqlite", tmp_path / "formulas.tsv"
    # ASCII "-" would read as an option on the command line; the full-width one is a trigger too
    wordings = ["=HYPERLINK(1)两个维护", "+区域协调发展", "－新发展理念", "@全面从严治党"]
    assert run(["formulas", "--accept", *wordings, "--db", str(db)]) == 0
    assert run(["formulas", "--export-lexicon", str(exported), "--db", str(db)]) == 0
    cells = _cells(exported, "\t")
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    assert {"'" + w for w in wordings} <= set(cells)

    other, again = tmp_path / "other.sqlite", tmp_path / "again.tsv"
    assert run(["formulas", "--import-lexicon", str(exported), "--db", str(other)]) == 0
    assert run(["formulas", "--export-lexicon", str(again), "--db", str(other)]) == 0
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
