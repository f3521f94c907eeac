"""Real minimal OFD files (GB/T 33190-2016 structure), written part by part for the tests."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
SIZE = 3.5  # mm, 10.5 pt
LINE_HEIGHT = 6.0


def _text_objects(lines: list[str], *, per_char: bool, start_id: int) -> str:
    """One TextObject per line (as most writers do), or per character listed in scrambled order."""
    objects: list[str] = []
    next_id = start_id
    for row, line in enumerate(lines):
        top = 25.0 + row * LINE_HEIGHT
        pieces = list(enumerate(line)) if per_char else [(0, line)]
        for column, piece in pieces:
            left = 25.0 + column * SIZE
            width = SIZE * len(piece)
            deltas = " ".join([str(SIZE)] * (len(piece) - 1))
            objects.append(
                f'<ofd:TextObject ID="{next_id}" Boundary="{left} {top} {width} {LINE_HEIGHT}" Font="2" '
                f'Size="{SIZE}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{SIZE}"'
                + (f' DeltaX="{deltas}"' if deltas else "")
                + f">{escape(piece)}</ofd:TextCode></ofd:TextObject>"
            )
            next_id += 1
    if per_char:  # writers emit objects in drawing order, not reading order
        objects = objects[1::2] + objects[::2]
    return "".join(objects)


def make_ofd(
    path: Path,
    pages: list[list[str]],
    *,
    title: str = "",
    date: str = "",
    per_char: bool = False,
    content_prefix: str = "",
) -> Path:
    """An .ofd with `pages` (each a list of lines) and DocInfo title/date.

    Pages are listed in Document.xml in order but stored under shuffled folder names, so that page order
    must come from Document.xml. `content_prefix` goes before each page's root element (a DOCTYPE …).
    """
    doc_info = (
        f"<ofd:DocID>0C1D4F7159954EEEDE517F7285E84DC4</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title>"
    )
    doc_info += f"<ofd:Author>办公室</ofd:Author><ofd:CreationDate>{date}</ofd:CreationDate>" if date else ""
    ofd_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo>{doc_info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
        "</ofd:DocBody></ofd:OFD>"
    )
    folders = [f"Page_{(index * 7 + 3) % 11}" for index in range(len(pages))]
    page_list = "".join(
        f'<ofd:Page ID="{index + 10}" BaseLoc="Pages/{folder}/Content.xml"/>'
        for index, folder in enumerate(folders)
    )
    document_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        "<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
        "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"
    )
    public_res = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", ofd_xml)
        archive.writestr("Doc_0/Document.xml", document_xml)
        archive.writestr("Doc_0/PublicRes.xml", public_res)
        for index, (folder, lines) in enumerate(zip(folders, pages, strict=True)):
            objects = _text_objects(lines, per_char=per_char, start_id=100 * (index + 1))
            content = (
                f'<?xml version="1.0" encoding="UTF-8"?>{content_prefix}<ofd:Page xmlns:ofd="{NS}">'
                f'<ofd:Content><ofd:Layer ID="{index + 50}">{objects}</ofd:Layer></ofd:Content></ofd:Page>'
            )
            archive.writestr(f"Doc_0/Pages/{folder}/Content.xml", content)
    return path
