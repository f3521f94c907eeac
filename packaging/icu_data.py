"""Trim the ICU data library that Qt brings on Linux (libicudata, 32 MB) to what Qt reads from it.

Qt calls ICU for four things only (its imports from libicu* are the families in QT_ICU_CALLS): collation
(QCollator, pinyin order for Chinese titles), legacy text codecs (QStringDecoder("GB18030")), case mapping
and time-zone names. Those need the converter tables, the collation data and the locale data of the
languages Duidu speaks. The data of some 700 other locales, the word-break dictionaries (Thai, Khmer, Lao,
Burmese, CJK) and the transliteration rules serve none of them: about two thirds of the library.

The library holds one ICU "common data" package (format `CmnD`) under the symbol `icudtNN_dat`: a header,
a table of contents of (name offset, item offset) pairs, the names, then the items, 16-byte aligned. We
write the package again with the kept items and assemble it into a library with the same SONAME and
symbol (binutils' `as` and `ld`, which the Linux build has for `strip`). Only Linux wheels ship ICU;
Qt on Windows and macOS uses the system's.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

#: Qt's ICU imports, by function family: a Qt upgrade that calls anything else (a break iterator, a
#: transliterator) must make us look at ICU_TREES_DROPPED again; tests/packaging checks it.
QT_ICU_CALLS = ("ucol_", "ucnv_", "ucal_", "u_strToLower", "u_strToUpper")
#: Locale data kept: the interface's languages. Other locales fall back to ICU's root data (no error).
LANGUAGES_KEPT = ("zh", "en")
#: Whole subtrees no Qt call reads: word-break rules and dictionaries, transliteration, spelled-out
#: numbers, and display names of currencies, languages, regions and units (Qt has its own CLDR tables).
ICU_TREES_DROPPED = ("brkitr", "translit", "rbnf", "curr", "lang", "region", "unit")

_ALIGN = 16
#: ICU's own packager fills alignment gaps with 0xAA; so do we, and an unchanged package stays identical.
_PAD = b"\xaa"
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def item_kept(name: str) -> bool:
    """`icudt73l/coll/zh.res` → kept; `icudt73l/de.res`, `icudt73l/brkitr/thaidict.dict` → dropped."""
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in ICU_TREES_DROPPED:
        return False
    leaf = parts[-1]
    if not leaf.endswith(".res") or leaf == "res_index.res":
        return True  # converters, normalisation, collation base data, each tree's index
    language = leaf[: -len(".res")].split("_")[0]
    # not a locale: root, pool, supplementalData, zoneinfo64, metaZones …
    return not _LANGUAGE.fullmatch(language) or language in LANGUAGES_KEPT


def read_package(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item)]) of a little-endian `CmnD` package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    big_endian, charset = package[8], package[9]
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD" or big_endian or charset:
        raise ValueError("not a little-endian ASCII ICU common data package")
    toc = package[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, item_offset) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        items.append((name, toc[item_offset:end]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package for `items` (kept in their sorted order: ICU looks names up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = _aligned(table_size + len(names))
    name_offset, entries, body = table_size, [], bytearray()
    for name, data in items:
        entries.append(struct.pack("<II", name_offset, offset + len(body)))
        name_offset += len(name) + 1
        body += data + _PAD * (_aligned(len(data)) - len(data))
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + _PAD * (offset - len(toc)) + bytes(body)


def subset(package: bytes, keep: Callable[[str], bool] = item_kept) -> bytes:
    header, items = read_package(package)
    return write_package(header, [(name, data) for name, data in items if keep(name)])


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def find_package(library: Path) -> tuple[str, bytes]:
    """(symbol, package bytes) of an ICU data library, located through its symbol and load segments."""
    listing = subprocess.run(
        ["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", listing, re.MULTILINE)
    if not match:
        raise ValueError(f"{library.name} defines no icudtNN_dat symbol")
    address, size, symbol = int(match.group(1), 16), int(match.group(2), 16), match.group(3)
    data = library.read_bytes()
    offset = _file_offset(data, address)
    return symbol, data[offset : offset + size]


def _file_offset(elf: bytes, address: int) -> int:
    """Map a virtual address to its file offset through the ELF64 program headers (PT_LOAD)."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    (phoff,) = struct.unpack_from("<Q", elf, 0x20)
    entry_size, count = struct.unpack_from("<HH", elf, 0x36)
    for index in range(count):
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
            "<IIQQQQ", elf, phoff + index * entry_size
        )
        if kind == 1 and vaddr <= address < vaddr + filesz:
            return offset + address - vaddr
    raise ValueError(f"address {address:#x} is in no loaded segment")


def build_library(package: bytes, symbol: str, soname: str, target: Path) -> None:
    """Assemble `package` as the read-only data symbol `symbol` of a shared library named `soname`."""
    with tempfile.TemporaryDirectory(prefix="duidu-icu-") as work:
        folder = Path(work)
        (folder / "data.dat").write_bytes(package)
        (folder / "data.s").write_text(
            f".section .rodata\n.balign {_ALIGN}\n.globl {symbol}\n.type {symbol}, @object\n{symbol}:\n"
            f'.incbin "{folder / "data.dat"}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", str(folder / "data.o"), str(folder / "data.s")], check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-o", str(target), str(folder / "data.o")], check=True
        )


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("nm", "as", "ld"))


def trim_library(library: Path, target: Path, keep: Callable[[str], bool] = item_kept) -> None:
    """Write to `target` a copy of the ICU data library `library` holding only the items `keep` wants."""
    symbol, package = find_package(library)
    build_library(subset(package, keep), symbol, library.name, target)


def shrink(folder: Path) -> int:
    """Replace every `libicudata.so.*` under `folder` with its trimmed copy; returns the bytes saved."""
    saved = 0
    for library in sorted(folder.rglob("libicudata.so.*")):
        if library.is_symlink() or not library.is_file():
            continue
        trimmed = library.with_name(library.name + ".trimmed")
        trim_library(library, trimmed)
        before = library.stat().st_size
        trimmed.replace(library)
        saved += before - library.stat().st_size
    return saved
