"""A matching pool process's start-up (app.core.passages.helper_pool): what it loads and warms before its
first pair, the lower priority it runs at, and its end with the app's process."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading

from app.core.passages.engine import compare_prepared, prepare
from app.core.passages.model import PassageParams


def ready_in_worker() -> None:
    """In each pool process, once, before its first pair: the shipped lexicon loaded with its fast scanners
    built, and two texts made of the sample speeches compared, which loads the rest of the engine and warms
    it. Each is two samples long, so the engine takes its numpy path as for long speeches:
    with one sample a side it did not, and each process's first pair of a compare view imported and warmed
    that path (vector_runs, vector_chains, gram_codes, numpy.ma: ~20 ms of that pair's ~55 ms of CPU).
    And it ends itself when the app's process ends, however that ends (`_exit_with_parent`)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), name="duidu-parent", daemon=True).start()
    _yield_to_the_app()
    try:
        from app.core.formulas.coverage import build_fast_scanners
        from app.core.formulas.shipped import default_matcher, formula_coverage
        from app.paths import resource

        samples = sorted(resource("samples").glob("0*.txt"))[:3]
        texts = [path.read_text(encoding="utf-8") for path in samples]
        import numpy  # noqa: F401 - the engine then takes its numpy path, as for long speeches

        if len(texts) == 3:
            params = PassageParams(formula_oracle=formula_coverage)
            x, y = prepare(texts[0] + texts[1], params), prepare(texts[1] + texts[2], params)
            compare_prepared(x, y, 0, 1, params)
        formula_coverage("")
        # a pool process labels many documents: its fast lexicon scanners are built now, at idle, not inside
        # the first comparison (where a compare view of long speeches would build them after 300,000 characters)
        build_fast_scanners(default_matcher())
    except Exception:  # a lexicon that cannot load fails the pairs that need it, with its reason
        pass


#: How much lower than the app's process a pool process runs (Unix niceness): the pool's work is background
#: work, and on two cores its two processes would otherwise take the GUI thread's turns while it draws.
HELPER_NICENESS = 10


def _yield_to_the_app() -> None:
    """Lower this pool process's priority (where the platform lets a process do so; Windows: unchanged)."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(HELPER_NICENESS)


def _exit_with_parent(parent: multiprocessing.process.BaseProcess) -> None:
    """A pool process holds both ends of its task pipe, so it would never see a killed (or crashed) app go:
    it waits for the parent's end instead, and then ends too."""
    parent.join()
    os._exit(0)
