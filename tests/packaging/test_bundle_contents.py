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
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_ja.qm", False),
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


def test_optional_heavy_modules_stay_out_unless_named_as_words() -> None:
    """Pillow (12 MB with its libraries) ships only if app code names it; `_COMPILED` does not."""
    excluded = bundle.excludes(REPO)
    assert "PIL" in excluded and "yaml" in excluded
    assert "numpy" not in excluded  # the shingle index uses it
