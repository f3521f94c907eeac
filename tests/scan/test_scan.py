"""`duidu scan` on a real local Dask cluster and in-process: same pairs, incremental, cancel, network."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.model import DocumentMeta
from app.scan.run import plan_scan, run_scan
from app.store import add_document, get_text, open_library
from app.store.network import copy_network
from app.store.scan_store import scan_status
from tests.scan.conftest import assert_consistent, stored

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="session")
def reference(small_library: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple]:
    """The single-process scan of the small library: the pairs every other path must give."""
    path = tmp_path_factory.mktemp("reference") / "scanned.sqlite"
    shutil.copyfile(small_library, path)
    with open_library(str(path)) as library:
        report = run_scan(library, workers=0)
    assert not report.cancelled and report.scanned == report.plan.documents
    return path, stored(path)


def test_local_dask_cluster_stores_the_pairs_of_the_single_process_path(
    library_copy: Path, reference: tuple[Path, tuple], dask_client: object
) -> None:
    progress = []
    with open_library(str(library_copy)) as library:
        report = run_scan(library, client=dask_client, progress=progress.append)
    pairs, passages, runs = stored(library_copy)
    expected_pairs, expected_passages, _runs = reference[1]
    assert pairs == expected_pairs and passages == expected_passages
    assert len(pairs) >= 20 and set(runs) == set(range(1, report.plan.documents + 1))
    assert "Dask" in report.where and report.found == len(pairs)
    assert progress[-1].documents_done == progress[-1].documents == report.plan.documents
    assert [p.documents_done for p in progress] == sorted(p.documents_done for p in progress)


def test_the_copy_network_reads_the_stored_pairs(reference: tuple[Path, tuple], tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(reference[0], path)
    with open_library(str(path)) as library:
        from_scan = copy_network(library, threshold=0.2)
        measured = copy_network(library, threshold=0.2, stored=False)
        some = [e.target.id for e in from_scan.edges[:3]]
        below = copy_network(library, some, threshold=0.05)  # stored pairs start at 10 %: measured now
    assert from_scan.from_scan and not measured.from_scan and not below.from_scan
    edge = {(e.source.id, e.target.id): (e.directed, round(e.target_ratio, 6)) for e in from_scan.edges}
    assert edge and edge == {
        (e.source.id, e.target.id): (e.directed, round(e.target_ratio, 6)) for e in measured.edges
    }
    assert len(from_scan.nodes) == len(measured.nodes)


def test_a_rescan_does_only_the_new_speeches(reference: tuple[Path, tuple], tmp_path: Path) -> None:
    path = tmp_path / "grown.sqlite"
    shutil.copyfile(reference[0], path)
    pairs, _passages, runs = reference[1]
    source = pairs[0][0]
    with open_library(str(path)) as library:
        with library.reader() as session:
            text = get_text(session, source) or ""
        with library.writer.begin() as session:
            new = add_document(session, "新的一年里，" + text[: len(text) // 2], DocumentMeta(title="新")).id
        plan = plan_scan(library)
        assert [u.document_id for u in plan.units] == [new] and source in plan.units[0].candidates
        report = run_scan(library, workers=0, plan=plan)
        with library.reader() as session:
            status = scan_status(session)
    assert report.scanned == 1 and status.complete
    grown_pairs, _grown_passages, grown_runs = stored(path)
    assert {k: v for k, v in grown_runs.items() if k != new} == runs  # nothing redone
    assert set(grown_pairs) - set(pairs) == {p for p in grown_pairs if p[1] == new}
    assert any(p[0] == source and p[1] == new and p[3] > 0.9 for p in grown_pairs)


def test_a_cancelled_scan_keeps_what_it_stored_and_the_next_one_finishes(
    library_copy: Path, reference: tuple[Path, tuple]
) -> None:
    seen = []
    with open_library(str(library_copy)) as library:
        report = run_scan(
            library,
            workers=0,
            batch_documents=2,
            progress=seen.append,
            cancelled=lambda: len(seen) >= 4,
        )
        assert report.cancelled and 0 < report.scanned < report.plan.documents
        _pairs, _passages, first_runs = stored(library_copy)
        assert_consistent(library_copy)
        with library.reader() as session:
            assert scan_status(session).scanned == len(first_runs) == report.scanned
        again = run_scan(library, workers=0)
    assert again.plan.already_scanned == report.scanned and not again.cancelled
    pairs, passages, runs = stored(library_copy)
    assert (pairs, passages) == reference[1][:2]
    assert {d: runs[d] for d in first_runs} == first_runs


def test_a_scan_with_fewer_candidates_is_redone_by_a_fuller_one(
    library_copy: Path, reference: tuple[Path, tuple]
) -> None:
    with open_library(str(library_copy)) as library:
        narrow = run_scan(library, workers=0, plan=plan_scan(library, max_weak=0))
        narrow_pairs = stored(library_copy)[0]
        fuller = plan_scan(library)
        assert narrow.scanned == fuller.documents and fuller.already_scanned == 0
        assert fuller.pairs > narrow.plan.pairs
        run_scan(library, workers=0, plan=fuller)
    assert set(narrow_pairs) < set(reference[1][0])  # the narrow scan missed pairs the full one finds
    assert stored(library_copy)[:2] == reference[1][:2]


def test_the_bound_skips_only_pairs_the_whole_pair_engine_leaves_below_the_threshold(
    small_library: Path,
) -> None:
    """Every candidate pair is measured whole by the engine: each one reaching 10 % (or 5 %) on either side
    must pass the cheap bound, and the bound must turn some candidates away (else it saves nothing)."""
    from app.core.passages import compare_prepared, prepare
    from app.core.scan_focus import ScanDocument, may_reach_threshold
    from app.store.tracing import default_params, holding_session, remember, texts_of

    with open_library(str(small_library), readonly=True) as library:
        plan = plan_scan(library)
        params = default_params(library)
        ids = {u.document_id for u in plan.units} | {c for u in plan.units for c in u.candidates}
        with library.reader() as session:
            texts = texts_of(session, sorted(ids))
        docs = {i: ScanDocument.of(remember(params, prepare(texts[i], params), i)) for i in ids}
        skipped = {0.1: 0, 0.05: 0}
        with holding_session(params):
            for unit in plan.units:
                for low in unit.candidates:
                    a, b = docs[low], docs[unit.document_id]
                    _passages, summary = compare_prepared(a.prepared, b.prepared, 0, 1, params)
                    ratio = max(summary.a_copy_ratio, summary.b_copy_ratio)
                    for threshold in skipped:
                        if not may_reach_threshold(a, b, params, threshold):
                            assert ratio < threshold, (low, unit.document_id, ratio)
                            skipped[threshold] += 1
    assert skipped[0.1] > 0 and skipped[0.1] >= skipped[0.05]
