"""The layering rules and lint are part of the test suite, so CI fails when they are broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from tests.conftest import REPO


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter over the `app` package found in `cwd` (not the installed one)."""
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("import-linter is not installed (it is in the test extras)")
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([exe, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_import_contracts_hold():
    result = _lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "bad_import"),
    [
        ("app/ui/trace/panel.py", "import app.ui.shell.main_window"),  # a part reaching up to the shell
        ("app/ui/library/view.py", "import app.ui.reader.find_bar"),  # one part importing another
        ("app/ui/common/tasks.py", "from app.ui.pane import reading_pane"),  # common reaching up
    ],
)
def test_the_gui_contract_fails_when_broken(tmp_path: Path, module: str, bad_import: str):
    """The contracts are not vacuous: one forbidden import in a copy of the app breaks the GUI layers."""
    shutil.copytree(REPO / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _lint_imports(tmp_path).returncode == 0  # the untouched copy passes
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "GUI: shell above independent parts above the reading pane above common BROKEN" in result.stdout


def import_graph(package: str = "app") -> dict[str, set[str]]:
    """Every module of `package` and the modules of it that it imports (also inside functions and
    TYPE_CHECKING blocks), as import-linter's graph library sees them."""
    import grimp

    graph = grimp.build_graph(package, cache_dir=None)
    return {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}


def test_no_import_circle_in_app():
    try:
        order = list(TopologicalSorter(import_graph()).static_order())
    except CycleError as error:
        pytest.fail(f"import circle: {' -> '.join(error.args[1])}")
    assert "app.ui.shell.main_window" in order  # the graph covers the GUI


def test_the_circle_check_sees_a_circle():
    graph = import_graph()
    graph["app.ui.common.tasks"] = {*graph["app.ui.common.tasks"], "app.ui.shell.main_window"}
    with pytest.raises(CycleError):
        list(TopologicalSorter(graph).static_order())


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
