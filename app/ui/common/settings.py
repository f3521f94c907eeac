"""UI preferences: a typed registry of options over QSettings.

Domain data lives in the library; only how the window looks and where it was lives here. Every option is
declared once with its type and default, so callers get a `bool` back rather than the string `"true"`
that an INI-backed QSettings returns, and a missing or garbled value falls back to the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app.paths import data_dir
from app.ui.common.fonts import DEFAULT_POINT_SIZE

T = TypeVar("T")

MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One preference: where it is stored, its Python type and its default."""

    key: str
    kind: type
    default: T


REGISTRY: dict[str, Option[Any]] = {}


def _option(key: str, kind: type, default: T) -> Option[T]:
    option = Option(key, kind, default)
    REGISTRY[key] = option
    return option


#: "" follows the system locale; otherwise a locale name such as "zh_CN" or "en".
LANGUAGE = _option("ui/language", str, "")
#: "system", "light" or "dark".
THEME = _option("ui/theme", str, "system")
LAST_LIBRARY = _option("library/last", str, "")
RECENT_LIBRARIES = _option("library/recent", list, [])
DEMO_OFFERED = _option("library/demo_offered", bool, False)
GEOMETRY = _option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = _option("window/state", QByteArray, QByteArray())
SPLITTER_STATE = _option("window/splitter", QByteArray, QByteArray())
HEADER_STATE = _option("library/header", QByteArray, QByteArray())
#: The Discover formulas dock was open at the last quit (it is made on first use, so the window state alone
#: cannot bring it back).
DISCOVER_OPEN = _option("window/discover_open", bool, False)
SEARCH_DELAY_MS = _option("library/search_delay_ms", int, 250)
#: The library's search text and checked facet values ("facet<TAB>value") at the last quit.
LIBRARY_QUERY = _option("library/query", str, "")
LIBRARY_FACETS = _option("library/facets", list, [])
#: The compare view's knobs, as the user last left them (defaults: the engine's; a test keeps them equal).
COMPARE_MIN_CHARS = _option("compare/min_chars", int, 12)
COMPARE_MIN_SIMILARITY = _option("compare/min_similarity", float, 0.8)
COMPARE_COUNT_FORMULAS = _option("compare/count_formulas", bool, False)
COMPARE_SHOW_FORMULAS = _option("compare/show_formulas", bool, True)
COMPARE_SCROLL_LOCK = _option("compare/scroll_lock", bool, True)
#: The compare view's docks (passage list, diff, matrix) as last arranged: one state for pairs, one for 3+
#: speeches (only those have the matrix dock).
COMPARE_DOCKS_PAIR = _option("compare/docks_pair", QByteArray, QByteArray())
COMPARE_DOCKS_MANY = _option("compare/docks_many", QByteArray, QByteArray())
#: The reading text size the user last zoomed a reader to (every new reader opens at it).
READER_POINT_SIZE = _option("reader/point_size", float, DEFAULT_POINT_SIZE)
#: The outline's width beside the text, as the user last dragged it.
READER_SPLITTER = _option("reader/splitter", QByteArray, QByteArray())
#: The Trace dock's tab and filters, as the user last left them.
TRACE_TAB = _option("trace/tab", int, 0)
TRACE_HIDE_COMMON = _option("trace/hide_common", bool, False)
TRACE_SIMILAR_TOP = _option("trace/similar_top", int, 10)
TRACE_GROUPING = _option("trace/grouping", int, 0)
TRACE_MEASURE = _option("trace/measure", int, 0)
TRACE_NETWORK_SCOPE = _option("trace/network_scope", int, 0)
TRACE_NETWORK_THRESHOLD = _option("trace/network_threshold", int, 10)


def settings_path() -> Path:
    """An INI file next to the default library: portable, readable, and moved by DUIDU_HOME in tests."""
    return data_dir() / "settings.ini"


def _coerce(option: Option[T], raw: Any) -> T:
    kind = option.kind
    if kind is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in {"1", "true", "yes", "on"}  # type: ignore[return-value]
        return bool(raw)  # type: ignore[return-value]
    if kind is int:
        return int(raw)  # type: ignore[return-value]
    if kind is float:
        return float(raw)  # type: ignore[return-value]
    if kind is str:
        return str(raw)  # type: ignore[return-value]
    if kind is list:
        if isinstance(raw, str):  # INI stores a one-element list as a plain string
            return [raw] if raw else []  # type: ignore[return-value]
        return [str(item) for item in raw]  # type: ignore[return-value]
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
    raise TypeError(f"unsupported option type {kind!r}")


class Settings:
    """Typed access to the preferences; pass a QSettings to redirect them (tests do)."""

    def __init__(self, backend: QSettings | None = None) -> None:
        self.backend = backend or QSettings(str(settings_path()), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        raw = self.backend.value(option.key)
        if raw is None:
            return option.default
        try:
            return _coerce(option, raw)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.backend.setValue(option.key, _coerce(option, value))

    def reset(self, option: Option[Any]) -> None:
        self.backend.remove(option.key)

    def sync(self) -> None:
        self.backend.sync()

    def add_recent_library(self, path: str) -> list[str]:
        """Move `path` to the front of the recent list (deduplicated, bounded) and remember it as last."""
        recent = [path, *(p for p in self.get(RECENT_LIBRARIES) if p != path)][:MAX_RECENT]
        self.set(RECENT_LIBRARIES, recent)
        self.set(LAST_LIBRARY, path)
        return recent
