"""Discovery of formulas no lexicon has yet, from corpus statistics over a library (research R7).

A formula is a string many *documents* use verbatim (document frequency, not raw frequency: twenty
repetitions in one speech are emphasis), that is a complete unit (a maximal repeat whose one-character
extensions are rarer, with diverse neighbours on both sides, and whose parts stick together) and that
is neither a classical idiom nor an ordinary dictionary word. Citation in quotes and numbered shapes
(两个维护, 三严三实) are the strongest single signals, so they weigh most.

Counting is level-wise over character n-grams inside Han runs (punctuation, digits, Latin text and
redactions are boundaries): an n-gram can only reach the document-frequency threshold when both its
(n−1)-grams do, so each level only looks at the positions the previous one kept — a few seconds for
the 3-million-character shared corpus instead of materialising every n-gram.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass

import ahocorasick

from app.core.formulas.patterns import HAN, NUM

_HAN_RUN_RE = re.compile(rf"[{HAN}]{{2,}}")
_QUOTED_RE = re.compile(rf"[“「『\"]([{HAN}]{{2,16}})[”」』\"]")
_SEPARATOR = "|"
#: Characters a formula does not start or end with (particles, pronouns, prepositions, measure words).
_EDGE_STOP = frozenset(
    "的了和与及是在对把被为以等中上下也都就而并其之这那我你他她它们要将从向到于由所有让使着过得地个"
)
_NUMBERED_RE = re.compile(rf"^[{NUM}双第]|[{NUM}][{HAN}]{{1,2}}[{NUM}双]|[{NUM}]个")
_ALL_NUMERIC_RE = re.compile(rf"^[{NUM}零〇年月日号]+$")

#: Page furniture (site headers, licence footers, sign-offs) sits at the start or end of documents.
_EDGE_HEAD = 150
_EDGE_TAIL = 300
_EDGE_SHARE = 0.6
_EDGE_PENALTY = 6.0
_SHORTLIST_FACTOR = 25

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class DiscoveryCancelled(Exception):
    """Raised when the caller's `cancelled()` returns True between counting levels."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate formula with the evidence for it; `docs` are the ids given by the caller."""

    text: str
    score: float
    df: int
    occurrences: int
    quoted_df: int
    docs: tuple[Hashable, ...]
    first_date: str
    context: str
    known: bool
    c_value: float
    entropy: float
    cohesion: float


@dataclass(frozen=True, slots=True)
class DiscoveryParams:
    min_df: int = 3
    min_len: int = 2
    max_len: int = 12
    limit: int = 200


def _han_runs(text: str) -> str:
    return _SEPARATOR.join(_HAN_RUN_RE.findall(text))


def _entropy(counts: Collection[int], total: int) -> float:
    """Branching entropy; occurrences whose neighbour was not counted are taken as all different."""
    if total <= 0:
        return 0.0
    known = sum(counts)
    h = -sum(c / total * math.log2(c / total) for c in counts if c)
    rest = max(total - known, 0)
    return h + (rest / total * math.log2(total) if rest else 0.0)


