"""The stored text of a document: decoded content with the BOM removed and line ends unified.

Every span in Duidu is a pair of code-point offsets into this text, so it must be produced by exactly
one function and never altered afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

BOM = "\ufeff"
#: Characters encoded at a time when a whole text is needed as UTF-8 (hashing it, storing it): a long
#: text's full UTF-8 copy would be 1.5 times its size in memory again (3 bytes a hanzi against 2).
UTF8_PIECE_CHARS = 1 << 20


def clean_text(decoded: str) -> str:
    """Return the stored form of decoded file content: BOM dropped, CRLF/CR turned into LF."""
    if decoded.startswith(BOM):
        decoded = decoded[1:]
    if "\r" in decoded:
        decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    return decoded


def utf8_pieces(text: str) -> Iterator[bytes]:
    """`text` as UTF-8, a piece at a time: their concatenation is `text.encode("utf-8")`."""
    for start in range(0, len(text), UTF8_PIECE_CHARS):
        yield text[start : start + UTF8_PIECE_CHARS].encode("utf-8")


def content_hash(text: str) -> str:
    """SHA-256 of the stored text (UTF-8): the identity used for deduplication and evidence."""
    digest = hashlib.sha256()
    for piece in utf8_pieces(text):
        digest.update(piece)
    return digest.hexdigest()
