"""Word 97–2003 documents (.doc) and WPS Writer documents (.wps) in the same binary format.

Both are OLE compound files whose `WordDocument` stream starts with the File Information Block (FIB).
The text is not stored in order: the FIB points at the CLX in the table stream (`0Table` or `1Table`),
whose piece table (PlcPcd) lists where each run of character positions lives in `WordDocument` — as
UTF-16, or "compressed" as one cp1252 byte per character. We read the main document's characters
(`ccpText` of them) piece by piece and turn Word's control characters into plain text: paragraph marks
into line breaks, table cell marks into tabs, and of each field (`HYPERLINK`, `PAGE` …) keep only the
shown result, never its code.

Files that only carry a Word name — RTF, a web page, or a .docx renamed to .doc, as office tools and
web sites often produce — are handed to the reader of what they really are.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator

import olefile

from app.importers.base import Extracted, ImportFailure

_WORD_IDENT = 0xA5EC
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
_F_OBFUSCATED = 0x8000
_FC_CLX_INDEX = 33  # position of fcClx/lcbClx among the FIB's (fc, lcb) pairs
_CCP_TEXT_INDEX = 3  # position of ccpText among the FIB's 32-bit counts
_PCD_SIZE = 8
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARKS_RE = re.compile("\x07+")
#: Word's special characters → plain text: paragraph, line, page and section breaks become line
#: breaks; non-breaking hyphens hyphens; optional hyphens, anchors of pictures, drawings, footnote and
#: comment references vanish.
_CONTROLS = str.maketrans(
    {
        "\r": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
        "\x0e": "\n",
        "\x1e": "-",
        "\x1f": None,
        "\x01": None,
        "\x02": None,
        "\x03": None,
        "\x04": None,
        "\x05": None,
        "\x08": None,
        "\x00": None,
    }
)
_DATE_FORMAT = "%Y-%m-%d"


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<H", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])


def _fib(word: bytes) -> tuple[int, int, int, int]:
    """(flags, ccpText, fcClx, lcbClx) from the FIB, checking it is a Word 97 or later FIB."""
    if len(word) < 0x22 or _u16(word, 0) != _WORD_IDENT:
        raise ImportFailure("not a Word 97–2003 document (no Word file header)")
    flags = _u16(word, 0x0A)
    pos = 0x20
    csw = _u16(word, pos)
    pos += 2 + 2 * csw
    cslw = _u16(word, pos)
    counts = pos + 2
    pos = counts + 4 * cslw
    cb_fc_lcb = _u16(word, pos)
    pairs = pos + 2
    if cslw <= _CCP_TEXT_INDEX or cb_fc_lcb <= _FC_CLX_INDEX:
        raise ImportFailure("Word document older than Word 97 (not supported; save it as .docx)")
    ccp_text = _u32(word, counts + 4 * _CCP_TEXT_INDEX)
    fc_clx = _u32(word, pairs + 8 * _FC_CLX_INDEX)
    lcb_clx = _u32(word, pairs + 8 * _FC_CLX_INDEX + 4)
    return flags, ccp_text, fc_clx, lcb_clx


def _piece_table(clx: bytes) -> tuple[list[int], list[int]]:
    """Character positions (n + 1) and the FcCompressed word of each of the n pieces."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers we do not need
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ImportFailure("damaged Word document (no piece table)")
    size = _u32(clx, pos + 1)
    plc = clx[pos + 5 : pos + 5 + size]
    if len(plc) != size or (size - 4) % 12:
        raise ImportFailure("damaged Word document (truncated piece table)")
    count = (size - 4) // 12
    cps = list(struct.unpack_from(f"<{count + 1}I", plc, 0))
    fcs = [_u32(plc, 4 * (count + 1) + _PCD_SIZE * i + 2) for i in range(count)]
    return cps, fcs


def _pieces(word: bytes, cps: list[int], fcs: list[int], limit: int) -> Iterator[str]:
    """The characters of positions 0 … `limit`, piece by piece."""
    for index, fc_word in enumerate(fcs):
        start, end = cps[index], min(cps[index + 1], limit)
        if start >= limit:
            break
        if end <= start:
            continue
        chars = end - start
        if fc_word & 0x40000000:  # compressed: one cp1252 byte per character at fc / 2
            offset = (fc_word & 0x3FFFFFFF) // 2
            raw = word[offset : offset + chars]
            text = raw.decode("cp1252", errors="replace")
        else:
            offset = fc_word & 0x3FFFFFFF
            raw = word[offset : offset + 2 * chars]
            text = raw.decode("utf-16-le", errors="replace")
        if len(text) < chars:
            raise ImportFailure("damaged Word document (text runs past the end of the file)")
        yield text


