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

from app.core.model import OCR_TAG, DocumentMeta
from app.core.text import clean_text
from app.importers.base import (
    MAX_FILE_BYTES,
    Extracted,
    ImportFailure,
    OcrLine,
    one_line,
    read_limited,
    storable_path,
)

__all__ = [
    "MAX_FILE_BYTES",
    "NOTES_FILE_NAMES",
    "OCR_TAG",
    "SUPPORTED_SUFFIXES",
    "ImportFailure",
    "ImportedDocument",
    "OcrLine",
    "Skipped",
    "collect_files",
    "one_line",
    "read_document",
    "read_text",
    "storable_path",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
#: A format's reader: file bytes → (text, title hint) or `Extracted`. Paged formats (OCR) also take
#: `progress` and `cancelled`.
_Reader = Callable[..., tuple[str, str] | Extracted]


def _lazy(module: str, function: str) -> _Reader:
    """A reader whose module (and its parser library: pypdf, python-docx, bs4 ~0.6 s together) is imported
    on the first file of its format, so that reading a .txt file never loads them."""

    def read(data: bytes, *args: object) -> tuple[str, str] | Extracted:
        reader: _Reader = getattr(importlib.import_module(module), function)
        return reader(data, *args)

    read.__qualname__ = read.__name__ = function
    return read


read_txt = _lazy("app.importers.txt", "read_txt")
read_docx = _lazy("app.importers.docx", "read_docx")
read_pdf = _lazy("app.importers.scanned", "read_scanned_pdf")  # the text layer; OCR for pages without one
read_html = _lazy("app.importers.html", "read_html")
read_md = _lazy("app.importers.md", "read_md")
read_doc = _lazy("app.importers.doc", "read_doc")
read_rtf = _lazy("app.importers.rtf", "read_rtf")
read_ofd = _lazy("app.importers.ofd", "read_ofd")
read_mht = _lazy("app.importers.mht", "read_mht")
read_image = _lazy("app.importers.scanned", "read_image")
_READERS: dict[str, tuple[str, _Reader]] = {
    ".txt": ("txt", read_txt),
    ".doc": ("doc", read_doc),
    ".wps": ("wps", read_doc),  # WPS Writer (2005 and later) writes the Word 97 binary format
    ".docx": ("docx", read_docx),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".md": ("md", read_md),
    ".rtf": ("rtf", read_rtf),
    ".ofd": ("ofd", read_ofd),
    ".mht": ("mht", read_mht),
    ".mhtml": ("mht", read_mht),
}
#: Formats read page by page (OCR): their readers take `progress(done, total)` and `cancelled()` too.
_PAGED_READERS: dict[str, tuple[str, _Reader]] = {
    ".pdf": ("pdf", read_pdf),
    **{suffix: ("image", read_image) for suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff")},
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS) | frozenset(_PAGED_READERS)
#: Stems of files that describe a folder rather than hold a speech; skipped when a folder is walked
#: (a file named explicitly is always imported).
NOTES_FILE_NAMES: frozenset[str] = frozenset(
    {"readme", "sources", "changelog", "changes", "license", "licence", "notes", "contributing", "authors",
     "copying", "todo"}
)  # fmt: skip


@dataclass(frozen=True)
class ImportedDocument:
    """A file's stored text, its guessed metadata, where it came from and its format (`txt`, `pdf` …).

    `ocr_lines` lists the lines of `text` that were recognised from page images, with their confidence.
    """

    text: str
    meta: DocumentMeta
    source_path: str
    format: str
    ocr_lines: tuple[OcrLine, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A path that `collect_files` will not hand on, and why (one line)."""

    path: Path
    reason: str


def _extract(
    path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> tuple[Extracted, str]:
    """What the file's format reader found (text in stored form) and the format, or `ImportFailure`."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailure(f"unsupported format ({suffix or 'no file extension'})")
    fmt, reader = _PAGED_READERS.get(suffix) or _READERS[suffix]
    try:
        if suffix == ".txt":  # read from the file itself: a long one is decoded a piece at a time
            found = importlib.import_module("app.importers.txt").read_txt_file(path)
        elif suffix in _PAGED_READERS:
            found = reader(read_limited(path), progress, cancelled)
        else:
            found = reader(read_limited(path))
    except ImportFailure:
        raise
    except MemoryError:
        raise ImportFailure("not enough memory to read the file") from None
    except Exception as exc:  # a library failing on a malformed file must not become a traceback
        raise ImportFailure(f"cannot read {fmt} file ({type(exc).__name__}: {exc})") from None
    if not isinstance(found, Extracted):
        found = Extracted(*found)
    text = clean_text(found.text)
    if not text or text.isspace():  # not `text.strip()`: that copies a whole long text
        raise ImportFailure("no text in the document")
    if found.ocr_lines and len(text) != len(found.text):
        raise ImportFailure("recognised text could not be stored as read (line ends changed)")
    return replace(found, text=text), fmt


def read_text(path: Path) -> tuple[str, str, str]:
    """One file's stored text, the title its format carries (or "") and its format, or `ImportFailure`.

    For callers that only compare or scan the text (`duidu compare FILE FILE`): no metadata guessing."""
    found, fmt = _extract(Path(path))
    return found.text, found.title, fmt


def read_document(
    path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> ImportedDocument:
    """Read one file into its stored text and guessed metadata, or raise `ImportFailure`.

    `progress(done, total)` and `cancelled()` serve formats read page by page (scans through OCR, which
    takes seconds a page): pages done, and whether to stop (`ImportFailure` "cancelled …" then).
    """
    from app.core.metadata import guess_metadata  # its ~100 regular expressions compile in ~50 ms

    path = Path(path)
    found, fmt = _extract(path, progress, cancelled)
    source = storable_path(path.absolute())
    meta = guess_metadata(found.text)
    # The file's own date wins when it agrees with the one guessed from the text and says more ("2024" → "2024-02-20").
    date = found.date if found.date.startswith(meta.date) else meta.date
    title = meta.title or one_line(found.title or storable_path(path.stem)).strip()
    meta = replace(meta, title=title, date=date, source_path=source)
    if found.ocr_lines:
        from app.importers.ocr import describe_ocr

        meta = replace(meta, tags=(*meta.tags, OCR_TAG), notes=describe_ocr(found.ocr_lines))
    return ImportedDocument(
        text=found.text, meta=meta, source_path=source, format=fmt, ocr_lines=found.ocr_lines
    )


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
