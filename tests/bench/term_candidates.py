"""Candidate term spans, their string features and a linear scorer: the parts of the learned term detector
(issue 14, session 8) that would run in the app, kept in tests/bench because the model is not shipped — its
leave-one-round-out result is no gain by the issue's bar (`python -m tests.bench.term_model --loro`, note 14t8).

The lexicon and the shape rules find wordings somebody listed or a shape names; a fresh speech's misses are
one-off wordings of the text itself (加快转变经济发展方式, 以经济结构调整为主线, 适度规模经营). Candidates are
stretches of one clause that start at a clause boundary or after a governing word (坚持, 弘扬, 推进, 的, 把…) and
end at a clause boundary or before a joining word (的, 和, 是…), in text no other hit covers. Each is scored by a
linear model over string features (first and last characters, the words around it, its length, whether it recurs
in the text, how much of it is made of lexicon pieces, optionally in how many other corpus files it occurs);
`TermModel` only sums weights, so applying it needs no training library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

MIN_CHARS = 4
MAX_CHARS = 24
#: Characters a term never spans: sentence and clause marks, brackets, quotes, list commas, line breaks.
_SEGMENT = re.compile(r"[^，。；：！？、,.;:!?\s()（）《》〈〉“”‘’\"'【】\[\]—…·丨|/／]{4,}")
#: Words after which a term may start (governing verbs, prepositions, 的): a candidate starts at their end.
_OPENERS = (
    "坚持|弘扬|实现|推进|推动|促进|实施|实行|落实|贯彻|执行|加快|加强|完善|健全|建立|建设|深化|坚定|维护|发扬|"
    "继承|树立|形成|构建|发展|开展|保持|巩固|提高|增强|强化|确立|贯彻落实|全面|深入|积极|大力|不断|努力|"
    "坚决|按照|遵循|围绕|依照|根据|通过|作为|成为|就是|即|是|的|把|将|在|为|对|以|从|向|和|与|及|于|了|"
    "着|要|使|让|由|被"
)
_OPENER = re.compile(f"(?:{_OPENERS})")
#: Words before which a term may end (joining words, tails): a candidate ends at their start.
_CLOSER = re.compile(r"的|和|与|及|等|中|上|下|是|为|作为|方面|工作|问题|任务|要求|道路上|进程")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    #: why the candidate starts / ends where it does: "b" a segment boundary, else the opener / closer word
    opened_by: str
    closed_by: str


def candidates(text: str, covered: bytearray, lo: int = 0, hi: int | None = None) -> list[Candidate]:
    """Candidate term spans of `text[lo:hi]` that touch no character marked in `covered`."""
    found: list[Candidate] = []
    for segment in _SEGMENT.finditer(text, lo, len(text) if hi is None else hi):
        s0, s1 = segment.span()
        starts = {s0: "b"}
        ends = {s1: "b"}
        for m in _OPENER.finditer(text, s0, s1):
            if m.end() < s1:
                starts.setdefault(m.end(), m.group())
            if m.group() in "的和与及是为" and m.start() > s0:
                ends.setdefault(m.start(), m.group())
        for m in _CLOSER.finditer(text, s0 + MIN_CHARS, s1):
            ends.setdefault(m.start(), m.group())
        for start, opener in starts.items():
            for end, closer in ends.items():
                size = end - start
                if MIN_CHARS <= size <= MAX_CHARS and covered.find(1, start, end) == -1:
                    found.append(Candidate(start, end, opener, closer))
    return found


def _length_bucket(size: int) -> str:
    return str(size) if size <= 8 else "9-12" if size <= 12 else "13-16" if size <= 16 else "17+"


@dataclass(frozen=True, slots=True)
class KnownPieces:
    """Pieces of the lexicon's wordings: how much a candidate is made of official wording the lexicon knows."""

    grams: frozenset[str]
    heads: frozenset[str]
    tails: frozenset[str]

    @classmethod
    def of(cls, keys: Iterable[str]) -> KnownPieces:
        keys = [k for k in keys if len(k) >= PIECE]
        return cls(
            frozenset(k[i : i + PIECE] for k in keys for i in range(len(k) - PIECE + 1)),
            frozenset(k[:PIECE] for k in keys),
            frozenset(k[-PIECE:] for k in keys),
        )


