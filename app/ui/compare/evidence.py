"""What makes an exported comparison checkable later: each text's file name and hash, parameters, version, time.

Shared by the HTML and the PDF export, so both print the same evidence.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app import __version__
from app.reports.comparison import ReportDocument
from app.ui.compare.compute import CompareDocument, CompareResult


def report_documents(result: CompareResult) -> list[ReportDocument]:
    return [ReportDocument(file_name(d), d.text, d.sha256) for d in result.documents]


def file_name(document: CompareDocument) -> str:
    """The file a text came from, or its library id and title when it was not opened from a file."""
    name = Path(document.path).name if document.path else document.name
    if document.doc_id is not None and not document.path:
        name = f"#{document.doc_id} {document.meta.title or document.name}".strip()
    return name


def evidence(result: CompareResult, generated: datetime) -> dict[str, object]:
    """Parameters plus version and time, as the reports print them."""
    return {
        **result.settings.describe(),
        "duidu version": __version__,
        "generated (UTC)": generated.isoformat(timespec="seconds"),
    }
