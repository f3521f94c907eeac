"""PDF files with a text layer.

Scanned speeches are common: their pages are images, and pypdf returns nothing for them. We say so
("no text layer") instead of importing an empty document; OCR is out of scope. Encrypted PDFs that
open with the empty password (copy/print restrictions only) are read; others are refused.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re

from pypdf import PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

from app.importers.base import ImportFailure, describe_size
from app.importers.limits import MAX_PAGES, MAX_STREAM_BYTES

_PAGE_BREAK = "\n"
#: PDFs printed from Word carry `Microsoft Word - 讲话稿.docx` as their title.
_WORD_TITLE_RE = re.compile(r"^Microsoft Word - |\.docx?$", re.IGNORECASE)
# pypdf logs recoverable damage (wrong xref offsets …) as warnings; the user only needs our verdict.
logging.getLogger("pypdf").setLevel(logging.ERROR)


#: pypdf's own bounds on what one stream may unpack to, lowered to ours.
_STREAM_LIMITS = {
    name: MAX_STREAM_BYTES
    for name in (
        "zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
        "array_based_stream_maximum_output_length", "brotli_maximum_output_length",
        "maximum_declared_stream_length", "image_maximum_buffer_size",
    )
}  # fmt: skip


def read_pdf(data: bytes) -> tuple[str, str]:
    """Text and title hint (the document information `Title`).

    Every stream pypdf unpacks is capped at `MAX_STREAM_BYTES` (pypdf stops decompressing there), and
    a PDF declaring more than `MAX_PAGES` pages is refused before any page is read.
    """
    try:
        with apply_configuration(**_STREAM_LIMITS):
            return _read(data)
    except LimitReachedError:
        raise ImportFailure(
            f"too large when unpacked (a PDF stream is more than {describe_size(MAX_STREAM_BYTES)})"
        ) from None


def _read(data: bytes) -> tuple[str, str]:
    try:
        reader = PdfReader(io.BytesIO(data))
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFailure(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, NotImplementedError, PdfReadError) as exc:
            raise ImportFailure(f"encrypted PDF that cannot be opened ({exc}); no text layer") from None
        if not opened:
            raise ImportFailure("encrypted PDF (password required); no text layer can be read")
    if len(reader.pages) > MAX_PAGES:
        raise ImportFailure(f"too many pages ({len(reader.pages):,}; the limit is {MAX_PAGES:,})")
    pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    text = _PAGE_BREAK.join(page for page in pages if page.strip())
    if not text.strip():
        raise ImportFailure("no text layer (image-only or scanned PDF)")
    title = ""
    with contextlib.suppress(PdfReadError, ValueError, KeyError, TypeError):
        info = reader.metadata
        title = str((info.get("/Title") if info else None) or "").strip()
    return text, _WORD_TITLE_RE.sub("", title)
