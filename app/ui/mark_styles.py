"""How each kind of mark looks, built from the theme so that a scheme change only means rebuilding formats.

A style is `style(theme, mark) -> QTextCharFormat`; most kinds ignore the mark, partner passages use it to
pick their colour. Persistent kinds are drawn by the highlighter, transient kinds by extra selections.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCharFormat

from app.ui.span_highlighter import Mark
from app.ui.theme import Theme

Style = Callable[[Theme, Mark], QTextCharFormat]


def formula_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("formula.background"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(theme.colour("formula.underline"))
    return fmt


def redaction_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("redaction.background"))
    fmt.setForeground(theme.colour("redaction.foreground"))
    return fmt


def find_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("find.background"))
    return fmt


def find_current_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("find.current.background"))
    fmt.setForeground(theme.colour("find.current.foreground"))
    return fmt


def current_passage_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("passage.current.background"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(theme.colour("passage.current.outline"))
    return fmt


def formula_passage_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("passage.formula.background"))
    fmt.setForeground(theme.colour("passage.formula.foreground"))
    return fmt


def diff_format(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(theme.colour("diff.background"))
    return fmt


def partner_style(index: int) -> Style:
    """Style for passages shared with partner `index` (one colour per partner or per passage pair)."""

    def style(theme: Theme, _mark: Mark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(theme.partner_colour(index))
        return fmt

    return style


#: Default style and stacking priority per kind (higher priorities are merged last, so they win).
DEFAULT_STYLES: dict[str, tuple[Style, int]] = {
    "passage": (partner_style(0), 0),
    "formula-passage": (formula_passage_format, 1),
    "formula": (formula_format, 10),
    "diff": (diff_format, 15),
    "redaction": (redaction_format, 20),
    # transient (extra selections): drawn in this order, later on top
    "current-passage": (current_passage_format, 30),
    "find": (find_format, 40),
    "find-current": (find_current_format, 41),
}
