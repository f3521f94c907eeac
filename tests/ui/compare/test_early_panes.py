"""A pane whose pairs are all matched is drawn while the other pairs still match, from provisional Links;
when the whole result lands it is only relinked, and ends up exactly as if drawn from the result."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from itertools import combinations

from app.ui.compare import CompareView, highlights, result_memo
from app.ui.compare.compute import CompareSettings, compute
from app.ui.compare.early_panes import pair_order
from app.ui.compare.highlights import apply_highlights
from app.ui.compare.links import Link
from app.ui.pane.reading_pane import ReadingPane

from .conftest import sample_document

NAMES = (
    "01-city-study-session.txt",
    "02-county-government-work-report.txt",
    "03-theme-education-mobilisation.txt",
    "04-county-exchange-remarks.txt",
)


class _HeldRunner:
    """Runs the work at once (so the worker's pane_ready calls arrive) but hands its result over only when
    the test says so: the moment between "some panes' pairs are done" and "the result landed"."""

    def __init__(self) -> None:
        self.held: list[tuple[object, object]] = []

    def start(self, work, *, on_success=None, on_failure=None, on_progress=None):
        class Pending:
            done = False

            def cancel(self) -> None:
                pass

        self.held.append((work(lambda *_: None, lambda: False), on_success))
        return Pending()

    def deliver(self) -> None:
        result, on_success = self.held.pop()
        on_success(result)


def _marks(pane: ReadingPane) -> dict[str, list[tuple[int, int, object]]]:
    return {kind: [(m.start, m.end, m.payload) for m in pane.marks(kind)] for kind in pane.mark_kinds()}


def test_compute_tells_each_document_done_before_the_last_pair_with_its_final_links_unnumbered():
    documents = [sample_document(name) for name in NAMES]
    told: list[tuple[int, list[Link]]] = []
    result = compute(documents, CompareSettings(), pane_ready=lambda doc, links: told.append((doc, links)))
    # Pairs matched in pair_order's order (0,3) (0,2) (0,1) (1,2) (2,3) (1,3) (no helper for so little
    # text): 0 is done after the third, 2 after the fifth; 1 and 3 only with the last pair, when the whole
    # result follows at once.
    assert pair_order(list(combinations(range(4), 2))) == [(0, 3), (0, 2), (0, 1), (1, 2), (2, 3), (1, 3)]
    assert [doc for doc, _ in told] == [0, 2]
    final = result.links_by_doc()
    assert result.passages and all(final[doc] for doc, _ in told)
    for doc, links in told:
        assert links == [replace(link, number=-1) for link in final[doc]]

    two: list[int] = []
    compute(documents[:2], CompareSettings(), pane_ready=lambda doc, links: two.append(doc))
    assert two == [], "a pair has nothing to draw early"


def test_a_pane_done_early_is_drawn_before_the_result_and_relinked_after(qtbot, prefs):
    highlights.forget_drawn()
    result_memo.forget_all()
    documents = [sample_document(name) for name in NAMES]
    runner = _HeldRunner()
    view = CompareView(documents, runner=runner, prefs=prefs)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    ready: list[bool] = []
    view.highlights_ready.connect(lambda: ready.append(True))
    view.ensure_started()

    # Matched, not yet handed over: panes 0 and 2 are drawn already, with provisional (-1) passages.
    view._steps.run_all()
    assert view.result is None and ready == [], "early panes alone are not 'highlighted'"
    for index, pane in enumerate(view.panes):
        kinds = set(pane.reader.highlighted_ranges())
        copies = {kind for kind in kinds if kind.startswith("copy-")}
        assert bool(copies) == (index in (0, 2)), (index, kinds)
        payloads = [m[2] for marks in _marks(pane.reader).values() for m in marks if isinstance(m[2], Link)]
        assert all(link.number == -1 for link in payloads)
    early_drawing = [view.panes[n].reader.highlighted_ranges() for n in (0, 2)]
    provisional = view.panes[0].reader.marks(
        next(k for k in view.panes[0].reader.mark_kinds() if "copy" in k)
    )
    view._on_mark_clicked(0, provisional[0])
    assert view.current is None, "a provisional passage has no number to select"

    runner.deliver()
    view.wait_until_highlighted()
    assert view.result is not None and ready == [True]
    assert [view.panes[n].reader.highlighted_ranges() for n in (0, 2)] == early_drawing
    for index, pane in enumerate(view.panes):
        reference = ReadingPane(pane.reader.text())
        apply_highlights(reference, view.links[index], view.labels(), top_partner=view.sync.lead)
        assert pane.reader.highlighted_ranges() == reference.highlighted_ranges(), index
        assert _marks(pane.reader) == _marks(reference), index  # the final Links, numbered
    assert len(highlights._drawn) == 4, "every pane's drawing is kept for a reopen, the early ones too"
    first = next(link for link in view.links[0] if link.kind == "copy")
    marks = view.panes[0].reader.marks(f"copy-{first.partner}")
    view._on_mark_clicked(0, next(m for m in marks if m.payload == first))
    assert view.current_number == first.number


def _completed(order: list[tuple[int, int]], count: int) -> list[int]:
    """After how many pairs each document has all its pairs done, the list being taken from both ends in
    turn (the worker from the front, the helper from the back), soonest first."""
    queue, done, when = deque(order), set(), {}
    while queue:
        done.add(queue.popleft() if len(done) % 2 == 0 else queue.pop())
        for doc in range(count):
            if doc not in when and all(pair in done for pair in combinations(range(count), 2) if doc in pair):
                when[doc] = len(done)
    return sorted(when.values())


def test_pair_order_completes_documents_sooner_from_both_ends():
    for count in (4, 5, 8):
        pairs = list(combinations(range(count), 2))
        ordered = pair_order(pairs)
        assert sorted(ordered) == pairs
        mine, plain = _completed(ordered, count), _completed(pairs, count)
        assert all(a <= b for a, b in zip(mine, plain, strict=True)) and sum(mine) < sum(plain), count
    eight = list(combinations(range(8), 2))
    assert _completed(pair_order(eight), 8)[:4] == [12, 13, 21, 22]  # plainly: 13, 24, 25, 25
    assert pair_order([(1, 3), (0, 3)]) in ([(0, 3), (1, 3)], [(1, 3), (0, 3)])
