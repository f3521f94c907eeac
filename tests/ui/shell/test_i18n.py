"""Translations: the shipped .qm files match their .ts sources, every string is translated, switching works."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.core.model import DocumentMeta
from app.ui.shell.i18n import Translations
from tests.conftest import REPO

I18N = REPO / "resources" / "i18n"
TS_FILES = sorted(I18N.glob("duidu_*.ts"))


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} is not installed (it comes with PySide6)")
    return exe


def _unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_up_to_date(ts: Path, tmp_path: Path):
    compiled = tmp_path / ts.with_suffix(".qm").name
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True
    )
    shipped = ts.with_suffix(".qm")
    assert shipped.exists(), f"{shipped.name} is missing: run pyside6-lrelease"
    assert shipped.read_bytes() == compiled.read_bytes(), f"{shipped.name} is stale: run pyside6-lrelease"


#: Functions that translate a runtime value on purpose: their possible values are listed for lupdate elsewhere
#: (QT_TRANSLATE_NOOP in formula_marks.py, the reason table in reasons.py).
TRANSLATES_LISTED_VALUES = {"category_name", "localized_reason", "_value"}


def _non_literal_translations(path: Path) -> list[str]:
    """`tr(x)` / `translate(context, x)` calls whose text is not a literal, so lupdate cannot see it."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef) or function.name in TRANSLATES_LISTED_VALUES:
            continue
        for call in ast.walk(function):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute | ast.Name):
                continue
            name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(call.args) <= position:
                continue
            if (
                name == "translate"
                and isinstance(call.args[0], ast.Constant)
                and not isinstance(call.args[0].value, str)
            ):
                continue  # QPainter.translate(x, y) and the like
            if not isinstance(call.args[position], ast.Constant):
                found.append(f"{path.relative_to(REPO)}:{call.lineno}")
    return found


def test_every_translated_text_is_a_literal_that_lupdate_can_see():
    found = [
        hit for path in sorted((REPO / "app" / "ui").rglob("*.py")) for hit in _non_literal_translations(path)
    ]
    assert found == []


def _literal_tr_texts(path: Path) -> list[tuple[int, str, str]]:
    """`self.tr("…")` calls as (line, class, text) — each class shows its strings in its own context — and
    `translate("Context", "…")` calls as (line, context, text)."""
    found = []
    for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "tr"
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "self"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
            ):
                found.append((call.lineno, cls.name, call.args[0].value))
    for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (  # QCoreApplication.translate("Context", "text", …)
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute | ast.Name)
            and (call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id) == "translate"
            and len(call.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args[:2])
        ):
            found.append((call.lineno, call.args[0].value, call.args[1].value))
    return found


