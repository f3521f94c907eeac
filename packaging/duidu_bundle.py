"""What goes into the frozen Duidu bundle, in plain Python so that tests can check it without PyInstaller.

`duidu.spec` calls these functions; `tests/packaging` calls the same ones to prove that every data file
the code opens is shipped. Paths are (source file, folder inside the bundle) pairs, as PyInstaller wants.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_NAME = "Duidu"
EXE_NAME = "duidu"
BUNDLE_ID = "org.duidu.Duidu"

#: Shipped resources that only developers need (Qt Linguist sources are compiled to `.qm`).
_RESOURCE_SKIP_SUFFIXES = {".ts", ".pyc"}
#: Non-Python files inside the `app` package that the code reads at run time (Alembic's template among them).
_PACKAGE_DATA_SUFFIXES = {".mako", ".ini", ".json", ".sql", ".tsv", ".txt", ".typed"}

#: Modules the app never uses but that their importers drag in: jieba's Paddle mode (it would try
#: `pip install paddlepaddle-tiny` — a download), Tk, and pkg_resources (jieba falls back to plain files).
EXCLUDES = [
    "jieba.lac_small",
    "paddle",
    "tkinter",
    "_tkinter",
    "pkg_resources",
    "setuptools",
    "IPython",
    "matplotlib",
    "pytest",
    "mako.ext",  # Mako's Pygments/Babel plug-ins (they pull in Pillow); Alembic needs only mako.template
    "pygments",
    # Developer tools of the standard library: only doctest blocks under `__main__` and numpy.testing
    # reach them, and readline (with its libreadline and libtinfo) serves interactive consoles.
    "doctest",
    "pdb",
    "pydoc",
    "unittest",
    "readline",
    # numpy's build and test tools, and its C test module (which numpy's own hook adds for its tests).
    "numpy.f2py",
    "numpy.testing",
    "numpy.distutils",
    "numpy._core._multiarray_tests",
    # SQLAlchemy dialects whose drivers the bundle lacks: a library is SQLite or PostgreSQL (psycopg).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
]

#: numpy subpackages that numpy loads only when its user asks for them (numpy.random alone is 2.5 MB of
#: extension modules). Not numpy.ma: np.unique reaches for it.
_NUMPY_LAZY = ("random", "fft", "polynomial")

#: Heavy modules that a library reaches only through optional calls: (module, words in app code that
#: mean the app makes such a call). They ship only when some app module contains one of the words.
#: rapidfuzz needs numpy only for process.cdist/cpdist; Pillow comes with fpdf2 (PDF reports).
_OPTIONAL_HEAVY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("numpy", ("numpy", "cdist", "cpdist")),
    ("PIL", ("PIL", "fpdf", "Pillow")),
    ("yaml", ("yaml", "rapidocr")),  # rapidocr reads its configuration with omegaconf/PyYAML
    # Qt bindings the app does not import. QtNetwork's hook alone drags in libQt6Network, Kerberos,
    # and GIO (for its network-information plugin): about 9 MB. libQt6DBus itself stays (QtGui needs it).
    ("PySide6.QtNetwork", ("QtNetwork",)),
    ("PySide6.QtDBus", ("QtDBus",)),
    # numpy subpackages the app never asks for.
    *((f"numpy.{name}", (f"np.{name}", f"numpy.{name}", "from numpy import")) for name in _NUMPY_LAZY),
)

#: The app icon each platform's packaging takes from resources/icons/ (Windows executable and installer,
#: macOS bundle); Linux menus take the `duidu-<size>.png` images under the icon name `duidu`.
ICON_FILES = {"win32": "duidu.ico", "darwin": "duidu.icns"}
LINUX_ICON_NAME = "duidu"
LINUX_DESKTOP_FILES = ("duidu.desktop", "install.sh")

#: Packages whose dist-info (licence texts included) must ship though no import scan asks for it.
METADATA_KEPT = ("numpy",)

#: Imported by name at run time, so PyInstaller's scan of import statements cannot see them: jieba (loaded
#: lazily) and the PostgreSQL driver SQLAlchemy picks from a `postgresql://` library URL (a shared library).
HIDDEN_IMPORTS = ["jieba", "psycopg", "psycopg_binary"]

#: Qt plugin folders the app needs: windowing (platforms, and the xcb GL glue on Linux), widget styles,
#: image and icon loading, desktop themes (dark mode, native dialogs) and input methods (Chinese IMEs).
QT_PLUGIN_TYPES = {
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "styles",
    "imageformats",
    "iconengines",
    "xcbglintegrations",
    "wayland-shell-integration",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
}
#: Platform plugins for embedded devices and remote screens, which an analyst's desktop never uses.
QT_PLATFORMS_DROPPED = ("eglfs", "linuxfb", "minimalegl", "vnc", "vkkhrdisplay")
#: Other plugins left out: the GTK3 theme drags in its own copies of cairo, pango and GLib (about 15 MB),
#: which clash with the desktop's GTK; the XDG desktop portal theme gives dark mode and native dialogs.
#: Wayland: desktops use xdg-shell; IVI (cars), fullscreen-shell, qt-shell (Qt's own compositors) and the
#: long-deprecated wl-shell are not desktops, and the `*-server` buffer integrations serve compositors.
QT_PLUGINS_DROPPED = (
    "qgtk3",
    "ivi-shell",
    "fullscreen-shell",
    "qt-shell",
    "wl-shell",
    "dmabuf-server",
    "drm-egl-server",
    "shm-emulation-server",
    "vulkan-server",
)
#: Image formats the app reads: its icons are PNG (built into QtGui), desktop icon themes are SVG, and
#: Windows may hand Qt .ico files. No photo formats (JPEG, TIFF, WebP, …): speeches are text.
QT_IMAGE_FORMATS_KEPT = ("qsvg", "qico")
#: Qt's own translations to keep: the UI speaks English (no catalogue needed) and Simplified Chinese;
#: `qt_zh_CN.qm` is the meta catalogue that loads `qtbase_zh_CN.qm` (Qt Help's catalogue is not needed).
QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")


def version(repo: Path = REPO) -> str:
    """`app.__version__`, read without importing the app (the one place the version lives)."""
    tree = ast.parse((repo / "app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, str)
            return value
    raise LookupError("app/__init__.py defines no __version__")


def excludes(repo: Path = REPO) -> list[str]:
    """EXCLUDES plus the optional heavy modules no app module asks for (see _OPTIONAL_HEAVY)."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in (repo / "app").rglob("*.py"))
    unused = [
        name
        for name, words in _OPTIONAL_HEAVY
        if not any(re.search(rf"\b{re.escape(word)}\b", source) for word in words)  # not `_COMPILED` ⊃ PIL
    ]
    return EXCLUDES + unused


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def resource_datas(repo: Path = REPO) -> list[tuple[str, str]]:
    """Everything under `resources/` (demo speeches, lexicon, translations, icons) except sources."""
    root = repo / "resources"
    return [
        (str(path), str(path.parent.relative_to(repo)))
        for path in _files(root)
        if path.suffix not in _RESOURCE_SKIP_SUFFIXES
    ]


