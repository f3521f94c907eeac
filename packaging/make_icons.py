"""Draw Duidu's app icon and write it as PNGs, a Windows .ico and a macOS .icns into resources/icons/.

    python packaging/make_icons.py

The icon is two overlapping pages — a teal one behind, a white one in front — whose matching line is
highlighted on both: the comparison the app is for. It is drawn from plain shapes (no font), so the
output is the same on every machine. Small sizes get a simpler drawing (fewer, thicker lines) so they
stay legible at 16 px. Both containers simply wrap PNG images, which Windows (Vista+) and macOS (10.7+)
read directly, so no image library beyond Qt is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS chunk types holding PNG data, by pixel size (ic11–ic14 are the @2x variants of the same sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)

BACK = QColor("#2E9C8A")
FRONT = QColor("#FFFFFF")
INK = QColor("#23507F")
MARK = QColor("#F7C948")
SHADOW = QColor(0, 0, 0, 60)


def _page(painter: QPainter, rect: QRectF, fill: QColor, border: float) -> None:
    painter.setPen(QPen(INK, border) if border else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 44, 44)


def _lines(
    painter: QPainter, rect: QRectF, count: int, marked: int, thickness: float, colour: QColor
) -> None:
    """Text lines across a page; line `marked` sits on a highlight band."""
    left, width = rect.left() + 90, rect.width() - 180
    step = (rect.height() - 180) / max(count - 1, 1)
    for index in range(count):
        y = rect.top() + 90 + index * step
        length = width * (0.62 if index == count - 1 else 1.0)
        if index == marked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARK)
            band = thickness * (1.8 if thickness > 100 else 2.6)
            painter.drawRoundedRect(QRectF(left - 30, y - band / 2, width + 60, band), band / 3, band / 3)
        ink = INK if index == marked else colour
        painter.setPen(QPen(ink, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(left, y, left + length, y)


def draw(size: int) -> QImage:
    """The icon at `size` px, drawn on a 1024-unit canvas."""
    small = size <= 32
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 1024, size / 1024)

    back = QRectF(70, 60, 560, 740) if not small else QRectF(40, 40, 600, 760)
    front = QRectF(390, 230, 570, 740) if not small else QRectF(360, 220, 630, 770)
    count, thickness = (2, 112) if small else (5, 44)
    border = 64 if small else 36

    painter.save()
    painter.translate(back.center())
    painter.rotate(0 if small else -6)  # a tilt only blurs a few pixels
    painter.translate(-back.center())
    _page(painter, back, BACK, border)
    _lines(painter, back, count, 0 if small else 1, thickness, FRONT)
    painter.restore()

    if not small:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SHADOW)
        painter.drawRoundedRect(front.translated(14, 20), 44, 44)
    _page(painter, front, FRONT, border)
    _lines(painter, front, count, 0 if small else 2, thickness, INK)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the PNG payloads (a width/height byte of 0 means 256)."""
    sizes = [size for size in ICO_SIZES if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns(pngs: dict[int, bytes]) -> bytes:
    """'icns' + total length, then chunks of type + length (both including the 8-byte chunk header)."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in PNG_SIZES}
    for size, data in pngs.items():
        (OUT / f"duidu-{size}.png").write_bytes(data)
    (OUT / "duidu.ico").write_bytes(ico(pngs))
    (OUT / "duidu.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNGs, duidu.ico and duidu.icns to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
