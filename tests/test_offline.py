"""Offline guarantee: Duidu works with the network unplugged, and keeps its caches in its own folder.

Analysts run Duidu in offices without internet. With every Python socket entry point blocked (and
each attempt recorded, in case some code swallows the error), the app imports a speech, compares two,
scans for formulas, segments a sentence and shows its main window. jieba's dictionary cache must land
in the app's cache directory, never in the shared temp folder.
"""

from __future__ import annotations

import ast
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import cache_dir, resource
from tests.conftest import REPO

SAMPLE_A = "03-theme-education-mobilisation.txt"
SAMPLE_B = "04-county-exchange-remarks.txt"


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block connecting, sending and name look-ups; yields the list of attempts made."""
    attempts: list[str] = []

    def blocked(name: str):
        def refuse(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkBlocked(f"network access attempted: {name}")

        return refuse

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, blocked(f"socket.{name}"))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, blocked(name))
    yield attempts
    assert not attempts, f"network access attempted: {attempts}"


def _text(name: str) -> str:
    from app.core.text import clean_text

    return clean_text(resource("samples", name).read_text(encoding="utf-8"))


def test_the_block_is_real(no_network: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(NetworkBlocked), socket.socket() as sock:
        sock.connect(("192.0.2.1", 80))
    assert len(no_network) == 2
    no_network.clear()


def test_import_compare_and_formulas_work_offline(no_network: list[str], tmp_path: Path) -> None:
    from app.core.formulas.shipped import default_matcher
    from app.core.passages import compare_pair
    from app.store.engine import open_library
    from app.store.importing import import_paths
    from app.store.repository import count_documents

    with open_library(str(tmp_path / "offline.duidu.sqlite")) as library:
        report = import_paths(library.writer, [resource("samples", SAMPLE_A), resource("samples", SAMPLE_B)])
        assert report.imported == 2
        with library.reader() as session:
            assert count_documents(session) == 2

    comparison = compare_pair(_text(SAMPLE_A), _text(SAMPLE_B))
    assert comparison.passages
    hits = default_matcher().find(_text(SAMPLE_A))
    assert any("两个确立" in hit.formula or "两个确立" in hit.contains for hit in hits)


def test_segmentation_caches_in_the_app_cache_dir_not_the_temp_folder(
    no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.formulas.shipped import shipped_lexicon
    from app.core.segment import CACHE_FILE, Segmenter

    # a private temp folder, so that nothing else running on this machine can blur the check
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "shared-temp"))
    (tmp_path / "shared-temp").mkdir()
    segmenter = Segmenter.from_lexicon(shipped_lexicon().entries, cache_dir=cache_dir())
    assert "学思想" in segmenter.cut("坚持学思想、强党性、重实践、建新功")
    assert tempfile.gettempdir() == str(tmp_path / "shared-temp")
    assert not list((tmp_path / "shared-temp").rglob("jieba*")), "jieba wrote into the temp folder"
    assert (cache_dir() / CACHE_FILE).is_file()


def test_main_window_starts_offline(no_network: list[str], qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from app.store.engine import open_library
    from app.store.importing import import_paths
    from app.ui.common.library_service import LibraryService
    from app.ui.common.settings import Settings
    from app.ui.shell.main_window import MainWindow

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    with open_library(str(tmp_path / "gui.duidu.sqlite")) as library:
        report = import_paths(library.writer, [resource("samples", SAMPLE_A)])
        window = MainWindow(LibraryService(library), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_reader(report.results[0].document_id)
        qtbot.wait(50)
        window.close()
    # Qt's own networking (which these socket guards cannot see) is never even loaded.
    assert "PySide6.QtNetwork" not in sys.modules


#: Modules that reach the network (or, for jieba's Paddle mode, pip-install a model).
NETWORK_MODULES = (
    "socket",
    "ssl",
    "urllib.request",
    "http.client",
    "ftplib",
    "smtplib",
    "requests",
    "httpx",
    "aiohttp",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "jieba.lac_small",
)


def test_no_app_module_imports_a_network_library() -> None:
    """No code path can download anything if nothing that could is ever imported."""
    found = []
    for path in sorted((REPO / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Attribute) and node.attr == "enable_paddle":
                names = ["jieba.enable_paddle"]
            for name in names:
                if any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}")
    assert not found, found
