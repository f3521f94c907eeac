"""The last comparisons of this session, kept in memory so reopening one shows it without the worker.

Closing a comparison and opening the same speeches again (or switching a knob back) would otherwise go
through the worker: 28 pair look-ups in the library, ratios and links rebuilt, and the wait for a thread,
all before a single highlight is drawn. A result depends on the texts (their hashes) and the settings the
view knows (thresholds, formula counting, the user lexicon's fingerprint), which make the key; the one
input the view cannot see is the library's boilerplate signal, built in the worker. So a remembered result
is shown at once and, when the view has a boilerplate source, checked against a fresh computation once its
highlights are in (`same_result`): only a different answer is drawn again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from app.ui.compare.compute import CompareDocument, CompareResult, CompareSettings

#: Results kept (eight long speeches take a few MB each).
KEPT = 3

MemoKey = tuple[tuple[str, ...], CompareSettings]

_results: OrderedDict[MemoKey, CompareResult] = OrderedDict()


def memo_key(documents: Sequence[CompareDocument], settings: CompareSettings) -> MemoKey:
    """Texts and the knobs that decide a result (the callables and the worker-built signal compare equal)."""
    return tuple(d.sha256 for d in documents), replace(settings, boilerplate=None, boilerplate_version="")


def remember(key: MemoKey, result: CompareResult) -> None:
    _results[key] = result
    _results.move_to_end(key)
    while len(_results) > KEPT:
        _results.popitem(last=False)


def is_remembered(key: MemoKey) -> bool:
    return key in _results


def remembered(key: MemoKey, documents: Sequence[CompareDocument]) -> CompareResult | None:
    """The result stored under `key`, for `documents` (their names and paths may differ: same texts), every
    pair counted as cached; None when there is none."""
    result = _results.get(key)
    if result is None:
        return None
    _results.move_to_end(key)
    pairs = len(list(combinations(documents, 2)))
    return replace(result, documents=tuple(documents), cached_pairs=pairs)


def same_result(a: CompareResult, b: CompareResult) -> bool:
    """Whether two results show the same passages and ratios (then nothing needs drawing again)."""
    return a.passages == b.passages and a.ratios == b.ratios and a.pair_ratios == b.pair_ratios


def forget_all() -> None:
    """Drop every remembered result (tests that need a fresh computation)."""
    _results.clear()
