"""Reasons of the office-format and OCR importers, for `reasons.py` to show translated (the shared
bounds' reasons, `app.importers.limits`, are in `reasons.PATTERNS`).

Kept apart from `reasons.PATTERNS` so each group of importers brings its own list; the first full match
wins there, and these come after the older importers' patterns (the open-ended `%1 (%2 is more than %3)` last).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# (pattern matching the whole English reason, source text of its translation with %1, %2… for the groups).
OFFICE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"Word document older than Word 97 \(not supported; save it as \.docx\)",
        QT_TRANSLATE_NOOP("Reasons", "Word document older than Word 97 (not supported; save it as .docx)"),
    ),
    (
        r"damaged Word document \(no (.+) stream\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged Word document (no %1 stream)"),
    ),
    (
        r"damaged Word document \(no piece table\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged Word document (no piece table)"),
    ),
    (
        r"damaged Word document \(text runs past the end of the file\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged Word document (text runs past the end of the file)"),
    ),
    (
        r"damaged Word document \(truncated piece table\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged Word document (truncated piece table)"),
    ),
    (
        r"damaged or truncated Word document \(piece table out of range\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged or truncated Word document (piece table out of range)"),
    ),
    (
        r"damaged or truncated document \((.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged or truncated document (%1)"),
    ),
    (
        r"encrypted document \(password required\)",
        QT_TRANSLATE_NOOP("Reasons", "encrypted document (password required)"),
    ),
    (
        r"not a Word 97–2003 document \(no Word file header\)",
        QT_TRANSLATE_NOOP("Reasons", "not a Word 97–2003 document (no Word file header)"),
    ),
    (
        r"not a Word 97–2003 or WPS document \(no OLE compound file header\)",
        QT_TRANSLATE_NOOP("Reasons", "not a Word 97–2003 or WPS document (no OLE compound file header)"),
    ),
    (
        r"not a Word or WPS Writer document \(an OLE file without a WordDocument stream: Works, Excel or an old WPS format\)",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "not a Word or WPS Writer document (an OLE file without a WordDocument stream: Works, Excel or an old WPS format)",
        ),
    ),
    (
        r"damaged OFD file \(OFD\.xml has no DocBody\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged OFD file (OFD.xml has no DocBody)"),
    ),
    (
        r"damaged OFD file \((.+) (.+) is missing\)",
        QT_TRANSLATE_NOOP("Reasons", "damaged OFD file (%1 %2 is missing)"),
    ),
    (r"damaged OFD file \(no DocRoot\)", QT_TRANSLATE_NOOP("Reasons", "damaged OFD file (no DocRoot)")),
    (
        r"no text in the OFD file \(image\-only pages\?\)",
        QT_TRANSLATE_NOOP("Reasons", "no text in the OFD file (image-only pages?)"),
    ),
    (
        r"not an RTF file \(no \{\\rtf header\)",
        QT_TRANSLATE_NOOP("Reasons", "not an RTF file (no {\\rtf header)"),
    ),
    (r"truncated RTF file", QT_TRANSLATE_NOOP("Reasons", "truncated RTF file")),
    (
        r"not a web archive \(no MIME parts\)",
        QT_TRANSLATE_NOOP("Reasons", "not a web archive (no MIME parts)"),
    ),
    (r"web archive with an empty page", QT_TRANSLATE_NOOP("Reasons", "web archive with an empty page")),
    (
        r"web archive without a page \(no HTML part\)",
        QT_TRANSLATE_NOOP("Reasons", "web archive without a page (no HTML part)"),
    ),
    (r"damaged image \((.+): (.+)\)", QT_TRANSLATE_NOOP("Reasons", "damaged image (%1: %2)")),
    (
        r"too large when unpacked \(an image of more than (.+) pixels\)",
        QT_TRANSLATE_NOOP("Reasons", "too large when unpacked (an image of more than %1 pixels)"),
    ),
    (
        r"too large when unpacked \(an image of (.+)×(.+) pixels\)",
        QT_TRANSLATE_NOOP("Reasons", "too large when unpacked (an image of %1×%2 pixels)"),
    ),
    (r"not a readable image \((.+)\)", QT_TRANSLATE_NOOP("Reasons", "not a readable image (%1)")),
    (
        r"no text layer and no text recognised \(blank or unreadable scan\)",
        QT_TRANSLATE_NOOP("Reasons", "no text layer and no text recognised (blank or unreadable scan)"),
    ),
    (r"no text recognised in the image", QT_TRANSLATE_NOOP("Reasons", "no text recognised in the image")),
    (
        r"recognised text could not be stored as read \(line ends changed\)",
        QT_TRANSLATE_NOOP("Reasons", "recognised text could not be stored as read (line ends changed)"),
    ),
    (
        r"cancelled while recognising text \(OCR\)",
        QT_TRANSLATE_NOOP("Reasons", "cancelled while recognising text (OCR)"),
    ),
    (
        r"no OCR engine in this installation \((.+) missing\)",
        QT_TRANSLATE_NOOP("Reasons", "no OCR engine in this installation (%1 missing)"),
    ),
    (
        r"OCR model missing from this installation: (.+)",
        QT_TRANSLATE_NOOP("Reasons", "OCR model missing from this installation: %1"),
    ),
    (r"(.+) \((.+) is more than (.+)\)", QT_TRANSLATE_NOOP("Reasons", "%1 (%2 is more than %3)")),
)
