"""Worst-case latency of "similar speeches" on 10,000 speeches: long queries mixing other speeches.

Run with `python -m pytest tests/bench/test_bench_similar_latency.py -s` (the library is the one
tests/bench/test_bench_tracing.py builds and caches). Each query takes every paragraph of one or two
library speeches (the first dominant), fills up to 20–30k characters with corpus paragraphs (each of them
is in ~20 library speeches: the candidates that make queries slow), shuffles the paragraphs and
substitutes 0.5 % of the characters. Timed in-process for the ranking before issue 12 (the baseline,
app/store/tracing.py at BASELINE_COMMIT) and the current one in the same run, then through `duidu similar`
(a fresh process, start-up included) for both. Budgets (issue 12): median < 250 ms and worst < 1 s
in-process; the CLI < 1 s including start-up.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store import get_text, open_library
from app.store.tracing import default_params, similar_documents
from tests.bench.test_bench_reuse_ranking import BASELINE_COMMIT, baseline_module
from tests.bench.test_bench_tracing import DOCUMENTS, _library_file, _paragraphs
from tests.store.reuse_set import paragraphs, substitute

QUERIES = 16
REPO = Path(__file__).resolve().parents[2]
#: `duidu similar` with the baseline's similar_documents put in place of the current one.
_OLD_CLI = (
    "import sys; from tests.bench.test_bench_similar_latency import baseline_in_place; baseline_in_place(); "
    "from app.cli import run; sys.exit(run(sys.argv[1:]))"
)


def baseline_in_place() -> None:
    """Put the baseline's similar_documents in place of the current one, its results in today's record
    (which has two more fields, matched_chars and reason, that the CLI prints)."""
    from dataclasses import fields

    import app.store.tracing as tracing

    module = baseline_module()
    assert module is not None
    old = module.similar_documents

    def adapted(*args, **kwargs):  # type: ignore[no-untyped-def]
        return [
            tracing.SimilarDocument(
                **{f.name: getattr(r, f.name) for f in fields(r) if f.name != "document"},
                document=tracing.DocumentInfo(*(getattr(r.document, f.name) for f in fields(r.document))),
            )
            for r in old(*args, **kwargs)
        ]

    tracing.similar_documents = adapted


_NEW_CLI = "import sys; from app.cli import run; sys.exit(run(sys.argv[1:]))"


def long_queries(library_path: Path, corpus: Path) -> list[tuple[str, int]]:
    """(text, id of the dominant source) of QUERIES long mixed queries, deterministic."""
    rng = random.Random(12)
    pool = _paragraphs(corpus)
    made: list[tuple[str, int]] = []
    with open_library(str(library_path)) as library, library.reader() as session:
        while len(made) < QUERIES:
            sources = rng.sample(range(1, DOCUMENTS + 1), rng.choice((1, 2)))
            texts = [get_text(session, i) or "" for i in sources]
            parts = paragraphs(texts[0])
            if len(sources) == 2:  # the second source lends about half of its paragraphs
                second = paragraphs(texts[1])
                parts += rng.sample(second, len(second) // 2)
            target = rng.randint(20_000, 30_000)
            while sum(map(len, parts)) < target:
                parts.append(rng.choice(pool))
            rng.shuffle(parts)
            text = substitute("\n".join(parts), rng)[:30_000]
            made.append((text, sources[0]))
    return made


def _cli(code: str, query: Path, db: Path) -> tuple[float, list[int]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "similar", str(query), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    spent = time.perf_counter() - started
    return spent, [r["id"] for r in json.loads(done.stdout)["results"]]


@pytest.mark.slow
def test_long_mixed_queries_old_and_new(corpus: Path, tmp_path: Path) -> None:
    cached, _build_seconds = _library_file(corpus)
    work = tmp_path / "library.sqlite"
    shutil.copyfile(cached, work)
    queries = long_queries(work, corpus)
    baseline = baseline_module()
    rankers = {"new": similar_documents}
    if baseline is not None:
        rankers = {"old": baseline.similar_documents, **rankers}
    timings: dict[str, list[float]] = {name: [] for name in rankers}
    cpu: dict[str, list[float]] = {name: [] for name in rankers}
    found = dict.fromkeys(rankers, 0)
    with open_library(str(work)) as library:
        params = default_params()
        params.formula_oracle("预热")  # load the lexicon before timing, as the app has it loaded
        similar_documents(library, queries[0][0], top=10)  # first query after opening: not timed
        for text, source in queries:
            for name, ranker in rankers.items():  # each query through both, alternating: same load
                started, cpu_started = time.perf_counter(), time.process_time()
                results = ranker(library, text, top=10)  # params=None: the library's, as the CLI asks
                timings[name].append(time.perf_counter() - started)
                cpu[name].append(time.process_time() - cpu_started)
                found[name] += bool(results) and results[0].document.id == source
    cli: dict[str, list[float]] = {"old": [], "new": []}
    cli_same = 0
    for n, (text, _source) in enumerate(queries[:4]):
        query = tmp_path / f"query-{n}.txt"
        query.write_text(text, encoding="utf-8")
        old_seconds, old_ids = _cli(_OLD_CLI, query, work)
        new_seconds, new_ids = _cli(_NEW_CLI, query, work)
        cli["old"].append(old_seconds)
        cli["new"].append(new_seconds)
        cli_same += old_ids[:1] == new_ids[:1]
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import app.cli"], check=True, cwd=REPO)
    startup = time.perf_counter() - started
    lines = [
        f"\n{len(queries)} queries of {min(len(q) for q, _ in queries):,}–{max(len(q) for q, _ in queries):,} "
        f"characters on {DOCUMENTS:,} speeches; load {os.getloadavg()[0]:.1f}; baseline {BASELINE_COMMIT}"
    ]
    for name in rankers:
        spent = timings[name]
        lines.append(
            f"  {name}: median {statistics.median(spent) * 1000:.0f} ms, worst {max(spent) * 1000:.0f} ms "
            f"(CPU median {statistics.median(cpu[name]) * 1000:.0f} ms, worst {max(cpu[name]) * 1000:.0f} ms); "
            f"dominant source first in {found[name]}/{len(queries)}"
        )
    if "old" in rankers:
        ratio = statistics.median(timings["old"]) / statistics.median(timings["new"])
        lines.append(
            f"  new is {ratio:.1f}× faster (median), {max(timings['old']) / max(timings['new']):.1f}× (worst)"
        )
    lines.append(
        f"  CLI `duidu similar FILE --json` (4 queries, fresh process): old median "
        f"{statistics.median(cli['old']):.2f} s, worst {max(cli['old']):.2f} s; new median "
        f"{statistics.median(cli['new']):.2f} s, worst {max(cli['new']):.2f} s; same first result {cli_same}/4; "
        f"`import app.cli` alone {startup:.2f} s"
    )
    print("\n".join(lines))
    assert found["new"] >= found.get("old", 0)
