"""Dates as Chinese official texts write them, turned into (possibly partial) ISO strings.

Speeches date themselves as `2023年4月12日`, `２０２３年４月１２日` (full-width), `二〇二三年四月十二日`
(Chinese numerals, with `〇` or `○`), `2023-04-12`, `2023.4.12` or `2023/4/12`. The library stores
`2023-04-12`, `2023-04` or `2023`, so partial dates sort with full ones as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: `str.translate` with a table looks up every character in Python; most texts have no full-width digit.
_HAS_FULL_WIDTH_DIGIT = re.compile("[０-９]")
_CN_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN = "〇○零Ｏ一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"

_NUMERIC_RE = re.compile(
    r"(?<!\d)(?P<y>1[89]\d\d|20\d\d)\s*(?:"
    r"年\s*(?:(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
    r"|(?P<sep>[-./／])(?P<m2>\d{1,2})(?!\d)(?:(?P=sep)(?P<d2>\d{1,2})(?!\d))?)"
)
_CHINESE_RE = re.compile(
    rf"(?P<y>[{_CN}]{{4}})年(?:(?P<m>[{_CN_SMALL}]{{1,2}})月(?:(?P<d>[{_CN_SMALL}]{{1,3}})[日号])?)?"
)

_MIN_YEAR, _MAX_YEAR = 1840, 2100


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a text: where it is and its ISO form (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)."""

    start: int
    end: int
    iso: str

    @property
    def has_day(self) -> bool:
        return len(self.iso) == 10


def _small_number(numeral: str) -> int:
    """十 → 10, 十二 → 12, 二十 → 20, 二十六 → 26, 三十一 → 31, 九 → 9."""
    if "十" not in numeral:
        return _CN_DIGIT.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, units = numeral.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def find_dates(text: str, *, year_only: bool = False) -> Iterator[DateMatch]:
    """Every date in `text`, in order. Bare years (`2014年`) only when `year_only` is set, since
    running text mentions years far more often than it dates itself by them."""
    folded = text.translate(_FULL_WIDTH_DIGITS) if _HAS_FULL_WIDTH_DIGIT.search(text) else text
    # (same length either way, so offsets stay valid)
    found: list[DateMatch] = []
    for match in _NUMERIC_RE.finditer(folded):
        month = _int(match["m"] or match["m2"])
        day = _int(match["d"] or match["d2"])
        if match["sep"] and match["sep"] != "-" and day is None:
            continue  # `2023.4` is more often a decimal or a version than a month
        iso = _iso(int(match["y"]), month, day)
        if iso and (month is not None or year_only):
            found.append(DateMatch(match.start(), match.end(), iso))
    for match in _CHINESE_RE.finditer(folded):
        year = int("".join(str(_CN_DIGIT[ch]) for ch in match["y"]))
        month = _small_number(match["m"]) if match["m"] else None
        day = _small_number(match["d"]) if match["d"] else None
        iso = _iso(year, month, day)
        if iso and (month is not None or year_only):
            found.append(DateMatch(match.start(), match.end(), iso))
    yield from sorted(found, key=lambda m: m.start)


def first_date(text: str, *, year_only: bool = False) -> DateMatch | None:
    """The first date in `text`, preferring one that has at least a month."""
    return next(find_dates(text, year_only=year_only), None)


def parse_date(text: str) -> str:
    """The ISO form of a date written on its own (user input, index files); '' when there is none."""
    match = first_date(text.strip(), year_only=True)
    return match.iso if match else ""
