"""The stored text of a document: decoded content with the BOM removed and line ends unified.

Every span in Duidu is a pair of code-point offsets into this text, so it must be produced by exactly
one function and never altered afterwards.
"""

from __future__ import annotations

import hashlib

BOM = "\ufeff"


def clean_text(decoded: str) -> str:
    """Return the stored form of decoded file content: BOM dropped, CRLF/CR turned into LF."""
    if decoded.startswith(BOM):
        decoded = decoded[1:]
    if "\r" in decoded:
        decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    return decoded


def content_hash(text: str) -> str:
    """SHA-256 of the stored text (UTF-8): the identity used for deduplication and evidence."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
