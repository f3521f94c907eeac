"""Build the frozen app with PyInstaller and run its `--self-test` offscreen, as the release jobs do.

Marked `packaging`: the default `pytest` run leaves it out (a build takes about a minute on two cores);
`.ci/run` runs it as its own step with `python3 -m pytest -m packaging tests/packaging`. It skips when
PyInstaller is not installed, unless DUIDU_FROZEN_TEST=required (CI sets it) makes that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.importers.conftest import make_docx, make_html, make_pdf
from tests.packaging.test_bundle_contents import DESTINATIONS, bundle

pytestmark = pytest.mark.packaging

# 194 MB before OCR; OCR adds about 290 MB on Linux (482 MB measured): OpenCV for rapidocr's image operations
# (cv2 83 MB and the FFmpeg and OpenBLAS copies its wheel vendors, 97 MB, which cv2's library loads),
# onnxruntime 37 MB, the models 33 MB, Pillow's libraries 16 MB.
MAX_BUNDLE_MB = 520
EXE = "duidu.exe" if sys.platform == "win32" else "duidu"


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("DUIDU_FROZEN_TEST") == "required":
            pytest.fail("PyInstaller is not installed (pip install -e '.[package]')")
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    build = tmp_path_factory.mktemp("frozen")
    began = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(REPO / "packaging" / "duidu.spec"),
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(build / "dist"),
            "--workpath",
            str(build / "work"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"\nfrozen build: {time.perf_counter() - began:.0f} s")
    shutil.rmtree(build / "work", ignore_errors=True)  # ~100 MB of intermediate files
    return build / "dist" / "duidu"


def _internal(bundle: Path) -> Path:
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def test_frozen_app_passes_its_self_test(frozen_app: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUIDU_HOME": str(tmp_path / "home")}
    env.pop("DISPLAY", None)
    began = time.perf_counter()
    result = subprocess.run(
        [str(frozen_app / EXE), "--self-test"], env=env, capture_output=True, text=True, timeout=300
    )
    print(f"\n{result.stdout}self-test took {time.perf_counter() - began:.1f} s")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "(frozen," in result.stdout
    assert "utf8_mode=1" in result.stdout  # the spec's run-time option: no legacy code pages on Windows
    assert result.stdout.rstrip().endswith("self-test passed")
    assert (tmp_path / "home" / "cache" / "jieba.cache").is_file()


def test_frozen_bundle_is_small_and_holds_the_data(frozen_app: Path) -> None:
    size_mb = _folder_size(frozen_app) / 1e6
    print(f"\nbundle size: {size_mb:.0f} MB ({frozen_app})")
    assert size_mb < MAX_BUNDLE_MB
    inner = _internal(frozen_app)
    missing = sorted(d for d in DESTINATIONS if not (inner / d).is_file())
    assert not missing
    # what the spec drops stays dropped: Paddle's model, TF-IDF weights, embedded-device Qt platforms
    assert not (inner / "jieba" / "lac_small").exists()
    assert not (inner / "jieba" / "analyse" / "idf.txt").exists()
    assert not list(inner.rglob("*qvnc*"))
    assert not list(inner.rglob("libqgtk3*")) and not list(inner.glob("libpango*"))
    # ... and the other cuts (duidu_bundle.py, icu_data.py): Qt's network stack, unused lxml and numpy parts
    assert not list(inner.rglob("*Qt6Network*")) and not list(inner.rglob("QtNetwork*"))
    assert not list(inner.rglob("objectify*")) and not (inner / "lxml" / "html").exists()
    assert not (inner / "numpy" / "random").exists() and not (inner / "numpy" / "f2py").exists()
    formats = {bundle._plugin_name(p.name) for p in inner.rglob("imageformats/*")}
    assert formats == set(bundle.QT_IMAGE_FORMATS_KEPT)
    # while what the app reaches only indirectly survived them
    for needed in ("lxml/etree*", "lxml/_elementpath*", "numpy/ma", "*Qt6DBus*", "_ssl*", "*qoffscreen*"):
        assert list(inner.rglob(needed)), needed
    assert list(inner.glob("numpy-*.dist-info/**/LICENSE.txt"))  # numpy's and its bundled libraries' licences
    if sys.platform.startswith("linux"):
        for needed in ("*qxcb.*", "*qwayland.*", "libxdg-shell*", "libqxdgdesktopportal*"):
            assert list(inner.rglob(needed)), needed
        for name in bundle.LINUX_DESKTOP_FILES:  # the menu entry and its installer, beside the executable
            assert (frozen_app / name).is_file(), name
        assert os.access(frozen_app / "install.sh", os.X_OK)
        icu = [p for p in inner.rglob("libicudata.so.*") if not p.is_symlink()]
        assert icu and all(p.stat().st_size < 15e6 for p in icu)  # trimmed from 32 MB


def _cjk_font() -> str:
    from tests.importers.conftest import _FONT_CANDIDATES

    found = [font for font in _FONT_CANDIDATES if Path(font).is_file()]
    if not found:
        pytest.skip("no CJK font installed (install fonts-wqy-microhei) to generate a Chinese PDF")
    return found[0]


def _run(frozen_app: Path, home: Path, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUIDU_HOME": str(home)}
    result = subprocess.run(
        [str(frozen_app / EXE), *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    return result.stdout


def test_frozen_app_imports_word_web_and_encrypted_pdf_files(frozen_app: Path, tmp_path: Path) -> None:
    """What the self-test does not cover: python-docx and BeautifulSoup on lxml.etree (the rest of lxml
    is left out), pypdf with an AES-encrypted file (cryptography), then similarity (numpy) and comparison."""
    from pypdf import PdfReader, PdfWriter

    samples = sorted((REPO / "resources" / "samples").glob("0*.txt"))[:3]
    texts = [path.read_text(encoding="utf-8") for path in samples]
    files = tmp_path / "files"
    files.mkdir()
    make_docx(files / "a.docx", texts[0].split("\n"))
    (files / "b.html").write_text(make_html(texts[1]), encoding="utf-8")
    plain = make_pdf(tmp_path / "plain.pdf", texts[2][:1500], _cjk_font())
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt(user_password="", owner_password="duidu", algorithm="AES-256")  # opens without a password
    writer.write(str(files / "c.pdf"))

    library = str(tmp_path / "library.sqlite")
    report = _run(frozen_app, tmp_path / "home", "import", "--db", library, str(files))
    assert "3 imported" in report and "0 failed" in report, report
    similar = json.loads(_run(frozen_app, tmp_path / "home", "similar", "--db", library, "#2", "--json"))
    assert 1 in [result["id"] for result in similar["results"]]  # the two speeches share a passage
    assert "copied" in _run(frozen_app, tmp_path / "home", "compare", "--db", library, "#1", "#2")
