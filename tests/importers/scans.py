"""Page images of a text, as a scanner would make them: for the OCR tests and the CER measurement."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

#: A4 at 150 dpi, 2.5 cm margins, 12 pt type: about 33 characters a line, 36 lines a page.
DPI = 150
PAGE = (1240, 1754)
MARGIN = 148
FONT_PT = 12


def _wrap(text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        line = ""
        for ch in paragraph:
            if font.getlength(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


def render_pages(
    text: str, font_path: str, *, noisy: bool = False, seed: int = 7, max_pages: int = 99
) -> list[Any]:
    """Greyscale page images of `text` (wrapped at the margins); `noisy` adds speckles, blur and a 1.2° skew."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    size = round(FONT_PT * DPI / 72)
    font = ImageFont.truetype(font_path, size)
    lines = _wrap(text, font, PAGE[0] - 2 * MARGIN)
    per_page = (PAGE[1] - 2 * MARGIN) // round(size * 1.6)
    pages = []
    rng = random.Random(seed)
    for first in range(0, len(lines), per_page):
        image = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines[first : first + per_page]):
            draw.text((MARGIN, MARGIN + row * round(size * 1.6)), line, font=font, fill=20)
        if noisy:
            for _ in range(4000):
                x, y = rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
                draw.point((x, y), fill=rng.choice((0, 90, 160)))
            image = image.filter(ImageFilter.GaussianBlur(0.7)).rotate(
                1.2, fillcolor=235, resample=Image.BICUBIC
            )
        pages.append(image)
        if len(pages) == max_pages:
            break
    return pages


def page_lines(text: str, font_path: str, max_pages: int = 99) -> list[str]:
    """The lines `render_pages` draws (what OCR should read back)."""
    from PIL import ImageFont

    font = ImageFont.truetype(font_path, round(FONT_PT * DPI / 72))
    lines = _wrap(text, font, PAGE[0] - 2 * MARGIN)
    per_page = (PAGE[1] - 2 * MARGIN) // round(round(FONT_PT * DPI / 72) * 1.6)
    return lines[: per_page * max_pages]


def save_scanned_pdf(path: Path, pages: list[Any]) -> Path:
    """An image-only PDF, one page image per page (as a scanner's PDF is)."""
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path


def character_error_rate(recognised: str, reference: str) -> float:
    """Edit distance between the texts per reference character, without whitespace (line breaks fall where
    the page wraps) and with full-width forms read as their half-width ones (OCR reads "：" as ":"; NFKC)."""
    import unicodedata

    from rapidfuzz.distance import Levenshtein

    a, b = ("".join(unicodedata.normalize("NFKC", text).split()) for text in (recognised, reference))
    return Levenshtein.distance(a, b) / max(1, len(b))
