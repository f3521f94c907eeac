"""Window colours for a forced light or dark appearance where the platform cannot switch by itself.

Windows and macOS restyle the whole application when the colour scheme changes; other platforms (many Linux
desktops, the offscreen platform) ignore the request and keep a light palette, which would put the reader's
dark-mode marks on white paper. In that case we install a palette of our own for the chosen scheme.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: Base (text areas, lists) is a little lighter than Window: Fusion outlines check boxes with a darker
#: shade of Window, which would vanish on a darker Base.
_DARK = {
    QPalette.ColorRole.Window: "#252525",
    QPalette.ColorRole.WindowText: "#E6E6E6",
    QPalette.ColorRole.Base: "#2D2D2D",
    QPalette.ColorRole.AlternateBase: "#333333",
    QPalette.ColorRole.ToolTipBase: "#3A3A3A",
    QPalette.ColorRole.ToolTipText: "#F0F0F0",
    QPalette.ColorRole.PlaceholderText: "#8C8C8C",
    QPalette.ColorRole.Text: "#E6E6E6",
    QPalette.ColorRole.Button: "#363636",
    QPalette.ColorRole.ButtonText: "#E6E6E6",
    QPalette.ColorRole.BrightText: "#FF6B6B",
    QPalette.ColorRole.Light: "#474747",
    QPalette.ColorRole.Midlight: "#3C3C3C",
    QPalette.ColorRole.Mid: "#2F2F2F",
    QPalette.ColorRole.Dark: "#191919",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2F65CA",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#8AB4F8",
    QPalette.ColorRole.LinkVisited: "#C58AF9",
}
_DARK_DISABLED = "#7A7A7A"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def ensure_palette(preference: str) -> None:
    """Make the widgets' palette match a forced "light" or "dark"; "system" leaves it to the platform."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    app.setPalette(QPalette())  # the platform's own palette (following its scheme where it can)
    if preference not in ("light", "dark") or is_dark(app.palette()) == (preference == "dark"):
        return
    if preference == "dark":
        app.setPalette(dark_palette())
    else:
        from PySide6.QtWidgets import QApplication

        if isinstance(app, QApplication):  # the platform insists on dark: the style's light palette
            app.setPalette(app.style().standardPalette())
