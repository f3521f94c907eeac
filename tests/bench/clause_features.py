"""A learned detector of clause-level formulas: 排比 members and mottos (issue 14, session 8).

The rule shapes (frames, clause_frames, couplets, slogans) each see one fixed shape; a fresh text's 排比 runs and
speech mottos come in shapes no rule lists. Here every clause of the text (split at ，；。！？： and line ends)
gets features of itself and of its neighbours — length, shared first/last characters with the clause before
and after, equal length, runs of three such siblings, 、 items, ordinal openers, what ends it, whether a rule
already hit it — and two logistic models (parallel, slogan) trained on the annotated set
(`python -m tests.bench.clause_model --write`) score it. A clause scoring over the threshold is a hit; clauses
of one sentence that score over it in a row are one hit (GUIDE §1.3: a clause-level 排比 is one span).

Everything is numpy over all clauses at once (one array of code points per text); a model is saved as a small
JSON file (`ClauseModel.to_json`). NOT wired into `FormulaMatcher`: judged leave-one-round-out
(`python -m tests.bench.clause_model --loro`), no threshold gains recall on every round without losing precision
(notes/14p8.md), so the detector ships without it; `clause_hits` is how a model that passes would be applied
(`FormulaMatcher.find` takes its hits through the `library` argument in the bench).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.formulas.patterns import PatternHit

#: Clause ends: a formula clause never runs over one (、 stays inside: it joins a clause's items).
_ENDS = "，,；;。！？!?：:\n"
_SENTENCE_ENDS = "。！？!?\n"
#: What a clause may open with that is not its wording (quote marks, spaces, a dash, brackets).
_LEAD = ' \u3000\t“”"‘’「」『』—-（）()《》'
_ORDINALS = "一二三四五六七八九十"
_DUN = ord("、")
#: Clause ends inside a sentence: clauses over the threshold on both sides of one make one hit.
_JOINING = frozenset(map(ord, "，,；;"))
_DE = ord("的")
#: Rules whose hits the clause model learns to complete (its "already hit" feature).
SHAPE_RULES = frozenset(("parallel", "enumeration", "frame", "slogan"))
KINDS = ("parallel", "slogan")
_LENGTH_BINS = (2, 4, 5, 7, 9, 13, 21, 41)
#: hash buckets of a clause's first and of its last character (a prime, so that neighbouring code points spread)
_BUCKETS = 101


def _codes(chars: str) -> np.ndarray:
    return np.frombuffer(chars.encode("utf-32-le"), dtype="<u4")


_END_CODES = _codes(_ENDS)
_SENTENCE_CODES = _codes(_SENTENCE_ENDS)
_LEAD_CODES = _codes(_LEAD)
_ORDINAL_CODES = _codes(_ORDINALS)


@dataclass(frozen=True, slots=True)
class Clauses:
    """The clauses of a text (trimmed of leading quote marks and dashes) and their feature matrix."""

    starts: np.ndarray
    ends: np.ndarray
    #: the character after each clause (its end punctuation; 0 at the end of the text)
    after: np.ndarray
    #: the shape columns (the first `len(FEATURE_NAMES) - 2 * _BUCKETS` names)
    dense: np.ndarray
    #: the hash buckets of each clause's first and last character (one-hot columns, kept as indices)
    opens: np.ndarray
    closes: np.ndarray

    @property
    def features(self) -> np.ndarray:
        """The whole feature matrix, columns in `FEATURE_NAMES` order (for training: scoring needs only the
        indices of the character columns)."""
        lexical = np.zeros((len(self.starts), 2 * _BUCKETS))
        rows = np.arange(len(self.starts))
        lexical[rows, self.opens] = 1.0
        lexical[rows, _BUCKETS + self.closes] = 1.0
        return np.hstack((self.dense, lexical))


def _shift(values: np.ndarray, by: int, fill: int = -1) -> np.ndarray:
    """values moved by `by` places (positive: each row sees the row `by` before it)."""
    out = np.full_like(values, fill)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def _run_member(same_as_previous: np.ndarray) -> np.ndarray:
    """Rows in a run of ≥ 3 consecutive rows that are each the same (by some test) as the row before."""
    third = same_as_previous & _shift(same_as_previous.astype(np.int8), 1, 0).astype(bool)
    return (
        third
        | _shift(third.astype(np.int8), -1, 0).astype(bool)
        | _shift(third.astype(np.int8), -2, 0).astype(bool)
    )


def clause_features(
    text: str, rule_spans: Sequence[tuple[int, int]] = (), other_spans: Sequence[tuple[int, int]] = ()
) -> Clauses:
    """Every clause of `text` with its features (columns in `FEATURE_NAMES` order); `rule_spans` are the shape
    rules' hits, `other_spans` the other hits of the detector (lexicon, quoted, numbered, reference)."""
    codes = _codes(text).astype(np.int32)
    size = len(codes)
    bounds = np.flatnonzero(np.isin(codes, _END_CODES))
    starts = np.concatenate(([0], bounds + 1))
    ends = np.concatenate((bounds, [size]))
    for _ in range(3):  # leading quote marks, dashes and spaces are not the clause's wording
        lead = (starts < ends) & np.isin(codes[np.minimum(starts, size - 1)], _LEAD_CODES)
        starts = starts + lead
    keep = ends - starts >= 2
    starts, ends = starts[keep], ends[keep]
    after = np.where(ends < size, codes[np.minimum(ends, size - 1)], 0)
    before = np.where(starts > 0, codes[np.maximum(starts - 1, 0)], 0)
    n = len(starts)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Clauses(starts, ends, after, np.zeros((0, len(FEATURE_NAMES) - 2 * _BUCKETS)), empty, empty)
    length = ends - starts
    padded = np.concatenate((codes, np.zeros(4, dtype=codes.dtype)))
    first, second, third = padded[starts], padded[starts + 1], padded[starts + 2]
    last, last2 = codes[ends - 1], codes[ends - 2]
    dun = np.concatenate(([0], np.cumsum(codes == _DUN)))
    de = np.concatenate(([0], np.cumsum(codes == _DE)))
    han = np.concatenate(([0], np.cumsum((codes >= 0x3400) & (codes <= 0x9FFF))))
    items = dun[ends] - dun[starts]
    non_han = length - (han[ends] - han[starts]) - items
    ruled_share = _covered(size, rule_spans, starts, ends)
    other_share = _covered(size, other_spans, starts, ends)
    sentence_end = np.isin(after, _SENTENCE_CODES) | (after == 0)
    sentence_start = np.isin(before, _SENTENCE_CODES) | (before == 0)
    same_first = first == _shift(first, 1)
    same_first2 = same_first & (second == _shift(second, 1))
    same_last = last == _shift(last, 1)
    same_last2 = same_last & (last2 == _shift(last2, 1))
    same_second = second == _shift(second, 1)
    same_third = third == _shift(third, 1)
    same_length = length == _shift(length, 1)
    near_length = np.abs(length - _shift(length, 1)) <= 1
    same_after = after == _shift(after, 1)
    ordinal = np.isin(first, _ORDINAL_CODES) & ((second == ord("是")) | (second == ord("要")))
    bins = np.digitize(length, _LENGTH_BINS)
    columns = [np.ones(n)]
    columns += [bins == b for b in range(len(_LENGTH_BINS) + 1)]
    for test in (
        same_first,
        same_first2,
        same_last,
        same_last2,
        same_second,
        same_third,
        same_length,
        near_length,
    ):
        nxt = _shift(test.astype(np.int8), -1, 0).astype(bool)  # the next clause is the same as this one
        columns += [test, nxt, test & nxt, _run_member(test & same_after)]
    heads = [padded[starts + k] for k in range(4)]
    tails = [codes[np.maximum(ends - 1 - k, starts)] for k in range(3)]
    prefix = _shared(heads, np.arange(n))
    suffix = _shared(tails, np.arange(n))
    columns += [prefix >= 2, prefix >= 3, suffix >= 2, suffix >= 3]
    # the leads of sibling paragraphs or points (一、… 第一，… ——…) are 排比 members far apart: each lead is
    # compared with the lead before it and after it
    short = length <= 3
    after_ordinal = _shift(
        (short & (np.isin(first, _ORDINAL_CODES) | (first == ord("第")))).astype(np.int8), 1, 0
    )
    lead = (
        (before == ord("\n"))
        | (before == ord("—"))
        | (after_ordinal.astype(bool) & (before == ord("，")))
        | ordinal
    )
    lead &= ~short
    leads = np.flatnonzero(lead)
    lead_prefix = np.zeros(n, dtype=np.int64)
    lead_suffix = np.zeros(n, dtype=np.int64)
    if len(leads) > 1:
        lead_prefix[leads] = _shared(heads, leads)
        lead_suffix[leads] = _shared(tails, leads)
    lead_length = np.zeros(n, dtype=bool)
    lead_length[leads] = np.abs(length[leads] - _shift(length[leads], 1)) <= 2
    point = lead & (lead_prefix >= 2)  # a lead that opens like the lead before or after it
    full_stop = np.isin(after, _codes("。！？!?"))
    sentence = np.cumsum(sentence_start)  # the clause's sentence, numbered in text order
    in_point = (np.bincount(sentence, weights=point & full_stop) > 0)[sentence]
    columns += [
        point & full_stop,
        point & (after == ord("\n")),
        point & np.isin(after, _codes("，,：:")),
        point & (non_han > 0),
        in_point & ~point,
        in_point & ~point & full_stop,
        lead,
        lead & sentence_end,
        lead_prefix >= 1,
        lead_prefix >= 2,
        lead_prefix >= 3,
        lead_suffix >= 1,
        lead_suffix >= 2,
        lead_length,
        (lead_prefix >= 2) & lead_length,
    ]
    columns += _list_columns(text, starts, ends)
    columns += [
        items > 0,
        items >= 2,
        items >= 3,
        (length - items) % np.maximum(items + 1, 1) == 0,
        ((length - items) == 4 * (items + 1)) & (items > 0),
        non_han > 0,
        non_han >= 3,
        de[ends] - de[starts] > 0,
        de[ends] - de[starts] >= 2,
        ordinal,
        before == ord("—"),
        sentence_start & sentence_end,
        sentence_start,
        sentence_end,
        before == ord("\n"),
        after == ord("\n"),
        np.isin(after, _codes("，,")),
        np.isin(after, _codes("；;")),
        np.isin(after, _codes("：:")),
        ruled_share > 0,
        ruled_share >= 0.5,
        other_share > 0,
        other_share >= 0.5,
        length == 4,
        length == 8,
    ]
    # which characters open and close the clause (hashed into buckets): the words 排比 members open with
    # (坚持, 共同, 我们要) and the ones plain clauses open with (全会, 尊敬的) are a lexical signal
    dense = np.column_stack(columns).astype(np.float64)
    return Clauses(starts, ends, after, dense, first % _BUCKETS, last % _BUCKETS)


