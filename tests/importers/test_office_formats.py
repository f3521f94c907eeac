"""Word 97 (.doc), WPS Writer (.wps), RTF and saved web archives (.mht): real files, exact text.

The .doc/.wps/.rtf fixtures in tests/data/office were written by LibreOffice from our own text (see the
README there); GBK and Big5 RTF, web archives and damaged files are made here.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import olefile
import pytest

from app.importers import ImportFailure, read_document
from app.importers.base import Extracted
from app.importers.doc import word_text
from app.importers.ofd import read_ofd
from tests.conftest import REPO
from tests.importers.ofd_files import make_ofd

OFFICE = REPO / "tests" / "data" / "office"
SPEECH = (
    "在全县乡村振兴工作会议上的讲话\n"
    "同志们：\n"
    "今天召开全县乡村振兴工作会议，主要任务是总结去年工作，部署今年任务。详见《乡村振兴规划》。\n"
    "指标\t目标\n"
    "粮食产量\t稳定在50万吨以上\n"
    "一、坚持农业农村优先发展，GDP增长5%左右。\n"
    "谢谢大家！"
)
POLICY = (
    "关于加强基层党组织建设的意见\n"
    "各乡镇党委：\n"
    "为深入贯彻落实新时代党的建设总要求，现就加强基层党组织建设提出如下意见。\n"
    "（一）健全组织体系。\n"
    "（二）加强队伍建设。"
)
REMARKS = "Remarks at the opening ceremony\nLadies and gentlemen, welcome."


def _refusal(path: Path) -> str:
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    reason = str(info.value)
    assert reason and "\n" not in reason
    return reason


def test_doc_text_tables_and_link_field_exactly() -> None:
    doc = read_document(OFFICE / "speech.doc")
    assert doc.format == "doc"
    assert doc.text == SPEECH  # the link's field code (HYPERLINK "…") is gone, its shown text kept
    assert doc.meta.title == "在全县乡村振兴工作会议上的讲话"


def test_wps_writer_file() -> None:
    doc = read_document(OFFICE / "policy.wps")
    assert doc.format == "wps"
    assert doc.text == POLICY
    assert doc.meta.title == "关于加强基层党组织建设的意见"


def _streams(path: Path) -> tuple[bytes, bytes, str]:
    with olefile.OleFileIO(str(path)) as ole:
        word = ole.openstream("WordDocument").read()
        table_name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
        return word, ole.openstream(table_name).read(), table_name


def _rewrite(path: Path, name: str, data: bytes) -> None:
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        ole.write_stream(name, data)


def test_doc_with_compressed_8_bit_piece(tmp_path: Path) -> None:
    """Word stores runs of cp1252 text one byte per character ("compressed"): point the only piece at such
    a run, written where its UTF-16 text was."""
    path = shutil.copy(OFFICE / "remarks-en.doc", tmp_path / "compressed.doc")
    word, table, table_name = _streams(path)
    fc_clx = struct.unpack_from("<I", word, 0x1A2)[0]
    plc = fc_clx + 5  # clxt 0x02 + lcb: LibreOffice writes no property modifiers before the piece table
    assert table[fc_clx] == 0x02 and struct.unpack_from("<2I", table, plc) == (0, len(REMARKS) + 1)
    fc_pos = plc + 8 + 2
    fc = struct.unpack_from("<I", table, fc_pos)[0]
    raw = (REMARKS.replace("\n", "\r") + "\r").encode("cp1252")
    word = word[:fc] + raw + word[fc + len(raw) :]
    table = table[:fc_pos] + struct.pack("<I", 0x40000000 | (fc * 2)) + table[fc_pos + 4 :]
    _rewrite(path, "WordDocument", word)
    _rewrite(path, table_name, table)
    assert read_document(path).text == REMARKS


def test_word_control_characters() -> None:
    raw = (
        '标题\r正文\x0b换行\x13 HYPERLINK "http://x" \x14链接\x15。\x13 PAGE \x14\x13 X \x142\x15\x15页\r'
        "甲\x07乙\x07\x07丙\x07\x07\x07不\x1fhyphen\x1enb\x01\x08\x0c末"
    )
    assert word_text(raw) == "标题\n正文\n换行链接。2页\n甲\t乙\n丙\t\n不hyphen-nb\n末"


def test_encrypted_doc_is_refused(tmp_path: Path) -> None:
    path = shutil.copy(OFFICE / "speech.doc", tmp_path / "locked.doc")
    word, _, _ = _streams(path)
    flags = struct.unpack_from("<H", word, 0x0A)[0] | 0x0100  # fEncrypted
    _rewrite(path, "WordDocument", word[:0x0A] + struct.pack("<H", flags) + word[0x0C:])
    assert "encrypted" in _refusal(path)


@pytest.mark.parametrize("share", [0.3, 0.7])
def test_truncated_doc_is_refused(tmp_path: Path, share: float) -> None:
    data = (OFFICE / "speech.doc").read_bytes()
    path = tmp_path / "cut.doc"
    path.write_bytes(data[: int(len(data) * share)])
    _refusal(path)


def test_other_files_named_doc(tmp_path: Path) -> None:
    """Web sites and old tools hand out RTF and HTML under a .doc name; an OLE file of another kind is refused."""
    rtf = tmp_path / "rtf.doc"
    shutil.copy(OFFICE / "speech.rtf", rtf)
    assert read_document(rtf).text == SPEECH
    html = tmp_path / "page.doc"
    html.write_text("<html><body><p>同志们：</p><p>今天开会。</p></body></html>", encoding="utf-8")
    assert read_document(html).text == "同志们：\n今天开会。"
    text = tmp_path / "notes.wps"
    text.write_text("just text", encoding="utf-8")
    assert "not a Word" in _refusal(text)
    other_ole = tmp_path / "works.wps"
    buffer = io.BytesIO((OFFICE / "speech.doc").read_bytes())
    with olefile.OleFileIO(buffer) as ole:
        assert ole.exists("WordDocument")
    data = buffer.getvalue().replace("WordDocument".encode("utf-16-le"), "CONTENTSxxxx".encode("utf-16-le"))
    other_ole.write_bytes(data)
    assert "WordDocument" in _refusal(other_ole)


def test_rtf_written_by_libreoffice() -> None:
    doc = read_document(OFFICE / "speech.rtf")
    assert doc.format == "rtf"
    assert doc.text == SPEECH
    assert doc.meta.title == "在全县乡村振兴工作会议上的讲话"


def _hex_escapes(text: str, encoding: str) -> str:
    return "".join(
        ch if ord(ch) < 128 else "".join(f"\\'{b:02x}" for b in ch.encode(encoding)) for ch in text
    )


@pytest.mark.parametrize(("codepage", "encoding", "text"), [
    (936, "gbk", "同志们：\n今天召开全市经济工作会议。"),
    (950, "big5", "同志們：\n今天召開全市經濟工作會議。"),
])  # fmt: skip
def test_rtf_with_code_page_escapes(tmp_path: Path, codepage: int, encoding: str, text: str) -> None:
    """As WordPad and Word write Chinese: `\\'xx` bytes in the ANSI code page, the title in {\\info}."""
    body = "\\par\n".join(_hex_escapes(line, encoding) for line in text.split("\n"))
    title = _hex_escapes("讲话" if codepage == 936 else "講話", encoding)
    charset = 134 if codepage == 936 else 136  # GB2312 / Big5 fonts
    rtf = (
        f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0{{\\fonttbl{{\\f0\\fnil\\fcharset{charset} SimSun;}}}}"
        f"{{\\info{{\\title {title}}}{{\\creatim\\yr2023\\mo4\\dy12\\hr9}}}}"
        f"\\viewkind4\\uc1\\pard\\f0\\fs24 {body}\\par\n}}"
    )
    path = tmp_path / "speech.rtf"
    path.write_bytes(rtf.encode("ascii"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.meta.title == ("讲话" if codepage == 936 else "講話")
    assert doc.meta.date == "2023-04-12"


def test_rtf_unicode_escapes_above_u7fff(tmp_path: Path) -> None:
    path = tmp_path / "u.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\uc1 \\u-24856?\\u20013?\\u22830?|\\par}")  # 黨 = U+9EE8 = 40680 - 65536
    assert read_document(path).text == "黨中央|"


def test_truncated_rtf(tmp_path: Path) -> None:
    path = tmp_path / "cut.rtf"
    path.write_bytes((OFFICE / "speech.rtf").read_bytes()[:1500])  # ends inside the header
    _refusal(path)


def _mht(html: str, charset: str, transfer: str) -> bytes:
    archive = MIMEMultipart("related", type="text/html")
    page = MIMEText(html, "html", charset)
    if transfer == "base64":
        del page["Content-Transfer-Encoding"]
        page.replace_header("Content-Type", f'text/html; charset="{charset}"')
        from email import encoders

        page.set_payload(html.encode(charset))
        encoders.encode_base64(page)
    page.add_header("Content-Location", "file:///C:/speech.htm")
    archive.attach(page)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png")
    image.add_header("Content-Location", "file:///C:/speech_files/image001.png")
    archive.attach(image)
    return archive.as_bytes()


@pytest.mark.parametrize(("charset", "transfer"), [("gb2312", "quoted-printable"), ("utf-8", "base64")])
def test_mht_saved_page(tmp_path: Path, charset: str, transfer: str) -> None:
    html = (
        "<html><head><title>讲话全文</title></head><body><nav>首页</nav><article>"
        "<p>同志们：</p><p>今天召开全县经济工作会议。</p></article></body></html>"
    )
    path = tmp_path / "speech.mht"
    path.write_bytes(_mht(html, charset, transfer))
    if transfer == "quoted-printable":
        assert b"=" in path.read_bytes() and "同志们".encode(charset) not in path.read_bytes()
    doc = read_document(path)
    assert doc.format == "mht"
    assert doc.text == "同志们：\n今天召开全县经济工作会议。"
    assert doc.meta.title == "讲话全文"


def test_mht_without_a_page(tmp_path: Path) -> None:
    archive = MIMEMultipart("related")
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    path = tmp_path / "images.mhtml"
    path.write_bytes(archive.as_bytes())
    assert "no HTML part" in _refusal(path)


OFD_PAGES = [
    ["关于做好2024年春耕生产工作的通知", "各乡镇人民政府：", "为切实抓好春耕生产，现将有关事项通知如下。"],
    ["一、加强农资供应保障。", "二、做好技术指导服务。", "县农业农村局  2024年2月20日"],
]


@pytest.mark.parametrize("per_char", [False, True], ids=["line-objects", "char-objects"])
def test_ofd_pages_in_order_with_doc_info(tmp_path: Path, per_char: bool) -> None:
    path = make_ofd(
        tmp_path / "notice.ofd", OFD_PAGES, title="春耕生产通知", date="2024-02-20", per_char=per_char
    )
    doc = read_document(path)
    assert doc.format == "ofd"
    assert doc.text == "\n".join(line for page in OFD_PAGES for line in page)
    assert doc.meta.title == "关于做好2024年春耕生产工作的通知"  # the text's own title line wins
    assert doc.meta.date == "2024-02-20"
    assert read_ofd(path.read_bytes()) == Extracted(doc.text, "春耕生产通知", "2024-02-20")


def test_ofd_with_external_entity_does_not_read_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    doctype = f'<!DOCTYPE p [<!ENTITY leak SYSTEM "file://{secret}">]>'
    made = make_ofd(tmp_path / "made.ofd", [["正文第一行", "&leak;"]], content_prefix=doctype)
    path = tmp_path / "xxe.ofd"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():  # make_ofd escapes text: put the entity reference back
            target.writestr(name, source.read(name).replace(b"&amp;leak;", b"&leak;"))
    try:
        text = read_document(path).text
    except ImportFailure:
        return  # refusing the file is as good
    assert "机密" not in text and text == "正文第一行"


def test_ofd_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = make_ofd(tmp_path / "bomb.ofd", [["正文"]])
    bomb = tmp_path / "bomb2.ofd"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename.endswith("Page_3/Content.xml"):
                with target.open(info.filename, "w", force_zip64=True) as member:
                    member.write(b'<?xml version="1.0"?><ofd:Page xmlns:ofd="x"><!--')
                    chunk = b" " * (1 << 20)
                    for _ in range(300):  # 300 MiB unpacked, a few hundred KiB packed
                        member.write(chunk)
            else:
                target.writestr(info, source.read(info))
    assert bomb.stat().st_size < 2_000_000
    assert "too large when unpacked" in _refusal(bomb)


def test_ofd_with_huge_page_count_is_refused(tmp_path: Path) -> None:
    path = make_ofd(tmp_path / "pages.ofd", [["正文"]])
    many = tmp_path / "many.ofd"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "Doc_0/Document.xml":
                page = b'<ofd:Page ID="10" BaseLoc="Pages/Page_3/Content.xml"/>'
                assert page in data
                data = data.replace(page, page * 6000)
            target.writestr(info, data)
    assert "too many pages" in _refusal(many)


@pytest.mark.parametrize("damage", ["truncated", "no-entry", "missing-page", "not-zip"])
def test_damaged_ofd_is_refused(tmp_path: Path, damage: str) -> None:
    whole = make_ofd(tmp_path / "whole.ofd", OFD_PAGES)
    path = tmp_path / "damaged.ofd"
    if damage == "truncated":
        path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    elif damage == "not-zip":
        path.write_text("这不是OFD文件", encoding="utf-8")
    else:
        dropped = "OFD.xml" if damage == "no-entry" else "Doc_0/Pages/Page_10/Content.xml"
        with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
            names = source.namelist()
            assert dropped in names
            for name in names:
                if name != dropped:
                    target.writestr(name, source.read(name))
    assert "ofd" in _refusal(path).lower()


def test_a_folder_with_bad_office_files_imports_the_rest(tmp_path: Path) -> None:
    from app.store.engine import open_library
    from app.store.importing import Outcome, import_paths
    from app.store.repository import count_documents

    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(OFFICE / "speech.doc", folder / "a-good.doc")
    make_ofd(folder / "b-good.ofd", OFD_PAGES)
    locked = shutil.copy(OFFICE / "policy.wps", folder / "c-locked.wps")
    word, _, _ = _streams(locked)
    flags = struct.unpack_from("<H", word, 0x0A)[0] | 0x0100
    _rewrite(locked, "WordDocument", word[:0x0A] + struct.pack("<H", flags) + word[0x0C:])
    (folder / "d-cut.rtf").write_bytes((OFFICE / "speech.rtf").read_bytes()[:1500])
    (folder / "e-cut.ofd").write_bytes((folder / "b-good.ofd").read_bytes()[:300])
    with open_library(str(tmp_path / "lib.duidu.sqlite")) as library:
        report = import_paths(library.writer, [folder])
        with library.reader() as session:
            stored = count_documents(session)
    outcomes = {result.path.name: result for result in report.results}
    assert outcomes["a-good.doc"].outcome is Outcome.IMPORTED
    assert outcomes["b-good.ofd"].outcome is Outcome.IMPORTED
    for name in ("c-locked.wps", "d-cut.rtf", "e-cut.ofd"):
        assert outcomes[name].outcome is Outcome.FAILED
        assert outcomes[name].reason and "\n" not in outcomes[name].reason
    assert "encrypted" in outcomes["c-locked.wps"].reason
    assert stored == 2
