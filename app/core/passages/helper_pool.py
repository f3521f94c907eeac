"""Many pairs at once on every core: a small pool of matching processes (two at most).

Comparing eight long speeches is 28 pairs. Run in the process that shows them, their matching shares one
interpreter lock with the GUI thread, and every stretch of it is a stretch the window cannot answer. So:

- When the labels travel (the shipped lexicon, or any oracle that pickles by name; no library
  boilerplate signal, or a snapshot of it: app.core.boilerplate_share; see `labels_travel`), each pair
  is matched *and labelled* in a pool process (`labelled_pairs`, `compare_prepared` there): the caller
  only receives the finished passages, pair by pair as they land, so panes can be drawn while the other
  pairs still run.
- Otherwise (a user lexicon, a library signal that reads the library) the pool finds where pairs share
  text (`engine.pair_groups`, which asks neither lexicon nor signal) from the end of the list while the
  caller works from the front, and the caller labels every pair itself (`shared_groups`).
Either way the passages are exactly those of a single process.

The pool is spawned (a fresh interpreter: never a fork of a process running Qt threads), started early
(`start`: when a library opens, so the first comparison finds it warm; each process loads the engine and
the shipped lexicon once) and kept for the session; idle processes cost no CPU. `shutdown` ends them.
Anything going wrong with it (it cannot start, a process dies) only means the caller computes the rest
itself; `labelled_pairs` says so in one line (`on_trouble`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
import types
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace

from app.core.passages.engine import (
    LONG_CHARS,
    PreparedDocument,
    canonical,
    compare_prepared,
    pair_groups,
    prepare,
)
from app.core.passages.extend import Candidate
from app.core.passages.model import Cancelled, CancelledFn, PairSummary, Passage, PassageParams
from app.core.passages.packed import Packed, packed, unpacked
from app.core.passages.pool_process import ready_in_worker
from app.core.passages.seeds import fits
from app.core.passages.shared_cover import PairCover, pair_cover

Groups = list[list[Candidate]]

#: Below this much text in the pairs still to compute (characters, both sides of every pair), starting a
#: helper costs more than it saves.
MIN_CHARS = 300_000
#: Pairs handed to the helper ahead, so it never waits for the caller between two pairs.
_AHEAD = 2

MAX_PROCESSES = 2  # pool processes at most: the machine's other work (the GUI drawing) goes on a small one

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None
_broken = False
#: The start-up tasks of `start` (one per process), for `wait_started`.
_starting: list[Future[int]] = []


def enabled() -> bool:
    """A helper is used on a machine with two cores or more, unless DUIDU_PAIR_HELPER=0. A frozen build's
    executable starts a helper only because `app.__main__.main` calls `multiprocessing.freeze_support()`
    first (the packaged self-test proves it with `helper_agrees`)."""
    if _broken or os.environ.get("DUIDU_PAIR_HELPER", "1") == "0":
        return False
    return (os.cpu_count() or 1) >= 2


def pool_size() -> int:
    """One process per core, at most `MAX_PROCESSES`."""
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def _helper() -> ProcessPoolExecutor | None:
    global _executor, _broken
    with _lock:
        if _executor is None and not _broken:
            try:
                _executor = ProcessPoolExecutor(
                    pool_size(), mp_context=multiprocessing.get_context("spawn"), initializer=ready_in_worker
                )
            except (OSError, ValueError):
                _broken = True
        return _executor


def _give_up() -> None:
    """No pool for the rest of the session (it could not start, or a process died)."""
    global _executor, _broken
    with _lock:
        _broken = True
        if _executor is not None:
            _executor.shutdown(wait=False, cancel_futures=True)
            _executor = None


def start() -> None:
    """Start the pool now, every process of it (a library opened: a comparison may follow), unless it runs
    already or no pool is used here. Never waits: each process imports the engine and loads the shipped
    lexicon in its own time (`pool_process.ready_in_worker`)."""
    if not enabled():
        return
    helper = _helper()
    if helper is None or _starting:
        return
    try:  # a process pool spawns a process per task submitted while none is idle, up to its size
        _starting.extend(helper.submit(os.getpid) for _ in range(pool_size()))
    except Exception:
        _give_up()


def wait_started(timeout: float) -> bool:
    """Whether every process `start` began is up (waiting at most `timeout` seconds)."""
    done, pending = wait(_starting, timeout=timeout)
    return not pending and all(f.exception() is None for f in done)


def process_ids() -> list[int]:
    """The pool's live processes (empty when it is not running)."""
    with _lock:
        processes = getattr(_executor, "_processes", None) or {}
        return [pid for pid, process in list(processes.items()) if process.is_alive()]


