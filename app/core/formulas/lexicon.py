"""The formula lexicon: entries, the TSV format they are shipped and exchanged in, and merging.

The TSV is hand-edited by people (the shipped file) and round-tripped by users (export, edit in a
spreadsheet, import), so a bad row must never lose the rest: it is reported with its line number and
skipped. The functions here are pure (text in, dataclasses out); only `load_lexicon` touches a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from app.core.normalize import REDACTION, normalize
from app.core.spreadsheet import neutralise_cell, restore_cell

COLUMNS = (
    "canonical",
    "variants",
    "outdated",
    "expansion",
    "category",
    "first_year",
    "first_year_source",
    "note",
)
HEADER = "#" + "\t".join(COLUMNS)
_LIST_SEPARATOR = "|"
#: Separators between the items of a list formula (政治意识、大局意识…; 守初心、担使命，找差距、抓落实).
_ITEM_SPLIT = re.compile(r"[、，,；;]")
#: Shortest abridged list (in matched characters) that still says which formula it is.
MIN_ABRIDGED_CHARS = 6
_YEAR_RANGE = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class FormulaEntry:
    """One formula: its canonical wording, the other wordings that count as it, and what it means."""

    canonical: str
    variants: tuple[str, ...] = ()
    #: outdated or non-canonical wordings; hits on them are flagged so analysts see the deviation
    outdated: tuple[str, ...] = ()
    expansion: str = ""
    category: str = ""
    #: earliest verified official use; None means "first seen in the library"
    first_year: int | None = None
    first_year_source: str = ""
    note: str = ""

    def forms(self) -> tuple[tuple[str, str], ...]:
        """(wording, status) for every wording that counts as this formula."""
        return (
            (self.canonical, "canonical"),
            *((v, "variant") for v in self.variants),
            *((v, "outdated") for v in self.outdated),
        )

    def abridged_forms(self) -> tuple[tuple[str, str], ...]:
        """A list formula cited with items left out at either end (守初心、担使命 of 守初心、担使命，找差距、
        抓落实; 读原著学原文 of 读原著、学原文、悟原理): every run of at least two consecutive items of a
        list of three or more, if it keeps `MIN_ABRIDGED_CHARS` characters to match."""
        parts = [p for p in _ITEM_SPLIT.split(self.canonical) if p]
        if len(parts) < 3 or self.category == "boilerplate" or any(q in self.canonical for q in "“”「」"):
            return ()  # a sentence of quoted formulas (增强“四个意识”…) leaves them to be found one by one
        runs = (
            "、".join(parts[i:j])
            for i in range(len(parts))
            for j in range(i + 2, len(parts) + 1)
            if j - i < len(parts)
        )
        return tuple((run, "abridged") for run in runs if len(match_key(run)) >= MIN_ABRIDGED_CHARS)


@dataclass(frozen=True, slots=True)
class LexiconProblem:
    """A row that could not be loaded (1-based line number in the TSV)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class LoadedLexicon:
    """The entries that loaded and the rows that did not."""

    entries: tuple[FormulaEntry, ...] = ()
    problems: tuple[LexiconProblem, ...] = field(default_factory=tuple)


@lru_cache(maxsize=65536)
def match_key(wording: str) -> str:
    """The form a wording is matched in: the normalised view without punctuation."""
    return normalize(wording, keep_punctuation=False).text


#: Characters at either end of a wording that must not lie inside a known wording (`overlap_test`).
_OVERLAP = 6


def overlap_test(known: Iterable[str]) -> Callable[..., bool]:
    """A test for wordings a lexicon already finds: equal to, inside, or holding a known wording (keys
    compared without punctuation), or starting or ending inside one (its first or last `_OVERLAP`
    characters are in a known wording, away from that wording's edge: 习近平同志为总书记的党中央|周围).
    With `alone=True` only an equal or held wording counts (a short label also used on its own); with
    `named=True` as well, a wording that holds known ones only at its start (社会主义民主|政治, 全民健身|运动)
    does not count: it names a longer label, which the matcher prefers, while a known wording further in
    (大力发展|循环经济, 奉行|独立自主的和平外交政策) follows a governing verb (GUIDE §2)."""
    import ahocorasick  # only the miner and the lexicon's first build ask this

    keys = {match_key(k) for k in known}
    automaton = ahocorasick.Automaton()
    for k in keys:
        automaton.add_word(k, k)
    if keys:
        automaton.make_automaton()

    def overlaps(wording: str, alone: bool = False, named: bool = False) -> bool:
        key = match_key(wording)
        if key in keys or (keys and any(not named or end + 1 > len(k) for end, k in automaton.iter(key))):
            return True
        if alone:
            return False
        head, tail = key[:_OVERLAP], key[-_OVERLAP:]
        return any(
            key in k or (head in k and not k.startswith(head)) or (tail in k and not k.endswith(tail))
            for k in keys
        )

    return overlaps


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(_LIST_SEPARATOR) if part.strip())


