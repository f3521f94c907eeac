"""The library signal: a wording that many speeches of different speakers use in the same form is a formula.

No lexicon keeps up with new slogans (自信自强、守正创新，踔厉奋发、勇毅前行 appeared in 2022), but a library
of speeches shows them: they recur verbatim across speakers, while ordinary prose does not. The unit is a
clause (text between punctuation, list commas kept inside) or a chain of two to four short clauses (slogans
are written 4+4 or 3+3+3); a unit counts when at least `min_docs` other documents of at least `min_groups`
other groups (speakers; collections when no speaker is known) contain it whole, and it is not an idiom, a
dictionary word or genre furniture (各位代表, 谢谢大家). Repetition inside one speech is emphasis and one
speaker's habits are a style, so both are ignored.

Pure functions over texts; app.store builds the counts from a library, the eval from the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from app.core.formulas.patterns import HAN, PatternHit

#: Punctuation that ends a clause; 、 and quote marks stay inside a unit.
_CLAUSE_RE = re.compile(rf"[{HAN}、“”‘’]+")
_QUOTES = re.compile(r"[“”‘’、]")
#: A single clause needs this many characters (four-character clauses are mostly plain words: 扎实工作).
_MIN_CHARS = 5
_MAX_CHARS = 24
#: Clauses of a slogan chain are short (4+4, 3+3+3, 自信自强、守正创新，踔厉奋发、勇毅前行).
_CHAIN_CLAUSE = 8
_CHAIN_MAX = 4
#: First characters of a clause that is a sentence's tail, not a wording (的…, 和…, 是…).
_BAD_START = frozenset(
    "的了和与及是在对把被为以等也都就而并其之这那我你他她它们要将从向到于由所让使着过得地个年月日"
)
_BAD_END = frozenset("的了和与及是在对把被为以等也都就而并其之这那要将从向到于由所让使着过得地")
#: Genre furniture every speech of a kind has: addresses, thanks, procedure.
_FURNITURE_RE = re.compile(
    r"^(?:各位|同志们|朋友们|女士们|先生们|谢谢|现在|下面|首先|最后|其次|同时|此外|总之|今天|大家)"
)

MIN_DOCS = 3
_TAIL_CHARS = 300
MIN_GROUPS = 2


def units(text: str) -> list[tuple[int, int, str]]:
    """Candidate wordings of a text: clauses and chains of short clauses, as (start, end, key)."""
    clauses = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(text)]
    found = []
    for i, (start, end) in enumerate(clauses):
        key = _QUOTES.sub("", text[start:end])
        if _MIN_CHARS <= len(key) <= _MAX_CHARS:
            found.append((start, end, key))
        if len(key) > _CHAIN_CLAUSE:
            continue
        chain_key = key
        for j in range(i + 1, min(i + _CHAIN_MAX, len(clauses))):
            s, e = clauses[j]
            gap = text[clauses[j - 1][1] : s]
            part = _QUOTES.sub("", text[s:e])
            if len(part) > _CHAIN_CLAUSE or gap not in ("，", "、", ","):
                break
            chain_key += part
            if len(chain_key) > _MAX_CHARS:
                break
            found.append((start, e, chain_key))
    return found


@dataclass
class UnitCounts:
    """In how many documents, and in which groups' documents, each unit key occurs."""

    docs: Counter[str] = field(default_factory=Counter)
    groups: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, group: str, text: str) -> None:
        # The end of a document is sign-offs, sources and licence notes (Wikisource footers): not counted.
        for key in {k for _s, e, k in units(text) if e <= len(text) - _TAIL_CHARS}:
            self.docs[key] += 1
            self.groups[key][group] += 1


def count_units(documents: Iterable[tuple[str, str]]) -> UnitCounts:
    """Unit counts over (group, text) pairs: the group is the speaker, or whatever stands in for one."""
    counts = UnitCounts()
    for group, text in documents:
        counts.add(group, text)
    return counts


@dataclass(frozen=True)
class LibrarySignal:
    """Unit counts plus the filters that keep the wordings that are formulas, not words or furniture."""

    counts: UnitCounts
    idioms: Collection[str] = frozenset()
    common_words: Collection[str] = frozenset()
    min_docs: int = MIN_DOCS
    min_groups: int = MIN_GROUPS
    #: only slogan-like units: chains of short clauses or 、-lists (single clauses are mostly stock prose)
    chains_only: bool = True

    def is_formula(self, key: str, own_group: str | None = None) -> bool:
        """Whether `key` is used by ≥ min_docs other documents of ≥ min_groups other groups; the document
        asking (of `own_group`) is taken out of the counts when it is part of them."""
        docs = self.counts.docs.get(key, 0)
        if docs < self.min_docs:
            return False
        groups = self.counts.groups[key]
        if own_group is not None:
            docs -= 1
            others = sum(1 for g, n in groups.items() if g != own_group or n > 1)
        else:
            others = len(groups)
        return docs >= self.min_docs and others >= self.min_groups and plausible(key, self)

    def hits(self, text: str, own_group: str | None = None) -> list[PatternHit]:
        """Library formulas in a text (longest first on overlaps is left to the caller's resolver)."""
        return [
            PatternHit(start, end, key, "library")
            for start, end, key in units(text)
            if (not self.chains_only or _is_chain(text, start, end)) and self.is_formula(key, own_group)
        ]


def _is_chain(text: str, start: int, end: int) -> bool:
    return any(ch in "，,、" for ch in text[start:end])


def plausible(key: str, signal: LibrarySignal) -> bool:
    """A unit that can be a formula: not an idiom or dictionary word, no function word at its edges."""
    return not (
        key in signal.idioms
        or key in signal.common_words
        or key[0] in _BAD_START
        or key[-1] in _BAD_END
        or _FURNITURE_RE.match(key) is not None
    )
