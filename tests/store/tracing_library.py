"""A library of real speeches for the tracing tests, imported once per test session.

Imported as a fixture by tests/store/test_tracing_corpus.py and tests/cli/test_similar_command.py.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.store import Library, list_documents, open_library
from app.store.importing import import_paths

COLLECTIONS = ("xi-speeches-2020", "xi-speeches-2013-2018", "hailar-district-gwr", "gwr-state-council")


@dataclass
class CorpusLibrary:
    path: Path
    ids: dict[str, int]  # file name → document id
    duplicates: list[tuple[str, str]]  # the near-duplicate pairs the corpus index lists

    def open(self) -> Library:
        return open_library(str(self.path))


def _duplicate_pairs(corpus: Path) -> list[tuple[str, str]]:
    pairs = set()
    for collection in ("xi-speeches-2020", "xi-speeches-2013-2018"):
        with (corpus / collection / "index.tsv").open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                note = row[-1]
                if note.startswith("near-duplicate of "):
                    other = note.removeprefix("near-duplicate of ").split()[0]
                    pairs.add(tuple(sorted((row[0], other))))
    return sorted(pairs)  # type: ignore[arg-type]


_built: dict[Path, CorpusLibrary] = {}


@pytest.fixture(scope="session")
def corpus_library(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusLibrary]:
    """Shared by every module that uses it (they each register the fixture; the import happens once)."""
    if corpus not in _built:
        path = tmp_path_factory.mktemp("tracing") / "corpus.sqlite"
        with open_library(str(path)) as library:
            report = import_paths(library.writer, [corpus / name for name in COLLECTIONS])
            assert report.failed == 0
            with library.reader() as session:
                ids = {Path(d.meta.source_path).name: d.id for d in list_documents(session)}
        _built[corpus] = CorpusLibrary(path, ids, _duplicate_pairs(corpus))
    yield _built[corpus]
