"""The trimmed ICU data (packaging/icu_data.py) serves Qt exactly as the full data does, for what Duidu uses.

The check loads the trimmed library in place of the wheel's (LD_PRELOAD: the loader then takes it for
libicuuc's `libicudata.so.73`) and compares what Qt answers with and without it: Chinese collation (the
library's title order), legacy codecs, time-zone names, case mapping. A control run without the Chinese
collation data proves that the comparison notices missing data.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("icu_data", REPO / "packaging" / "icu_data.py")
assert _spec and _spec.loader
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not icu_data.tools_available(),
    reason="ICU ships with Qt only on Linux; trimming needs binutils (nm, as, ld)",
)


def _qt_lib() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "lib"


def _icu_library() -> Path:
    found = sorted(p for p in _qt_lib().glob("libicudata.so.*") if not p.is_symlink())
    if not found:
        pytest.skip("this PySide6 build brings no ICU of its own")
    return found[0]


QT_PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QStringDecoder, QTimeZone
app = QCoreApplication([])
titles = ["赵", "张", "阿", "王", "李", "北京", "上海", "重庆", "Zeta", "alpha"]
print("zh_CN", sorted(titles, key=QCollator(QLocale("zh_CN")).sortKey))
print("zh_TW", sorted(titles, key=QCollator(QLocale("zh_TW")).sortKey))
print("en", sorted(["b", "A", "a", "B", "é", "e"], key=QCollator(QLocale("en_US")).sortKey))
print("de", sorted(["ä", "a", "z", "Ö"], key=QCollator(QLocale("de_DE")).sortKey))
codecs = QStringDecoder.availableCodecs()
print("codecs", len(codecs), [QStringDecoder(n).name() for n in ("GB18030", "GBK", "Big5", "Shift_JIS")])
zone = QTimeZone(b"Asia/Shanghai")
for locale in ("zh_CN", "en_US"):
    print("zone", zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(locale)))
print("case", QLocale("tr_TR").toUpper("istanbul"), QLocale("en_US").toUpper("straße"), QLocale("zh_CN").toLower("ÀB"))
print("icu", [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][:1])
"""


def _probe(library: Path | None) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if library is not None:
        env["LD_PRELOAD"] = str(library)
    result = subprocess.run(
        [sys.executable, "-c", QT_PROBE], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    lines = result.stdout.splitlines()
    loaded = lines.pop()
    assert (str(library) if library else str(_qt_lib())) in loaded, loaded  # the intended data answered
    return lines


@pytest.mark.slow
def test_trimmed_data_answers_qt_like_the_full_data(tmp_path: Path) -> None:
    full = _icu_library()
    trimmed = tmp_path / full.name
    icu_data.trim_library(full, trimmed)
    assert trimmed.stat().st_size < full.stat().st_size * 0.4

    expected = _probe(None)
    assert (
        expected[0] == "zh_CN ['阿', '北京', '重庆', '李', '上海', '王', '张', '赵', 'alpha', 'Zeta']"
    )  # pinyin
    assert "中国标准时间" in "\n".join(expected)
    assert _probe(trimmed) == expected

    # control: without the Chinese collation data, titles fall back to code-point order
    no_chinese = tmp_path / "no-zh" / full.name
    no_chinese.parent.mkdir()
    icu_data.trim_library(full, no_chinese, lambda name: icu_data.item_kept(name) and "/coll/zh" not in name)
    assert _probe(no_chinese)[0] != expected[0]


def test_rewriting_every_item_reproduces_the_package_byte_for_byte() -> None:
    _symbol, package = icu_data.find_package(_icu_library())
    header, items = icu_data.read_package(package)
    assert len(items) > 1000
    assert [name for name, _ in items] == sorted(name for name, _ in items)  # ICU's binary search
    assert icu_data.write_package(header, items) == package


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/zh.res", True),
        ("icudt73l/coll/zh_Hant.res", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/res_index.res", True),
        ("icudt73l/gb18030.cnv", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/zh_Hans_CN.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/root.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/zone/zh.res", True),
        ("icudt73l/zone/fr.res", False),
        ("icudt73l/coll/ko.res", False),
        ("icudt73l/de.res", False),
        ("icudt73l/de_.res", False),
        ("icudt73l/yue_Hans.res", False),
        ("icudt73l/brkitr/thaidict.dict", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/curr/zh.res", False),
    ],
)
def test_what_is_kept(name: str, kept: bool) -> None:
    assert icu_data.item_kept(name) is kept


def test_qt_calls_only_the_icu_functions_the_trimmed_data_serves() -> None:
    """A Qt upgrade that starts using break iterators or transliterators must fail here, not in use."""
    assert shutil.which("nm")
    called: set[str] = set()
    for library in _qt_lib().glob("libQt6*.so*"):
        listing = subprocess.run(
            ["nm", "-D", "--undefined-only", str(library)], capture_output=True, text=True, check=True
        ).stdout
        called.update(re.findall(r"\bU (u[a-z]*_\w+?)_\d+$", listing, re.MULTILINE))
    assert any(name.startswith("ucol_") for name in called)  # the scan finds ICU calls at all
    assert not sorted(name for name in called if not name.startswith(icu_data.QT_ICU_CALLS))
