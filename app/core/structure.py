"""Paragraphs and the heading outline, derived from the stored text (never stored twice).

Speeches number their parts `一、` → `（一）` → `1.` → `（1）`, and run enumerations inside paragraphs
as `一是…；二是…`. Some sources run whole speeches into one line with `　　` (two ideographic spaces)
between paragraphs, so that separator starts a paragraph too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇两"
_SEPARATOR_RE = re.compile(r"\n|\u3000{2,}")
_SPACE = " \t\u3000\u00a0"

#: (level, pattern) for headings at the start of a paragraph; the first that matches wins.
_HEADING_RULES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"第[{_CN_NUM}]{{1,4}}(?:部分|章|篇|编)")),
    (1, re.compile(rf"[{_CN_NUM}]{{1,3}}[、.．]")),
    (2, re.compile(rf"[（(][{_CN_NUM}]{{1,3}}[）)]")),
    (3, re.compile(r"\d{1,2}(?:[、．]|\.(?!\d))")),
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
)
_ENUM_RE = re.compile(rf"(?:(?<=^)|(?<=[。；;：:，,！？]))\s*([{_CN_NUM}]{{1,2}})是")
_TITLE_END_RE = re.compile(r"[。！？!?；;：:\n]")
_MAX_TITLE = 60


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its position in reading order and its span, trimmed of surrounding spaces."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Heading:
    """One outline entry. `label` is the numbering (`一、`, `（二）`, `一是`), `title` the heading text."""

    level: int
    start: int
    end: int
    label: str
    title: str
    paragraph: int


def paragraphs(text: str) -> list[Paragraph]:
    """Split the stored text into non-blank paragraphs."""
    result: list[Paragraph] = []
    pos = 0
    for separator in [*_SEPARATOR_RE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        piece = text[pos:end]
        stripped = piece.strip(_SPACE)
        if stripped:
            start = pos + len(piece) - len(piece.lstrip(_SPACE))
            result.append(Paragraph(len(result), start, start + len(stripped)))
        pos = separator.end() if separator else end
    return result


def _title_after(text: str, start: int, end: int) -> str:
    stop = _TITLE_END_RE.search(text, start, end)
    title_end = stop.start() if stop else end
    return text[start : min(title_end, start + _MAX_TITLE)].strip()


def outline(text: str, paras: list[Paragraph] | None = None) -> list[Heading]:
    """Headings and in-paragraph enumerations, in text order, with nesting levels."""
    paras = paragraphs(text) if paras is None else paras
    headings: list[Heading] = []
    deepest = 0
    for para in paras:
        level = 0
        for rule_level, pattern in _HEADING_RULES:
            match = pattern.match(text, para.start, para.end)
            if match:
                level = rule_level
                title = _title_after(text, match.end(), para.end)
                headings.append(Heading(level, para.start, para.end, match.group(), title, para.index))
                deepest = level
                break
        if level:
            continue
        items = list(_ENUM_RE.finditer(text, para.start, para.end))
        if len(items) >= 2 and items[0].group(1) == "一":
            for item in items:
                title = _title_after(text, item.end(), para.end)
                item_start = item.start(1)
                headings.append(
                    Heading(deepest + 1, item_start, para.end, item.group(1) + "是", title, para.index)
                )
    return headings


def paragraph_at(paras: list[Paragraph], offset: int) -> Paragraph | None:
    """The paragraph containing `offset`, by binary search."""
    lo, hi = 0, len(paras)
    while lo < hi:
        mid = (lo + hi) // 2
        if paras[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(paras) and paras[lo].start <= offset < paras[lo].end:
        return paras[lo]
    return None