def shutdown(wait: bool = True) -> None:
    """End the pool's processes (the app quits; or one died: `wait=False`); a later comparison starts a
    new pool."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
        _starting.clear()
    if executor is not None:
        executor.shutdown(wait=wait, cancel_futures=True)


#: In the helper: documents prepared for earlier pairs, by text (a document is in up to N - 1 pairs).
_prepared: dict[str, PreparedDocument] = {}


def _prepared_in_helper(text: str, params: PassageParams) -> PreparedDocument:
    doc = _prepared.get(text)
    if doc is None:
        if len(_prepared) > 64:
            _prepared.clear()
        doc = _prepared[text] = prepare(text, params)
    return doc


#: In a pool process: the last parameters it was given, kept so that documents' per-parameter caches
#: (a stretch's formula share, asked again in each pair) survive from one pair to the next.
_params: PassageParams | None = None


def _same_params(params: PassageParams) -> PassageParams:
    """`params`, or the equal ones an earlier pair brought (each task unpickles its own copy)."""
    global _params
    old = _params
    if (
        old is not None
        and old == params
        and old.formula_oracle is params.formula_oracle
        and old.boilerplate is params.boilerplate
    ):
        return old
    _params = params
    return params


def _labels_in_helper(text: str, params: PassageParams) -> bytes:
    """A document prepared here and its labelling made for all of it (`PreparedDocument.labels`),
    pickled for the pool's other processes: the caller hands them over with the document's pairs."""
    params = _same_params(params)
    return pickle.dumps(_prepared_in_helper(text, params).labels(params), pickle.HIGHEST_PROTOCOL)


def _labelled_in_helper(
    x_text: str, y_text: str, a: int, b: int, params: PassageParams, labels: Sequence[bytes | None] = (),
    count_formulas: bool | None = None,
) -> Packed | tuple[Packed, PairCover]:  # fmt: skip
    """The pair's passages packed; with `count_formulas` (True or False) also its `PairCover`."""
    params = _same_params(params)
    x, y = _prepared_in_helper(x_text, params), _prepared_in_helper(y_text, params)
    for doc, made in zip((x, y), labels, strict=False):
        if made is not None and not doc.labelled:  # (a document's pairs after its first here bring them too)
            doc.take_labels(pickle.loads(made), params)
    gc.disable()  # a pair makes ~10^5 short-lived acyclic objects: the young passes they trip find nothing
    try:
        found = compare_prepared(x, y, a, b, params)
        if count_formulas is None:
            return packed(found)
        return packed(found), pair_cover((a, b), (x.view.offsets, y.view.offsets), found[0], count_formulas)
    finally:
        gc.enable()


def _groups_in_helper(x_text: str, y_text: str, params: PassageParams) -> Groups:
    return pair_groups(_prepared_in_helper(x_text, params), _prepared_in_helper(y_text, params), params)


def _prepare_in_helper(texts: list[str], params: PassageParams) -> None:
    """Each text normalised and its seed table for numpy's run finder built, once, before its first pair:
    a long text's sorted grams (a long text is indexed only against another long one: `long_runs`)."""
    for text in texts:
        doc = _prepared_in_helper(text, params)
        if fits(doc.view.text):
            if len(doc.view.text) >= LONG_CHARS:
                doc.indexed(params)
            else:
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


def _travels(obj: object) -> bool:
    """None, a plain module-level function, or an oracle that says it `travels`: pickled by name, the same
    object in a pool process."""
    if obj is None or getattr(obj, "travels", False) is True:
        return True
    return isinstance(obj, types.FunctionType) and "<" not in obj.__qualname__


def labels_travel(params: PassageParams) -> bool:
    """Whether a pool process labels a pair exactly as this process would: its formula oracle travels by
    name, and there is no library boilerplate signal or one that travels (a snapshot of it: the library's
    own signal reads this process's open library)."""
    return _travels(params.boilerplate) and _travels(params.formula_oracle)


def pool_labels(lengths: Sequence[int], pairs: Sequence[tuple[int, int]], params: PassageParams) -> bool:
    """Whether `labelled_pairs` runs these pairs in the pool (else: the caller and `shared_groups`)."""
    return labels_travel(params) and _worth_a_helper(lengths, pairs)


Labelled = tuple[list[Passage], PairSummary]
#: Documents' labels under way in the pool (`label_ahead`), by document index.
Labelling = dict[int, "Future[bytes]"]