def _parse_row(fields: list[str]) -> FormulaEntry:
    if len(fields) > len(COLUMNS):
        raise ValueError(f"{len(fields)} columns, at most {len(COLUMNS)} expected")
    values = dict(zip(COLUMNS, (restore_cell(f.strip()) for f in fields), strict=False))
    canonical = values.get("canonical", "")
    if not canonical:
        raise ValueError("empty canonical text")
    year_text = values.get("first_year", "")
    first_year = None
    if year_text:
        if not year_text.isdigit() or int(year_text) not in _YEAR_RANGE:
            raise ValueError(f"first_year {year_text!r} is not a year")
        first_year = int(year_text)
    entry = FormulaEntry(
        canonical=canonical,
        variants=_split_list(values.get("variants", "")),
        outdated=_split_list(values.get("outdated", "")),
        expansion=values.get("expansion", ""),
        category=values.get("category", ""),
        first_year=first_year,
        first_year_source=values.get("first_year_source", ""),
        note=values.get("note", ""),
    )
    for wording, _status in entry.forms():
        key = match_key(wording)
        if not key:
            raise ValueError(f"wording {wording!r} has no characters left to match")
        if REDACTION in key:
            raise ValueError(f"wording {wording!r} contains a redaction marker")
    return entry


def parse_lexicon_tsv(text: str) -> LoadedLexicon:
    """Parse lexicon TSV text; bad rows and wordings claimed twice are reported, the rest kept."""
    entries: list[FormulaEntry] = []
    problems: list[LexiconProblem] = []
    owner: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = _parse_row(line.split("\t"))
        except ValueError as exc:
            problems.append(LexiconProblem(number, str(exc)))
            continue
        keys = [match_key(w) for w, _s in entry.forms()]
        if match_key(entry.canonical) in owner and owner[match_key(entry.canonical)] == entry.canonical:
            problems.append(LexiconProblem(number, f"duplicate entry {entry.canonical!r}"))
            continue
        clash = next((k for k in keys if owner.get(k, entry.canonical) != entry.canonical), None)
        if clash is not None:
            problems.append(LexiconProblem(number, f"{clash!r} already belongs to {owner[clash]!r}"))
            continue
        owner.update(dict.fromkeys(keys, entry.canonical))
        entries.append(entry)
    return LoadedLexicon(tuple(entries), tuple(problems))


def _clean_field(value: str) -> str:
    """One line without tabs, safe to open in a spreadsheet (`parse_lexicon_tsv` undoes the latter)."""
    return str(neutralise_cell(" ".join(value.replace("\t", " ").splitlines())))


def lexicon_to_tsv(entries: Iterable[FormulaEntry]) -> str:
    """Serialise entries in the format `parse_lexicon_tsv` reads (header line included)."""
    lines = [HEADER]
    for e in entries:
        row = (
            e.canonical,
            _LIST_SEPARATOR.join(e.variants),
            _LIST_SEPARATOR.join(e.outdated),
            e.expansion,
            e.category,
            "" if e.first_year is None else str(e.first_year),
            e.first_year_source,
            e.note,
        )
        lines.append("\t".join(_clean_field(v) for v in row))
    return "\n".join(lines) + "\n"


def load_lexicon(path: Path) -> LoadedLexicon:
    """Read a lexicon TSV file (UTF-8, BOM tolerated)."""
    return parse_lexicon_tsv(path.read_text(encoding="utf-8-sig"))


def merge_entries(
    base: Iterable[FormulaEntry], overrides: Iterable[FormulaEntry], removed: Iterable[str] = ()
) -> tuple[FormulaEntry, ...]:
    """User entries over the shipped ones: same canonical text replaces, `removed` canonicals drop out.

    Wordings an override claims are taken away from the shipped entries, so that a user can move a
    variant from one formula to another without creating a clash.
    """
    gone = set(removed)
    overrides = [o for o in overrides if o.canonical not in gone]
    claimed = {match_key(w) for o in overrides for w, _s in o.forms()}
    by_canonical = {o.canonical: o for o in overrides}
    merged: list[FormulaEntry] = []
    for entry in base:
        if entry.canonical in gone or entry.canonical in by_canonical:
            continue
        if match_key(entry.canonical) in claimed:
            continue
        variants = tuple(v for v in entry.variants if match_key(v) not in claimed)
        outdated = tuple(v for v in entry.outdated if match_key(v) not in claimed)
        if (variants, outdated) != (entry.variants, entry.outdated):
            entry = replace(entry, variants=variants, outdated=outdated)
        merged.append(entry)
    merged.extend(by_canonical.values())
    return tuple(merged)


def parse_idioms(text: str) -> frozenset[str]:
    """The idiom list (`word<TAB>DF` per line, THUOCL format): a negative filter for formulas."""
    words = (line.split("\t", 1)[0].strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))
