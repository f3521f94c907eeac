"""`duidu similar DOC` through app.cli.run: ids, files in and out of the library, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from app.store import count_documents
from tests.conftest import CORPUS
from tests.store import tracing_library
from tests.store.tracing_library import CorpusLibrary

pytestmark = [pytest.mark.corpus]
corpus_library = tracing_library.corpus_library


def test_json_names_id_title_source_and_score(corpus_library: CorpusLibrary, capsys) -> None:  # type: ignore[no-untyped-def]
    ids = corpus_library.ids
    query = ids["xi-2020-11-12-2.txt"]
    assert run(["similar", str(query), "--top", "3", "--json", "--db", str(corpus_library.path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    results = payload["results"]
    assert 1 <= len(results) <= 3
    first = results[0]
    assert first["id"] == ids["xi-2020-11-13-2.txt"]
    assert (
        first["source"].endswith("xi-speeches-2020/xi-2020-11-13-2.txt")
        and Path(first["source"]).is_absolute()
    )
    assert first["title"] and 0.8 < first["score"] <= 1
    assert {"query_copy_ratio", "other_copy_ratio", "longest_passage", "matched_chars"} <= set(first)
    assert "characters of copied prose" in first["reason"]
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    assert payload["query"]["id"] == query


def test_a_file_outside_the_library_is_compared_without_being_imported(
    corpus_library: CorpusLibrary, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    text = (CORPUS / "xi-speeches-2020" / "xi-2020-11-10-1.txt").read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text("新的开头。\n" + text.replace("上海精神", "上合精神"), encoding="utf-8")
    with corpus_library.open() as library, library.reader() as session:
        before = count_documents(session)
    assert run(["similar", str(edited), "--json", "--db", str(corpus_library.path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    top_two = {r["id"] for r in payload["results"][:2]}
    assert top_two == {corpus_library.ids["xi-2020-11-10-1.txt"], corpus_library.ids["xi-2020-11-11-1.txt"]}
    assert payload["query"]["id"] is None
    with corpus_library.open() as library, library.reader() as session:
        assert count_documents(session) == before


def test_text_output_lists_one_line_per_result(corpus_library: CorpusLibrary, capsys) -> None:  # type: ignore[no-untyped-def]
    query = corpus_library.ids["xi-2018-07-10-1.txt"]
    assert run(["similar", f"#{query}", "--top", "2", "--db", str(corpus_library.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("2 similar speeches")
    assert lines[1].startswith(f"#{corpus_library.ids['xi-2018-07-11-1.txt']} ")


def test_bad_input_is_one_line(corpus_library: CorpusLibrary, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["similar", "999999", "--db", str(corpus_library.path)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "duidu: no document #999999 in the library (and no file of that name)"
    )
    assert run(["similar", str(tmp_path / "missing.txt"), "--db", str(corpus_library.path)]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(["similar", "1", "--top", "0", "--db", str(corpus_library.path)])


def test_the_first_similar_after_an_import_does_not_read_the_whole_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """`duidu import` brings the library's frequent fingerprints up to date, so the next `similar` (a new
    process: nothing kept in memory) finds them in the cache folder instead of reading every posting."""
    import app.store.frequent_fingerprints as frequent

    folder = CORPUS / "xi-speeches-2020"
    library = str(tmp_path / "library.sqlite")
    assert run(["import", *map(str, sorted(folder.glob("*.txt"))[:8]), "--db", library]) == 0
    reads: list[int] = []
    real_read = frequent._read
    monkeypatch.setattr(
        frequent, "_read", lambda session, threshold: reads.append(1) or real_read(session, threshold)
    )
    query = tmp_path / "edited.txt"  # an edited copy of an imported speech: it has results
    query.write_text(
        "新的开头。\n" + sorted(folder.glob("*.txt"))[3].read_text(encoding="utf-8"), encoding="utf-8"
    )
    frequent._KEPT.clear()  # as in the next process
    capsys.readouterr()
    assert run(["similar", str(query), "--json", "--db", library]) == 0
    assert json.loads(capsys.readouterr().out)["results"]  # it did compare against the library
    assert reads == []
    more = sorted(folder.glob("*.txt"))[10:12]
    assert run(["import", *map(str, more), "--db", library]) == 0  # brought up to date, not read again
    frequent._KEPT.clear()
    assert run(["similar", str(query), "--json", "--db", library]) == 0
    assert reads == []
