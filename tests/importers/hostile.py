"""Hostile files made on the fly: zip and PDF bombs that unpack a megabyte into a gigabyte, deep HTML.

Nothing large is checked in: a bomb is built from one compressed block of filler repeated (deflate
with a full flush between blocks, so every block is byte-identical and independent of the one before),
which takes milliseconds instead of compressing a gigabyte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MIB = 1024 * 1024


def deflate_repeated(
    head: bytes, filler: bytes, repeat: int, tail: bytes, *, crc: bool = True
) -> tuple[bytes, int, int]:
    """Raw deflate of head + filler*repeat + tail: (compressed bytes, CRC-32 or 0 when `crc` is false
    (it takes a second per gigabyte), unpacked size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(filler) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.compress(tail) + compressor.flush()
    checksum = 0
    if crc:
        checksum = zlib.crc32(head)
        for _ in range(repeat):
            checksum = zlib.crc32(filler, checksum)
        checksum = zlib.crc32(tail, checksum)
    return start + block * repeat + end, checksum, len(head) + len(filler) * repeat + len(tail)


def write_zip(path: Path, members: dict[str, bytes | tuple[bytes, int, int]]) -> Path:
    """A zip whose members are plain bytes or already deflated (data, crc, size) triples."""
    local, central = bytearray(), bytearray()
    for name, content in members.items():
        if isinstance(content, bytes):
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            content = (compressor.compress(content) + compressor.flush(), zlib.crc32(content), len(content))
        data, crc, size = content
        encoded = name.encode()
        offset = len(local)
        fields = (20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size, len(encoded), 0)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded + data
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIHH", *fields)
        central += struct.pack("<HHHII", 0, 0, 0, 0, offset) + encoded
    count = len(members)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


def docx_bomb(
    path: Path, template: Path, unpacked: int = 1200 * MIB, *, declare: int | None = None, crc: bool = False
) -> Path:
    """`template` (a real .docx) with its `word/document.xml` grown to `unpacked` bytes of whitespace
    inside a valid paragraph; `declare` makes the zip lie about that size. The CRC-32 (a second per
    gigabyte) is computed only with `crc`: an importer must refuse a bomb long before checking one."""
    return zip_member_bomb(path, template, "word/document.xml", b"</w:t>", unpacked, declare=declare, crc=crc)


def zip_member_bomb(
    path: Path,
    template: Path,
    member: str,
    before: bytes,
    unpacked: int = 1200 * MIB,
    *,
    declare: int | None = None,
    crc: bool = False,
) -> Path:
    """`template` (a real zip-based document) with its XML `member` grown to `unpacked` bytes of whitespace
    inserted before the first `before` (so the XML stays well-formed); `declare` makes the zip lie."""
    with zipfile.ZipFile(template) as archive:
        members: dict[str, bytes | tuple[bytes, int, int]] = {n: archive.read(n) for n in archive.namelist()}
    document = bytes(members[member])  # type: ignore[arg-type]
    cut = document.index(before)
    data, checksum, size = deflate_repeated(
        document[:cut], b" " * MIB, unpacked // MIB, document[cut:], crc=crc
    )
    members[member] = (data, checksum, size if declare is None else declare)
    return write_zip(path, members)


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A grey PNG of `width`×`height` black pixels: a few MB on disk, width×height bytes once decoded
    (three times that as the RGB an OCR engine is given)."""
    row = width + 1  # filter byte + one byte per pixel
    total = row * height
    repeat, rest = divmod(total, MIB)
    raw, _crc, _size = deflate_repeated(b"", bytes(MIB), repeat, bytes(rest), crc=False)
    checksum = 1
    for _ in range(repeat):
        checksum = zlib.adler32(bytes(MIB), checksum)
    checksum = zlib.adler32(bytes(rest), checksum)
    idat = b"x\xda" + raw + struct.pack(">I", checksum)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale, no interlace
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def pdf_bomb(path: Path, unpacked: int = 1200 * MIB) -> Path:
    """A one-page PDF whose content stream unpacks to `unpacked` bytes (spaces, then one line of text)."""
    data, _crc, _size = deflate_repeated(
        b"BT /F1 12 Tf 72 720 Td ", b" " * MIB, unpacked // MIB, b"(bomb) Tj ET", crc=False
    )
    stream = b"x\x9c" + data  # zlib wrapper: header, raw deflate; pypdf does not need the Adler-32
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def nested_html(depth: int, tag: str = "div") -> bytes:
    """A page with `depth` nested elements around one paragraph of text."""
    text = "<p>" + "深度嵌套的网页正文，一段足够长的文字。" * 20 + "</p>"
    return (f"<html><body>{f'<{tag}>' * depth}{text}{f'</{tag}>' * depth}</body></html>").encode()


_MEASURE = """
import json, sys, time
from pathlib import Path
from app.importers import ImportFailure, read_document
def peak_rss_mb():  # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
for name in sys.argv[1:]:
    started, wall = time.process_time(), time.perf_counter()
    try:
        outcome = {"imported": len(read_document(Path(name)).text)}
    except ImportFailure as exc:
        outcome = {"refused": str(exc)}
    outcome["seconds"] = time.process_time() - started  # CPU: what the file costs, whatever the load
    outcome["wall_seconds"] = time.perf_counter() - wall
    outcome["rss_mb"] = peak_rss_mb()
    print(json.dumps(outcome), flush=True)
"""


def measure_reads(paths: list[Path], timeout: float = 120) -> list[dict]:
    """Read each path with `read_document` in one fresh interpreter, in order: outcome, CPU seconds, and
    the interpreter's peak RSS (MB) so far, an upper bound of that file's own peak."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *map(str, paths)], capture_output=True, text=True, timeout=timeout,
        check=True,
    )  # fmt: skip
    return [json.loads(line) for line in done.stdout.strip().splitlines()[-len(paths) :]]
