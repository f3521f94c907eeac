"""The reading font: the platform's own CJK family, never a bundled one.

Windows has Microsoft YaHei, macOS PingFang SC, Linux usually Noto Sans CJK or WenQuanYi. We pick the first
installed family of that list (or the user's override) and hand Qt the whole list as fallbacks, so a
character missing from the first font is still drawn from the next instead of as a box.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

CJK_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Hiragino Sans GB",
    "SimSun",
    # Extension B and beyond (𠀋 U+2000B): Windows ships these separately from the main families.
    "SimSun-ExtB",
    "MingLiU-ExtB",
    "Songti SC",
)
DEFAULT_POINT_SIZE = 13.0


def available_cjk_families(override: str = "") -> list[str]:
    """The preferred families that are installed, the override first."""
    installed = set(QFontDatabase.families())
    wanted = [override, *CJK_FAMILIES] if override else list(CJK_FAMILIES)
    return [family for family in wanted if family in installed]


def reading_font(point_size: float = DEFAULT_POINT_SIZE, override: str = "") -> QFont:
    """A font for Chinese body text at `point_size`, with the other CJK families as fallbacks."""
    families = available_cjk_families(override) or list(CJK_FAMILIES)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
