"""The compare view's exports as commands: write the HTML or PDF report to a path (tests, scripts), or ask
the user where (the toolbar's Export HTML… and Export PDF…).

The export code (app.ui.compare.export: the report, Qt's PDF writer) loads on the first export, not with
the view. The view mixes these in; they read its `result`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.compare.compute import CompareResult


class ExportCommands:
    """The export half of CompareView (which sets `result`)."""

    result: CompareResult | None

    def export_html(self, path: str | Path) -> Path:
        from app.ui.compare.export import export_html

        if self.result is None:
            raise RuntimeError("nothing to export yet")
        return export_html(self.result, path)

    def export_pdf(self, path: str | Path) -> Path:
        from app.ui.compare.export import export_pdf

        if self.result is None:
            raise RuntimeError("nothing to export yet")
        return export_pdf(self.result, path)

    def ask_export_html(self) -> None:
        from app.ui.compare.export import ask_and_export

        ask_and_export(self, "html")

    def ask_export_pdf(self) -> None:
        from app.ui.compare.export import ask_and_export

        ask_and_export(self, "pdf")
