"""Fuzzing each importer from a valid file of its format: flipped, inserted and cut bytes, and .docx files
whose parts hold arbitrary XML. Whatever comes in, the result is a document or a one-line ImportFailure,
in bounded time (Hypothesis' deadline), never another exception or a hang."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import ImportFailure, read_document
from tests.importers.conftest import make_docx
from tests.importers.hostile import pdf_bomb

_SPEECH = "同志们：\n今天我们召开全县经济工作会议。要坚持以人民为中心的发展思想，推动高质量发展。\n"
_FUZZ = settings(max_examples=25, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])


@cache
def seed(suffix: str) -> bytes:
    """A small valid file of each format."""
    folder = Path(tempfile.mkdtemp())
    if suffix == ".docx":
        return make_docx(
            folder / "seed.docx", _SPEECH.splitlines(), table=[["甲", "乙"], ["丙", "丁"]]
        ).read_bytes()
    if suffix == ".pdf":
        return pdf_bomb(folder / "seed.pdf", unpacked=0).read_bytes()
    if suffix in (".html", ".htm"):
        body = "".join(f"<p>{line}</p>" for line in _SPEECH.splitlines())
        return f"<html><head><title>讲话</title></head><body><nav>首页</nav><article>{body}</article></body></html>".encode()
    if suffix == ".md":
        return ("# 讲话\n\n" + _SPEECH + "\n- 一\n- **二**\n").encode()
    return _SPEECH.encode("gb18030")


def _read(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            document = read_document(path)
        except ImportFailure as exc:
            assert str(exc) and "\n" not in str(exc)
            return
        assert document.text.strip()


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete"]), st.floats(0, 1), st.binary(min_size=1, max_size=64)
    ),
    min_size=1,
    max_size=8,
)


def _mutate(data: bytes, edits: list[tuple[str, float, bytes]], cut: float) -> bytes:
    out = bytearray(data)
    for kind, where, payload in edits:
        at = int(where * len(out))
        if kind == "flip":
            out[at : at + len(payload)] = payload
        elif kind == "insert":
            out[at:at] = payload
        else:
            del out[at : at + len(payload)]
    return bytes(out[: max(1, int(cut * len(out)))])


@_FUZZ
@given(
    suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]),
    edits=_EDITS,
    cut=st.floats(0.5, 1),
)
def test_a_mutated_file_of_any_format_gives_a_document_or_a_one_line_failure(
    suffix: str, edits: list[tuple[str, float, bytes]], cut: float
) -> None:
    _read(suffix, _mutate(seed(suffix), edits, cut))


_XML_PIECES = st.sampled_from(
    ["<w:p>", "</w:p>", "<w:r><w:t>", "</w:t></w:r>", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "讲话",
     "&amp;", "&x;", "<!DOCTYPE a [<!ENTITY x 'y'>]>", "<![CDATA[", "]]>", "<w:sdt><w:sdtContent>", "\x00"]
)  # fmt: skip


@_FUZZ
@given(st.lists(_XML_PIECES, max_size=40))
def test_a_docx_with_arbitrary_document_xml_gives_a_document_or_a_one_line_failure(pieces: list[str]) -> None:
    with zipfile.ZipFile(io.BytesIO(seed(".docx"))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    start = members["word/document.xml"].split(b"<w:body>")[0] + b"<w:body>"
    members["word/document.xml"] = start + "".join(pieces).encode() + b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    _read(".docx", out.getvalue())
