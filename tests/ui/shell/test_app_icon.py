"""The GUI's window icon is the drawn Duidu icon, at small and large sizes."""

from __future__ import annotations

from PySide6.QtCore import QSize

from app.ui.shell.app import app_icon


def test_app_icon_offers_small_and_large_sizes(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 256, 1024} <= sizes
    assert icon.pixmap(QSize(48, 48)).toImage().pixelColor(24, 24).alpha() > 0