def _drop_field_codes(text: str) -> str:
    """Keep each field's result (after its separator), drop its code; fields nest."""
    if _FIELD_BEGIN not in text:
        return text
    out: list[str] = []
    in_code: list[bool] = []  # one entry per open field: still in its code part?
    for ch in text:
        if ch == _FIELD_BEGIN:
            in_code.append(True)
        elif ch == _FIELD_SEPARATOR and in_code:
            in_code[-1] = False
        elif ch == _FIELD_END and in_code:
            in_code.pop()
        elif not any(in_code):
            out.append(ch)
    return "".join(out)


def _cells(match: re.Match[str]) -> str:
    """A cell mark ends a cell (→ tab); two in a row end a cell and then its row (→ line break)."""
    run = len(match.group())
    return "\t" if run == 1 else "\t" * (run - 2) + "\n"


def word_text(raw: str) -> str:
    """Plain text from the characters of a Word document's main story."""
    text = _drop_field_codes(raw)
    text = _CELL_MARKS_RE.sub(_cells, text).translate(_CONTROLS)
    return text.strip("\n")


def _decode_property(value: object, codepage: int | None) -> str:
    """A summary string: valid UTF-8 is UTF-8 whatever the code page says (LibreOffice writes UTF-8
    under code page 936), else the declared code page, else GB18030."""
    if isinstance(value, bytes):
        value = value.split(b"\x00", 1)[0]
        for encoding in ("utf-8", f"cp{codepage}" if codepage else "gb18030", "gb18030"):
            try:
                value = value.decode(encoding)
                break
            except (LookupError, UnicodeDecodeError):
                continue
        else:
            value = value.decode("gb18030", errors="replace")
    return str(value or "").replace("\x00", "").strip()


def _summary(ole: olefile.OleFileIO) -> tuple[str, str]:
    """Title and creation date from the file's summary information, when it has them."""
    try:
        meta = ole.get_metadata()
    except Exception:  # a damaged property stream must not cost the text
        return "", ""
    title = _decode_property(meta.title, meta.codepage)
    created = meta.create_time
    date = created.strftime(_DATE_FORMAT) if created and created.year > 1980 else ""
    return title, date


def _other_format(data: bytes) -> Extracted | None:
    """Files named .doc/.wps that are RTF, HTML or .docx underneath (as Word's "save as" and sites produce)."""
    head = data[:512].lstrip()
    if head.startswith(b"{\\rtf"):
        from app.importers.rtf import read_rtf

        return read_rtf(data)
    if head.startswith(b"PK\x03\x04"):
        from app.importers.docx import read_docx

        return Extracted(*read_docx(data))
    if head[:1] == b"<" and re.search(rb"<html|<body|<!doctype html", head, re.IGNORECASE):
        from app.importers.html import read_html

        return Extracted(*read_html(data))
    if head.startswith(b"MIME-Version") or b"Content-Type: multipart/related" in head:
        from app.importers.mht import read_mht

        return read_mht(data)
    return None


def read_doc(data: bytes) -> Extracted:
    """Text, title and creation date of a .doc or .wps file."""
    if not data.startswith(olefile.MAGIC):  # (isOleFile takes short bytes for a file name)
        other = _other_format(data)
        if other is not None:
            return other
        raise ImportFailure("not a Word 97–2003 or WPS document (no OLE compound file header)")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError as exc:
        raise ImportFailure(f"damaged or truncated document ({exc})") from None
    with ole:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise ImportFailure("encrypted document (password required)")
        if not ole.exists("WordDocument"):
            raise ImportFailure(
                "not a Word or WPS Writer document (an OLE file without a WordDocument stream: "
                "Works, Excel or an old WPS format)"
            )
        word = ole.openstream("WordDocument").read()
        flags, ccp_text, fc_clx, lcb_clx = _fib(word)
        if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
            raise ImportFailure("encrypted document (password required)")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise ImportFailure(f"damaged Word document (no {table_name} stream)")
        table = ole.openstream(table_name).read()
        if lcb_clx == 0 or fc_clx + lcb_clx > len(table):
            raise ImportFailure("damaged or truncated Word document (piece table out of range)")
        cps, fcs = _piece_table(table[fc_clx : fc_clx + lcb_clx])
        text = word_text("".join(_pieces(word, cps, fcs, ccp_text)))
        title, date = _summary(ole)
    if not text.strip():
        raise ImportFailure("no text in the document")
    return Extracted(text, title, date)
