"""What a scan worker runs: one batch of (document, candidates) units against the library.

Workers read the texts from the library themselves (a batch names ids, not texts: shipping the texts
would move each speech once per unit it is a candidate of). Each worker process opens the library once,
read-only, with the same engine parameters the single-process path uses (`default_params`: the library's
lexicon and boilerplate), and keeps recently prepared texts with their shingle hashes (app.core.scan_focus)
— an early speech is a candidate of many — so a text is prepared once per batch at most and its cache of
lexicon shares serves all its pairs.
Nothing here imports Dask; the same function runs in-process for `--workers 0` and on Dask workers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from app.core.passages import PassageParams, prepare
from app.core.scan import DocumentResult, ScanPair, ScanUnit, confirm_pair
from app.core.scan_focus import ScanDocument
from app.store.engine import Library, open_library
from app.store.tracing import default_params, holding_session, remember, texts_of

#: Prepared texts a worker keeps between units and batches.
_PREPARED_KEPT = 512

_lock = threading.Lock()
_opened: dict[str, tuple[Library, PassageParams, dict[int, ScanDocument]]] = {}


def _library(target: str) -> tuple[Library, PassageParams, dict[int, ScanDocument]]:
    """The library at `target`, its engine parameters and prepared texts, opened once per process."""
    with _lock:
        if target not in _opened:
            library = open_library(target, create=False, readonly=True)
            _opened[target] = (library, default_params(library), {})
        return _opened[target]


def close_all() -> None:
    """Forget the libraries this process opened (tests, and the in-process path when it is done)."""
    with _lock:
        for library, _params, _prepared in _opened.values():
            library.close()
        _opened.clear()


def scan_batch(target: str, threshold: float, units: Sequence[ScanUnit]) -> list[DocumentResult]:
    """Confirm every candidate pair of `units`; the pairs reaching `threshold`, per document."""
    library, params, prepared = _library(target)
    wanted = {u.document_id for u in units} | {c for u in units for c in u.candidates}
    missing = sorted(wanted - prepared.keys())
    with library.reader() as session:
        texts = texts_of(session, missing)
    if len(prepared) + len(missing) > _PREPARED_KEPT:
        for key in [k for k in prepared if k not in wanted]:
            del prepared[key]
    for document_id in missing:
        ready = remember(params, prepare(texts.get(document_id) or "", params), document_id)
        prepared[document_id] = ScanDocument.of(ready)
    results: list[DocumentResult] = []
    with holding_session(params):
        for unit in units:
            high = prepared[unit.document_id]
            pairs: list[ScanPair] = []
            for low_id in unit.candidates:
                found = confirm_pair(prepared[low_id], high, low_id, unit.document_id, params, threshold)
                if found is not None:
                    pairs.append(found)
            results.append(DocumentResult(unit.document_id, len(unit.candidates), tuple(pairs)))
    return results
