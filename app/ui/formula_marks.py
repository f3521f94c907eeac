"""Formula hits as reading-pane marks: their hover text, and the detection the reader runs by default.

A hit is any object with `start`/`end` in code points (app.core.formulas' FormulaHit); the tooltip reads
the fields it knows (`formula` = canonical wording, `text`, `expansion`, `category`, `status`, `source`)
when present, so the reader keeps working while the formula module evolves. "Used by N speeches" needs the
library, which the reader does not know about: the host passes `usage_count(canonical) -> int | None`; it
is called on hover, on the GUI thread, so it must be cheap (a cached count).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.ui.span_highlighter import Mark

UsageCount = Callable[[str], "int | None"]
FormulaProvider = Callable[[str], Sequence[Any]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormulaTooltip", text)


def _field(hit: object, *names: str) -> str:
    for name in names:
        value = getattr(hit, name, None)
        if value:
            return str(value)
        entry = getattr(hit, "entry", None)
        value = getattr(entry, name, None) if entry is not None else None
        if value:
            return str(value)
    return ""


def formula_tooltip(hit: object, used_by: int | None = None) -> str:
    """Rich-text hover for one hit: canonical form, the wording found, expansion, category, usage."""
    canonical = _field(hit, "formula", "canonical")
    found = _field(hit, "text")
    rows = [f"<b>{html.escape(canonical or found)}</b>"]
    if found and canonical and found != canonical:
        rows.append(html.escape(_tr("Found as: {0}").format(found)))
    status = _field(hit, "status")
    if status == "outdated":
        rows.append(f"<i>{html.escape(_tr('Outdated wording'))}</i>")
    expansion = _field(hit, "expansion")
    if expansion:
        rows.append(html.escape(expansion))
    category = _field(hit, "category")
    if category:
        rows.append(html.escape(_tr("Category: {0}").format(category)))
    if used_by is not None:
        rows.append(html.escape(_tr("Used by {0} speeches in the library").format(used_by)))
    return "<br>".join(rows)


def formula_mark_tooltip(usage_count: UsageCount | None = None) -> Callable[[Mark], str]:
    """The pane tooltip callback for formula marks (the hit is the mark's payload)."""

    def tooltip(mark: Mark) -> str:
        hit = mark.payload
        canonical = _field(hit, "formula", "canonical")
        used_by = usage_count(canonical) if usage_count is not None and canonical else None
        return formula_tooltip(hit, used_by)

    return tooltip


def default_formula_provider() -> FormulaProvider | None:
    """Detection with the shipped lexicon, or None while app.core.formulas offers no detector."""
    try:
        from app.core.formulas import detect  # type: ignore[attr-defined]
    except ImportError:
        return None
    return detect  # type: ignore[no-any-return]
