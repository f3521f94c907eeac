"""Plain text in any common encoding: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030, Big5
(and UTF-16 without BOM when one byte order reads as ordinary text).

Detection order matters for Chinese: strict UTF-8 first (it almost never decodes anything else by
accident); then GB18030 and Big5, which both decode most double-byte input without error, so we
keep the one whose characters are common hanzi (misread Big5 turns into private-use and rare
characters, and vice versa). charset-normalizer is the fallback for everything else; on its own it
often calls short GB18030 texts cp949 or GBK. GB18030 is preferred over GBK/GB2312 because it is
their superset and decodes the same bytes identically.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain
from pathlib import Path

from app.core.text import clean_text
from app.importers.base import MAX_FILE_BYTES, MIB, ImportFailure, checked_size, read_limited, too_large

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_LEGACY = ("gb18030", "big5")
#: Share of hanzi that must be common characters for a legacy Chinese decoding to be trusted.
_COMMON_HAN_SHARE = 0.6
_PLAUSIBLE_SHARE = 0.9
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file marker in old GB texts
_MAX_CONTROL_SHARE = 0.001
#: C0 and C1 controls other than the allowed ones (a regex: this runs over every character of big files).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def _is_common_han(ch: str) -> bool:
    """Level-1 GB2312 (the 3,755 commonest simplified hanzi) or level-1 Big5 (5,401 traditional)."""
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        return len(big5) == 2 and 0xA4 <= big5[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _han_score(text: str, sample: int = 4000) -> float:
    """Share of common hanzi among the non-ASCII letters of the first `sample` characters."""
    chars = [ch for ch in text[:sample] if ord(ch) > 0x2FFF and not unicodedata.category(ch).startswith("P")]
    if not chars:
        return 0.0
    return sum(1 for ch in chars if _is_common_han(ch)) / len(chars)


def _legacy_chinese(data: bytes) -> str | None:
    best: tuple[float, str] | None = None
    for encoding in _CHINESE_LEGACY:  # GB18030 first: it wins ties
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _han_score(decoded)
        if best is None or score > best[0]:
            best = (score, decoded)
    if best and best[0] >= _COMMON_HAN_SHARE:
        return best[1]
    return None


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese or English text is made of: ASCII, common hanzi, punctuation, spaces."""
    sample = text[:4000]
    good = sum(
        1
        for ch in sample
        if (ch < "\x80" and (ch.isprintable() or ch in _ALLOWED_CONTROLS))
        or unicodedata.category(ch)[0] in "PZ"
        or _is_common_han(ch)
    )
    return good / len(sample) if sample else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM, told from binary data by reading as ordinary text in one byte order."""
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausible_share(text)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best and best[0] >= _PLAUSIBLE_SHARE else None


def _check_plain(text: str) -> str:
    _check_counts(len(text), len(_CONTROL_RE.findall(text)), text.count("\ufffd"))
    return text


def _check_counts(chars: int, controls: int, replacements: int) -> None:
    """Refuse a decoded text of `chars` characters with this many stray controls or replacement characters."""
    if controls > max(1, chars * _MAX_CONTROL_SHARE):
        raise ImportFailure("binary file (control characters), not text")
    if replacements > max(1, chars * _MAX_CONTROL_SHARE):
        raise ImportFailure("undecodable bytes (no known encoding fits)")


def _not_as_marked(encoding: str) -> ImportFailure:
    return ImportFailure(f"undecodable bytes (starts with a {encoding} mark but is not {encoding})")


def decode_bytes(data: bytes) -> str:
    """Decode file content into text (not yet cleaned), or refuse it as binary or undecodable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_plain(data.decode(encoding))
            except UnicodeDecodeError:
                raise _not_as_marked(encoding) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ImportFailure("binary file (contains NUL bytes), not text")
        return _check_plain(utf16)
    try:
        return _check_plain(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    chinese = _legacy_chinese(data)
    if chinese is not None:
        return _check_plain(chinese)
    from charset_normalizer import from_bytes  # ~70 ms to import, and most files never need it

    guess = from_bytes(data).best()
    if guess is None:
        raise ImportFailure("undecodable bytes (not UTF-8, GB18030, Big5 or another known encoding)")
    return _check_plain(str(guess))


def decode_text(data: bytes) -> str:
    """The stored text of a plain-text file."""
    return clean_text(decode_bytes(data))


def read_txt(data: bytes) -> tuple[str, str]:
    """Text and title hint (none: plain text carries its title, if any, in its first line)."""
    return decode_text(data), ""


#: Files larger than this are decoded a piece at a time when they are UTF-8 (by far the usual case), so
#: that a file's bytes and its text are never in memory whole at once: 62 MB of bytes beside the 42 MB str
#: of a 21-million-character speech. Other encodings are told apart on the whole file, as before.
STREAMED_FILE_BYTES = 4 * MIB
_PIECE_BYTES = MIB


def read_txt_file(path: Path) -> tuple[str, str]:
    """`read_txt` of the file at `path`: the same text and the same failures, a large UTF-8 file read and
    decoded piece by piece."""
    if checked_size(path) > STREAMED_FILE_BYTES:
        try:
            with path.open("rb") as handle:
                first = handle.read(max(_PIECE_BYTES, 4))  # whole marks: the longest is 4 bytes
                decoded = _decode_utf8(first, iter(partial(handle.read, _PIECE_BYTES), b""))
        except OSError as exc:
            raise ImportFailure(f"cannot read file: {exc.strerror or exc}") from None
        if decoded is not None:
            return clean_text(decoded), ""
    return read_txt(read_limited(path))


class _NotPlainUtf8(Exception):
    """The file must be decoded whole (`decode_bytes`): it is not UTF-8, or has NUL bytes or another mark."""


def _decode_utf8(first: bytes, rest: Iterator[bytes]) -> str | None:
    """`decode_bytes` of `first` and the `rest` of a file's chunks, with line ends already unified (the part
    of `clean_text` that copies a text); None when they are not plain UTF-8 (with or without its mark) and
    must be decoded whole. A piece ending in CR is held back a character, so that no CRLF is cut in two."""
    marked = first.startswith(codecs.BOM_UTF8)
    if not first or (not marked and any(first.startswith(bom) for bom, _ in _BOMS)):
        return None
    pieces: list[str] = []
    chars = controls = replacements = 0
    held = ""
    try:
        for piece in _decoded_pieces(first, rest, marked):
            chars += len(piece)
            controls += len(_CONTROL_RE.findall(piece))
            replacements += piece.count("\ufffd")
            piece = held + piece
            held = "\r" if piece.endswith("\r") else ""
            if "\r" in piece:
                piece = piece[: len(piece) - len(held)].replace("\r\n", "\n").replace("\r", "\n")
            pieces.append(piece)
    except _NotPlainUtf8:
        return None
    if held:
        pieces.append("\n")
    _check_counts(chars, controls, replacements)
    return "".join(pieces)


def _decoded_pieces(first: bytes, rest: Iterable[bytes], marked: bool) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8-sig" if marked else "utf-8")()
    size = 0
    try:
        for chunk in chain([first], rest):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise too_large()
            if not marked and b"\x00" in chunk:
                raise _NotPlainUtf8
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        if marked:
            raise _not_as_marked("utf-8-sig") from None
        raise _NotPlainUtf8 from None
