"""The cyclic garbage collector paused while a pair is matched (nested and thread-safe).

Matching a long pair makes tens of thousands of container objects that live until the pair is done
(runs as tuples, chains, candidates, passages) and form no reference cycles: reference counting frees
them all. Each 700 of them trip a young collection, and the young ones' survivors trip older ones, up
to a full collection of every object of the process (a loaded lexicon's too), so the collector's work
grows faster than the pair: ten reports a side, 160k characters, spent 10–20 ms of ~200 in it, 20k
characters ~1 ms (issue 13, notes/13s11.md). Paused, the objects are freed as before; what a pair leaves
in cycles waits for the next collection. `compare_pair` and `compare_many` keep it paused until their
prepared documents are gone too: the first young collection after the pause then finds only the result
(0.03 ms at 160k a side), not the documents and their labelling caches (5 ms).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
#: pairs being matched now (in any thread), and whether the first of them paused the collector
_depth = 0
_paused = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection until the last pair being matched is done; a collector already
    paused by someone else stays as it was."""
    global _depth, _paused
    with _lock:
        if not _depth and gc.isenabled():
            gc.disable()
            _paused = True
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if not _depth and _paused:
                _paused = False
                gc.enable()