def test_lupdate_finds_every_tr_call_even_inside_f_strings():
    """lupdate skips calls inside f-string fields (the compare view's "Passages (24)" stayed English) and
    some nested in another call's arguments (the Undo menu said "撤消 Remove 1 speech(es)")."""
    root = ET.parse(I18N / "duidu_zh_CN.ts").getroot()
    known = {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    missing = [
        f"{path.relative_to(REPO)}:{line}: {cls}: {text}"
        for path in sorted((REPO / "app" / "ui").rglob("*.py"))
        for line, cls, text in _literal_tr_texts(path)
        if (cls, text) not in known
    ]
    assert missing == []


def test_every_interface_string_has_a_chinese_translation(tmp_path: Path):
    """lupdate over today's sources finds nothing that the Chinese catalogue lacks."""
    ts = tmp_path / "duidu_zh_CN.ts"
    shutil.copy(I18N / "duidu_zh_CN.ts", ts)
    sources = str(REPO / "app" / "ui")  # the whole package, sub-packages (compare view …) included
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            "-extensions",
            "py",
            sources,
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    assert _unfinished(ts) == [], (
        "untranslated interface strings: update and translate resources/i18n/*.ts as resources/i18n/README.md "
        "says. Use self.tr() inside a QObject subclass or QCoreApplication.translate('Context', '…'); "
        "other_object.tr('…') is filed under a context named after the variable and never translated."
    )


@pytest.fixture
def translations():
    translations = Translations()
    yield translations
    translations.apply("")


def test_switching_language_retranslates_the_open_window(window, translations):
    window.service.add_text("同志们：\n今天开会。\n", DocumentMeta(title="测试讲话"))
    window.reload()
    translations.apply("zh_CN")
    assert translations.is_chinese()
    assert window.act.menu_file.title() == "文件(&F)"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
    assert window.tabs.tabText(0) == "文库"
    assert "1 篇讲话" in window.size_label.text()
    assert window.search_box.placeholderText().startswith("搜索")
    assert window.facets.topLevelItem(0).text(0) == "文种"
    # Qt's own strings come from the qtbase catalogue.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"

    translations.apply("en")
    assert window.act.menu_file.title() == "&File"
    assert "1 speech" in window.size_label.text() and "speeches" not in window.size_label.text()
    assert QLocale().language() == QLocale.Language.English


def test_the_compare_passage_list_title_is_chinese(qtbot, translations):
    from app.ui.compare.passage_table import PassageDock

    dock = PassageDock()
    qtbot.addWidget(dock)
    translations.apply("zh_CN")
    dock.set_passages([], ["甲", "乙"])
    assert dock.windowTitle() == "段落（0）"


def test_the_undo_menu_names_a_removal_in_either_language(window, translations, monkeypatch):
    from app.ui.shell import main_window as main_window_module

    monkeypatch.setattr(main_window_module, "ask", lambda *args, **kw: True)
    for language, expected in (("zh_CN", "删除 2 篇讲话"), ("en", "Remove 2 speeches")):
        translations.apply(language)
        ids = [
            window.service.add_text(f"同志们：\n第{n}次开会。\n", DocumentMeta(title=f"讲话{n}"))[0]
            for n in (1, 2)
        ]
        window.reload()
        window.select_ids(ids)
        window.act.delete.trigger()
        assert expected in window.act.undo.text()


def test_the_about_box_names_the_app_in_chinese(translations):
    from app.ui.shell.about import about_text

    translations.apply("zh_CN")
    assert "对读 (Duidu)" in about_text()


def test_formula_tooltips_name_the_new_rules_and_statuses_in_chinese(qtbot, translations):
    """Hits of the reference rule and inflected/abridged lexicon wordings, found by the shipped matcher in
    real sentences, are labelled in Chinese (the rule and status names are data, translated on display)."""
    from app.core.formulas.shipped import default_matcher
    from app.ui.pane.formula_marks import formula_tooltip

    matcher = default_matcher()
    text = "坚持稳中求进的工作总基调，学习贯彻党的十九大和十九届二中、三中全会精神，守初心、担使命。"
    by_text = {hit.text: hit for hit in matcher.find(text)}
    translations.apply("zh_CN")
    assert "增减字说法" in formula_tooltip(by_text["稳中求进的工作总基调"])
    assert "会议文件引用" in formula_tooltip(by_text["党的十九大和十九届二中、三中全会精神"])
    assert "节略说法" in formula_tooltip(by_text["守初心、担使命"])
    translations.apply("en")
    assert "Inflected wording" in formula_tooltip(by_text["稳中求进的工作总基调"])
    assert "pattern: reference" in formula_tooltip(by_text["党的十九大和十九届二中、三中全会精神"])


def test_every_category_of_the_shipped_lexicon_is_named_in_both_languages(translations):
    """The hand-made, curated and mined entries' categories all have an interface name in English and Chinese."""
    from app.core.formulas.shipped import load_shipped_files
    from app.ui.pane.formula_marks import category_name

    categories = {e.category for e in load_shipped_files().entries}
    assert {"concept", "slogan", "numbered", "mined"} <= categories
    translations.apply("zh_CN")
    chinese = {c: category_name(c) for c in categories}
    assert all(name != c and re.search(r"[\u4e00-\u9fff]", name) for c, name in chinese.items())
    translations.apply("en")
    assert all(category_name(c) == c for c in categories)
