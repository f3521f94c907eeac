"""The compare view: 2–8 speeches side by side with linked, highlighted shared passages (issue 6)."""

from app.ui.compare.compute import CompareDocument, CompareResult, CompareSettings
from app.ui.compare.view import CompareView

__all__ = ["CompareDocument", "CompareResult", "CompareSettings", "CompareView"]