def package_datas(repo: Path = REPO) -> list[tuple[str, str]]:
    """Files inside `app/` that are read as files: non-Python data, and the Alembic migration scripts,
    which Alembic loads from `app/store/migrations` by path (so they ship as `.py` files, not bytecode)."""
    result = []
    for path in _files(repo / "app"):
        relative = path.relative_to(repo)
        is_migration = "migrations" in relative.parts and path.suffix == ".py"
        if is_migration or path.suffix in _PACKAGE_DATA_SUFFIXES:
            result.append((str(path), str(relative.parent)))
    return result


def jieba_datas() -> list[tuple[str, str]]:
    """jieba's main dictionary only. Its HMM tables are Python modules (collected as code); the
    part-of-speech tables, TF-IDF weights and the Paddle model are left out unless the app imports them."""
    import jieba

    return [(str(Path(jieba.__file__).resolve().parent / "dict.txt"), "jieba")]


#: What rapidocr reads as files: its configuration and the three models app/importers/ocr.py names (the
#: pytorch/paddle network configs and other languages' models stay out). Without the models it would try
#: to download them; the frozen self-test recognises a line to prove they are there.
OCR_PACKAGE_FILES = ("config.yaml", "default_models.yaml")


def ocr_datas() -> list[tuple[str, str]]:
    try:
        import rapidocr
    except ImportError:  # a build without OCR: the self-test reports it
        return []
    from app.importers.ocr import MODEL_FILES  # the spec and the tests run with the checkout on sys.path

    root = Path(rapidocr.__file__).resolve().parent
    files = [(str(root / name), "rapidocr") for name in OCR_PACKAGE_FILES]
    return files + [(str(root / "models" / name), "rapidocr/models") for name in MODEL_FILES.values()]


