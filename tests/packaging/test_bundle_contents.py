"""The PyInstaller spec ships every data file the code opens, and nothing it was told to leave out.

The spec takes its lists from packaging/duidu_bundle.py; these tests read the app's source for every
`resource(...)` / `resources_dir() / ...` use and every non-Python file inside `app/`, and check that
each one is among the bundle's data files. No PyInstaller needed (tests/packaging/test_frozen.py
checks the real build).
"""

from __future__ import annotations

import ast
import importlib.util
import re

import pytest

import app
from tests.conftest import REPO

PACKAGING = REPO / "packaging"


def _load_bundle():
    spec = importlib.util.spec_from_file_location("duidu_bundle", PACKAGING / "duidu_bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load_bundle()
DESTINATIONS = bundle.bundle_destinations(bundle.datas(REPO))
EXCLUDED = bundle.excludes(REPO)


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` assignments, to resolve `resource("lexicon", LEXICON_FILE)`."""
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    names[target.id] = node.value.value
    return names


def _literal_prefix(args: list[ast.expr], constants: dict[str, str]) -> list[str]:
    parts: list[str] = []
    for arg in args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            parts.append(arg.value)
        elif isinstance(arg, ast.Name) and arg.id in constants:
            parts.append(constants[arg.id])
        else:
            break  # a computed name: the folder so far must be shipped whole
    return parts


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _div_chain(node: ast.expr) -> list[ast.expr] | None:
    """`resources_dir() / "a" / NAME` → [a, NAME]; None when the chain does not start there."""
    operands: list[ast.expr] = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        operands.insert(0, node.right)
        node = node.left
    if isinstance(node, ast.Call) and _callee(node) == "resources_dir" and operands:
        return operands
    return None


def resource_uses() -> list[tuple[str, str]]:
    """(module file, resources-relative path) for every resource the app's code names."""
    uses: list[tuple[str, str]] = []
    for path in sorted((REPO / "app").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        constants = _string_constants(tree)
        where = str(path.relative_to(REPO))
        for node in ast.walk(tree):
            parts: list[str] | None = None
            if isinstance(node, ast.Call) and _callee(node) == "resource" and node.args:
                parts = _literal_prefix(node.args, constants)
            elif isinstance(node, ast.BinOp) and (chain := _div_chain(node)) is not None:
                parts = _literal_prefix(chain, constants)
            if parts:
                uses.append((where, "/".join(parts)))
        for match in re.finditer(r"""["']resources/([^"'\s]+)["']""", source):
            uses.append((where, match.group(1)))
    return uses


def test_the_app_names_some_resources_so_this_check_has_teeth() -> None:
    named = {relative for _, relative in resource_uses()}
    assert any(relative.startswith("lexicon") for relative in named), named
    assert "samples" in {relative.split("/")[0] for relative in named}, named


@pytest.mark.parametrize(("module", "relative"), sorted(set(resource_uses())))
def test_every_resource_the_code_opens_is_shipped(module: str, relative: str) -> None:
    source = REPO / "resources" / relative
    assert source.exists(), f"{module} opens resources/{relative}, which does not exist"
    destination = f"resources/{relative}"
    if source.is_file():
        assert destination in DESTINATIONS, f"{module} opens {destination}; the spec does not ship it"
    else:
        files = [
            f"resources/{p.relative_to(REPO / 'resources').as_posix()}"
            for p in source.rglob("*")
            if p.is_file() and p.suffix not in {".ts", ".pyc"} and "__pycache__" not in p.parts
        ]
        assert files, f"{module} opens the folder {destination}, which holds nothing to ship"
        missing = sorted(set(files) - DESTINATIONS)
        assert not missing, f"{module} opens {destination}; the spec misses {missing}"


def test_every_data_file_inside_the_package_is_shipped() -> None:
    """Alembic reads its scripts (and its template) from app/store/migrations as files."""
    wanted = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "app").rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and (p.suffix != ".py" or "migrations" in p.parts)
        and p.suffix != ".pyc"
    }
    assert any(name.startswith("app/store/migrations/versions/") for name in wanted)
    assert not sorted(wanted - DESTINATIONS)


def test_jieba_ships_its_dictionary_and_nothing_else() -> None:
    jieba_files = {d for d in DESTINATIONS if d.startswith("jieba/")}
    assert jieba_files == {"jieba/dict.txt"}
    assert "jieba.lac_small" in bundle.EXCLUDES  # its enable_paddle() would pip-install Paddle
    assert "jieba" in bundle.HIDDEN_IMPORTS


def test_developer_only_files_stay_out() -> None:
    assert not [d for d in DESTINATIONS if d.endswith((".ts", ".pyc"))]


def test_alembic_sees_the_modules_the_migrations_import() -> None:
    imports = bundle.migration_imports(REPO)
    assert {"alembic.op", "alembic.context", "app.store.models"} <= set(imports)
    assert not [name for name in imports if name.startswith("__future__")]


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_ja.qm", False),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/plugins/imageformats/qwebp.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqmacheif.dylib", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-decoration-client/libbradient.so", True),
        ("PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so", False),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("resources/i18n/duidu_zh_CN.qm", True),
    ],
)
def test_qt_filter_keeps_what_the_app_loads(destination: str, kept: bool) -> None:
    assert bundle.keep_qt_file(destination) is kept


def test_version_has_one_source() -> None:
    assert bundle.version(REPO) == app.__version__
    plist = bundle.info_plist(app.__version__)
    assert plist["CFBundleShortVersionString"] == app.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False


def test_the_spec_takes_its_lists_from_the_bundle_module() -> None:
    spec = (PACKAGING / "duidu.spec").read_text(encoding="utf-8")
    for call in ("bundle.datas(REPO)", "bundle.excludes(REPO)", "bundle.keep_qt_file", "bundle.info_plist"):
        assert call in spec
    assert "upx=True" not in spec and "onefile" not in spec.replace("no onefile", "")


def test_the_qtgui_hook_filters_plugins_before_their_dependencies_are_resolved() -> None:
    hook = (PACKAGING / "hooks" / "hook-PySide6.QtGui.py").read_text(encoding="utf-8")
    assert "add_qt6_dependencies(__file__)" in hook and "keep_qt_file" in hook


def _app_imports() -> set[str]:
    """Every module named by an import statement in app/ (absolute imports only)."""
    names: set[str] = set()
    for path in (REPO / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _excluded(module: str, excluded: list[str]) -> str | None:
    return next((name for name in excluded if module == name or module.startswith(name + ".")), None)


def test_nothing_the_app_imports_is_excluded() -> None:
    imports = _app_imports()
    assert {"numpy", "PySide6.QtWidgets", "sqlalchemy", "docx", "bs4"} <= imports  # the scan sees imports
    dropped = {module: _excluded(module, EXCLUDED) for module in imports}
    assert not {module: rule for module, rule in dropped.items() if rule}


@pytest.mark.parametrize(
    ("module", "why"),
    [
        ("numpy.ma", "np.unique asks numpy.ma whether its input is masked"),
        ("numpy.linalg", "numpy.lib imports it when numpy is imported"),
        ("ssl", "psycopg's binary driver imports ssl (libpq then leaves OpenSSL's set-up to Python)"),
        ("_ssl", "ssl's C half"),
        ("_hashlib", "hashlib's OpenSSL half (content hashes, jieba's cache key)"),
        ("lxml.etree", "python-docx and BeautifulSoup parse with it"),
        ("lxml._elementpath", "lxml.etree's find() and findall()"),
        ("PySide6.QtCore", "the GUI"),
        ("PySide6.QtGui", "the GUI"),
        ("PySide6.QtWidgets", "the GUI"),
        ("sqlalchemy.dialects.sqlite", "a personal library"),
        ("sqlalchemy.dialects.postgresql", "a shared library"),
        ("psycopg", "a shared library"),
        ("unicodedata", "text normalisation"),
    ],
)
def test_indirect_needs_stay_in(module: str, why: str) -> None:
    """Modules reached from inside libraries (no import statement in app/ names them): keep them."""
    assert _excluded(module, EXCLUDED) is None, why


def test_what_the_bundle_drops_is_really_dropped() -> None:
    excluded = set(EXCLUDED)
    for module in ("PySide6.QtNetwork", "numpy.random", "numpy.fft", "numpy.f2py", "numpy.testing"):
        assert module in excluded
    for module in ("unittest", "pydoc", "readline", "sqlalchemy.dialects.mysql"):
        assert module in excluded
    assert "numpy" in bundle.METADATA_KEPT  # its licence texts (OpenBLAS, gfortran) ship


def test_lxml_hook_collects_no_submodules_of_its_own() -> None:
    """The community hook collects every lxml submodule; ours leaves it to the import scan."""
    namespace: dict[str, object] = {}
    exec((PACKAGING / "hooks" / "hook-lxml.py").read_text(encoding="utf-8"), namespace)
    assert namespace["hiddenimports"] == []


def test_optional_heavy_modules_stay_out_unless_named_as_words() -> None:
    """Heavy modules ship only if app code names them as words (`_COMPILED` does not name PIL)."""
    excluded = bundle.excludes(REPO)
    assert "numpy.random" in excluded and "PySide6.QtNetwork" in excluded
    assert "numpy" not in excluded  # the shingle index uses it
    assert "PIL" not in excluded and "yaml" not in excluded  # OCR: page images, rapidocr's configuration


def test_the_ocr_models_ship() -> None:
    """Without them rapidocr would try to download its models: the bundle must carry the three it uses."""
    pytest.importorskip("rapidocr")
    from app.importers.ocr import MODEL_FILES

    for name in MODEL_FILES.values():
        assert f"rapidocr/models/{name}" in DESTINATIONS
    assert {"rapidocr/config.yaml", "rapidocr/default_models.yaml"} <= DESTINATIONS
