"""The colour table: complete for both schemes, a distinct partner palette, and live scheme switching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from app.ui.common.theme import COLOURS, Theme


def test_every_role_has_light_and_dark_values():
    for role, (light, dark) in COLOURS.items():
        assert QColor(light).isValid() and QColor(dark).isValid(), role


def test_partner_palette_has_eight_distinct_colours_in_both_schemes(qapp):
    theme = Theme()
    for preference in ("light", "dark"):
        theme.set_preference(preference)
        colours = {theme.partner_colour(i).name() for i in range(theme.partner_count())}
        assert len(colours) == theme.partner_count() >= 8
    assert theme.partner_colour(8) == theme.partner_colour(0)


def test_follows_the_system_scheme_unless_overridden(qtbot):
    theme = Theme()
    hints = QGuiApplication.styleHints()
    with qtbot.waitSignal(theme.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.dark
    assert theme.colour("find.background") == QColor(COLOURS["find.background"][1])
    theme.set_preference("light")
    assert not theme.dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    theme.set_preference("system")
    assert not theme.dark
