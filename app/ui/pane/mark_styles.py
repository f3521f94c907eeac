"""How each kind of mark looks, built from the theme so that a scheme change only means rebuilding formats.

A style is `style(theme, mark) -> QTextCharFormat`; most kinds ignore the mark, partner passages use it to
pick their colour. Persistent kinds are drawn by the highlighter, transient kinds by extra selections.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCharFormat

from app.ui.common.theme import Theme
from app.ui.pane.span_highlighter import Mark

Style = Callable[[Theme, Mark], QTextCharFormat]


_Underline = QTextCharFormat.UnderlineStyle


def theme_style(
    background: str, foreground: str = "", underline: _Underline | None = None, underline_colour: str = ""
) -> Style:
    """A style that paints theme roles: background, optional foreground and underline."""

    def style(theme: Theme, _mark: Mark | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(theme.colour(background))
        if foreground:
            fmt.setForeground(theme.colour(foreground))
        if underline is not None:
            fmt.setUnderlineStyle(underline)
            fmt.setUnderlineColor(theme.colour(underline_colour))
        return fmt

    style.same_for_every_mark = True  # type: ignore[attr-defined]  # see ReadingPane._draw_layer
    return style


formula_format = theme_style(
    "formula.background", underline=_Underline.DotLine, underline_colour="formula.underline"
)


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
    "formula-passage": (theme_style("passage.formula.background", "passage.formula.foreground"), 1),
    "formula": (formula_format, 10),
    "diff": (theme_style("diff.background"), 15),
    "redaction": (theme_style("redaction.background", "redaction.foreground"), 20),
    # transient (extra selections): drawn in this order, later on top
    "current-passage": (
        theme_style(
            "passage.current.background",
            underline=_Underline.SingleUnderline,
            underline_colour="passage.current.outline",
        ),
        30,
    ),
    "find": (theme_style("find.background"), 40),
    "find-current": (theme_style("find.current.background", "find.current.foreground"), 41),
}
