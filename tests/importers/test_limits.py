"""The shared importer bounds: zips checked before and while unpacking, XML parsed without entities,
trees walked without recursion."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.importers.base import ImportFailure
from app.importers.limits import (
    MAX_ZIP_MEMBERS,
    TOO_LARGE_UNPACKED,
    check_tree,
    open_zip,
    parse_xml,
    read_member,
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_member_within_the_limits_is_read_whole() -> None:
    archive = open_zip(_zip({"a.xml": b"<a>text</a>" * 1000}), "docx")
    assert read_member(archive, "a.xml") == b"<a>text</a>" * 1000


def test_a_member_larger_than_the_limit_is_refused_as_too_large_when_unpacked() -> None:
    archive = open_zip(_zip({"a.xml": bytes(3_000_000)}), "docx")
    with pytest.raises(ImportFailure, match=TOO_LARGE_UNPACKED):
        read_member(archive, "a.xml", limit=1_000_000)


def test_an_archive_declaring_more_than_the_total_is_refused_before_unpacking() -> None:
    data = _zip({"a.xml": bytes(600_000), "b.xml": bytes(600_000)})
    assert len(data) < 10_000
    with pytest.raises(ImportFailure, match=TOO_LARGE_UNPACKED):
        open_zip(data, "docx", max_total=1_000_000)


def test_an_archive_with_too_many_members_is_refused() -> None:
    data = _zip({f"{index}.xml": b"" for index in range(MAX_ZIP_MEMBERS + 1)})
    with pytest.raises(ImportFailure, match="parts"):
        open_zip(data, "ofd")


def test_damaged_zip_bytes_are_refused_with_a_reason() -> None:
    with pytest.raises(ImportFailure, match=r"not a readable \.docx file"):
        open_zip(b"PK\x03\x04" + bytes(100), "docx")
    data = bytearray(_zip({"a.xml": b"<a>some text that compresses</a>" * 200}))
    data[60:80] = bytes(20)  # inside the compressed data of the one member
    archive = open_zip(bytes(data), "docx")
    with pytest.raises(ImportFailure, match=r"damaged part a\.xml"):
        read_member(archive, "a.xml")


def test_the_xml_parser_expands_no_entities_and_reads_no_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    external = f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file://{secret}">]><a>&x;</a>'
    root = parse_xml(external.encode(), "part")
    assert "SECRET-CONTENT" not in etree.tostring(root, encoding="unicode")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">'
    )
    laughs += "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(3, 10)) + "]><a>&l9;</a>"
    try:
        root = parse_xml(laughs.encode(), "part")
    except ImportFailure as exc:  # libxml2 may refuse the amplification outright
        assert "damaged part" in str(exc)
    else:
        assert len(etree.tostring(root)) < 10_000


def _nested(depth: int) -> etree._Element:
    root = node = etree.Element("a")
    for _ in range(depth - 1):
        node = etree.SubElement(node, "a")
    return root


def test_check_tree_refuses_deep_nesting_without_recursing() -> None:
    check_tree(_nested(50), "page", max_depth=50)
    with pytest.raises(ImportFailure, match="nested too deeply"):
        check_tree(_nested(51), "page", max_depth=50)
    with pytest.raises(ImportFailure, match="nested too deeply"):
        check_tree(
            _nested(3_000), "page", max_depth=2_500
        )  # past Python's recursion limit: the walk is iterative


def test_check_tree_refuses_too_many_elements() -> None:
    root = etree.Element("a")
    for _ in range(100):
        etree.SubElement(root, "b")
    check_tree(root, "page", max_elements=101)
    with pytest.raises(ImportFailure, match="too many elements"):
        check_tree(root, "page", max_elements=100)


def test_malformed_xml_is_refused_as_damaged() -> None:
    with pytest.raises(ImportFailure, match="damaged part"):
        parse_xml(b"<a><b></a>", "part")
