"""Scanned documents: PDFs whose pages have no text layer, and page images (.png, .jpg, .tif).

A PDF's text layer is always preferred; only a page without one (under `_MIN_LAYER_CHARS` characters: a
scanned page sometimes carries a stray page number) is rendered with PDFium and recognised (`ocr`). The
recognised lines come back with their spans and confidences, so the library can mark the text as OCR'd.
Pages are recognised one at a time: progress is reported and a cancel honoured after each.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from app.importers.base import Extracted, ImportFailure
from app.importers.limits import MAX_PAGES
from app.importers.ocr import Cancelled, PageText, Progress, recognise_pages
from app.importers.pdf import pdf_pages

#: Page images are rendered at this resolution: a 10.5 pt character is then about 30 pixels high.
RENDER_DPI = 200
#: Longest side of a rendered page or an image given to OCR, in pixels (a poster-sized page is scaled down).
MAX_SIDE = 4000
#: Pixels in one image: Pillow's own limit for decompression bombs is about 89 M; a 600 dpi A3 scan is 70 M.
MAX_PIXELS = 90_000_000
_MIN_LAYER_CHARS = 10


def _render(data: bytes, index: int) -> Any:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        width, height = page.get_size()
        scale = min(RENDER_DPI / 72, MAX_SIDE / max(width, height, 1))
        return page.render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()


def read_scanned_pdf(
    data: bytes, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> Extracted:
    """A PDF's text layer, with the pages that lack one recognised by OCR."""
    layers, title = pdf_pages(data)
    if len(layers) > MAX_PAGES:
        raise ImportFailure(f"too many pages ({len(layers):,}; the limit is {MAX_PAGES:,})")

    def pages() -> Iterator[PageText]:
        for index, layer in enumerate(layers):
            if len("".join(layer.split())) >= _MIN_LAYER_CHARS:
                yield PageText(layer)
            else:
                yield PageText(None, lambda index=index: _render(data, index), layer=layer)

    text, lines = recognise_pages(pages(), len(layers), progress, cancelled)
    if not text.strip():
        raise ImportFailure("no text layer and no text recognised (blank or unreadable scan)")
    return Extracted(text, title, ocr_lines=lines)


def _frames(data: bytes) -> tuple[int, Iterator[Any]]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise ImportFailure(
            f"too large when unpacked (an image of more than {MAX_PIXELS:,} pixels)"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImportFailure(f"not a readable image ({type(exc).__name__})") from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImportFailure(f"too large when unpacked (an image of {width}×{height} pixels)")
    count = getattr(image, "n_frames", 1)
    if count > MAX_PAGES:
        raise ImportFailure(f"too many pages ({count:,}; the limit is {MAX_PAGES:,})")

    def frames() -> Iterator[Any]:
        for index in range(count):
            try:
                image.seek(index)
                frame = ImageOps.exif_transpose(image.convert("RGB"))  # photos carry their rotation in EXIF
            except (OSError, ValueError, EOFError) as exc:
                raise ImportFailure(f"damaged image ({type(exc).__name__}: {exc})") from None
            if max(frame.size) > MAX_SIDE:
                frame.thumbnail((MAX_SIDE, MAX_SIDE))
            yield frame

    return count, frames()


def read_image(
    data: bytes, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> Extracted:
    """The text recognised in a page image (every page of a multi-page TIFF)."""
    count, frames = _frames(data)
    text, lines = recognise_pages(
        (PageText(None, lambda frame=frame: frame) for frame in frames), count, progress, cancelled
    )
    if not text.strip():
        raise ImportFailure("no text recognised in the image")
    return Extracted(text, ocr_lines=lines)
