"""The compare view: 2–8 speeches side by side with linked, highlighted shared passages (issue 6).

Names load on first use, so that `attach_compare` at GUI start-up does not pull in the engine and view.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.ui.compare.compute import CompareDocument, CompareResult, CompareSettings
    from app.ui.compare.view import CompareView

_HOMES = {
    "CompareDocument": "app.ui.compare.compute",
    "CompareResult": "app.ui.compare.compute",
    "CompareSettings": "app.ui.compare.compute",
    "CompareView": "app.ui.compare.view",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'app.ui.compare' has no attribute {name!r}")


__all__ = ["CompareDocument", "CompareResult", "CompareSettings", "CompareView"]
