"""A damaged library is never written to: every command refuses it in one line (exit code 2), and the
file's bytes are the same afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import run
from tests.store.hostile_library import damage, make_library

SPEECH = "同志们：\n今天我们召开全县经济工作会议，总结工作，部署任务。要坚持以人民为中心的发展思想。\n"


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damaged")
    return damage(make_library(folder / "library.sqlite"), folder / "damaged.sqlite")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    speech, other = tmp_path / "new.txt", tmp_path / "other.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    other.write_text(SPEECH.replace("全县", "全市"), encoding="utf-8")
    lexicon = tmp_path / "in.tsv"
    lexicon.write_text("#canonical\n新的提法\n", encoding="utf-8")
    return {
        "NEW": str(speech), "OTHER": str(other), "FOLDER": str(tmp_path), "LEXICON": str(lexicon),
        "OUT": str(tmp_path / "out"),
    }  # fmt: skip


COMMANDS = [
    "import NEW",
    "import FOLDER",
    "list",
    "list --json",
    "show 1",
    "show 12 --json",
    "remove 1",
    "compare 1 2",
    "compare 3 4 --csv OUT",
    "compare NEW OTHER --db",  # a file pair, with the library's boilerplate signal
    "similar 1",
    "similar NEW",
    "formulas 1",
    "formulas --discover",
    "formulas --export-lexicon OUT",
    "formulas --import-lexicon LEXICON",
    "formulas --accept 新的提法",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_damaged_library_and_leaves_it_untouched(
    command: str, damaged: Path, files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library.sqlite"
    shutil.copyfile(damaged, library)
    before = library.read_bytes()
    argv = [files.get(word, word) for word in command.removesuffix(" --db").split()]
    assert run([*argv, "--db", str(library)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "damaged" in err and "left untouched" in err, err
    assert library.read_bytes() == before


def test_a_database_error_escaping_a_command_is_still_one_damaged_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    import app.cli.compare as compare
    import app.store.errors  # noqa: F401  (a command that ran far enough to fail in the database loaded it)

    def fail(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(compare, "load_documents", fail)
    assert run(["compare", "1", "2", "--db", str(tmp_path / "lib.sqlite")]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == "duidu: the library is damaged or not a Duidu library (database disk image is malformed); it was left untouched"
    )
