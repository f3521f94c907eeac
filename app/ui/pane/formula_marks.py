"""Formula hits as reading-pane marks: their hover text, and the detection the reader runs by default.

A hit is any object with `start`/`end` in code points (app.core.formulas' FormulaHit); the tooltip reads
the fields it knows (`formula` = canonical wording, `text`, `source`, `variant_status`, `rule`,
`category`, `contains`) when present, and the lexicon entry (expansion, first year) through `entry_for`. "Used by N speeches" needs the
library, which the reader does not know about: the host passes `usage_count(canonical) -> int | None`; it
is called on hover, on the GUI thread, so it must be cheap (a cached count).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextCharFormat

from app.ui.common.theme import Theme
from app.ui.pane.mark_styles import formula_format
from app.ui.pane.span_highlighter import Mark

UsageCount = Callable[[str], "int | None"]
EntryLookup = Callable[[str], object]
FormulaProvider = Callable[[str], Sequence[Any]]


def _field(hit: object, *names: str) -> str:
    """The first non-empty attribute among `names`, on the hit or on its `entry`, as text."""
    for name in names:
        value = getattr(hit, name, None)
        if value:
            return str(value)
        entry = getattr(hit, "entry", None)
        value = getattr(entry, name, None) if entry is not None else None
        if value:
            return str(value)
    return ""


def formula_tooltip(hit: object, used_by: int | None = None, entry: object | None = None) -> str:
    """Rich-text hover for one hit: canonical form, the wording found, expansion, category, usage.

    `entry` is the lexicon entry of the hit's formula (for its expansion, year and note), when known.
    """
    canonical = _field(hit, "formula", "canonical")
    found = _field(hit, "text")
    rows = [f"<b>{html.escape(canonical or found)}</b>"]
    if _field(hit, "source") == "pattern":
        rule = _field(hit, "rule") or _field(hit, "category")
        candidate = QCoreApplication.translate("FormulaTooltip", "Candidate formula (pattern: {0})")
        rows.append(_italic(candidate.format(category_name(rule))))
    if found and canonical and _compact(found) != _compact(canonical):
        rows.append(html.escape(QCoreApplication.translate("FormulaTooltip", "Found as: {0}").format(found)))
    status = _field(hit, "variant_status", "status")
    if status == "outdated":
        rows.append(_italic(QCoreApplication.translate("FormulaTooltip", "Outdated wording")))
    elif status == "variant":
        rows.append(_italic(QCoreApplication.translate("FormulaTooltip", "Variant wording")))
    elif status == "abridged":
        rows.append(
            _italic(QCoreApplication.translate("FormulaTooltip", "Abridged wording (items left out)"))
        )
    elif status == "inflected":
        rows.append(
            _italic(
                QCoreApplication.translate(
                    "FormulaTooltip", "Inflected wording (a character added or dropped)"
                )
            )
        )
    expansion = _field(entry, "expansion") if entry is not None else _field(hit, "expansion")
    if expansion:
        rows.append(html.escape(expansion))
    category = _field(entry, "category") if entry is not None else ""
    category = category or (_field(hit, "category") if _field(hit, "source") != "pattern" else "")
    if category:
        rows.append(
            html.escape(
                QCoreApplication.translate("FormulaTooltip", "Category: {0}").format(category_name(category))
            )
        )
    year = _field(entry, "first_year") if entry is not None else ""
    if year:
        rows.append(
            html.escape(
                QCoreApplication.translate("FormulaTooltip", "In official use since {0}").format(year)
            )
        )
    contains = getattr(hit, "contains", ())
    if contains:
        rows.append(
            html.escape(
                QCoreApplication.translate("FormulaTooltip", "Contains: {0}").format("、".join(contains))
            )
        )
    if used_by is not None:
        rows.append(
            html.escape(
                QCoreApplication.translate("FormulaTooltip", "Used by {0} speeches in the library").format(
                    used_by
                )
            )
        )
    return "<br>".join(rows)


def _italic(text: str) -> str:
    return f"<i>{html.escape(text)}</i>"


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


#: Lexicon categories and pattern rules, listed so that lupdate offers them for translation.
CATEGORY_NAMES = (
    QT_TRANSLATE_NOOP("FormulaCategory", "concept"),
    QT_TRANSLATE_NOOP("FormulaCategory", "slogan"),
    QT_TRANSLATE_NOOP("FormulaCategory", "numbered"),
    QT_TRANSLATE_NOOP("FormulaCategory", "policy"),
    QT_TRANSLATE_NOOP("FormulaCategory", "boilerplate"),
    QT_TRANSLATE_NOOP("FormulaCategory", "plan"),
    QT_TRANSLATE_NOOP("FormulaCategory", "institution"),
    QT_TRANSLATE_NOOP("FormulaCategory", "historical"),
    QT_TRANSLATE_NOOP("FormulaCategory", "abbreviation"),
    QT_TRANSLATE_NOOP("FormulaCategory", "local"),
    QT_TRANSLATE_NOOP("FormulaCategory", "quoted"),
    QT_TRANSLATE_NOOP("FormulaCategory", "enumeration"),
    QT_TRANSLATE_NOOP("FormulaCategory", "parallel"),
    QT_TRANSLATE_NOOP("FormulaCategory", "reference"),
    QT_TRANSLATE_NOOP("FormulaCategory", "library"),
    QT_TRANSLATE_NOOP("FormulaCategory", "mined"),
)


def category_name(category: str) -> str:
    """A lexicon category or pattern rule in the interface language (one of CATEGORY_NAMES above)."""
    return QCoreApplication.translate("FormulaCategory", category) if category else ""


def formula_mark_tooltip(
    usage_count: UsageCount | None = None, entry_for: EntryLookup | None = None
) -> Callable[[Mark], str]:
    """The pane tooltip callback for formula marks (the hit is the mark's payload)."""

    def tooltip(mark: Mark) -> str:
        hit = mark.payload
        canonical = _field(hit, "formula", "canonical")
        used_by = usage_count(canonical) if usage_count is not None and canonical else None
        entry = entry_for(canonical) if entry_for is not None and canonical else None
        return formula_tooltip(hit, used_by, entry)

    return tooltip


def formula_style(theme: Theme, mark: Mark) -> QTextCharFormat:
    """Lexicon formulas get the tint and dotted underline; pattern candidates only a dashed underline."""
    if _field(mark.payload, "source") == "pattern":
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(theme.colour("formula.underline"))
        return fmt
    return formula_format(theme, mark)


def default_formula_provider() -> FormulaProvider | None:
    """Detection with the shipped lexicon and pattern rules, or None if the formula module is absent."""
    try:
        from app.core.formulas.shipped import default_matcher
    except ImportError:
        return None

    def detect(text: str) -> Sequence[Any]:
        return default_matcher().find(text)

    return detect


def default_entry_lookup() -> EntryLookup | None:
    """canonical → shipped lexicon entry (expansion, category, first year), or None without the module."""
    try:
        from app.core.formulas.shipped import shipped_lexicon
    except ImportError:
        return None

    @cache
    def entries() -> dict[str, object]:
        return {entry.canonical: entry for entry in shipped_lexicon().entries}

    def entry_for(canonical: str) -> object | None:
        return entries().get(canonical)

    return entry_for
