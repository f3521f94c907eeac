"""The GUI's open of a damaged library leaves its bytes untouched; an empty file becomes a library only
when the user says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.store import EmptyLibraryFile, LibraryError
from app.ui.shell import app as app_module
from app.ui.shell import library_chooser
from app.ui.shell.app import GuiSession
from tests.store.hostile_library import damage, make_library


@pytest.fixture(scope="module")
def damaged_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damaged")
    return damage(make_library(folder / "library.sqlite", documents=8), folder / "damaged.sqlite")


@pytest.fixture
def session(qapp, prefs) -> GuiSession:
    return GuiSession(prefs)


def _refusals(monkeypatch: pytest.MonkeyPatch) -> list[LibraryError]:
    """Record what the start-up error dialog would show, and quit there."""
    shown: list[LibraryError] = []

    def recover(_parent: object, error: LibraryError) -> None:
        shown.append(error)

    monkeypatch.setattr(app_module, "recover", recover)
    return shown


def test_opening_a_damaged_library_leaves_it_byte_for_byte(
    session: GuiSession, damaged_original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.duidu.sqlite"
    shutil.copyfile(damaged_original, damaged)
    before = damaged.read_bytes()
    shown = _refusals(monkeypatch)
    assert session.open(str(damaged)) is None
    assert "damaged" in str(shown[0]) and "left untouched" in str(shown[0])
    assert damaged.read_bytes() == before


def test_an_empty_library_file_is_kept_when_the_user_says_no(
    session: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "library.duidu.sqlite"
    empty.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(
        library_chooser, "ask_to_use_empty_file", lambda _p, path: asked.append(path) or False
    )
    shown = _refusals(monkeypatch)
    assert session.open(str(empty)) is None
    assert asked == [str(empty)]
    assert isinstance(shown[0], EmptyLibraryFile)
    assert empty.read_bytes() == b""


def test_an_empty_library_file_becomes_a_library_when_the_user_agrees(
    session: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "library.duidu.sqlite"
    empty.write_bytes(b"")
    monkeypatch.setattr(library_chooser, "ask_to_use_empty_file", lambda _p, _path: True)
    library = session.open(str(empty))
    assert library is not None
    library.close()
    assert empty.read_bytes().startswith(b"SQLite format 3\x00")


def test_damage_found_by_the_background_check_stops_every_write(
    make_window, damaged_original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.store.engine as engine
    from app.core.model import DocumentMeta
    from app.store import open_library
    from app.ui.shell import library_check

    damaged = tmp_path / "damaged.duidu.sqlite"
    shutil.copyfile(damaged_original, damaged)
    before = damaged.read_bytes()
    # As on a library too large for the quick check's time budget: opening does not see the damage.
    monkeypatch.setattr(engine, "quick_check", lambda *_args, **_kw: None)
    from app.ui.shell import main_window

    warnings: list[str] = []
    monkeypatch.setattr(library_check, "warn", lambda _parent, _title, text: warnings.append(text))
    # Where the damage lands decides whether listing the speeches already meets it; either way the
    # window says so (recorded here instead of a modal box that would wait for a click).
    listing: list[str] = []
    monkeypatch.setattr(main_window, "warn", lambda _parent, _title, text, *_a: listing.append(text))
    library = open_library(str(damaged))
    window = make_window(library)
    library_check.check_in_background(window)  # the window's runner is inline here
    assert all("damaged" in text for text in listing)
    assert warnings and "damaged" in warnings[0]
    assert library.readonly
    with pytest.raises(LibraryError, match="damaged"):
        window.service.add_text("新的一篇讲话。" * 20, DocumentMeta(title="新"))
    library.close()
    assert damaged.read_bytes() == before


def test_a_library_in_a_read_only_folder_opens_for_reading(
    session: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.model import DocumentMeta
    from app.store import add_document, library_errors, list_documents, open_library
    from tests.cli.test_readonly_folder import read_only

    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "library.duidu.sqlite"
    with open_library(str(path)) as library, library.writer.begin() as s:
        add_document(s, "同志们：\n要坚持以人民为中心的发展思想。\n", DocumentMeta(title="讲话"))
    shown = _refusals(monkeypatch)
    with read_only(folder):
        before = path.read_bytes()
        library = session.open(str(path))
        assert library is not None and not shown
        try:
            assert library.readonly
            with library.reader() as s:
                assert [d.meta.title for d in list_documents(s)] == ["讲话"]
            with (  # what the GUI's library service does with every change
                pytest.raises(LibraryError, match="read-only; Duidu cannot write to it"),
                library_errors(library.location),
                library.writer.begin() as s,
            ):
                add_document(s, "另一篇讲话。\n", DocumentMeta(title="另一篇"))
        finally:
            library.close()
        assert path.read_bytes() == before