_LIST_RE = re.compile(r"(?:[\u3400-\u9fff]{1,12}、){2,}[\u3400-\u9fff]{1,12}")


def _covered(size: int, spans: Sequence[tuple[int, int]], starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Share of each clause that the spans cover."""
    marks = np.zeros(size + 1, dtype=np.int32)
    for s, e in spans:
        marks[s] += 1
        marks[e] -= 1
    covered = np.concatenate(([0], np.cumsum(np.cumsum(marks)[:size] > 0)))
    return (covered[ends] - covered[starts]) / (ends - starts)


def _list_columns(text: str, starts: np.ndarray, ends: np.ndarray) -> list[np.ndarray]:
    """Features of the longest 、-list of ≥ 3 items in each clause: its items' lengths and what follows it
    (the list's first item is cut at the second's length when longer: 推进|美术馆、图书馆、…)."""
    n = len(starts)
    equal = np.zeros(n, dtype=bool)
    four = np.zeros(n, dtype=bool)
    near = np.zeros(n, dtype=bool)
    then_de = np.zeros(n, dtype=bool)
    share = np.zeros(n)
    for m in _LIST_RE.finditer(text):
        i = int(np.searchsorted(starts, m.start(), side="right")) - 1
        if i < 0 or m.end() > ends[i]:
            continue
        sizes = [len(item) for item in m.group().split("、")]
        inner = sizes[1:-1]
        span = len(m.group()) - max(0, sizes[0] - inner[0])
        if span / (ends[i] - starts[i]) <= share[i]:
            continue
        share[i] = span / (ends[i] - starts[i])
        equal[i] = len(set(inner)) == 1 and sizes[-1] >= inner[0] and sizes[0] >= inner[0]
        four[i] = equal[i] and inner[0] == 4
        near[i] = max(inner) - min(inner) <= 1
        tail = m.end() - sizes[-1] + inner[-1]  # where the last item ends at the inner items' length
        then_de[i] = tail < ends[i] and text[tail] == "的"
    return [equal, four, near, then_de, share >= 0.5, share >= 0.8]


def _shared(pieces: list[np.ndarray], rows: np.ndarray) -> np.ndarray:
    """For each of `rows`, how many of `pieces` (characters at the same place from the start or the end) it
    shares, from the first on, with the row before or after it in `rows` (the larger)."""
    before = np.ones(len(rows), dtype=bool)
    after = np.ones(len(rows), dtype=bool)
    count_before = np.zeros(len(rows), dtype=np.int64)
    count_after = np.zeros(len(rows), dtype=np.int64)
    for piece in pieces:
        own = piece[rows]
        before &= own == _shift(own, 1)
        after &= own == _shift(own, -1)
        count_before += before
        count_after += after
    return np.maximum(count_before, count_after)


_TESTS = ("first", "first2", "last", "last2", "second", "third", "length", "near_length")
FEATURE_NAMES = (
    "bias",
    *(f"len_bin{b}" for b in range(len(_LENGTH_BINS) + 1)),
    *(f"{t}_{w}" for t in _TESTS for w in ("prev", "next", "both", "run3")),
    "prefix2", "prefix3", "suffix2", "suffix3",
    "point_stop", "point_line", "point_comma", "point_non_han", "in_point", "in_point_last",
    "lead", "lead_sentence", "lead_prefix1", "lead_prefix2", "lead_prefix3", "lead_suffix1", "lead_suffix2",
    "lead_length", "lead_prefix2_length",
    "list_equal", "list_four", "list_near", "list_de", "list_half", "list_most",
    "dun1", "dun2", "dun3", "equal_items", "four_char_items", "non_han", "non_han3", "de1", "de2", "ordinal",
    "dash", "whole_sentence", "sentence_start", "sentence_end", "line_start", "line_end", "comma_after",
    "semicolon_after", "colon_after", "ruled", "ruled_half", "other", "other_half", "len4", "len8",
    *(f"opens_{b}" for b in range(_BUCKETS)), *(f"closes_{b}" for b in range(_BUCKETS)),
)  # fmt: skip


def unruled(clauses: Clauses) -> np.ndarray:
    """Clauses no hit of the detector touches: the model learns, and hits, only those (a longer model hit would
    swallow the lexicon's and the rules' finds inside it)."""
    return (clauses.dense[:, _RULED] == 0) & (clauses.dense[:, _OTHER] == 0)


_RULED = FEATURE_NAMES.index("ruled")
_OTHER = FEATURE_NAMES.index("other")


@dataclass(frozen=True, slots=True)
class ClauseModel:
    """Weights of the two logistic models (one row per kind in `KINDS`) and the hit threshold."""

    weights: np.ndarray
    threshold: float

    def scores(self, clauses: Clauses) -> np.ndarray:
        """Probability of each kind (columns) for each clause (rows)."""
        dense = len(FEATURE_NAMES) - 2 * _BUCKETS
        w = self.weights
        logits = (
            clauses.dense @ w[:, :dense].T
            + w[:, dense + clauses.opens].T
            + w[:, dense + _BUCKETS + clauses.closes].T
        )
        return 1.0 / (1.0 + np.exp(-logits))

    def to_json(self) -> str:
        rows = {
            kind: dict(zip(FEATURE_NAMES, map(_rounded, w), strict=True))
            for kind, w in zip(KINDS, self.weights, strict=True)
        }
        return json.dumps({"threshold": self.threshold, "weights": rows}, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, payload: str) -> ClauseModel:
        data = json.loads(payload)
        weights = np.array(
            [[data["weights"][k][name] for name in FEATURE_NAMES] for k in KINDS], dtype=np.float64
        )
        return cls(weights, float(data["threshold"]))


def _rounded(value: float) -> float:
    return round(float(value), 4)


def clause_hits(
    text: str, found: Sequence[PatternHit], model: ClauseModel, other: Sequence[tuple[int, int]] = ()
) -> list[PatternHit]:
    """Clauses (and runs of clauses of one sentence) the model scores over its threshold, as pattern hits of
    the kind that scores higher; `found` are the rules' hits and `other` the lexicon's spans (features, and no
    clause they touch is a hit)."""
    ruled = [(p.start, p.end) for p in found if p.rule in SHAPE_RULES]
    other = [*other, *((p.start, p.end) for p in found if p.rule not in SHAPE_RULES)]
    clauses = clause_features(text, ruled, other)
    if not len(clauses.starts):
        return []
    scores = model.scores(clauses)
    best = np.where(unruled(clauses), scores.max(axis=1), 0.0)
    hits: list[PatternHit] = []
    runs: list[list[int]] = []  # [first clause, last clause, kind]
    for i in np.flatnonzero(best > model.threshold).tolist():
        if runs and runs[-1][1] == i - 1 and int(clauses.after[i - 1]) in _JOINING:
            runs[-1][1] = i
        else:
            runs.append([i, i, int(scores[i].argmax())])
    for first, last, kind in runs:
        start, end = int(clauses.starts[first]), int(clauses.ends[last])
        hits.append(PatternHit(start, end, text[start:end], KINDS[kind]))
    return hits
