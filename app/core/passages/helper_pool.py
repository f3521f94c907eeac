"""Many pairs at once on two cores: a helper process finds where pairs share text while the caller does too.

Comparing eight long speeches is 28 pairs, and almost all of a pair's time is finding where the two texts
share text (`engine.pair_groups`: seeds, chains, resolution, grouping). That part asks neither the lexicon
nor the library's boilerplate signal, so one helper process can take pairs from the end of the list while
the caller works from the front; the caller then labels every pair itself (`compare_prepared` with the
groups), with its own lexicon and signal, so the passages are exactly those of a single process.

The helper is started on first use (a fresh interpreter: never a fork of a process running Qt threads)
and kept for the session, so only the first comparison pays for its start. Anything going wrong with it
(it cannot start, dies, fails) only means the caller computes those pairs itself.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import replace

from app.core.passages.engine import PreparedDocument, canonical, pair_groups, prepare
from app.core.passages.extend import Candidate
from app.core.passages.model import Cancelled, CancelledFn, PassageParams
from app.core.passages.seeds import fits

Groups = list[list[Candidate]]

#: Below this much text in the pairs still to compute (characters, both sides of every pair), starting a
#: helper costs more than it saves.
MIN_CHARS = 300_000
#: Pairs handed to the helper ahead, so it never waits for the caller between two pairs.
_AHEAD = 2

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None
_broken = False


def enabled() -> bool:
    """A helper is used on a machine with two cores or more, unless DUIDU_PAIR_HELPER=0. A frozen build's
    executable starts a helper only because `app.__main__.main` calls `multiprocessing.freeze_support()`
    first (the packaged self-test proves it with `helper_agrees`)."""
    if _broken or os.environ.get("DUIDU_PAIR_HELPER", "1") == "0":
        return False
    return (os.cpu_count() or 1) >= 2


def _helper() -> ProcessPoolExecutor | None:
    global _executor, _broken
    with _lock:
        if _executor is None and not _broken:
            try:
                _executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            except (OSError, ValueError):
                _broken = True
        return _executor


def _give_up() -> None:
    """No helper for the rest of the session (it could not start, or died)."""
    global _executor, _broken
    with _lock:
        _broken = True
        if _executor is not None:
            _executor.shutdown(wait=False, cancel_futures=True)
            _executor = None


#: In the helper: documents prepared for earlier pairs, by text (a document is in up to N - 1 pairs).
_prepared: dict[str, PreparedDocument] = {}


def _prepared_in_helper(text: str, params: PassageParams) -> PreparedDocument:
    doc = _prepared.get(text)
    if doc is None:
        if len(_prepared) > 64:
            _prepared.clear()
        doc = _prepared[text] = prepare(text, params)
    return doc


def _groups_in_helper(x_text: str, y_text: str, params: PassageParams) -> Groups:
    return pair_groups(_prepared_in_helper(x_text, params), _prepared_in_helper(y_text, params), params)


def _prepare_in_helper(texts: list[str], params: PassageParams) -> None:
    """Each text normalised and its seed table for numpy's run finder built, once, before its first pair."""
    for text in texts:
        doc = _prepared_in_helper(text, params)
        if fits(doc.view.text):
            doc.gram_table(params)


def warm(texts: Sequence[str], pairs: Sequence[tuple[int, int]], params: PassageParams) -> None:
    """Start the helper now, when `pairs` of `texts` are to be compared soon and will need it (as
    `shared_groups` decides), and have it prepare their documents: its start (a fresh interpreter, numpy, the
    engine) and each document's preparation then overlap whatever the caller does meanwhile, instead of
    delaying the helper's first pair. Preparing a document is the same in each of its pairs; the helper
    does it once. Never waits; a helper that cannot start only means no helper."""
    if not _worth_a_helper([len(text) for text in texts], pairs):
        return
    helper = _helper()
    if helper is None:
        return
    wanted = [texts[n] for n in sorted({n for pair in pairs for n in pair})]
    try:
        helper.submit(_prepare_in_helper, wanted, replace(params, formula_oracle=None, boilerplate=None))
    except Exception:  # shut down or broken: the caller will do without
        _give_up()


def _worth_a_helper(lengths: Sequence[int], pairs: Sequence[tuple[int, int]]) -> bool:
    """Two pairs or more, holding `MIN_CHARS` or more in all, on a machine that can run a helper."""
    return len(pairs) >= 2 and sum(lengths[a] + lengths[b] for a, b in pairs) >= MIN_CHARS and enabled()


def helper_agrees(x_text: str, y_text: str, params: PassageParams, timeout: float = 120.0) -> bool:
    """Whether a helper process finds the same shared groups as this process for one pair (raises when no
    helper can start): the packaged build's check that its executable can be a helper."""
    helper = _helper()
    if helper is None:
        raise RuntimeError("no helper process could be started")
    docs = [prepare(text, params) for text in (x_text, y_text)]
    first, second = (docs[0], docs[1]) if canonical(docs[0], docs[1]) else (docs[1], docs[0])
    plain = replace(params, formula_oracle=None, boilerplate=None)
    theirs = helper.submit(_groups_in_helper, first.text, second.text, plain).result(timeout=timeout)
    return theirs == pair_groups(first, second, plain)


def shared_groups(
    docs: Sequence[PreparedDocument] | Mapping[int, PreparedDocument],
    pairs: Sequence[tuple[int, int]],
    params: PassageParams,
    cancelled: CancelledFn | None = None,
) -> Iterator[tuple[int, Groups]]:
    """(index in `pairs`, `pair_groups` of that pair in its canonical orientation) for every pair, in
    the order they finish: the caller's from the front, the helper's from the back."""
    lengths = {n: len(docs[n].text) for pair in pairs for n in pair}
    helper = _helper() if _worth_a_helper(lengths, pairs) else None
    plain = replace(params, formula_oracle=None, boilerplate=None)  # the helper needs neither
    todo = deque(range(len(pairs)))  # the caller takes from the left, the helper from the right
    sent: deque[tuple[int, Future[Groups]]] = deque()

    def oriented(n: int) -> tuple[PreparedDocument, PreparedDocument]:
        a, b = pairs[n]
        return (docs[a], docs[b]) if canonical(docs[a], docs[b]) else (docs[b], docs[a])

    try:
        while todo or sent:
            while helper is not None and todo and len(sent) < _AHEAD:
                n = todo.pop()
                try:
                    sent.append((n, helper.submit(_groups_in_helper, *(d.text for d in oriented(n)), plain)))
                except Exception:  # shut down or broken: the caller does it
                    todo.append(n)
                    _give_up()
                    helper = None
            if sent and (sent[0][1].done() or not todo):
                n, future = sent.popleft()
                while not future.done():
                    if cancelled is not None and cancelled():
                        raise Cancelled
                    wait([future], timeout=0.05)
                try:
                    groups = future.result()
                except Exception:  # the helper failed or died: the caller does what it had
                    todo.extend([n, *(m for m, _ in sent)])
                    sent.clear()
                    _give_up()
                    helper = None
                    continue
                yield n, groups
                continue
            if cancelled is not None and cancelled():
                raise Cancelled
            n = todo.popleft()
            yield n, pair_groups(*oriented(n), params, None, cancelled)
    finally:
        for _, future in sent:
            future.cancel()
