"""A comparison as data for scripts: the JSON object of `duidu compare --json` and the passages CSV.

The JSON shape is the stable contract of DESIGN.md ("Command line"); keep keys and order as they are.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from app.core.passages import Comparison
from app.core.spreadsheet import neutralise_cell


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """What a report says about one compared document."""

    name: str
    text: str
    sha256: str


def comparison_json(documents: list[ReportDocument], comparison: Comparison) -> dict[str, Any]:
    return {
        "documents": [
            {"index": n, "name": d.name, "chars": len(d.text), "sha256": d.sha256}
            for n, d in enumerate(documents)
        ],
        "passages": [
            {
                "a": p.a,
                "b": p.b,
                "a_start": p.a_start,
                "a_end": p.a_end,
                "b_start": p.b_start,
                "b_end": p.b_end,
                "similarity": p.similarity,
                "kind": p.kind,
                "a_text": p.a_text,
                "b_text": p.b_text,
            }
            for p in comparison.passages
        ],
        "summary": [
            {"a": s.a, "b": s.b, "a_copy_ratio": s.a_copy_ratio, "b_copy_ratio": s.b_copy_ratio}
            for s in comparison.summary
        ],
    }


CSV_COLUMNS = (
    "a", "a_name", "a_start", "a_end", "b", "b_name", "b_start", "b_end", "similarity", "kind", "a_text", "b_text",
)  # fmt: skip


def passages_csv(documents: list[ReportDocument], comparison: Comparison) -> str:
    """One row per passage; UTF-8 with a BOM when written, so that Excel opens the Chinese right.
    Text that a spreadsheet would run as a formula is neutralised (`neutralise_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in comparison.passages:
        row = [
            p.a, documents[p.a].name, p.a_start, p.a_end,
            p.b, documents[p.b].name, p.b_start, p.b_end,
            p.similarity, p.kind, p.a_text, p.b_text,
        ]  # fmt: skip
        writer.writerow([neutralise_cell(cell) for cell in row])
    return out.getvalue()
