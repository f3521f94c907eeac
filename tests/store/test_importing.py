"""import_paths: one transaction per file, results per file, cancel, and the library left consistent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from app.store import (
    FileResult,
    ImportInterrupted,
    Library,
    LibraryError,
    Outcome,
    count_documents,
    get_text,
    import_paths,
    list_documents,
    open_library,
)

SPEECHES = {
    "a.txt": "在全市经济工作会议上的讲话\n（2023年4月12日）\n\n同志们：\n今年以来，我们坚持稳中求进。\n",
    "b.txt": "在全省组织工作会议上的讲话\n\n同志们：\n要坚持党管干部原则。\n",
    "c.txt": "关于加强基层治理的报告\n\n一、基本情况\n基层治理取得新进展。\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "speeches"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(SPEECHES["a.txt"], encoding="utf-8")
    (root / "sub" / "b.txt").write_bytes(SPEECHES["b.txt"].encode("gb18030"))
    (root / "c.txt").write_text(SPEECHES["c.txt"], encoding="utf-8")
    return root


def _stored_texts(library: Library) -> list[str]:
    with library.reader() as session:
        return [get_text(session, d.id) or "" for d in list_documents(session)]


def test_folder_import_reports_each_file(library: Library, folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy-of-a.txt").write_text(SPEECHES["a.txt"], encoding="utf-8")
    (folder / "notes.xyz").write_text("not a speech", encoding="utf-8")
    seen: list[FileResult] = []
    progress: list[tuple[int, int]] = []
    report = import_paths(
        library.writer, [folder], progress=lambda d, t: progress.append((d, t)), on_result=seen.append
    )
    by_name = {r.path.name: r for r in report.results}
    assert list(report.results) == seen
    assert progress == [(i, len(seen)) for i in range(1, len(seen) + 1)]
    assert {name: r.outcome for name, r in by_name.items()} == {
        "a.txt": Outcome.IMPORTED,
        "b.txt": Outcome.IMPORTED,
        "c.txt": Outcome.IMPORTED,
        "copy-of-a.txt": Outcome.DUPLICATE,
        "empty.txt": Outcome.FAILED,
        "notes.xyz": Outcome.SKIPPED,
    }
    assert by_name["copy-of-a.txt"].document_id == by_name["a.txt"].document_id
    assert by_name["empty.txt"].reason and by_name["notes.xyz"].reason
    assert (report.imported, report.duplicates, report.failed, report.skipped) == (3, 1, 1, 1)
    assert report.chars_imported == sum(len(t) for t in SPEECHES.values())
    assert sorted(_stored_texts(library)) == sorted(SPEECHES.values())


def test_second_import_adds_nothing(library: Library, folder: Path) -> None:
    first = import_paths(library.writer, [folder])
    second = import_paths(library.writer, [folder])
    assert first.imported == 3
    assert (second.imported, second.duplicates) == (0, 3)
    assert [r.document_id for r in second.results] == [r.document_id for r in first.results]
    with library.reader() as session:
        assert count_documents(session) == 3


def test_failure_after_the_insert_leaves_nothing_behind(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import importing

    real_add = importing.add_document

    def add_then_fail(session, text, meta, **kwargs):  # type: ignore[no-untyped-def]
        added = real_add(session, text, meta, **kwargs)  # the row is flushed to the database here
        if "组织工作" in text:
            raise RuntimeError("disk pulled out mid-insert")
        return added

    monkeypatch.setattr(importing, "add_document", add_then_fail)
    report = import_paths(library.writer, [folder])
    failed = [r for r in report.results if r.outcome is Outcome.FAILED]
    assert [r.path.name for r in failed] == ["b.txt"]
    assert "disk pulled out" in failed[0].reason
    assert sorted(_stored_texts(library)) == sorted([SPEECHES["a.txt"], SPEECHES["c.txt"]])
    with library.reader() as session:
        orphans = session.execute(
            sql("select count(*) from document_tags where document_id not in (select id from documents)")
        )
        assert orphans.scalar() == 0


def test_cancel_stops_between_files_and_keeps_what_was_done(library: Library, folder: Path) -> None:
    results: list[FileResult] = []
    report = import_paths(
        library.writer, [folder], cancelled=lambda: len(results) >= 2, on_result=results.append
    )
    assert report.cancelled and len(report.results) == 2
    with library.reader() as session:
        assert count_documents(session) == 2


def test_missing_path_fails_and_the_rest_imports(library: Library, folder: Path) -> None:
    report = import_paths(library.writer, [folder / "nope.txt", folder / "a.txt"])
    outcomes = [r.outcome for r in report.results]
    assert outcomes.count(Outcome.IMPORTED) == 1
    assert report.failed + report.skipped == 1


def test_locked_library_aborts_with_a_library_error(library_path: Path, folder: Path) -> None:
    with open_library(str(library_path), busy_timeout=0.2) as library:
        import_paths(library.writer, [folder / "a.txt"])
        other = sqlite3.connect(library_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(LibraryError, match="locked by another program") as caught:
                import_paths(library.writer, [folder / "c.txt", folder / "a.txt"])
            assert isinstance(caught.value, ImportInterrupted) and caught.value.report.results == ()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert len(_stored_texts(library)) == 1
