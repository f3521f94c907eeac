"""Optical character recognition of page images, offline, for scanned PDFs and photographed speeches.

RapidOCR runs PaddleOCR's Chinese models (PP-OCRv6 detection and recognition) on onnxruntime; its wheel
ships the models. We hand it their paths inside the package, because with no path it checks and, when a
file is missing, downloads — Duidu never touches the network, so a missing model is an error instead.

Each page yields its lines top to bottom, each with the recogniser's confidence; `recognise_pages`
joins them like the PDF importer joins its text layer (a line per line, pages one after another) and
records the span of every recognised line, so the reader can say which text came from OCR.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.core.model import OCR_TAG
from app.importers.base import ImportFailure, OcrLine

__all__ = ["OCR_TAG", "OcrCancelled", "OcrUnavailable", "describe_ocr", "recognise", "recognise_pages"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Models inside the rapidocr package (see packaging/duidu_bundle.py, which ships them).
MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
#: Lines recognised with less confidence than this are noise (stains, stamps, bleed-through).
MIN_CONFIDENCE = 0.5
#: Two boxes whose vertical centres differ by less than this share of their height are one line.
_SAME_LINE = 0.5
_lock = threading.Lock()  # one recogniser, used by one import at a time


class OcrUnavailable(ImportFailure):
    """This installation has no OCR engine or models."""


class OcrCancelled(ImportFailure):
    """The user cancelled the import while pages were being recognised."""


@dataclass(frozen=True, slots=True)
class RecognisedLine:
    text: str
    confidence: float
    top: float
    bottom: float
    left: float


def model_dir() -> Path:
    """Where rapidocr keeps its models (inside the package, in a checkout and in the frozen bundle)."""
    try:
        import rapidocr
    except ImportError as exc:
        raise OcrUnavailable(f"no OCR engine in this installation ({exc.name} missing)") from None
    return Path(rapidocr.__file__).parent / "models"


@cache
def _engine() -> Any:
    folder = model_dir()
    params: dict[str, Any] = {"Global.log_level": "error", "Global.use_cls": False}
    for part, name in MODEL_FILES.items():
        path = folder / name
        if not path.is_file():
            raise OcrUnavailable(f"OCR model missing from this installation: {name}")
        params[f"{part}.model_path"] = str(path)
    from rapidocr import RapidOCR

    return RapidOCR(params=params)


def recognise(image: Any) -> list[RecognisedLine]:
    """The text lines of one page image (a PIL image), top to bottom, left to right within a line."""
    with _lock:
        output = _engine()(image.convert("RGB"))
    boxes = getattr(output, "boxes", None)
    if boxes is None or output.txts is None:
        return []
    found = []
    for box, text, score in zip(boxes, output.txts, output.scores, strict=True):
        if not text.strip() or float(score) < MIN_CONFIDENCE:
            continue
        ys = [float(point[1]) for point in box]
        xs = [float(point[0]) for point in box]
        found.append(RecognisedLine(text.strip(), float(score), min(ys), max(ys), min(xs)))
    return _in_reading_order(found)


def _in_reading_order(boxes: list[RecognisedLine]) -> list[RecognisedLine]:
    """Boxes on one line (overlapping vertically) joined left to right; lines top to bottom."""
    rows: list[list[RecognisedLine]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        centre, height = (box.top + box.bottom) / 2, box.bottom - box.top
        if rows:
            last = rows[-1][0]
            if abs(centre - (last.top + last.bottom) / 2) < _SAME_LINE * max(height, last.bottom - last.top):
                rows[-1].append(box)
                continue
        rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        text = "".join(box.text for box in row)
        confidence = min(box.confidence for box in row)
        lines.append(RecognisedLine(text, confidence, row[0].top, row[0].bottom, row[0].left))
    return lines


@dataclass(frozen=True)
class PageText:
    """One page: its text layer, or None when it has none and must be recognised from `image()`."""

    text: str | None
    image: Callable[[], Any] | None = None
    #: A page too short of text to trust as its text layer (a stray page number, a one-word title page)
    #: still has it: kept when OCR finds nothing on the page.
    layer: str = ""


def recognise_pages(
    pages: Iterable[PageText],
    total: int,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[str, tuple[OcrLine, ...]]:
    """Text of all pages (one page after another, a line break between) and the spans of OCR'd lines.

    `progress(done, total)` is called after each page; `cancelled()` is asked before each page that needs
    recognising, and `OcrCancelled` raised when it says so.
    """
    parts: list[str] = []
    spans: list[OcrLine] = []
    length = 0
    for done, page in enumerate(pages, start=1):
        if page.text is not None:
            lines = [(line, None) for line in page.text.strip("\n").split("\n")] if page.text.strip() else []
        else:
            if cancelled is not None and cancelled():
                raise OcrCancelled("cancelled while recognising text (OCR)")
            assert page.image is not None
            lines = [(line.text, line.confidence) for line in recognise(page.image())]
            if not lines and page.layer.strip():
                lines = [(line, None) for line in page.layer.strip("\n").split("\n")]
        for text, confidence in lines:
            if parts:
                parts.append("\n")
                length += 1
            if confidence is not None:
                spans.append(OcrLine(length, length + len(text), round(confidence, 4)))
            parts.append(text)
            length += len(text)
        if progress is not None:
            progress(done, total)
    return "".join(parts), tuple(spans)


def describe_ocr(lines: tuple[OcrLine, ...]) -> str:
    """The note an OCR'd document carries: how much was recognised and how sure the recogniser was."""
    mean = sum(line.confidence for line in lines) / len(lines)
    lowest = min(line.confidence for line in lines)
    return (
        f"Text recognised by OCR: {len(lines)} lines, mean confidence {mean:.2f}, lowest {lowest:.2f}. "
        "Check quotations against the original scan."
    )
