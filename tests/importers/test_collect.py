"""Folders expand to the files to import; everything else is skipped with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.importers import SUPPORTED_SUFFIXES, Skipped, collect_files, read_document


def _touch(path: Path, text: str = "同志们：\n今天开会。") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_supported_suffixes() -> None:
    text = {".txt", ".md", ".html", ".htm", ".mht", ".mhtml", ".rtf"}
    office = {".docx", ".doc", ".wps", ".pdf", ".ofd"}
    images = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
    assert frozenset(text | office | images) == SUPPORTED_SUFFIXES


def test_folders_expand_recursively_in_name_order(tmp_path: Path) -> None:
    b = _touch(tmp_path / "b.txt")
    a2 = _touch(tmp_path / "a" / "2.md")
    a1 = _touch(tmp_path / "a" / "1.TXT")
    c = _touch(tmp_path / "c" / "d" / "speech.htm")
    _touch(tmp_path / ".git" / "config.txt")
    _touch(tmp_path / ".hidden.txt")
    _touch(tmp_path / "~$locked.docx")
    assert list(collect_files([tmp_path])) == [a1, a2, b, c]


def test_notes_index_and_unknown_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    speech = _touch(tmp_path / "x" / "speech.txt")
    _touch(tmp_path / "x" / "index.tsv", "file\ttitle\n")
    _touch(tmp_path / "README.md", "# notes")
    _touch(tmp_path / "SOURCES.md", "# sources")
    _touch(tmp_path / "LICENSE", "MIT")
    items = list(collect_files([tmp_path]))
    skipped = {item.path.name: item.reason for item in items if isinstance(item, Skipped)}
    assert skipped == {
        "LICENSE": "unsupported format (no file extension)",
        "README.md": "notes file, not a speech",
        "SOURCES.md": "notes file, not a speech",
        "index.tsv": "unsupported format (.tsv)",
    }
    assert [item for item in items if not isinstance(item, Skipped)] == [speech]


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_linked_folders_are_reported_not_walked(tmp_path: Path) -> None:
    speech = _touch(tmp_path / "a" / "speech.txt")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    items = list(collect_files([tmp_path / "a"]))
    assert items[0] == Skipped(tmp_path / "a" / "loop", items[0].reason)
    assert "not followed" in items[0].reason
    assert items[1:] == [speech]


def test_explicit_files_are_taken_as_given_even_notes(tmp_path: Path) -> None:
    readme = _touch(tmp_path / "README.md")
    table = _touch(tmp_path / "index.tsv")
    missing = tmp_path / "gone.txt"
    assert list(collect_files([readme, table, missing])) == [
        readme,
        Skipped(table, "unsupported format (.tsv)"),
        Skipped(missing, "no such file or folder"),
    ]


@pytest.mark.corpus
def test_whole_corpus_imports_every_speech_identically(corpus: Path) -> None:
    """The acceptance check of the issue: 384 speeches, stored text == file content, notes skipped."""
    items = list(collect_files([corpus]))
    files = [item for item in items if not isinstance(item, Skipped)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert len(files) == 384
    assert all(path.suffix == ".txt" for path in files)
    assert {(item.path.name, item.reason) for item in skipped} == {
        ("index.tsv", "unsupported format (.tsv)"),
        ("SOURCES.md", "notes file, not a speech"),
    }
    assert len(skipped) == len(list(corpus.glob("*/index.tsv"))) + 1
    for path in files:
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8"), path.name
        assert doc.meta.title and doc.meta.source_path == str(path.absolute())
