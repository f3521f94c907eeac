"""The app icon exists in the formats the build needs, is valid, and is what the spec hands PyInstaller."""

from __future__ import annotations

import struct

from tests.conftest import REPO
from tests.packaging.test_bundle_contents import DESTINATIONS, bundle

ICONS = REPO / "resources" / "icons"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> int:
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    assert width == height
    return width


def test_spec_uses_the_platform_icon() -> None:
    assert bundle.icon("win32", REPO) == str(ICONS / "duidu.ico")
    assert bundle.icon("darwin", REPO) == str(ICONS / "duidu.icns")
    assert bundle.icon("linux", REPO) is None  # Linux desktops take the PNGs


def test_ico_holds_png_images_from_16_to_256() -> None:
    data = (ICONS / "duidu.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _h, _c, _r, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        size = _png_size(data[offset : offset + length])
        assert size == (width or 256)
        sizes.add(size)
    assert {16, 32, 48, 256} <= sizes


def test_icns_chunks_are_pngs_of_their_declared_sizes() -> None:
    data = (ICONS / "duidu.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = dict(_icns_types())
    seen, position = {}, 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        seen[kind] = _png_size(data[position + 8 : position + length])
        position += length
    assert position == len(data)
    assert seen == expected and seen[b"ic10"] == 1024


def _icns_types() -> tuple[tuple[bytes, int], ...]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", REPO / "packaging" / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ICNS_TYPES


def test_window_icon_pngs_ship_in_the_bundle() -> None:
    pngs = sorted(ICONS.glob("duidu-*.png"))
    assert len(pngs) >= 8
    for path in pngs:
        assert f"resources/icons/{path.name}" in DESTINATIONS