#: Characters of a lexicon piece (`KnownPieces`).
PIECE = 4


def _known_features(body: str, known: KnownPieces) -> list[str]:
    grams = known.grams
    total = len(body) - PIECE + 1
    inside = sum(body[i : i + PIECE] in grams for i in range(total))
    share = inside / total
    out = ["k=0" if not inside else "k=all" if inside == total else "k=half" if share >= 0.5 else "k=some"]
    if body[:PIECE] in known.heads:
        out.append("k=head")
    if body[-PIECE:] in known.tails:
        out.append("k=tail")
    return out


def features(
    text: str, candidate: Candidate, known: KnownPieces | None = None, corpus: CorpusCounts | None = None
) -> list[str]:
    """The string features of one candidate (the model's weights are keyed by them)."""
    s, e = candidate.start, candidate.end
    body = text[s:e]
    size = e - s
    left = text[max(0, s - 2) : s]
    right = text[e : e + 2]
    repeats = text.count(body)
    out = [
        f"o={candidate.opened_by}",
        f"c={candidate.closed_by}",
        f"n={_length_bucket(size)}",
        f"h1={body[-1]}",
        f"h2={body[-2:]}",
        f"h3={body[-3:]}",
        f"f1={body[0]}",
        f"f2={body[:2]}",
        f"l1={left[-1:]}",
        f"l2={left}",
        f"r1={right[:1]}",
        f"r2={right}",
        f"rep={min(repeats, 3)}",
        f"h2n={body[-2:]}|{_length_bucket(size)}",
        f"oc={candidate.opened_by}|{candidate.closed_by}",
    ]
    if not _CJK.search(body[0]) or not _CJK.search(body[-1]):
        out.append("edge=noncjk")
    if any(ch.isdigit() for ch in body):
        out.append("digit")
    out += [f"b={body[i : i + 2]}" for i in range(size - 1)]
    if known is not None:
        out += _known_features(body, known)
    if corpus is not None:
        out.append(corpus(body))
    return out


#: The corpus feature of a candidate's text ("cf=…": in how many other documents it occurs), when one is known.
CorpusCounts = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class TermModel:
    """Weights keyed by feature string, a bias and the threshold a candidate's score must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feature_list: Iterable[str]) -> float:
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feature_list)

    def select(
        self,
        text: str,
        found: Sequence[Candidate],
        known: KnownPieces | None = None,
        corpus: CorpusCounts | None = None,
    ) -> list[tuple[Candidate, float]]:
        """The candidates at or above the threshold, best first, none overlapping another kept one."""
        scored = [(self.score(features(text, c, known, corpus)), c) for c in found]
        scored = [(v, c) for v, c in scored if v >= self.threshold]
        scored.sort(key=lambda vc: (-vc[0], vc[1].start, -vc[1].end))
        taken = bytearray(len(text))
        kept = []
        for value, c in scored:
            if taken.find(1, c.start, c.end) == -1:
                taken[c.start : c.end] = b"\x01" * (c.end - c.start)
                kept.append((c, value))
        kept.sort(key=lambda cv: cv[0].start)
        return kept


def write_model(path: Path, model: TermModel) -> None:
    """The weights file: `#bias`, `#threshold`, then one `feature<TAB>weight` line per feature, sorted."""
    lines = [f"#bias\t{model.bias:.6f}", f"#threshold\t{model.threshold:.6f}"]
    lines += [f"{name}\t{weight:.6f}" for name, weight in sorted(model.weights.items()) if weight]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