class _Levels:
    """Document frequency of every n-gram that reaches the threshold (and of every character).

    Only document frequencies are kept — raw occurrence counts would double the counting work and
    formulas are about spread across documents anyway — so branching entropy and cohesion are measured
    on documents too: how many documents continue 两个维 with 护, how many documents hold 维护.
    """

    def __init__(self, runs: list[str], params: DiscoveryParams, cancelled: Cancelled | None) -> None:
        self.df: dict[str, int] = {}
        self.by_level: dict[int, list[str]] = {}
        chars: Counter[str] = Counter()
        for s in runs:
            chars.update(set(s))
        chars.pop(_SEPARATOR, None)
        self.df.update(chars)
        self.documents = max(len(runs), 1)
        alive: list[list[int]] = [list(range(len(s) - 1)) for s in runs]
        for n in range(2, params.max_len + 2):
            if cancelled is not None and cancelled():
                raise DiscoveryCancelled
            df: Counter[str] = Counter()
            grams_per_doc = []
            for s, positions in zip(runs, alive, strict=True):
                if n == 2:
                    pairs = [(i, s[i : i + 2]) for i in positions]
                    starts = [i for i, g in pairs if _SEPARATOR not in g]
                    grams = [g for _i, g in pairs if _SEPARATOR not in g]
                else:
                    previous = set(positions)
                    starts = [i for i in positions if i + 1 in previous]
                    grams = [s[i : i + n] for i in starts]
                grams_per_doc.append((starts, grams))
                df.update(set(grams))
            frequent = {g for g, d in df.items() if d >= params.min_df}
            if not frequent:
                break
            self.by_level[n] = sorted(frequent)
            for g in frequent:
                self.df[g] = df[g]
            alive = [
                [i for i, g in zip(starts, grams, strict=True) if g in frequent]
                for starts, grams in grams_per_doc
            ]


def discover(
    documents: Sequence[tuple[Hashable, str, str]],
    *,
    idioms: Collection[str] = frozenset(),
    general_words: Collection[str] = frozenset(),
    known: Collection[str] = frozenset(),
    params: DiscoveryParams | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Candidate]:
    """Ranked candidate formulas over (doc_id, date, text) documents, best first.

    `known` are lexicon wordings in match-key form; they are kept (so that discovery can be judged
    against them) but flagged, so a UI can show only the new ones.
    """
    params = params or DiscoveryParams()
    total_steps = 4
    if progress:
        progress(0, total_steps)
    runs = [_han_runs(text) for _id, _date, text in documents]
    quoted: Counter[str] = Counter()
    for _id, _date, text in documents:
        quoted.update(set(_QUOTED_RE.findall(text)))
    levels = _Levels(runs, params, cancelled)
    if progress:
        progress(1, total_steps)

    # maximal repeats: an n-gram whose one-character extension has the same DF is a fragment of it
    fragments: set[str] = set()
    right: defaultdict[str, list[int]] = defaultdict(list)
    left: defaultdict[str, list[int]] = defaultdict(list)
    for n, grams in levels.by_level.items():
        if n < 3:
            continue
        for h in grams:
            d = levels.df[h]
            head, tail = h[:-1], h[1:]
            if levels.df.get(head) == d:
                fragments.add(head)
            if levels.df.get(tail) == d:
                fragments.add(tail)
            right[head].append(d)
            left[tail].append(d)

    pool = [
        g
        for n, grams in levels.by_level.items()
        if params.min_len <= n <= params.max_len
        for g in grams
        if g not in fragments and _plausible(g, levels.df[g], idioms, general_words, quoted)
    ]
    if progress:
        progress(2, total_steps)

    # a cheap first ranking (citation, shape, spread) picks the shortlist the costly measures look at
    def first_score(g: str) -> float:
        df = levels.df[g]
        return (
            2.5 * math.log2(1 + quoted[g])
            + (1.5 if _NUMBERED_RE.search(g) else 0.0)
            + (0.5 + min(quoted[g] / df, 1.0)) * math.log2(1 + df)
        )

    shortlist = sorted(pool, key=lambda g: (-first_score(g), g))[: params.limit * _SHORTLIST_FACTOR]
    if not shortlist:
        if progress:
            progress(total_steps, total_steps)
        return []
    nested_sum, nested_count = _nested_df(shortlist, pool, levels.df)
    scored = []
    for g in shortlist:
        df = levels.df[g]
        c_value = math.log2(len(g)) * (df - nested_sum[g] / nested_count[g] if nested_count[g] else df)
        entropy = min(_entropy(right[g], df), _entropy(left[g], df))
        cohesion = min(
            math.log2(df * levels.documents / (levels.df[g[:k]] * levels.df[g[k:]])) for k in range(1, len(g))
        )
        score = (
            first_score(g)
            + 0.8 * min(entropy, 4.0)
            + 0.1 * min(cohesion, 20.0)
            + 0.3 * math.log2(1 + max(c_value, 0.0))
            - (3.0 if len(g) == 2 and not quoted[g] else 0.0)
        )
        scored.append((score, g, df, c_value, entropy, cohesion))
    scored.sort(key=lambda c: (-c[0], c[1]))
    if progress:
        progress(3, total_steps)

    # evidence for the best ones only: which documents, where first, and whether it is page furniture
    top = scored[: params.limit * 3]
    first_at, counts = _first_occurrences([c[1] for c in top], [text for _id, _date, text in documents])
    ranked = []
    for score, g, df, c_value, entropy, cohesion in top:
        found = sorted(first_at.get(g, {}).items())
        at_edges = sum(_at_edge(documents[d][2], i, len(g)) for d, i in found)
        if found and at_edges / len(found) >= _EDGE_SHARE:
            score -= _EDGE_PENALTY
        ranked.append((score, g, df, c_value, entropy, cohesion, found))
    ranked.sort(key=lambda c: (-c[0], c[1]))

    result = []
    for score, g, df, c_value, entropy, cohesion, found in ranked[: params.limit]:
        found.sort(key=lambda f: (documents[f[0]][1] or "9999", f[0]))
        first, first_at = found[0] if found else (0, -1)
        result.append(
            Candidate(
                text=g, score=round(score, 3), df=df, occurrences=counts[g], quoted_df=quoted[g],
                docs=tuple(documents[d][0] for d, _i in found), first_date=documents[first][1],
                context=_context(documents[first][2], first_at, g), known=g in known,
                c_value=round(c_value, 2), entropy=round(entropy, 2), cohesion=round(cohesion, 2),
            )
        )  # fmt: skip
    if progress:
        progress(total_steps, total_steps)
    return result


