"""What every importer shares: the failure type, the size limit and the one way files are read."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024
#: Files larger than this are refused before they are read: a speech is a few hundred kilobytes,
#: and the whole text must fit in memory several times over (text, normalised view, index).
MAX_FILE_BYTES = 64 * MIB


class ImportFailure(Exception):
    """A file that cannot be imported. `str(exc)` is a one-line reason without the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))


_CONTROL_RUN_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def storable_path(path: Path | str) -> str:
    """The path as text a database can store: a name with bytes that are not UTF-8 (kept by Python as
    lone surrogates, which no database accepts) gets them as `\\xff` escapes; anything else unchanged."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def one_line(text: str) -> str:
    """`text` for a one-line display or title: runs of line breaks, tabs and other controls become a space."""
    return _CONTROL_RUN_RE.sub(" ", text)


@dataclass(frozen=True)
class OcrLine:
    """A line of the stored text that OCR recognised: its code-point span and the recogniser's confidence."""

    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class Extracted:
    """What a format reader found: the text and what the file itself says about the document.

    Older readers return a `(text, title)` pair, which means `Extracted(text, title)`. `date` is the
    document's own creation date (ISO), used when the text names none; `ocr_lines` is set when some of
    the text was recognised from page images rather than read (their spans index `text`).
    """

    text: str
    title: str = ""
    date: str = ""
    ocr_lines: tuple[OcrLine, ...] = field(default_factory=tuple)


def describe_size(size: int) -> str:
    return f"{size / MIB:.1f} MiB" if size >= MIB else f"{size} bytes"


def checked_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The size of a file that may be read, by `stat`: missing, unreadable, folders and files over `limit`
    are refused with a reason, unread."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFailure("no such file") from None
    except OSError as exc:
        raise ImportFailure(f"cannot read file: {exc.strerror or exc}") from None
    if path.is_dir():
        raise ImportFailure("is a folder, not a file")
    if info.st_size > limit:
        raise ImportFailure(
            f"file too large ({describe_size(info.st_size)}; the limit is {describe_size(limit)})"
        )
    return info.st_size


def too_large(limit: int = MAX_FILE_BYTES) -> ImportFailure:
    """The failure of a file found larger than `limit` while read (it grew after `checked_size`)."""
    return ImportFailure(f"file too large (more than {describe_size(limit)}, the limit)")


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable, empty and over-large files with a reason.

    The size is checked with `stat` first, so a huge file is refused without being read; the read
    itself is capped too, in case the file grows in between.
    """
    checked_size(path, limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise too_large(limit)
    if not data:
        raise ImportFailure("empty file")
    return data
