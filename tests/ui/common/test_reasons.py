"""Every reason the importers and the store can give is shown in Chinese in the Chinese interface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.ui.common.reasons import localized_reason, pattern_for
from app.ui.shell.i18n import Translations
from tests.conftest import REPO

#: Calls whose string argument is a reason the GUI may show.
REASON_CALLS = {"ImportFailure", "Skipped", "LibraryError", "LibraryReadOnly", "FileResult"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _sample(node: ast.expr) -> str | None:
    """The reason with every interpolated value replaced by a stand-in (None for a non-literal)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "VALUE" for part in node.values)
    return None


def _reasons_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in REASON_CALLS:
            args = [*node.args, *(k.value for k in node.keywords if k.arg == "reason")]
            found += [s for s in map(_sample, args) if s is not None]
        if isinstance(node, ast.FunctionDef) and node.name == "describe_database_error":
            found += [
                s
                for r in ast.walk(node)
                if isinstance(r, ast.Return) and r.value
                for s in [_sample(r.value)]
                if s
            ]
    return found


def _all_reasons() -> list[str]:
    files = sorted((REPO / "app" / "importers").glob("*.py")) + sorted((REPO / "app" / "store").glob("*.py"))
    return sorted({reason for path in files for reason in _reasons_in(path)})


REASONS = _all_reasons()


def test_the_scan_finds_the_reasons() -> None:
    assert len(REASONS) >= 40
    assert "empty file" in REASONS and "VALUE is a folder, not a library file" in REASONS


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_has_a_translated_phrasing(reason: str, qapp) -> None:
    assert pattern_for(reason) is not None, f"no pattern in app/ui/common/reasons.py for {reason!r}"
    translations = Translations()
    try:
        translations.apply("zh_CN")
        shown = localized_reason(reason)
    finally:
        translations.apply("en")
    assert CJK.search(shown), f"{reason!r} is shown untranslated: {shown!r}"
    assert shown.count("VALUE") == reason.count("VALUE")  # every value is carried over


def test_values_and_known_phrases_are_carried_into_the_translation(qapp) -> None:
    translations = Translations()
    try:
        translations.apply("zh_CN")
        assert localized_reason("unsupported format (no file extension)") == "不支持的格式（无扩展名）"
        assert (
            localized_reason("the library is read-only; Duidu cannot write to it")
            == "文库 是只读的；对读无法写入"
        )
        assert localized_reason("something new") == "something new"
    finally:
        translations.apply("en")
    assert localized_reason("empty file") == "empty file"


def test_a_failed_import_shows_its_reason_in_chinese(window, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    translations = Translations()
    try:
        translations.apply("zh_CN")
        window.import_paths([empty])
        dialog = window.importer.results_dialog
        assert dialog is not None
        assert dialog.table.item(0, 1).text() == "失败"
        assert dialog.table.item(0, 2).text() == "空文件"
    finally:
        translations.apply("en")
