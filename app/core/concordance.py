"""Formula concordance and timeline: every use of one formula in context, and who used it when.

Counts mislead without context, so every count here comes with its KWIC lines (research/formulas.md §1.4,
§5). A formula is matched exactly as the reader marks it (app.core.formulas.detect): all its wordings, at
character level over the normalised view, quotes and list commas allowed inside, sentence ends not. A use
nested in a longer formula counts (中国特色社会主义 inside 习近平新时代中国特色社会主义思想). Pure functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.formulas.detect import APPROXIMATE_STATUSES, FormulaHit, FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry, match_key

#: Stands for a document without a date (or without a speaker, a genre) in the counts.
UNKNOWN = ""


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What the timeline groups by."""

    id: int
    title: str
    date: str
    speaker: str
    genre: str

    @property
    def year(self) -> str:
        return self.date[:4] if len(self.date) >= 4 and self.date[:4].isdigit() else UNKNOWN


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One use: the words before, the formula as written, the words after (line breaks shown as spaces)."""

    document_id: int
    start: int
    end: int
    left: str
    match: str
    right: str
    #: "canonical", "variant" or "outdated": which wording of the formula was used
    status: str


@dataclass(frozen=True, slots=True)
class GroupCount:
    """Documents using the formula and its uses, for one year, speaker or genre."""

    key: str
    documents: int
    uses: int


@dataclass(frozen=True, slots=True)
class FormulaStats:
    documents: int
    uses: int
    by_year: tuple[GroupCount, ...]
    by_speaker: tuple[GroupCount, ...]
    by_genre: tuple[GroupCount, ...]
    #: the earliest dated document using the formula (ties: the lowest id), if any is dated
    first: DocumentFacts | None


def entry_matcher(entry: FormulaEntry) -> FormulaMatcher:
    """A matcher for this one formula, so uses nested in longer formulas are not swallowed by them."""
    return FormulaMatcher([entry])


def find_uses(text: str, matcher: FormulaMatcher) -> list[FormulaHit]:
    """The formula's wordings as written (an inflected or abridged near-use is not counted as a use)."""
    return [h for h in matcher.lexicon_hits(text) if h.variant_status not in APPROXIMATE_STATUSES]


def _flat(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")


def kwic(document_id: int, text: str, hits: Iterable[FormulaHit], width: int = 20) -> list[KwicLine]:
    """Context lines for hits in one document's stored text."""
    return [
        KwicLine(
            document_id,
            hit.start,
            hit.end,
            _flat(text[max(0, hit.start - width) : hit.start]),
            _flat(hit.text),
            _flat(text[hit.end : hit.end + width]),
            hit.variant_status,
        )
        for hit in hits
    ]


#: Characters a formula may have inside it in a stored text that the normalised view drops: line breaks,
#: spaces, quote marks and list commas (增强“四个\n意识”, 不忘初心，牢记使命).
INSIDE_FORMULA = ("\n", " ", "\u3000", "\t", "“", "”", "‘", "’", '"', "'", "、", "，", ",")


def lookup_keys(entry: FormulaEntry) -> list[str]:
    """What a stored text, once stripped of `INSIDE_FORMULA`, must contain to possibly hold the formula:
    the matching form (normalised, punctuation-free) of each of its wordings."""
    return sorted({key for wording, _status in entry.forms() if (key := match_key(wording))})


def _groups(
    uses: Mapping[int, int], facts: Mapping[int, DocumentFacts], field: str
) -> tuple[GroupCount, ...]:
    documents: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for doc_id, n in uses.items():
        key = getattr(facts[doc_id], field) or UNKNOWN
        documents[key] += 1
        counts[key] += n
    order = sorted(documents) if field == "year" else sorted(documents, key=lambda k: (-counts[k], k))
    return tuple(GroupCount(k, documents[k], counts[k]) for k in order)


def aggregate(uses: Mapping[int, int], facts: Mapping[int, DocumentFacts]) -> FormulaStats:
    """Counts per year, speaker and genre of the documents using a formula (`uses`: id → number of uses)."""
    used = {doc_id: n for doc_id, n in uses.items() if n}
    dated = [facts[d] for d in used if facts[d].date]
    first = min(dated, key=lambda f: (f.date, f.id)) if dated else None
    return FormulaStats(
        documents=len(used),
        uses=sum(used.values()),
        by_year=_groups(used, facts, "year"),
        by_speaker=_groups(used, facts, "speaker"),
        by_genre=_groups(used, facts, "genre"),
        first=first,
    )


@dataclass(frozen=True, slots=True)
class FormulaTable:
    """Speeches × formulas: `counts[i][j]` uses of `formulas[j]` in `documents[i]` (nested uses included)."""

    documents: tuple[int, ...]
    formulas: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]


def formula_table(
    texts: Sequence[tuple[int, str]], matcher: FormulaMatcher, *, limit: int | None = None
) -> FormulaTable:
    """Count every lexicon formula in each text; columns are ordered by how many texts use them."""
    per_document: list[dict[str, int]] = []
    for _doc_id, text in texts:
        counts: dict[str, int] = defaultdict(int)
        for hit in matcher.lexicon_hits(text):
            if hit.variant_status not in APPROXIMATE_STATUSES:  # a near-use is no use, but what it holds is
                counts[hit.formula] += 1
            for inner in hit.contains:
                counts[inner] += 1
        per_document.append(counts)
    spread: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for counts in per_document:
        for formula, n in counts.items():
            spread[formula] += 1
            total[formula] += n
    formulas = sorted(spread, key=lambda f: (-spread[f], -total[f], f))[:limit]
    rows = tuple(tuple(counts.get(f, 0) for f in formulas) for counts in per_document)
    return FormulaTable(tuple(doc_id for doc_id, _t in texts), tuple(formulas), rows)