def _nested_df(
    shortlist: list[str], pool: list[str], df: dict[str, int]
) -> tuple[Counter[str], Counter[str]]:
    """For each shortlisted a: the sum and number of DFs of pool candidates that contain it (C-value)."""
    automaton = ahocorasick.Automaton()
    for a in shortlist:
        automaton.add_word(a, a)
    automaton.make_automaton()
    total: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for b in pool:
        for a in {a for _end, a in automaton.iter(b) if a != b}:
            total[a] += df[b]
            count[a] += 1
    return total, count


def _first_occurrences(
    candidates: list[str], texts: list[str]
) -> tuple[dict[str, dict[int, int]], Counter[str]]:
    """candidate → {document index: first offset}, and occurrence counts, in one pass over every text."""
    automaton = ahocorasick.Automaton()
    for g in candidates:
        automaton.add_word(g, g)
    automaton.make_automaton()
    first: dict[str, dict[int, int]] = {}
    counts: Counter[str] = Counter()
    for d, text in enumerate(texts):
        for end, g in automaton.iter(text):
            first.setdefault(g, {}).setdefault(d, end + 1 - len(g))
            counts[g] += 1
    return first, counts


def _plausible(
    g: str, df: int, idioms: Collection[str], general_words: Collection[str], quoted: Counter[str]
) -> bool:
    if g[0] in _EDGE_STOP or g[-1] in _EDGE_STOP or _ALL_NUMERIC_RE.match(g) or g in idioms:
        return False
    # an ordinary word counts only when the documents keep citing it as a term (“菜篮子”, “一刀切”)
    return g not in general_words or (quoted[g] >= 2 and quoted[g] >= 0.3 * df)


def _at_edge(text: str, index: int, length: int) -> bool:
    return index < _EDGE_HEAD or index + length > len(text) - _EDGE_TAIL


def _context(text: str, index: int, g: str, width: int = 24) -> str:
    """One line around an occurrence (Han runs are contiguous in the text, so `find` is exact)."""
    if index < 0:
        return g
    line = text[max(0, index - width) : index + len(g) + width]
    return " ".join(line.split())