def datas(repo: Path = REPO) -> list[tuple[str, str]]:
    return resource_datas(repo) + package_datas(repo) + jieba_datas() + ocr_datas()


def migration_imports(repo: Path = REPO) -> list[str]:
    """Modules the migration scripts import: Alembic loads them from files at run time, so PyInstaller's
    import scan never sees them and they must be named as hidden imports."""
    names: set[str] = set()
    for path in _files(repo / "app" / "store" / "migrations"):
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_module(node.module, alias.name)
                )
    return sorted(name for name in names if name != "__future__")


def _is_module(package: str, name: str) -> bool:
    """`from package import name` names a submodule (rather than a class or function)."""
    if package == "__future__":
        return False
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return False
    locations = spec.submodule_search_locations if spec else None
    return bool(locations) and any(
        (Path(p) / f"{name}.py").exists() or (Path(p) / name).is_dir() for p in locations
    )


def bundle_destinations(entries: Iterable[tuple[str, str]]) -> set[str]:
    """The bundle-relative paths (POSIX style) the (source, folder) pairs end up at."""
    return {(Path(folder) / Path(source).name).as_posix() for source, folder in entries}


def keep_qt_file(destination: str) -> bool:
    """Filter for PyInstaller's TOC: drop Qt plugins and translations the app never loads."""
    parts = Path(destination).as_posix().split("/")
    if "PySide6" not in parts:
        return True
    if "plugins" in parts:  # PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows
        index = parts.index("plugins")
        if index + 1 < len(parts):
            kind = parts[index + 1]
            if kind not in QT_PLUGIN_TYPES:
                return False
            if kind == "platforms" and any(name in parts[-1] for name in QT_PLATFORMS_DROPPED):
                return False
            if any(name in parts[-1] for name in QT_PLUGINS_DROPPED):
                return False
            if kind == "imageformats" and _plugin_name(parts[-1]) not in QT_IMAGE_FORMATS_KEPT:
                return False
    if "translations" in parts and parts[-1].endswith(".qm"):
        return parts[-1] in QT_TRANSLATIONS_KEPT
    return True


def _plugin_name(filename: str) -> str:
    """`libqjpeg.so`, `qjpeg.dll`, `libqjpeg.dylib` → `qjpeg`."""
    return filename.split(".")[0].removeprefix("lib")


def icon(platform: str, repo: Path = REPO) -> str | None:
    """The app icon for this platform's executable or bundle, once `resources/icons/` provides one."""
    name = ICON_FILES.get(platform)
    path = repo / "resources" / "icons" / name if name else None
    return str(path) if path is not None and path.is_file() else None


def linux_desktop_files(repo: Path = REPO) -> list[Path]:
    """Copied beside the Linux executable: the menu entry and the script that installs it with its icon
    (the icon PNGs themselves ship in resources/icons)."""
    return [repo / "packaging" / "linux" / name for name in LINUX_DESKTOP_FILES]


def strip_binaries(folder: Path) -> int:
    """Strip symbol tables from the bundle's ELF libraries; returns the bytes saved.

    Done here rather than with PyInstaller's `strip=True`, which strips everything: the libraries that
    auditwheel vendors into `<package>.libs` folders were rewritten by patchelf, and stripping them again
    breaks their program headers (numpy's OpenBLAS then fails to load: "ELF load command address/offset
    not page-aligned"). Those are left alone, as are the executables, which carry the app's archive.
    """
    saved = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or any(p.endswith(".libs") for p in path.parts):
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        before = path.stat().st_size
        result = subprocess.run(["strip", str(path)], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            saved += before - path.stat().st_size
    return saved


def info_plist(app_version: str) -> dict[str, object]:
    """macOS Info.plist keys: crisp on Retina screens, follows the system's dark mode."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        # BUNDLE(icon=...) copies the .icns into Contents/Resources under this name; said here, not implied.
        "CFBundleIconFile": ICON_FILES["darwin"],
        "CFBundleShortVersionString": app_version,
        "CFBundleVersion": app_version,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHumanReadableCopyright": "Duidu",
        "CFBundleDevelopmentRegion": "zh_CN",
        "CFBundleLocalizations": ["zh_CN", "en"],
    }
