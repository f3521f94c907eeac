"""A large .txt file is decoded a piece at a time (`read_txt_file`); text and failures must be exactly those
of decoding the whole file (`read_txt` of its bytes), whatever the encoding and wherever a piece ends: inside
a character, between CR and LF, right after the BOM. The pieces are made tiny here to hit every boundary."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import ImportFailure, read_document, txt
from app.importers.txt import read_txt, read_txt_file

BOM8 = codecs.BOM_UTF8
CASES = {
    "utf-8": "同志们：\n今天我们开会。𠀋😀 ascii é\n".encode() * 5,
    "utf-8 with BOM": BOM8 + "讲话\n".encode() * 9,
    "two BOMs": BOM8 + BOM8 + "讲话\n".encode() * 9,
    "CRLF": "第一行\r\n第二行\r\n".encode() * 7,
    "lone CR, CR last": "甲\r乙\r\r\n丙\r".encode() * 5,
    "BOM and CRLF": BOM8 + "第一\r\n第二\r\n".encode() * 5,
    "controls": "正文\x01\x02\x03".encode() * 9,
    "a few controls": ("正文" * 3000 + "\x01").encode(),
    "replacement characters": "\ufffd文".encode() * 9,
    "invalid UTF-8 (GB18030)": "我们必须坚持党的领导，推进改革开放。".encode("gb18030") * 9,
    "Big5": "我們必須堅持黨的領導，推進改革開放。".encode("big5") * 9,
    "truncated at the end": "讲话".encode() * 9 + "讲".encode()[:2],
    "BOM, then not UTF-8": BOM8 + "讲话".encode("gb18030") * 9,
    "BOM, NUL inside": BOM8 + "讲\x00话".encode() * 9,
    "NUL, no BOM": b"ab\x00cd" * 9,
    "UTF-16 with BOM": "讲话\r\n".encode("utf-16") * 3,
    "UTF-16 without BOM": "同志们，今天我们开会。\n".encode("utf-16-le") * 9,
    "UTF-32": "讲话\n".encode("utf-32") * 4,
    "only a BOM": BOM8,
    "blank": b"\n \r\n",
}


def _outcome(read, argument) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    try:
        return read(argument)
    except ImportFailure as exc:
        return ("failed", str(exc))


@pytest.fixture
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(txt, "STREAMED_FILE_BYTES", 0)
    monkeypatch.setattr(txt, "_PIECE_BYTES", 3)


@pytest.mark.usefixtures("tiny_pieces")
@pytest.mark.parametrize("piece", [1, 2, 3, 4, 5, 7, 64])
@pytest.mark.parametrize("name", sorted(CASES))
def test_pieces_decode_as_the_whole_file(
    name: str, piece: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(txt, "_PIECE_BYTES", piece)
    path = tmp_path / "speech.txt"
    path.write_bytes(CASES[name])
    assert _outcome(read_txt_file, path) == _outcome(read_txt, CASES[name])


_FRAGMENTS = st.sampled_from(
    [
        b"\r",
        b"\n",
        b"\r\n",
        BOM8,
        "讲".encode(),
        "😀".encode(),
        b"a",
        b"\x01",
        b"\x00",
        b"\xff",
        "\ufffd".encode(),
    ]
)


@pytest.mark.usefixtures("tiny_pieces")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.lists(_FRAGMENTS, max_size=40).map(b"".join), piece=st.integers(1, 9))
def test_any_bytes_decode_as_the_whole_file(
    data: bytes, piece: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(txt, "_PIECE_BYTES", piece)
    path = tmp_path / "speech.txt"
    path.write_bytes(data)
    if not data:
        with pytest.raises(ImportFailure, match="empty file"):
            read_txt_file(path)
        return
    assert _outcome(read_txt_file, path) == _outcome(read_txt, data)


def test_a_large_utf8_file_is_decoded_in_pieces_and_imports_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above `STREAMED_FILE_BYTES` the file goes through the pieces (checked: they are counted), and the
    imported document is the one the whole-file decoding gives."""
    path = tmp_path / "long.txt"
    path.write_bytes(
        BOM8
        + "关于工作的讲话\r\n（2021年3月5日）\r\n同志们：\r\n".encode()
        + "今天我们开会。\r\n".encode() * 300_000
    )
    assert path.stat().st_size > txt.STREAMED_FILE_BYTES
    decoded = []
    original = txt._decoded_pieces

    def counted(*args):  # type: ignore[no-untyped-def]
        for piece in original(*args):
            decoded.append(len(piece))
            yield piece

    monkeypatch.setattr(txt, "_decoded_pieces", counted)
    streamed = read_document(path)
    assert len(decoded) > 4
    monkeypatch.setattr(txt, "STREAMED_FILE_BYTES", 1 << 40)
    assert streamed == read_document(path)
    assert "\r" not in streamed.text and streamed.meta.date == "2021-03-05"
