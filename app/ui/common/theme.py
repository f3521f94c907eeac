"""One colour table for every mark Duidu draws, with a light and a dark value for each role.

Widgets never hard-code a colour: they ask the `Theme` for a role and rebuild their formats when it emits
`changed`, which happens when the system switches between light and dark (QStyleHints.colorScheme) or the
user overrides it in the preferences ("system", "light", "dark").

Partner documents in the compare view get colours from Paul Tol's "light" scheme, designed to stay
distinguishable with the common colour-vision deficiencies and to sit behind black text; in dark mode the
same hues are blended into the dark background so that white text stays readable and a partner keeps its
hue across schemes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication

#: role → (light, dark)
COLOURS: dict[str, tuple[str, str]] = {
    # Formulas (提法): a faint tint plus a dotted underline, so they stay visible on top of passage colours.
    "formula.background": ("#F1E6F7", "#3B2F46"),
    "formula.underline": ("#7B3294", "#C9A3E3"),
    # Redaction runs (**, ××, 某某) look like a censor bar but stay legible.
    "redaction.background": ("#5F6368", "#A9AEB4"),
    "redaction.foreground": ("#FFFFFF", "#111111"),
    # Find results: all hits, and the current one.
    "find.background": ("#FFE36E", "#6B5A00"),
    "find.current.background": ("#FF9A3C", "#E08A2E"),
    "find.current.foreground": ("#000000", "#000000"),
    # The passage the user is looking at (compare view), and the characters that differ inside a near-copy.
    "passage.current.background": ("#CFE2FF", "#26476F"),
    "passage.current.outline": ("#1F5FAD", "#8AB4F8"),
    "passage.formula.background": ("#EBEBEB", "#3A3A3A"),
    "passage.formula.foreground": ("#6B6B6B", "#A8A8A8"),
    "diff.background": ("#FF9E9E", "#8A3030"),
    # Messages next to a field that refused its input (the details dialog's date).
    "error.foreground": ("#C62828", "#FF8A80"),
    # Paragraph gutter.
    "gutter.number": ("#8A8A8A", "#7E7E7E"),
    "gutter.heading": ("#1F5FAD", "#8AB4F8"),
}

#: Paul Tol's "light" qualitative scheme without its pale grey (grey is taken by formula passages).
PARTNER_BASE = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")
_LIGHT_PAPER = QColor("#FFFFFF")
_DARK_PAPER = QColor("#1E1E1E")

PREFERENCES = ("system", "light", "dark")


def blend(colour: QColor, onto: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `onto` (0 gives `onto`, 1 gives `colour`)."""
    return QColor.fromRgbF(
        colour.redF() * amount + onto.redF() * (1 - amount),
        colour.greenF() * amount + onto.greenF() * (1 - amount),
        colour.blueF() * amount + onto.blueF() * (1 - amount),
    )


class Theme(QObject):
    """The current scheme and its colours; one shared instance per application (see `current_theme`)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preference = "system"
        self._system_dark = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            hints = app.styleHints()
            self._system_dark = hints.colorScheme() == Qt.ColorScheme.Dark
            hints.colorSchemeChanged.connect(self.on_color_scheme_changed)
        self._dark = self._resolve()

    @property
    def dark(self) -> bool:
        return self._dark

    @property
    def preference(self) -> str:
        return self._preference

    def set_preference(self, preference: str) -> None:
        """Follow the system ("system") or force "light" / "dark"."""
        if preference not in PREFERENCES:
            raise ValueError(f"theme must be one of {PREFERENCES}, not {preference!r}")
        self._preference = preference
        self._update()

    def on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system switched between light and dark (QStyleHints.colorSchemeChanged)."""
        self._system_dark = scheme == Qt.ColorScheme.Dark
        self._update()

    def _resolve(self) -> bool:
        if self._preference != "system":
            return self._preference == "dark"
        return self._system_dark

    def _update(self) -> None:
        dark = self._resolve()
        if dark != self._dark:
            self._dark = dark
            self.changed.emit()

    def colour(self, role: str) -> QColor:
        return QColor(_role_colour(role, self._dark))  # a copy: callers may change it

    def partner_colour(self, index: int) -> QColor:
        """Background for partner document `index` (wraps after the palette's eight colours)."""
        return QColor(_partner_colour(index % len(PARTNER_BASE), self._dark))  # a copy: callers may change it

    def partner_count(self) -> int:
        return len(PARTNER_BASE)


@cache
def _role_colour(role: str, dark: bool) -> QColor:
    light, dark_colour = COLOURS[role]
    return QColor(dark_colour if dark else light)


@cache
def _partner_colour(slot: int, dark: bool) -> QColor:
    # Blended once per slot and scheme: a comparison of eight long speeches asks for thousands of them.
    base = QColor(PARTNER_BASE[slot])
    return blend(base, _DARK_PAPER, 0.5) if dark else blend(base, _LIGHT_PAPER, 0.75)


_THEME: Theme | None = None


def current_theme() -> Theme:
    """The application's theme, created on first use (after the QApplication exists)."""
    global _THEME
    if _THEME is None:
        _THEME = Theme()
    return _THEME
