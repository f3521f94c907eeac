"""The shipped resources/lexicon/mined_formulas.tsv is what `python -m app.core.formulas.mining` makes from the
minable files of the shared corpus: the held-out annotation round's files (formula_annotations.
HELD_OUT_CORPUS_FILES) are left out through `--skip` (on demand: regenerating takes about 15 s of CPU).
Run: python -m pytest tests/bench/test_mined_formulas_resource.py -p no:cacheprovider
To regenerate the resource: python -m tests.bench.test_mined_formulas_resource"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formulas import mining
from app.core.formulas.shipped import mined_path
from tests.bench.formula_annotations import CORPUS, HELD_OUT_CORPUS_FILES, minable

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def held_out_globs(path: Path) -> Path:
    """Write the globs of the held-out files (as `formula_annotations.minable` names them) to `path`."""
    lines = [f"*/{name}{end}" for name in HELD_OUT_CORPUS_FILES for end in (".txt", "-*.txt")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_globs_leave_out_exactly_the_held_out_files(tmp_path):
    globs = [g for g in held_out_globs(tmp_path / "skip").read_text(encoding="utf-8").splitlines()]
    kept = {path for path, _text in mining.corpus_documents(CORPUS, globs)}
    assert kept == {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt") if minable(p)}


def test_the_shipped_file_is_what_the_generator_makes_from_the_corpus(tmp_path):
    out = tmp_path / "mined.tsv"
    mining.main([str(CORPUS), str(out), "--skip", str(held_out_globs(tmp_path / "skip"))])
    assert out.read_text(encoding="utf-8") == mined_path().read_text(encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        mining.main([str(CORPUS), str(mined_path()), "--skip", str(held_out_globs(Path(scratch) / "skip"))])
