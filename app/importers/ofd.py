"""OFD documents (GB/T 33190, the national format for electronic official documents).

An .ofd file is a zip of XML parts: `OFD.xml` names each document's `Document.xml` (DocBody/DocRoot)
and carries its metadata (DocInfo: Title, Author, CreationDate); `Document.xml` lists the pages in
reading order, each a `Content.xml` whose layers hold `TextObject`s (a `Boundary` "x y w h" on the
page, in millimetres) with `TextCode` runs placed at X/Y inside it. Text carries no reading order or
paragraph marks of its own, so runs are put into lines by their baseline and ordered left to right.

No maintained PyPI reader fits: easyofd renders through PyMuPDF and reportlab and parses with xmltodict;
ofdparser is unmaintained. This reader needs only lxml, through the shared bounds in `limits` (no DTDs,
entities or network; capped unpacking against zip bombs; element, depth and page limits).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from app.importers.base import Extracted, ImportFailure
from app.importers.limits import MAX_PAGES, open_zip, parse_xml, read_member

#: Runs whose baselines differ by less than this share of their font size sit on one line.
_SAME_LINE = 0.5
_DEFAULT_SIZE = 3.5  # mm: 10.5 pt (五号), the usual body size, when a TextObject names none


@dataclass(frozen=True, slots=True)
class _Run:
    x: float
    y: float
    size: float
    text: str


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(root: etree._Element, *names: str) -> str:
    """Text of the first element along the path of local names (namespaces differ between writers)."""
    node: etree._Element | None = root
    for name in names:
        node = next((child for child in node if _local(child) == name), None) if node is not None else None
    return (node.text or "").strip() if node is not None else ""


def _numbers(value: str | None, count: int) -> list[float]:
    parts = (value or "").replace(",", " ").split()
    try:
        numbers = [float(part) for part in parts[:count]]
    except ValueError:
        numbers = []
    return numbers + [0.0] * (count - len(numbers))


def _resolve(base_dir: str, location: str) -> str:
    """A part's name inside the zip: absolute from the root (leading `/`) or relative to `base_dir`."""
    location = location.strip().replace("\\", "/")
    path = location.lstrip("/") if location.startswith("/") else posixpath.join(base_dir, location)
    return posixpath.normpath(path).lstrip("/")


def _part(archive: zipfile.ZipFile, name: str, what: str) -> etree._Element:
    try:
        data = read_member(archive, name)
    except KeyError:
        raise ImportFailure(f"damaged OFD file ({what} {name} is missing)") from None
    return parse_xml(data, f"OFD {what}")


def _runs(page: etree._Element) -> list[_Run]:
    runs: list[_Run] = []
    for text_object in page.iter():
        if _local(text_object) != "TextObject":
            continue
        left, top, _, _ = _numbers(text_object.get("Boundary"), 4)
        size = _numbers(text_object.get("Size"), 1)[0] or _DEFAULT_SIZE
        for code in text_object:
            if _local(code) == "TextCode" and code.text:
                x, y = _numbers(code.get("X"), 1)[0], _numbers(code.get("Y"), 1)[0]
                runs.append(_Run(left + x, top + y, size, code.text))
    return runs


def _lines(runs: list[_Run]) -> list[str]:
    """Runs grouped into lines by baseline (top to bottom), each line's runs left to right."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) < _SAME_LINE * max(run.size, lines[-1][0].size):
            lines[-1].append(run)
        else:
            lines.append([run])
    return ["".join(run.text for run in sorted(line, key=lambda r: r.x)) for line in lines]


def _document_pages(archive: zipfile.ZipFile, root_name: str) -> list[str]:
    document = _part(archive, root_name, "document")
    base_dir = posixpath.dirname(root_name)
    pages = [
        _resolve(base_dir, page.get("BaseLoc") or "")
        for page in document.iter()
        if _local(page) == "Page" and page.get("BaseLoc")
    ]
    if len(pages) > MAX_PAGES:
        raise ImportFailure(f"too many pages ({len(pages):,}; the limit is {MAX_PAGES:,})")
    return pages


def read_ofd(data: bytes) -> Extracted:
    """Text (pages in order, lines by position), title and creation date of an OFD file."""
    archive = open_zip(data, "ofd")
    entry = _part(archive, "OFD.xml", "entry part")
    bodies = [body for body in entry if _local(body) == "DocBody"]
    if not bodies:
        raise ImportFailure("damaged OFD file (OFD.xml has no DocBody)")
    body = bodies[0]  # one file holds one document in practice; the first is the one readers show
    doc_root = _child_text(body, "DocRoot")
    if not doc_root:
        raise ImportFailure("damaged OFD file (no DocRoot)")
    page_names = _document_pages(archive, _resolve("", doc_root))
    lines: list[str] = []
    for name in page_names:
        lines.extend(_lines(_runs(_part(archive, name, "page"))))
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise ImportFailure("no text in the OFD file (image-only pages?)")
    title = _child_text(body, "DocInfo", "Title")
    date = _child_text(body, "DocInfo", "CreationDate")[:10]
    return Extracted(text, title, date if len(date) == 10 and date[4] == "-" else "")
