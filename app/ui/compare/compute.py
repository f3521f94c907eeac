"""What the compare view shows, computed off the GUI thread: passages of every pair, cached, with ratios
and each document's side of them (its Links).

Qt-free on purpose: the worker runs `compute()` and hands back a `CompareResult`. Each pair is looked up in
the cache first (per content hashes and parameters, see app.store.comparison_cache); only missing pairs are
matched, so reopening a comparison or adding a fourth speech to three costs only the new pairs.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Protocol

from app.core.model import DocumentMeta
from app.core.passages import (
    BoilerplateSignal,
    Cancelled,
    Comparison,
    PairSummary,
    Passage,
    PassageParams,
    PreparedDocument,
    compare_prepared,
    prepare,
)
from app.core.passages.collector import collector_paused
from app.core.passages.helper_pool import (
    Labelling,
    label_ahead,
    labelled_pairs,
    pool_labels,
    shared_groups,
    warm,
)
from app.core.passages.shared_cover import PairCover
from app.ui.compare.early_panes import pair_order, provisional_links
from app.ui.compare.links import Link, PairwiseLinks, links_by_doc
from app.ui.compare.ratios import measured_ratios, shared_ratios

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
#: Told (in the worker) a document's side of every passage as soon as all of that document's pairs are
#: matched, while other pairs still run: provisional Links, numbered -1 (see `provisional_links`).
PaneReady = Callable[[int, list[Link]], None]
_DEFAULTS = PassageParams()


@dataclass(frozen=True, slots=True)
class CompareDocument:
    """One compared speech: its stored text, its hash (evidence and cache key) and how to label it."""

    name: str
    text: str
    sha256: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    doc_id: int | None = None
    path: str = ""

    @property
    def label(self) -> str:
        return self.meta.title or self.name


class LibrarySignal(BoilerplateSignal, Protocol):
    """A boilerplate signal that can say what it depends on (see app.store.boilerplate)."""

    def identity(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """The user's knobs. `count_formulas` only changes the ratios, so it needs no new matching."""

    min_chars: int = _DEFAULTS.min_chars
    min_similarity: float = _DEFAULTS.min_similarity
    count_formulas: bool = False
    #: The library's formula oracle (its merged lexicon's coverage); None means the shipped lexicon.
    formula_oracle: Callable[[str], float] | None = field(default=None, compare=False, repr=False)
    #: Fingerprint of the user's lexicon entries behind `formula_oracle` ("" = the shipped lexicon only):
    #: part of the cache key, so pairs labelled under another lexicon are matched again.
    lexicon_version: str = ""
    #: Builds the library's boilerplate signal in the worker (None: no library at hand, or it says nothing).
    boilerplate_source: Callable[[], LibrarySignal | None] | None = field(
        default=None, compare=False, repr=False
    )
    #: The signal built from it for this result, and what it depends on (part of the cache key).
    boilerplate: LibrarySignal | None = field(default=None, compare=False, repr=False)
    boilerplate_version: str = ""

    def engine_params(self) -> PassageParams:
        from app.core.formulas.shipped import formula_coverage  # loads the lexicon, in the worker

        return PassageParams(
            min_chars=self.min_chars,
            min_similarity=self.min_similarity,
            formula_oracle=self.formula_oracle or formula_coverage,
            boilerplate=self.boilerplate,
        )

    def describe(self) -> dict[str, object]:
        """Parameters for evidence metadata and the pair cache (engine parameters plus ours)."""
        described = {**self.engine_params().describe(), "count_formulas_as_copying": self.count_formulas}
        if self.lexicon_version:
            described["user_lexicon"] = self.lexicon_version
        if self.boilerplate_version:
            described["library_boilerplate"] = self.boilerplate_version
        return described

    def with_library_signal(self) -> CompareSettings:
        """These settings with the library's boilerplate signal built (a fresh one: its lookups are cached
        per comparison), or unchanged when there is no source."""
        if self.boilerplate_source is None:
            return self
        signal = self.boilerplate_source()
        version = signal.identity() if signal is not None else ""
        return replace(self, boilerplate=signal if version else None, boilerplate_version=version)


