"""Show the importers' and the store's one-line English reasons in the interface language.

The importers and the store stay free of Qt and speak English (the CLI, logs and tests read them), so the
GUI translates their reasons when it shows them: each stable phrasing is a pattern whose captured parts
(paths, sizes, driver details) are carried into the translation as %1, %2…. A captured part that is
itself a known phrase ("the library", "no file extension") is translated too. Anything unknown is shown
as it came, which is still a clear English line.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui.common.office_reasons import OFFICE_PATTERNS

CONTEXT = "Reasons"

# (pattern matching the whole English reason, source text of its translation with %1, %2… for the groups).
# More specific patterns first: the first full match wins.
PATTERNS: tuple[tuple[str, str], ...] = (
    # app/importers
    (r"unsupported format \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "unsupported format (%1)")),
    (
        r"not enough memory to read the file",
        QT_TRANSLATE_NOOP("Reasons", "not enough memory to read the file"),
    ),
    (r"cannot read (\w+) file \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "cannot read %1 file (%2)")),
    (r"no text in the document", QT_TRANSLATE_NOOP("Reasons", "no text in the document")),
    (r"no text in the page", QT_TRANSLATE_NOOP("Reasons", "no text in the page")),
    (r"no such file", QT_TRANSLATE_NOOP("Reasons", "no such file")),
    (r"no such file or folder", QT_TRANSLATE_NOOP("Reasons", "no such file or folder")),
    (r"cannot read file: (.+)", QT_TRANSLATE_NOOP("Reasons", "cannot read file: %1")),
    (r"cannot read folder: (.+)", QT_TRANSLATE_NOOP("Reasons", "cannot read folder: %1")),
    (r"is a folder, not a file", QT_TRANSLATE_NOOP("Reasons", "is a folder, not a file")),
    (
        r"file too large \((.+); the limit is (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "file too large (%1; the limit is %2)"),
    ),
    (
        r"file too large \(more than (.+), the limit\)",
        QT_TRANSLATE_NOOP("Reasons", "file too large (more than %1, the limit)"),
    ),
    (r"empty file", QT_TRANSLATE_NOOP("Reasons", "empty file")),
    (
        r"not a readable \.docx file \(damaged or truncated: (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "not a readable .docx file (damaged or truncated: %1)"),
    ),
    (
        r"not a readable \.(\w+) file \(damaged or truncated: (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "not a readable .%1 file (damaged or truncated: %2)"),
    ),
    (
        r"not a readable \.(\w+) file \(more than (.+) parts\)",
        QT_TRANSLATE_NOOP("Reasons", "not a readable .%1 file (more than %2 parts)"),
    ),
    # app/importers/limits.py (and the importers' own checks of the same kind)
    (
        r"too large when unpacked \((.+) is more than (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "too large when unpacked (%1 is more than %2)"),
    ),
    (
        r"too many elements in (.+) \(more than (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "too many elements in %1 (more than %2)"),
    ),
    (
        r"nested too deeply in (.+) \(more than (.+) levels\)",
        QT_TRANSLATE_NOOP("Reasons", "nested too deeply in %1 (more than %2 levels)"),
    ),
    (r"damaged part (.+) \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "damaged part %1 (%2)")),
    (
        r"unsupported compression in (.+) \((.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "unsupported compression in %1 (%2)"),
    ),
    (
        r"too many pages \((.+); the limit is (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "too many pages (%1; the limit is %2)"),
    ),
    (r"not a readable PDF \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "not a readable PDF (%1)")),
    (
        r"encrypted PDF that cannot be opened \((.+)\); no text layer",
        QT_TRANSLATE_NOOP("Reasons", "encrypted PDF that cannot be opened (%1); no text layer"),
    ),
    (
        r"encrypted PDF \(password required\); no text layer can be read",
        QT_TRANSLATE_NOOP("Reasons", "encrypted PDF (password required); no text layer can be read"),
    ),
    (
        r"no text layer \(image-only or scanned PDF\)",
        QT_TRANSLATE_NOOP("Reasons", "no text layer (image-only or scanned PDF)"),
    ),
    (
        r"binary file \(control characters\), not text",
        QT_TRANSLATE_NOOP("Reasons", "binary file (control characters), not text"),
    ),
    (
        r"binary file \(contains NUL bytes\), not text",
        QT_TRANSLATE_NOOP("Reasons", "binary file (contains NUL bytes), not text"),
    ),
    (
        r"undecodable bytes \(no known encoding fits\)",
        QT_TRANSLATE_NOOP("Reasons", "undecodable bytes (no known encoding fits)"),
    ),
    (
        r"undecodable bytes \(starts with a (.+) mark but is not (.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "undecodable bytes (starts with a %1 mark but is not %2)"),
    ),
    (
        r"undecodable bytes \(not UTF-8, GB18030, Big5 or another known encoding\)",
        QT_TRANSLATE_NOOP(
            "Reasons", "undecodable bytes (not UTF-8, GB18030, Big5 or another known encoding)"
        ),
    ),
    (r"notes file, not a speech", QT_TRANSLATE_NOOP("Reasons", "notes file, not a speech")),
    (
        r"link to a folder, not followed \(name the folder itself to import it\)",
        QT_TRANSLATE_NOOP("Reasons", "link to a folder, not followed (name the folder itself to import it)"),
    ),
    # app/store/importing.py
    (r"unexpected error: (.+)", QT_TRANSLATE_NOOP("Reasons", "unexpected error: %1")),
    (r"could not store: (.+)", QT_TRANSLATE_NOOP("Reasons", "could not store: %1")),
    # app/store: LibraryError
    (
        r"(.+) is locked by another program; try again when it has finished",
        QT_TRANSLATE_NOOP("Reasons", "%1 is locked by another program; try again when it has finished"),
    ),
    (
        r"(.+) is read-only \((.+)\); Duidu cannot write to it",
        QT_TRANSLATE_NOOP("Reasons", "%1 is read-only (%2); Duidu cannot write to it"),
    ),
    (
        r"(.+) is read-only; Duidu cannot write to it",
        QT_TRANSLATE_NOOP("Reasons", "%1 is read-only; Duidu cannot write to it"),
    ),
    (
        r"(.+) cannot be written: its folder (.+) is read-only",
        QT_TRANSLATE_NOOP("Reasons", "%1 cannot be written: its folder %2 is read-only"),
    ),
    (
        r"(.+) is damaged or not a Duidu library \((.+)\); it was left untouched",
        QT_TRANSLATE_NOOP("Reasons", "%1 is damaged or not a Duidu library (%2); it was left untouched"),
    ),
    (
        r"(.+) is an empty file, not a Duidu library; it was left untouched "
        r"\(choose a new file name to make a new library\)",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "%1 is an empty file, not a Duidu library; it was left untouched "
            "(choose a new file name to make a new library)",
        ),
    ),
    (
        r"(.+) is not a Duidu library \(not an SQLite database\); it was left untouched",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1 is not a Duidu library (not an SQLite database); it was left untouched"
        ),
    ),
    (
        r"(.+) is a database but not a Duidu library; it was left untouched",
        QT_TRANSLATE_NOOP("Reasons", "%1 is a database but not a Duidu library; it was left untouched"),
    ),
    (
        r"(.+) was created by a newer Duidu \(schema (.+)\); update Duidu to open it",
        QT_TRANSLATE_NOOP("Reasons", "%1 was created by a newer Duidu (schema %2); update Duidu to open it"),
    ),
    (
        r"(.+) needs a schema upgrade; open it once with write access",
        QT_TRANSLATE_NOOP("Reasons", "%1 needs a schema upgrade; open it once with write access"),
    ),
    (
        r"(.+) is neither a file path nor a database URL",
        QT_TRANSLATE_NOOP("Reasons", "%1 is neither a file path nor a database URL"),
    ),
    (
        r"(.+) is a folder, not a library file",
        QT_TRANSLATE_NOOP("Reasons", "%1 is a folder, not a library file"),
    ),
    (r"no library at (.+)", QT_TRANSLATE_NOOP("Reasons", "no library at %1")),
    (
        r"cannot create a library in (.+): the folder does not exist",
        QT_TRANSLATE_NOOP("Reasons", "cannot create a library in %1: the folder does not exist"),
    ),
    (r"cannot open (.+) \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "cannot open %1 (%2)")),
    (r"(.+): cannot write \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "%1: cannot write (%2)")),
    (r"(.+): database error: (.+)", QT_TRANSLATE_NOOP("Reasons", "%1: database error: %2")),
    (r"cannot read (.+): (.+)", QT_TRANSLATE_NOOP("Reasons", "cannot read %1: %2")),
    (r"cannot use (.+): (.+)", QT_TRANSLATE_NOOP("Reasons", "cannot use %1: %2")),
    # app/store/repository.py (library search)
    (
        r"a text search needs at least (\d+) characters",
        QT_TRANSLATE_NOOP("Reasons", "a text search needs at least %1 characters"),
    ),
)

# Phrases that appear inside a reason in place of a value.
PHRASES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Reasons", "no file extension"),
    QT_TRANSLATE_NOOP("Reasons", "the library"),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns, compiled when a reason is first shown: ~90 regular expressions are not worth
    compiling before the first window (start-up is timed, and most sessions never show a reason)."""
    return tuple(
        (re.compile(pattern, re.DOTALL), source) for pattern, source in (*PATTERNS, *OFFICE_PATTERNS)
    )


def pattern_for(reason: str) -> str | None:
    """The translation source a reason falls under, or None when it has no known phrasing."""
    for pattern, source in _compiled():
        if pattern.fullmatch(reason):
            return source
    return None


def localized_reason(reason: str) -> str:
    """`reason` in the interface language (unchanged when its phrasing is unknown)."""
    for pattern, source in _compiled():
        match = pattern.fullmatch(reason)
        if match is None:
            continue
        text = QCoreApplication.translate(CONTEXT, source)
        # Replace from the highest number down, so %1 does not eat the start of %10.
        for number in range(len(match.groups()), 0, -1):
            text = text.replace(f"%{number}", _value(match.group(number)))
        return text
    return reason


def _value(part: str) -> str:
    return QCoreApplication.translate(CONTEXT, part) if part in PHRASES else part
