"""Bounds every importer keeps, so a small hostile file cannot take the memory or the time of the machine.

A file on disk is already capped (`base.MAX_FILE_BYTES`), but a zip (.docx, .ofd …) can unpack a
megabyte into gigabytes, XML can nest or repeat elements without end, a PDF can declare millions of
pages. Importers open zips with `open_zip`, read members with `read_member` (or `repack_zip` for a
library that opens the zip itself), parse XML with
`xml_parser` and walk trees with `check_tree`, so each of these limits lives in one place and every
refusal carries the same reason.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from app.importers.base import MIB, ImportFailure, describe_size

#: All members of one archive together, once unpacked: many times the largest speech's markup.
MAX_UNPACKED_BYTES = 256 * MIB
#: One member once unpacked (a .docx's `word/document.xml`, an .ofd page).
MAX_MEMBER_BYTES = 128 * MIB
#: One compressed stream inside a document (a PDF page's content stream holds a few kilobytes of text).
MAX_STREAM_BYTES = 32 * MIB
#: Members in one archive: a document has tens; a zip of a million empty members is an attack.
MAX_ZIP_MEMBERS = 10_000
#: Elements in one parsed XML/HTML tree, and how deep they may nest. A long speech has tens of
#: thousands of elements and a nesting depth of a few dozen.
MAX_ELEMENTS = 2_000_000
MAX_DEPTH = 500
#: Elements in one web page: a government page with its menus has a few thousand; BeautifulSoup
#: builds about 50,000 a second, so this keeps the slowest page to a couple of seconds.
MAX_HTML_ELEMENTS = 100_000
#: Pages of one PDF (or other paged format): a speech has tens; a year's gazette a few thousand.
MAX_PAGES = 5_000

TOO_LARGE_UNPACKED = "too large when unpacked"
_CHUNK = 1 * MIB


def _too_large(what: str, limit: int) -> ImportFailure:
    return ImportFailure(f"too large when unpacked ({what} is more than {describe_size(limit)})")


def open_zip(
    data: bytes, kind: str, *, max_total: int = MAX_UNPACKED_BYTES, max_member: int = MAX_MEMBER_BYTES
) -> zipfile.ZipFile:
    """The archive in `data`, refused when damaged, with too many members or too large declared sizes
    (all members together over `max_total`, or one over `max_member`).

    Declared sizes are only a first check (they can lie); `read_member` caps what is really unpacked.
    `kind` names the format in the reason ("docx", "ofd").
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportFailure(
            f"not a readable .{kind} file (damaged or truncated: {type(exc).__name__})"
        ) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportFailure(f"not a readable .{kind} file (more than {MAX_ZIP_MEMBERS} parts)")
    largest = max(members, key=lambda member: member.file_size, default=None)
    if largest is not None and largest.file_size > max_member:
        raise _too_large(largest.filename, max_member)
    declared = sum(member.file_size for member in members)
    if declared > max_total:
        raise _too_large("the archive", max_total)
    return archive


def read_member(archive: zipfile.ZipFile, name: str, *, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """The unpacked bytes of one member, read in chunks and stopped as soon as they pass `limit`.

    Raises `KeyError` for a missing member (the caller knows whether that is fatal) and
    `ImportFailure` for one too large when unpacked or damaged.
    """
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise _too_large(name, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_large(name, limit)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, OSError, EOFError) as exc:
        raise ImportFailure(f"damaged part {name} ({type(exc).__name__}: {exc})") from None
    except NotImplementedError as exc:  # an unsupported compression method
        raise ImportFailure(f"unsupported compression in {name} ({exc})") from None
    return b"".join(chunks)


def repack_zip(data: bytes, kind: str) -> bytes:
    """The archive again, every member read through `read_member` and stored uncompressed.

    For libraries that open the zip themselves (python-docx): `zipfile.read` unpacks a whole member
    in one call before cutting it to its declared size, so a member lying about its size would still
    unpack in full. Stored members are copied, not unpacked, so the library reads what we checked.
    """
    archive = open_zip(data, kind)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            if not info.is_dir():
                copy.writestr(info.filename, read_member(archive, info.filename))
    return out.getvalue()


def xml_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads a DTD or touches the network, and keeps
    libxml2's own limits on depth and text size (`huge_tree` off)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root of the XML in `data`, parsed with `xml_parser` and checked with `check_tree`."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise ImportFailure(f"damaged part {what} (XMLSyntaxError: {exc})") from None
    check_tree(root, what)
    return root


def check_tree(
    root: etree._Element, what: str, *, max_elements: int = MAX_ELEMENTS, max_depth: int = MAX_DEPTH
) -> None:
    """Refuse a tree with more than `max_elements` elements or nested deeper than `max_depth`.

    One iterative walk (start/end events, a depth counter): linear time, constant memory, no recursion.
    """
    count = depth = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        count += 1
        depth += 1
        if count > max_elements:
            raise ImportFailure(f"too many elements in {what} (more than {max_elements:,})")
        if depth > max_depth:
            raise ImportFailure(f"nested too deeply in {what} (more than {max_depth} levels)")
