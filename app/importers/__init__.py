"""Importers: a file on disk → its stored text and guessed metadata, one module per format.

`read_document` is the one entry point; it raises `ImportFailure` (a one-line reason, never another
exception type) for every file it cannot import, so callers can report the file and go on.
`collect_files` turns the paths a user gave into the files to import, saying why others are skipped.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.model import DocumentMeta
from app.core.text import clean_text
from app.importers.base import MAX_FILE_BYTES, ImportFailure, one_line, read_limited, storable_path

__all__ = [
    "MAX_FILE_BYTES",
    "NOTES_FILE_NAMES",
    "SUPPORTED_SUFFIXES",
    "ImportFailure",
    "ImportedDocument",
    "Skipped",
    "collect_files",
    "one_line",
    "read_document",
    "read_text",
    "storable_path",
]

_Reader = Callable[[bytes], tuple[str, str]]


def _lazy(module: str, function: str) -> _Reader:
    """A reader whose module (and its parser library: pypdf, python-docx, bs4 ~0.6 s together) is imported
    on the first file of its format, so that reading a .txt file never loads them."""

    def read(data: bytes) -> tuple[str, str]:
        reader: _Reader = getattr(importlib.import_module(module), function)
        return reader(data)

    read.__qualname__ = read.__name__ = function
    return read


read_txt = _lazy("app.importers.txt", "read_txt")
read_docx = _lazy("app.importers.docx", "read_docx")
read_pdf = _lazy("app.importers.pdf", "read_pdf")
read_html = _lazy("app.importers.html", "read_html")
read_md = _lazy("app.importers.md", "read_md")
_READERS: dict[str, tuple[str, _Reader]] = {
    ".txt": ("txt", read_txt),
    ".docx": ("docx", read_docx),
    ".pdf": ("pdf", read_pdf),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".md": ("md", read_md),
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)
#: Stems of files that describe a folder rather than hold a speech; skipped when a folder is walked
#: (a file named explicitly is always imported).
NOTES_FILE_NAMES: frozenset[str] = frozenset(
    {"readme", "sources", "changelog", "changes", "license", "licence", "notes", "contributing", "authors",
     "copying", "todo"}
)  # fmt: skip


@dataclass(frozen=True)
class ImportedDocument:
    """A file's stored text, its guessed metadata, where it came from and its format (`txt`, `pdf` …)."""

    text: str
    meta: DocumentMeta
    source_path: str
    format: str


@dataclass(frozen=True)
class Skipped:
    """A path that `collect_files` will not hand on, and why (one line)."""

    path: Path
    reason: str


def read_text(path: Path) -> tuple[str, str, str]:
    """One file's stored text, the title its format carries (or "") and its format, or `ImportFailure`.

    For callers that only compare or scan the text (`duidu compare FILE FILE`): no metadata guessing."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise ImportFailure(f"unsupported format ({suffix or 'no file extension'})")
    fmt, reader = _READERS[suffix]
    data = read_limited(path)
    try:
        text, title_hint = reader(data)
    except ImportFailure:
        raise
    except MemoryError:
        raise ImportFailure("not enough memory to read the file") from None
    except Exception as exc:  # a library failing on a malformed file must not become a traceback
        raise ImportFailure(f"cannot read {fmt} file ({type(exc).__name__}: {exc})") from None
    text = clean_text(text)
    if not text or text.isspace():  # not `text.strip()`: that copies a whole long text
        raise ImportFailure("no text in the document")
    return text, title_hint, fmt


def read_document(path: Path) -> ImportedDocument:
    """Read one file into its stored text and guessed metadata, or raise `ImportFailure`."""
    from app.core.metadata import guess_metadata  # its ~100 regular expressions compile in ~50 ms

    path = Path(path)
    text, title_hint, fmt = read_text(path)
    source = storable_path(path.absolute())
    meta = guess_metadata(text)
    title = meta.title or one_line(title_hint or storable_path(path.stem)).strip()
    meta = replace(meta, title=title, source_path=source)
    return ImportedDocument(text=text, meta=meta, source_path=source, format=fmt)


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$: Word's lock files next to open documents


def _check_file(path: Path, *, in_folder: bool) -> Path | Skipped:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Skipped(path, f"unsupported format ({suffix or 'no file extension'})")
    if in_folder and path.stem.lower() in NOTES_FILE_NAMES:
        return Skipped(path, "notes file, not a speech")
    return path


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Skipped(folder, f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue  # .git, .DS_Store, editor backups: never speeches, and far too many to list
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: linked folders are reported, never walked (no loops)
        except OSError:
            is_dir = False
        if is_dir and entry.is_symlink():
            yield Skipped(path, "link to a folder, not followed (name the folder itself to import it)")
        elif is_dir:
            yield from _walk(path)
        else:
            yield _check_file(path, in_folder=True)


def collect_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """The files to import from the given files and folders (folders recursively, in name order).

    Unsupported formats, notes files inside folders (README, SOURCES, index …) and missing paths
    come out as `Skipped` with a reason; hidden files inside folders are passed over silently.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield _check_file(path, in_folder=False)
        else:
            yield Skipped(path, "no such file or folder")
