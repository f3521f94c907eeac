"""Rich Text Format (.rtf): the text through striprtf, tables as tab-separated lines.

Chinese RTF spells characters as `\\'xx` byte escapes in the document's ANSI code page (`\\ansicpg936`
GBK, `\\ansicpg950` Big5) and as `\\uN` Unicode escapes (negative N above U+7FFF); striprtf decodes
both (tests check GBK, Big5 and negative `\\u`). It ends table cells with `|`, which a speech's own text
may contain, so cell marks are rewritten into tabs before it runs. The title and creation date come from
the `{\\info …}` group, which striprtf drops from the text.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from app.importers.base import Extracted, ImportFailure

_CELL_RE = re.compile(rb"(?<!\\)\\cell(?![a-z])")
_TITLE_RE = re.compile(r"\{\\title\s?((?:[^{}\\]|\\.|\\[a-z]+-?\d* ?)*)\}")
_CREATED_RE = re.compile(r"\{\\creatim\\yr(\d+)\\mo(\d{1,2})\\dy(\d{1,2})")


def _decode(data: bytes) -> str:
    """RTF is 7-bit with escapes; some writers put raw UTF-8 or GBK bytes in it all the same."""
    for encoding in ("ascii", "utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _title(source: str, header: str) -> str:
    """The last `\\title` group: `{\\upr{\\title ???}{\\*\\ud{\\title \\u…}}}` puts the Unicode one last."""
    found = _TITLE_RE.findall(source[: source.find("\\pard")] if "\\pard" in source else source)
    if not found:
        return ""
    # Decode the title's escapes in the document's own code page: give it the document's header.
    return " ".join(rtf_to_text(header + found[-1] + "}").split())


def read_rtf(data: bytes) -> Extracted:
    """Text, title and creation date of an RTF file."""
    if not data.lstrip()[:5] == b"{\\rtf":
        raise ImportFailure("not an RTF file (no {\\rtf header)")
    source = _decode(_CELL_RE.sub(rb"\\tab ", data))
    text = rtf_to_text(source, errors="replace")
    if not source.rstrip().endswith("}") and not text.strip():
        raise ImportFailure("truncated RTF file")
    lines = (line.rstrip("\t ") for line in text.replace("\r\n", "\n").split("\n"))
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise ImportFailure("no text in the document")
    header = source[: source.find("{", 1)] if "{" in source[1:] else "{\\rtf1 "
    created = _CREATED_RE.search(source)
    valid = created and int(created[1]) >= 1900 and 1 <= int(created[2]) <= 12 and 1 <= int(created[3]) <= 31
    date = f"{created[1]}-{int(created[2]):02d}-{int(created[3]):02d}" if created and valid else ""
    return Extracted(text, _title(source, header), date)