class PairCache(Protocol):
    def load(
        self, docs: Sequence[CompareDocument], a: int, b: int, params: dict[str, object]
    ) -> tuple[list[Passage], PairSummary] | None: ...

    def save(
        self,
        docs: Sequence[CompareDocument],
        a: int,
        b: int,
        params: dict[str, object],
        result: tuple[list[Passage], PairSummary],
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class CompareResult:
    """All passages (a < b) plus, per document and per ordered pair, the share of its text that is shared."""

    documents: tuple[CompareDocument, ...]
    settings: CompareSettings
    comparison: Comparison
    #: doc → share of its text in passages with any other document (the header's copy ratio)
    ratios: tuple[float, ...]
    #: (i, j) → share of document i in passages shared with document j (the heat map)
    pair_ratios: dict[tuple[int, int], float]
    cached_pairs: int = 0
    seconds: float = 0.0
    #: Per document, its side of every passage sorted by position (links_by_doc), built in the worker:
    #: with eight speeches that is thousands of objects the GUI thread would otherwise build in one go.
    links: tuple[list[Link], ...] = ()
    #: The pairs matched for this result (not found in the cache), and the cache key they were matched
    #: under: what `save_matched` stores once the result is shown.
    matched: tuple[tuple[int, int], ...] = ()
    cache_key: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    #: Why the matching pool failed while matching this result (one line; the pairs were then matched in
    #: this process), or "".
    trouble: str = field(default="", compare=False)

    def links_by_doc(self) -> list[list[Link]]:
        """`links`, or built now for a result made without them."""
        if len(self.links) == len(self.documents):
            return [list(own) for own in self.links]
        return links_by_doc(self.passages, len(self.documents))

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.comparison.passages


def compute(
    docs: Sequence[CompareDocument],
    settings: CompareSettings,
    cache: PairCache | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    pane_ready: PaneReady | None = None,
    *,
    save: bool = True,
    freeze: bool = False,
) -> CompareResult:
    """Passages among `docs`; progress counts pairs (cached pairs count as done at once). `pane_ready`,
    when given, hears each document's provisional Links once all its pairs are done (`provisional_links`);
    with the whole result cached, or only two documents, it hears nothing. The matched pairs go into
    `cache` before returning, or (`save=False`) when the caller calls `save_matched`, after showing them.
    `freeze`: the objects made while the collector was paused go straight to its permanent generation
    (`gc.freeze`) instead of into one long young pass; the caller unfreezes them later (idle_work)."""
    started = time.perf_counter()
    # The pool labels the documents while this thread reads the cache (a first open: while the window is
    # built); none is left to cancel when the pool matched pairs (`labelled_pairs` took them over).
    ahead = label_ahead([d.text for d in docs], range(len(docs)), settings.engine_params())
    try:
        settings = settings.with_library_signal()
        params = settings.engine_params()
        key = params.describe()
        if settings.lexicon_version:  # passages are labelled formula/copy by the lexicon: cache per lexicon
            key["user_lexicon"] = settings.lexicon_version
        if settings.boilerplate_version:  # … and by the library's boilerplate: cache per library size class
            key["library_boilerplate"] = settings.boilerplate_version
        results = _cached(docs, key, cache, progress, cancelled)
        missing = [pair for pair in combinations(range(len(docs)), 2) if pair not in results]
        prepared: dict[int, PreparedDocument] = {}
        params = _travelling(params, docs, missing, prepared)
        pooled = pool_labels([len(d.text) for d in docs], missing, params)
        if not pooled:
            # Pairs to match here: the pool starts (and prepares their documents) while this thread loads
            # the lexicon and prepares them too (helper_pool.warm); a comparison found in the cache starts none.
            warm([d.text for d in docs], missing, params)
            if params.formula_oracle is not None:
                # The lexicon loads once per process: long-lived objects the collector should see and age normally.
                params.formula_oracle("")
        with collector_paused():
            result = _compute(
                docs, settings, params, key, results, missing, progress, cancelled, started, pane_ready,
                pooled, prepared, ahead,
            )  # fmt: skip
            if freeze:
                gc.freeze()
    finally:
        for future in ahead.values():
            future.cancel()
    if save:
        save_matched(result, cache)
    return result


def _travelling(
    params: PassageParams,
    docs: Sequence[CompareDocument],
    missing: list[tuple[int, int]],
    prepared: dict[int, PreparedDocument],
) -> PassageParams:
    """`params`, with the library's boilerplate signal replaced by a snapshot for the documents of the
    `missing` pairs (`frozen`: it travels) when that is all that keeps the pool from labelling them; the
    documents it needed normalised go into `prepared` (the ratios use them later)."""
    freeze = getattr(params.boilerplate, "frozen", None)
    lengths = [len(d.text) for d in docs]
    if freeze is None or not pool_labels(lengths, missing, replace(params, boilerplate=None)):
        return params
    wanted = sorted({n for pair in missing for n in pair})
    for n in wanted:
        prepared[n] = prepare(docs[n].text, params)
    frozen = freeze([prepared[n].view.text for n in wanted], [prepared[n].sha256 for n in wanted])
    return replace(params, boilerplate=frozen)


def save_matched(result: CompareResult, cache: PairCache | None) -> None:
    """Store the pairs `result` matched (not those it found in the cache), in one go where the cache can."""
    if cache is None or not result.matched:
        return
    pairs = list(combinations(range(len(result.documents)), 2))
    found: Found = {pair: ([], result.comparison.summary[pairs.index(pair)]) for pair in result.matched}
    for p in result.passages:  # each pair's passages, in its order
        if (p.a, p.b) in found:
            found[p.a, p.b][0].append(p)
    save_many = getattr(cache, "save_many", None)
    if save_many is not None:
        save_many(result.documents, found, result.cache_key)
        return
    for (a, b), pair in found.items():
        cache.save(result.documents, a, b, result.cache_key, pair)


Found = dict[tuple[int, int], tuple[list[Passage], PairSummary]]


def save_in_background(
    result: CompareResult, cache: PairCache | None, *, wait: bool = False
) -> threading.Thread | None:
    """`save_matched` on a thread of its own, started now (not a daemon: quitting waits for it); `wait`
    (an inline task runner: tests) returns once it is done."""
    if cache is None or not result.matched:
        return None
    thread = threading.Thread(target=save_matched, args=(result, cache), name="duidu-pair-cache")
    thread.start()
    if wait:
        thread.join()
    return thread


def _cached(
    docs: Sequence[CompareDocument],
    key: dict[str, object],
    cache: PairCache | None,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> Found:
    """The pairs the cache holds (in one read of it, when it can: `load_many`)."""
    pairs = list(combinations(range(len(docs)), 2))
    results: Found = {}
    load_many = getattr(cache, "load_many", None)
    if load_many is not None:
        if cancelled is not None and cancelled():
            raise Cancelled
        results.update(load_many(docs, pairs, key))
        if results and progress is not None:
            progress(len(results), len(pairs))
        return results
    for a, b in pairs:
        if cancelled is not None and cancelled():
            raise Cancelled
        found = cache.load(docs, a, b, key) if cache is not None else None
        if found is not None:
            results[a, b] = found
            if progress is not None:
                progress(len(results), len(pairs))
    return results


def _compute(
    docs: Sequence[CompareDocument],
    settings: CompareSettings,
    params: PassageParams,
    key: dict[str, object],
    results: Found,
    missing: list[tuple[int, int]],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    started: float,
    pane_ready: PaneReady | None = None,
    pooled: bool = False,
    prepared: dict[int, PreparedDocument] | None = None,
    ahead: Labelling | None = None,
) -> CompareResult:
    prepared = {} if prepared is None else prepared
    pairs = list(combinations(range(len(docs)), 2))
    hits = len(results)
    # Documents still waiting for a pair: told to `pane_ready` when none is left (only while others match).
    waiting = {n: sum(n in pair for pair in missing) for n in range(len(docs))} if missing else {}
    if len(docs) < 3:
        pane_ready = None
    troubles: list[str] = []
    ordered = PairwiseLinks(pairs, len(docs))
    for pair in pairs:
        if pair in results:
            ordered.add(pair, results[pair][0])
    # Each pair's sides of the text covered, measured in the pool where it matched the pair (first opens).
    covers: dict[int, PairCover] | None = {} if pooled and not results else None
    for pair, (pair_passages, summary) in _matched(
        docs, params, missing, prepared, cancelled, pooled, troubles.append, covers, settings.count_formulas,
        ahead,
    ):  # fmt: skip
        a, b = pair
        results[a, b] = (list(pair_passages), summary)
        ordered.add(pair, results[a, b][0])
        if progress is not None:
            progress(len(results), len(pairs))
        if pane_ready is not None and len(results) < len(pairs):
            for n in (a, b):
                waiting[n] -= 1
                if waiting[n] == 0:
                    pane_ready(n, provisional_links(results, n, len(docs)))
    passages: list[Passage] = [p for pair in pairs for p in results[pair][0]]
    summaries: list[PairSummary] = [results[pair][1] for pair in pairs]
    comparison = Comparison(tuple(passages), tuple(summaries))
    if covers is not None and len(covers) == len(missing):
        ratios, pair_ratios = measured_ratios({missing[m]: cover for m, cover in covers.items()}, len(docs))
    else:
        views = [prepared[n].view if n in prepared else None for n in range(len(docs))]
        ratios, pair_ratios = shared_ratios(
            [d.text for d in docs], comparison.passages, settings.count_formulas, views
        )
    links = tuple(ordered.links())
    return CompareResult(
        tuple(docs), settings, comparison, ratios, pair_ratios, hits, time.perf_counter() - started, links,
        tuple(missing), key, troubles[0] if troubles else "",
    )  # fmt: skip


def _matched(
    docs: Sequence[CompareDocument],
    params: PassageParams,
    missing: list[tuple[int, int]],
    prepared: dict[int, PreparedDocument],
    cancelled: IsCancelled | None,
    pooled: bool,
    on_trouble: Callable[[str], None],
    covers: dict[int, PairCover] | None = None,
    count_formulas: bool = False,
    ahead: Labelling | None = None,
) -> Iterator[tuple[tuple[int, int], tuple[list[Passage], PairSummary]]]:
    """Each missing pair's passages and summary, as they finish.

    `pooled`: matched and labelled in the pool's processes (taking over the labels `ahead` started), in
    combinations order, so each document's pairs finish one document after another (its pane can be drawn
    meanwhile). Otherwise where the pairs share text is found on two cores (a pool process takes pairs
    from the end of `pair_order`), and every pair is labelled here, with this process's lexicon and
    boilerplate signal (into `prepared`).
    `covers`: filled with the pool's covers of the pairs it matched (helper_pool.labelled_pairs)."""
    if pooled:
        texts = [d.text for d in docs]
        found_pairs = labelled_pairs(
            texts, missing, params, cancelled, on_trouble, covers, count_formulas, ahead
        )
        for m, found in found_pairs:
            yield missing[m], found
        return
    for n in sorted({n for pair in missing for n in pair}):
        if n not in prepared:
            prepared[n] = prepare(docs[n].text, params)
    ordered = pair_order(missing)
    for m, groups in shared_groups(prepared, ordered, params, cancelled):
        a, b = ordered[m]
        yield (a, b), compare_prepared(prepared[a], prepared[b], a, b, params, None, cancelled, groups)