def label_ahead(texts: Sequence[str], order: Sequence[int], params: PassageParams) -> Labelling:
    """Each document of `order` labelled in the pool from now on (`_labels_in_helper`, in that order), before
    the caller knows which pairs it will match: a first open starts them before it reads its cache and while
    its window is built, so the pool's first pairs do not wait for either. `labelled_pairs` takes them over
    (and cancels those no pair needs); the caller cancels them all when it matches nothing in the pool.
    Empty when the pool would not label these documents' pairs."""
    params = replace(params, boilerplate=None)  # (labels are the formula oracle's and the slogan lists')
    pairs = [(a, b) for k, a in enumerate(order) for b in order[k + 1 :]]
    if not pool_labels([len(text) for text in texts], pairs, params):
        return {}
    helper = _helper()
    ahead: Labelling = {}
    if helper is None:
        return ahead
    try:
        for m in order:
            ahead[m] = helper.submit(_labels_in_helper, texts[m], params)
    except Exception:  # shut down or broken: `labelled_pairs` finds out and does without
        pass
    return ahead


def labelled_pairs(
    texts: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    params: PassageParams,
    cancelled: CancelledFn | None = None,
    on_trouble: Callable[[str], None] | None = None,
    covers: dict[int, PairCover] | None = None,
    count_formulas: bool = False,
    ahead: Labelling | None = None,
) -> Iterator[tuple[int, Labelled]]:
    """(index in `pairs`, `compare_prepared` of texts a → b) for every pair, as they finish, all matched and
    labelled in the pool (`pool_labels` says when that is right).

    Each document's labelling is made once in the pool, not once in each process its pairs land in: one
    task per document comes first (`_labels_in_helper`, in the order the pairs need them), and a pair is
    queued with both documents' labels once they are back (a document is in up to N - 1 pairs). The pairs
    are queued in the given order and each process takes the next, so they finish roughly in it. Should
    the pool fail (a process dies), `on_trouble` hears why (one line: the error's first) and this process
    matches the pairs still missing. `covers`, when given, gets the `PairCover` of each pair the pool
    matched (formula passages counted with `count_formulas`) before the pair is yielded. `ahead`: documents'
    labels `label_ahead` started (those of documents no pair needs are cancelled)."""
    helper = _helper()
    sent: dict[Future[Packed], int] = {}
    labelling: dict[Future[bytes], int] = {}
    labels: dict[int, bytes] = {}
    left = list(range(len(pairs)))
    try:
        try:
            if helper is not None:
                started = dict(ahead or {})
                for m in dict.fromkeys(m for pair in pairs for m in pair):
                    future = started.pop(m, None)
                    if future is None or future.cancelled():
                        future = helper.submit(_labels_in_helper, texts[m], params)
                    labelling[future] = m
                for future in started.values():
                    future.cancel()
            while sent or labelling:
                if cancelled is not None and cancelled():
                    raise Cancelled
                done, _ = wait([*sent, *labelling], timeout=0.05, return_when=FIRST_COMPLETED)
                for future in done:
                    if future in labelling:
                        labels[labelling[future]] = future.result()
                        del labelling[future]
                        continue
                    n, got = sent.pop(future), future.result()
                    if covers is not None:
                        got, covers[n] = got  # type: ignore[misc]
                    yield n, unpacked(got)  # type: ignore[arg-type]
                flag = None if covers is None else count_formulas  # (None: no covers)
                left = _queue(helper, texts, pairs, params, left, labels, sent, flag)  # type: ignore[arg-type]
        except Cancelled:
            raise
        except Exception as exc:  # shut down, broken, a process died or failed: this process does the rest
            left = sorted({*left, *sent.values()})
            for future in [*sent, *labelling]:
                future.cancel()
            sent.clear()
            labelling.clear()
            _trouble(on_trouble, exc)
        prepared: dict[int, PreparedDocument] = {}
        for n in left:
            if cancelled is not None and cancelled():
                raise Cancelled
            a, b = pairs[n]
            for m in (a, b):
                if m not in prepared:
                    prepared[m] = prepare(texts[m], params)
            yield n, compare_prepared(prepared[a], prepared[b], a, b, params, None, cancelled)
    finally:
        for future in [*sent, *labelling]:
            future.cancel()


def _queue(
    helper: ProcessPoolExecutor, texts: Sequence[str], pairs: Sequence[tuple[int, int]], params: PassageParams,
    left: list[int], labels: Mapping[int, bytes], sent: dict[Future[Packed], int], count_formulas: bool | None,
) -> list[int]:  # fmt: skip
    """Queue the pairs of `left`, in order, up to the first whose documents' labels are not back yet; the
    rest, still to queue."""
    for k, n in enumerate(left):
        a, b = pairs[n]
        if a not in labels or b not in labels:
            return left[k:]
        made = (labels[a], labels[b])
        sent[helper.submit(_labelled_in_helper, texts[a], texts[b], a, b, params, made, count_formulas)] = n
    return []


def _trouble(on_trouble: Callable[[str], None] | None, exc: BaseException) -> None:
    """Drop the failed pool (the next comparison starts a new one) and tell why, in one line."""
    shutdown(wait=False)
    if on_trouble is not None:
        on_trouble((str(exc).strip().splitlines() or [type(exc).__name__])[0])
