"""Libraries to attack: a real library of generated speeches, and the same with a stretch of its middle
overwritten by random bytes (what a failing disk or a bad copy leaves)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from app.store import open_library
from app.store.importing import import_paths

#: Common characters of official prose; random sentences of them make texts that share n-grams.
_POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def speech(rng: random.Random, chars: int, shared: list[str]) -> str:
    """A generated speech: random sentences, with some sentences every speech shares."""
    sentences = []
    while sum(map(len, sentences)) < chars:
        if rng.random() < 0.1:
            sentences.append(rng.choice(shared))
        else:
            sentences.append("".join(rng.choice(_POOL) for _ in range(rng.randint(12, 40))) + "。")
    paragraphs = ["".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
    return "同志们：\n" + "\n".join(paragraphs) + "\n"


def make_library(path: Path, *, documents: int = 24, chars: int = 20_000, seed: int = 17) -> Path:
    """A library at `path` holding `documents` generated speeches, imported the way `duidu import` does."""
    rng = random.Random(seed)
    shared = ["".join(rng.choice(_POOL) for _ in range(30)) + "。" for _ in range(20)]
    sources = path.parent / f"{path.stem}-sources"
    sources.mkdir()
    for number in range(documents):
        (sources / f"speech-{number:03}.txt").write_text(speech(rng, chars, shared), encoding="utf-8")
    with open_library(str(path)) as library:
        import_paths(library.writer, [sources])
    shutil.rmtree(sources)
    return path


def damage(source: Path, target: Path, *, size: int = 64 * 1024, seed: int = 17) -> Path:
    """A copy of the library at `source` with `size` random bytes written over its middle; checked to
    be damaged as SQLite sees it, so a test using it is not vacuous."""
    data = bytearray(source.read_bytes())
    middle = len(data) // 2
    data[middle : middle + size] = random.Random(seed).randbytes(size)
    target.write_bytes(bytes(data))
    check = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        assert check.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok"
    finally:
        check.close()
    return target


def big_text(chars: int, seed: int = 7) -> str:
    """`chars` characters of generated prose (sentences and paragraphs), fast enough for 20 million."""
    import numpy as np

    rng = np.random.default_rng(seed)
    codes = rng.choice(np.frombuffer(_POOL.encode("utf-32-le"), dtype=np.uint32), size=chars)
    codes[rng.integers(0, chars, chars // 25)] = ord("。")
    codes[np.arange(199, chars, 200)] = ord("\n")
    return codes.astype("<u4").tobytes().decode("utf-32-le")


_MEASURE_IMPORT = """
import sys
from pathlib import Path
def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
import numpy, app.importers, app.store.importing, app.store.index  # loaded before the baseline is taken
from app.cli import run
before = status("VmRSS:")
code = run(["import", sys.argv[1], "--db", sys.argv[2]])
print(code, before, status("VmHWM:"))
"""


def measure_import(text_file: Path, library: Path) -> tuple[float, float]:
    """Import `text_file` with `duidu import` in a fresh interpreter: (RSS before, peak RSS) in MB, Linux."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _MEASURE_IMPORT, str(text_file), str(library)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    code, before, peak = done.stdout.split()[-3:]
    assert code == "0", done.stdout + done.stderr
    return float(before), float(peak)
