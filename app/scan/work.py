"""What a scan worker runs: one batch of (document, candidates) units against the library.

Workers read the texts from the library themselves (a batch names ids, not texts: shipping the texts
would move each speech once per unit it is a candidate of). Each worker process opens the library once,
read-only, with the same engine parameters the single-process path uses (`default_params`: the library's
lexicon and boilerplate), and keeps the most recently used prepared texts (app.core.scan_focus: with their
seed indexes and shingle hashes once made) — the runner orders the units so that consecutive ones share
texts (app.core.scan_order), so most of a unit's texts are already prepared and their caches of lexicon
shares serve all their pairs. Strong candidates (shared fingerprints alone reach the threshold) go to the
engine at once; only weak ones are first put to the cheap bound.
Nothing here imports Dask; the same function runs in-process for `--workers 0` and on Dask workers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from app.core.passages import PassageParams, prepare
from app.core.scan import DocumentResult, ScanPair, ScanUnit, confirm_pair
from app.core.scan_focus import ScanDocument
from app.core.scan_order import DOCUMENTS_KEPT
from app.store.engine import Library, open_library
from app.store.frequent_fingerprints import similar_params
from app.store.tracing import holding_session, remember, texts_of

_Kept = OrderedDict[int, ScanDocument]

_lock = threading.Lock()
_opened: dict[str, tuple[Library, PassageParams, _Kept]] = {}


def _library(target: str) -> tuple[Library, PassageParams, _Kept]:
    """The library at `target`, its engine parameters and prepared texts, opened once per process."""
    with _lock:
        if target not in _opened:
            library = open_library(target, create=False, readonly=True)
            _opened[target] = (library, similar_params(library), OrderedDict())
        return _opened[target]


def close_all() -> None:
    """Forget the libraries this process opened (tests, and the in-process path when it is done)."""
    with _lock:
        for library, _params, _prepared in _opened.values():
            library.close()
        _opened.clear()


def scan_batch(target: str, threshold: float, units: Sequence[ScanUnit]) -> list[DocumentResult]:
    """Confirm every candidate pair of `units`; the pairs reaching `threshold`, per document."""
    library, params, kept = _library(target)
    wanted = {u.document_id for u in units} | {c for u in units for c in u.candidates}
    missing = sorted(wanted - kept.keys())
    with library.reader() as session:
        texts = texts_of(session, missing)
    here = {document_id: kept[document_id] for document_id in wanted if document_id in kept}
    for document_id in missing:
        ready = remember(params, prepare(texts.get(document_id) or "", params), document_id)
        here[document_id] = ScanDocument(ready)

    def document(document_id: int) -> ScanDocument:
        """The text, marked most recently used (in the order app.core.scan_order simulates)."""
        if document_id in kept:
            kept.move_to_end(document_id)
        else:
            kept[document_id] = here[document_id]
            while len(kept) > DOCUMENTS_KEPT:
                kept.popitem(last=False)
        return here[document_id]

    results: list[DocumentResult] = []
    with holding_session(params):
        for unit in units:
            high = document(unit.document_id)
            pairs: list[ScanPair] = []
            for number, low_id in enumerate(unit.candidates):
                low = document(low_id)
                bound = number >= unit.strong
                found = confirm_pair(low, high, low_id, unit.document_id, params, threshold, bound)
                if found is not None:
                    pairs.append(found)
            results.append(DocumentResult(unit.document_id, len(unit.candidates), tuple(pairs)))
    return results
