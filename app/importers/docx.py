"""Word documents (.docx): paragraphs and tables in reading order.

python-docx lists paragraphs and tables separately, so we walk the body's XML children ourselves to
keep a table between the paragraphs it sits between. Table rows become lines with cells separated by
tabs; a merged cell (which python-docx repeats for every grid column it spans) is taken once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from app.importers.base import ImportFailure
from app.importers.limits import check_tree, repack_zip

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(_block_lines(cell._tc, cell)).strip("\n"))
        yield "\t".join(cells)


def _block_lines(element, parent) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Lines of a body, table cell or content control, in document order."""
    for child in element.iterchildren():
        if child.tag == _P:
            yield Paragraph(child, parent).text
        elif child.tag == _TBL:
            yield from _table_lines(Table(child, parent))
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, parent)


def read_docx(data: bytes) -> tuple[str, str]:
    """Text and title hint (the document's core `title` property).

    python-docx gets the archive repacked by `repack_zip` (every member unpacked under our limits
    first); the body's element count and depth are checked after parsing.
    """
    package = repack_zip(data, "docx")
    try:
        document = Document(io.BytesIO(package))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, PackageNotFoundError, lxml errors …
        raise ImportFailure(
            f"not a readable .docx file (damaged or truncated: {type(exc).__name__})"
        ) from None
    body = document.element.body
    check_tree(body, "word/document.xml")
    text = "\n".join(_block_lines(body, document._body))
    if not text.strip():
        raise ImportFailure("no text in the document")
    return text, (document.core_properties.title or "").strip()
