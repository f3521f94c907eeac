"""Compare two or N documents: seed, chain, resolve, group, classify.

Each pair is computed in one canonical orientation (the shorter document is indexed, the other scanned)
and mirrored when the caller asked for the other order, so compare(a, b) is exactly compare(b, a) seen
from the other side.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from app.core.normalize import REDACTION, NormalizedView, normalize
from app.core.passages.align import IntervalSet, acceptable, group_reordered, resolve, trim_ends
from app.core.passages.classify import (
    DocumentBuiltins,
    classify,
    lexical_share,
    lone_clauses,
    title_share,
    title_spans,
)
from app.core.passages.collector import collector_paused
from app.core.passages.diff_segments import segments
from app.core.passages.extend import (
    Candidate,
    chain_blocks,
    chain_candidate,
    chain_runs,
    make_candidate,
    split_at_redactions,
    split_weak,
)
from app.core.passages.model import (
    Cancelled,
    CancelledFn,
    Comparison,
    PairSummary,
    Passage,
    PassageParams,
    ProgressFn,
)
from app.core.passages.seeds import Run, SeedIndex, find_runs, fits
from app.core.text import content_hash

if TYPE_CHECKING:
    from app.core.passages.gram_codes import ScannedGrams
    from app.core.passages.long_runs import IndexedGrams
    from app.core.passages.vector_runs import GramTable, RunArrays


@dataclass(slots=True)
class PreparedDocument:
    """A document's normalised view and, built on first use, its seed index (reused across pairs)."""

    text: str
    view: NormalizedView
    sha256: str
    _index: SeedIndex | None = field(default=None, repr=False)
    _table: GramTable | None = field(default=None, repr=False)
    _scanned: ScannedGrams | None = field(default=None, repr=False)
    _indexed: IndexedGrams | None = field(default=None, repr=False)
    _titles: list[tuple[int, int]] | None = field(default=None, repr=False)
    _partly_indexed: bool = field(default=False, repr=False)
    _shares: dict[str, float] = field(default_factory=dict, repr=False)
    _shares_params: PassageParams | None = field(default=None, repr=False)
    #: the built-in lists' coverage of any stretch (`classify.DocumentBuiltins`), made on first use
    _builtins: DocumentBuiltins | None = field(default=None, repr=False)
    #: per labelling hook (formula oracle, boilerplate signal): (the hook, the text, what it made of it)
    _labelling: dict[str, tuple[object, str, Any]] = field(default_factory=dict, repr=False)
    #: this view is pieces of another document's view: (that document, each piece's start here, its start
    #: there, its length), so a stretch inside one piece is labelled by that document's hooks
    _pieces_of: tuple[PreparedDocument, tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None = field(
        default=None, repr=False
    )

    def formula_share(self, start: int, end: int, params: PassageParams, exclude: frozenset[str]) -> float:
        """`classify.formula_share` of the normalised stretch [start, end) of this document, its costly parts
        made once per document.

        Compared with three or more documents (or a query with its candidates), the same stretch is a
        passage side in several pairs (a paragraph shared with every other speech): its lexicon and
        stock-phrase coverage depends on the text alone and is cached by it. The hooks that can prepare
        themselves for a whole document (`of_document`: the shipped lexicon finds the document's formulas
        once, the library's boilerplate hashes its shingles once) are asked about the stretch through
        that, with the same answers; any other hook is asked with the stretch's text.
        """
        normalised = self.view.text[start:end]
        if params is not self._shares_params:
            self._shares, self._shares_params = {}, params
        lexical = self._shares.get(normalised)
        if lexical is None:
            formulas = self._prepared("formulas", params.formula_oracle)
            oracle_share = None if formulas is None else (lambda a, b: formulas.share(start + a, start + b))
            covered = self._made_builtins().coverage(start, end)
            lexical = self._shares[normalised] = lexical_share(normalised, params, oracle_share, covered)
        signal = params.boilerplate
        if signal is None:
            return lexical
        mine = self._prepared("boilerplate", signal)
        corpus = signal.share(normalised, exclude) if mine is None else mine.share(start, end, exclude)
        return max(lexical, corpus)

    def _made_builtins(self) -> DocumentBuiltins:
        if self._builtins is None:
            self._builtins = DocumentBuiltins(self.view.text)
        return self._builtins

    @property
    def labelled(self) -> bool:
        """Whether this document has labelled a stretch, or taken another copy's `labels`."""
        return self._builtins is not None

    def labels(self, params: PassageParams) -> tuple[Any, Any]:
        """What labelling any stretch of this document takes that is made once per document, made for all
        of it, for a copy of the document in another process (`take_labels`: the matching pool makes a
        document's once, not once in each of its processes): where slogan lists can stand, and the formula
        oracle's finds (when its per-document form hands them over: `found`)."""
        formulas = self._prepared("formulas", params.formula_oracle)
        found = getattr(formulas, "found", None)
        return self._made_builtins().screen, None if found is None else found()

    def take_labels(self, labels: tuple[Any, Any], params: PassageParams) -> None:
        """Another copy's `labels` of this document, so that labelling here finds nothing anew."""
        screen, found = labels
        self._builtins = DocumentBuiltins(self.view.text, screen)
        formulas = self._prepared("formulas", params.formula_oracle)
        if found is not None and formulas is not None:
            formulas.take(found)

    def _prepared(self, name: str, hook: object) -> Any:
        """`hook.of_document(this text)`, made on first use and kept while the hook and the text stay the
        same; None when the hook has no such form (or there is no hook)."""
        made = self._labelling.get(name)
        if made is None or made[0] is not hook or made[1] is not self.view.text:
            of_document = getattr(hook, "of_document", None)
            if of_document is None:
                made = (hook, self.view.text, None)
            elif self._pieces_of is None:
                made = (hook, self.view.text, of_document(self.view.text))
            else:
                whole = self._pieces_of[0]._prepared(name, hook)
                mapped = None if whole is None else InPieces(whole, self._pieces_of, hook, self.view.text)
                made = (hook, self.view.text, mapped)
            self._labelling[name] = made
        return made[2]

    @property
    def titles(self) -> list[tuple[int, int]]:
        """Normalised spans of the document titles (《…》) the text cites, found on first use."""
        if self._titles is None:
            self._titles = title_spans(self.text, self.view)
        return self._titles

    def index(self, params: PassageParams, scanned: PreparedDocument | None = None) -> SeedIndex:
        """The seed index, built once and kept; the first time `scanned` (the other side of the pair)
        already has one, only the grams both share are indexed, for this pair alone: a candidate of a
        query is compared once, and a document compared more often pays at most one such partial build."""
        wanted = (params.seed_chars, params.max_seed_occurrences)
        if self._index is not None and (self._index.k, self._index.max_occurrences) == wanted:
            return self._index
        other = scanned._index if scanned is not None else None
        if not self._partly_indexed and other is not None and (other.k, other.max_occurrences) == wanted:
            self._partly_indexed = True
            return SeedIndex(self.view.text, *wanted, only=other.positions)
        self._index = SeedIndex(self.view.text, *wanted)
        return self._index

    def gram_table(self, params: PassageParams) -> GramTable:
        """The seed positions as arrays (`vector_runs`), built once and kept like the index."""
        from app.core.passages.vector_runs import GramTable

        wanted = (params.seed_chars, params.max_seed_occurrences)
        if self._table is None or (self._table.k, self._table.max_occurrences) != wanted:
            self._table = GramTable(self.view.text, *wanted)
        return self._table

    def indexed(self, params: PassageParams) -> IndexedGrams:
        """This text's sorted grams with their kept seeds, for the long pairs that index it (`long_runs`),
        kept like the index."""
        from app.core.passages.long_runs import IndexedGrams

        wanted = (params.seed_chars, params.max_seed_occurrences)
        if self._indexed is None or (self._indexed.k, self._indexed.max_occurrences) != wanted:
            self._indexed = IndexedGrams(self.scanned(params), params.max_seed_occurrences)
        return self._indexed

    def scanned(self, params: PassageParams) -> ScannedGrams:
        """This text's grams sorted once, for the pairs that scan it (`vector_runs`), kept like the index."""
        from app.core.passages.gram_codes import ScannedGrams

        if self._scanned is None or self._scanned.k != params.seed_chars:
            self._scanned = ScannedGrams(self.view.text, params.seed_chars)
        return self._scanned

    @property
    def order_key(self) -> tuple[int, str, str]:
        return (len(self.view.text), self.view.text, self.text)


class InPieces:
    """A labelling hook's per-document form (`of_document`) for a view made of pieces of another document
    (`PreparedDocument._pieces_of`): a stretch inside one piece is the same text as a stretch of that
    document, so it is asked there (made once for a query and shared by the cut of it compared with each
    candidate); a stretch across a joint is asked of a form made for this view's own text."""

    __slots__ = ("_hook", "_lengths", "_own", "_starts", "_text", "_theirs", "_whole")

    def __init__(
        self,
        whole: Any,
        pieces: tuple[PreparedDocument, tuple[int, ...], tuple[int, ...], tuple[int, ...]],
        hook: object,
        text: str,
    ) -> None:
        self._whole, self._hook, self._text = whole, hook, text
        _, self._starts, self._theirs, self._lengths = pieces
        self._own: Any = None

    def share(self, start: int, end: int, *rest: Any) -> float:
        n = bisect_right(self._starts, start) - 1
        if n >= 0 and end <= self._starts[n] + self._lengths[n]:
            shift = self._theirs[n] - self._starts[n]
            return self._whole.share(start + shift, end + shift, *rest)
        if self._own is None:
            self._own = self._hook.of_document(self._text)  # type: ignore[attr-defined]
        return self._own.share(start, end, *rest)


def prepare(text: str, params: PassageParams) -> PreparedDocument:
    """Normalise a stored text for matching; refuses texts beyond `params.max_chars`."""
    view = normalize(text, keep_punctuation=False)
    if len(view.text) > params.max_chars:
        raise ValueError(
            f"document has {len(view.text):,} characters to compare; the limit is {params.max_chars:,}"
        )
    return PreparedDocument(text, view, content_hash(text))


#: From this many characters on the scanned side, runs are found with numpy (`vector_runs`: the same
#: runs, a fraction of the time on long texts); below it, importing numpy would cost more than it saves.
VECTOR_CHARS = 20_000


def _vectorised(indexed: str, scanned: str) -> bool:
    """Whether numpy finds this pair's runs: long texts, or shorter ones once numpy is loaded anyway."""
    long = len(scanned) >= VECTOR_CHARS or (len(scanned) >= 2_000 and "numpy" in sys.modules)
    return long and fits(indexed) and fits(scanned)


#: From this many characters on both sides, a pair is "long": its runs shorter than CHANCE[1] made only of
#: grams with more than CHANCE[0] seed hits in the pair, with no kept run beside them on their diagonal,
#: are left out. Such runs are mostly chance repeats of stock phrases, and their number grows about with
#: the square of the length; below it results are exactly those of `find_runs`. Since issue 13's session
#: 11 (notes/13s11.md) the common grams' seed hits are not made at all: the runs are found from the rare
#: grams' hits, the windows of CHANCE[1] characters both texts hold and the runs beside those
#: (`long_runs`), the same runs for about linear work.
#: CHANCE[1] is the default `min_chars`: a stock-wording run too short to be a passage by itself only
#: becomes one by chaining with other such runs near its diagonal, which on long pairs of reports from
#: different years gives short passages of stock pieces (issue 13, notes/13e5.md: at ten reports per
#: side 160k, 1,190 → 1,088 passages, 1.3–1.6× less CPU; the 143 passages lost whole are short, 136 of them
#: labelled formula; long-text quality moves by at most 0.0007). It was (16, 8) until then.
#: Measured with tests/bench/test_bench_long_quality.py (long-text quality) and
#: test_bench_engine_scaling.py; eval_passages' cases are all far shorter than LONG_CHARS.
LONG_CHARS = 50_000
CHANCE = (4, 12)


def _unmeasured(lone: set[int]) -> set[int]:
    """The passages whose formula share is not measured: the lone clauses, formulas by rule."""
    return lone


def _chance(indexed: str, scanned: str) -> tuple[int, int] | None:
    """The chance-run rule for this pair's runs (`long_runs`): only for long texts."""
    return CHANCE if min(len(indexed), len(scanned)) >= LONG_CHARS else None


def _seed_runs(
    x: PreparedDocument,
    y: PreparedDocument,
    params: PassageParams,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> tuple[list[Run] | RunArrays, list[Run] | RunArrays]:
    """All seed runs of the pair (as arrays when numpy found them), and those `chain_runs` can use
    (every run, or all but the lone short ones, which it would drop anyway)."""
    text = y.view.text
    if _vectorised(x.view.text, text):
        from app.core.passages.vector_chains import lone_short_runs
        from app.core.passages.vector_runs import find_runs_vectorised

        chance = _chance(x.view.text, text)
        if chance is None:
            found = find_runs_vectorised(x.gram_table(params), y.scanned(params), progress, cancelled)
        else:  # a long pair: no seed index of x is made, its sorted grams serve (`long_runs`)
            from app.core.passages.long_runs import long_pair_runs

            found = long_pair_runs(x.indexed(params), y.scanned(params), chance, progress, cancelled)
        if found is not None:
            lone = lone_short_runs(found, params.max_gap, params.min_chars)
            return found, found.of(~lone)
    runs = find_runs(x.index(params, y), text, progress, cancelled)
    return runs, runs


def _chains(runs: list[Run] | RunArrays, params: PassageParams) -> list[list[Run]]:
    """`chain_runs` of the runs, in arrays when numpy found them (the same chains)."""
    if isinstance(runs, list):
        return chain_runs(runs, params.max_gap, params.min_chars)
    from app.core.passages.vector_chains import chain_runs_vectorised

    return chain_runs_vectorised(runs, params.max_gap, params.min_chars)


def _candidates(
    runs: list[Run] | RunArrays, x: PreparedDocument, y: PreparedDocument, params: PassageParams
) -> list[Candidate]:
    """Chains of runs, aligned in their gaps and cut where too dissimilar, that pass the thresholds."""
    found: list[Candidate] = []
    # (most pairs have no redaction: no chain is cut at one, and its gaps need not be sliced to tell)
    redacted = REDACTION in x.view.text or REDACTION in y.view.text
    for chain in _chains(runs, params):
        if (
            chain[-1][0] + chain[-1][2] - chain[0][0] < params.min_chars
            or chain[-1][1] + chain[-1][2] - chain[0][1] < params.min_chars
        ):
            continue
        if len(chain) == 1 and chain[0][2] >= 2:
            # one exact run (most chains of a long pair): no gap, no redaction, nothing to trim or split
            found.append(make_candidate(chain))
            continue
        blocks = chain_blocks(chain, x.view.text, y.view.text)
        parts = split_at_redactions(blocks, x.view.text, y.view.text) if redacted else (blocks,)
        for part in parts:
            for piece, whole in split_weak(part, params.min_similarity, params.min_chars):
                trimmed = trim_ends(piece)
                if trimmed:
                    # nothing trimmed (most pieces): the candidate split_weak made of it
                    same = whole is not None and len(trimmed) == len(piece)
                    cand = whole if same else chain_candidate(trimmed)
                    if acceptable(cand, params.min_chars, params.min_similarity):
                        found.append(cand)
    return found


def pair_groups(
    x: PreparedDocument,
    y: PreparedDocument,
    params: PassageParams,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[list[Candidate]]:
    """Where x (indexed) and y (scanned) share text: accepted candidates, grouped where reordered.

    The costly, label-free part of a pair (no lexicon, no boilerplate signal is asked), so another
    process can compute it (see `helper_pool`).
    """
    with collector_paused():  # (the pair's objects are freed by reference counting)
        runs, chainable = _seed_runs(x, y, params, progress, cancelled)
        cands = _candidates(chainable, x, y, params)
        accepted = resolve(cands, params.min_chars, params.min_similarity, params.max_gap, params.group_gap)
        if params.group_reordered:
            return group_reordered(
                accepted, runs, params.group_coverage, params.group_gap, params.group_clause_chars
            )
        return [[c] for c in accepted]


def _pair(
    x: PreparedDocument,
    y: PreparedDocument,
    ix: int,
    iy: int,
    params: PassageParams,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
    groups: list[list[Candidate]] | None = None,
    mirrored: bool = False,
    settled: float | None = None,
) -> tuple[list[Passage], PairSummary]:
    """Passages between x (indexed) and y (scanned), oriented x → y, or y → x when `mirrored` (from
    `groups` if already known); `settled`: see `compare_prepared`."""
    if groups is None:
        groups = pair_groups(x, y, params, progress, cancelled)
    exclude = frozenset((x.sha256, y.sha256))
    passages: list[Passage] = []
    copied_x, copied_y = IntervalSet(), IntervalSet()
    boxes = [_box(group) for group in groups]
    lone = lone_clauses(boxes, params, len(x.view.text), len(y.view.text))
    # A lone clause is a formula by rule, whatever its share, so its share is not measured: it says 1.0.
    # Lone clauses are most passages (two work reports: about two thirds; ten reports per side at 160k:
    # 787 of 1,088) and measuring them was a quarter of a long pair's CPU (issue 13, notes/13e8.md). No
    # view, report or ranking reads a lone clause's share; the scan and "similar speeches" never measured it.
    unmeasured = _unmeasured(lone)
    for n, (group, box) in enumerate(zip(groups, boxes, strict=True)):
        similarity = _group_similarity(group)
        nx, ny = x.view.text[box.x0 : box.x1], y.view.text[box.y0 : box.y1]
        if n in unmeasured:
            kind, share = "formula", 1.0  # a formula whatever its share: not measured
        else:
            # the larger side: an edit on one side (全面建设/全面建成) hides a formula from exact lists there
            share_x = x.formula_share(box.x0, box.x1, params, exclude)
            if settled is not None and share_x >= settled:
                share = share_x  # a formula far enough over the bar for the caller: y's side not measured
            else:
                share = max(
                    share_x,
                    share_x if ny == nx else y.formula_share(box.y0, box.y1, params, exclude),
                    title_share(x.titles, box.x0, box.x1),
                    title_share(y.titles, box.y0, box.y1),
                )
            kind = "formula" if n in lone else classify(share, min(len(nx), len(ny)), params)
        if kind == "copy":
            copied_x.add(box.x0, box.x1)
            copied_y.add(box.y0, box.y1)
        ax0, ax1 = x.view.original_span(box.x0, box.x1)
        by0, by1 = y.view.original_span(box.y0, box.y1)
        ax1, by1 = _through_closing(x.text, ax1), _through_closing(y.text, by1)
        ax0, by0 = _through_opening(x.text, ax0, ax1), _through_opening(y.text, by0, by1)
        sides = ((ix, ax0, ax1, x.text), (iy, by0, by1, y.text))
        (a, a0, a1, ta), (b, b0, b1, tb) = sides[::-1] if mirrored else sides
        passages.append(
            Passage(
                a=a,
                b=b,
                a_start=a0,
                a_end=a1,
                b_start=b0,
                b_end=b1,
                similarity=round(similarity, 4),
                kind=kind,
                a_text=ta[a0:a1],
                b_text=tb[b0:b1],
                alignment=segments(group, x.view, y.view, x.text, y.text, mirrored),
                matched_chars=box.matched,
                formula_share=round(share, 4),
            )
        )
    # (mirrored: as sorting x → y, mirroring and sorting again did, since both keys tie the same passages)
    passages.sort(key=lambda p: (p.a_start, p.b_start))
    ratios = (_ratio(copied_x, len(x.view)), _ratio(copied_y, len(y.view)))
    if mirrored:
        return passages, PairSummary(iy, ix, ratios[1], ratios[0])
    return passages, PairSummary(ix, iy, *ratios)


#: Punctuation that closes the sentence or quotation a passage ends with; it belongs to the passage.
_CLOSING = frozenset("。！？；：，、!?;:,…”’」』）)》〉】")


def _through_closing(text: str, end: int) -> int:
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return end


#: Opening quotes and brackets, with their closers: a passage holding the closer takes the opener too.
_OPENING = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "《": "》",
    "〈": "〉",
    "【": "】",
    '"': '"',
}


def _through_opening(text: str, start: int, end: int) -> int:
    while start > 0 and text[start - 1] in _OPENING and _OPENING[text[start - 1]] in text[start:end]:
        start -= 1
    return start


def _box(group: list[Candidate]) -> Candidate:
    return group[0] if len(group) == 1 else make_candidate([b for c in group for b in c.blocks])


def _group_similarity(group: list[Candidate]) -> float:
    """Similarity of one part, or the length-weighted mean over reordered parts (order is not an edit)."""
    if len(group) == 1:
        return group[0].similarity
    weights = [(c.x1 - c.x0) + (c.y1 - c.y0) for c in group]
    return sum(c.similarity * w for c, w in zip(group, weights, strict=True)) / sum(weights)


def _ratio(covered: IntervalSet, length: int) -> float:
    if not length:
        return 0.0
    return round(sum(e - s for s, e in zip(covered.starts, covered.ends, strict=True)) / length, 4)


def canonical(da: PreparedDocument, db: PreparedDocument) -> bool:
    """Whether the pair is computed as given (da indexed, db scanned) rather than from b's side."""
    return not db.order_key < da.order_key


def compare_prepared(
    da: PreparedDocument,
    db: PreparedDocument,
    a: int,
    b: int,
    params: PassageParams,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    groups: list[list[Candidate]] | None = None,
    settled: float | None = None,
) -> tuple[list[Passage], PairSummary]:
    """Passages oriented a → b, computed in the canonical orientation of the pair (`groups`: that
    orientation's `pair_groups`, when another process computed them). A short clause shared alone, a
    formula by rule (`classify.lone_clauses`), is not measured: its `formula_share` says 1.0.
    `settled` (at least both formula bars), for a caller
    that counts nothing of a formula passage whose share reaches it ("similar speeches"): once the
    indexed side's share reaches it, the other side is not measured (the passage is a formula whatever
    that side holds) and the passage's `formula_share` is the indexed side's, a lower bound."""
    with collector_paused():  # (the pair's objects are freed by reference counting)
        if not canonical(da, db):  # computed from b's side, the passages made as seen from a
            return _pair(db, da, b, a, params, progress, cancelled, groups, mirrored=True, settled=settled)
        return _pair(da, db, a, b, params, progress, cancelled, groups, settled=settled)


def compare_pair(
    text_a: str,
    text_b: str,
    params: PassageParams | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Comparison:
    """Shared passages of two stored texts (documents 0 and 1), with their copy ratios."""
    params = params or PassageParams()
    # The collector stays paused until the prepared documents are gone: resumed before, its first young
    # collection went through them and their labelling caches (160k a side: 5 ms; after them: 0.03 ms).
    with collector_paused():
        da, db = prepare(text_a, params), prepare(text_b, params)
        passages, summary = compare_prepared(da, db, 0, 1, params, progress, cancelled)
        del da, db
        return Comparison(tuple(passages), (summary,))


def compare_many(
    texts: Sequence[str],
    params: PassageParams | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Comparison:
    """All pairs (a < b) of N stored texts; progress counts finished pairs."""
    params = params or PassageParams()
    with collector_paused():  # (as in `compare_pair`: until the prepared documents are gone)
        docs = [prepare(text, params) for text in texts]
        pairs = list(combinations(range(len(docs)), 2))
        passages: list[Passage] = []
        summaries: list[PairSummary] = []
        for done, (a, b) in enumerate(pairs):
            if cancelled is not None and cancelled():
                raise Cancelled
            found, summary = compare_prepared(docs[a], docs[b], a, b, params, None, cancelled)
            passages.extend(found)
            summaries.append(summary)
            if progress is not None:
                progress(done + 1, len(pairs))
        del docs
        return Comparison(tuple(passages), tuple(summaries))
