"""`duidu scan`: measure every pair of library speeches sharing copied prose and store them.

Runs on a local Dask cluster of processes by default (all cores), on an existing Dask cluster with
`--scheduler` (the library must then be on a server: PostgreSQL), or in this process with `--workers 0`.
Progress and an estimate of the time left go to stderr; Ctrl+C stops after writing what is finished, and
the next `duidu scan` continues with the rest (as it does after a crash). A re-scan does only the
speeches added since.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from app.cli import CliError, add_db_option
from app.cli.library import opened

if TYPE_CHECKING:
    from app.scan.run import ScanProgress

#: Seconds between progress lines when stderr is not a terminal (a log, a test).
_LOG_EVERY = 5.0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "scan", help="find every pair of speeches sharing copied prose and store them (on Dask)"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=_count,
        metavar="N",
        help="worker processes of the local Dask cluster (default: all cores; 0: in this process)",
    )
    where.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on an existing Dask cluster (PostgreSQL library)"
    )
    parser.add_argument(
        "--threshold",
        type=_percent,
        default=10,
        metavar="PCT",
        help="store pairs where at least PCT %% of one speech is copied prose (default 10)",
    )
    parser.add_argument(
        "--candidates",
        type=_count,
        default=None,
        metavar="N",
        help="per speech, measure at most N candidates beyond those sharing enough fingerprints to reach "
        "the threshold outright (default 20; fewer is faster on libraries where much text recurs)",
    )
    parser.add_argument("--batch", type=_count, default=None, metavar="N", help=argparse.SUPPRESS)
    add_db_option(parser)
    parser.set_defaults(handler=scan_command)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 <= number <= 1024:
        raise argparse.ArgumentTypeError("must be between 0 and 1024")
    return number


def _percent(value: str) -> float:
    try:
        number = float(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 1 <= number <= 100:
        raise argparse.ArgumentTypeError("must be between 1 and 100")
    return number


class _Reporter:
    """Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.latest: ScanProgress | None = None

    def __call__(self, p: ScanProgress) -> None:
        from app.core.scan import duration

        # the first batch's line comes at once: a script (or a test) sees the scan storing results
        first_result = p.pairs_done > 0 and (self.latest is None or self.latest.pairs_done == 0)
        self.latest = p
        now = time.monotonic()
        if not (self.tty or first_result or now - self.last >= _LOG_EVERY or p.documents_done == p.documents):
            return
        self.last = now
        share = p.pairs_done / p.pairs if p.pairs else 1.0
        eta = "" if not p.eta else f", about {duration(p.eta)} left"
        line = (
            f"scanned {p.documents_done:,}/{p.documents:,} speeches ({share:.0%} of the pairs), "
            f"{p.found:,} pair{'s' if p.found != 1 else ''} stored{eta}"
        )
        if self.tty:
            print(f"\r{line:<100}", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.tty and self.latest is not None:
            print(file=sys.stderr, flush=True)


def scan_command(args: argparse.Namespace) -> int:
    from app.core.scan import MAX_WEAK_CANDIDATES, duration
    from app.scan.run import DOCUMENTS_PER_BATCH, ScanError, plan_scan, run_scan
    from app.store.engine import resolve_target

    threshold = args.threshold / 100
    reporter = _Reporter()
    with opened(args.db, writing=True) as library:
        if library.readonly:  # pragma: no cover - opened(writing=True) refuses first
            raise CliError(f"{library.location} is read-only: a scan stores its results in the library")
        target = resolve_target(args.db)
        if "://" not in target:
            target = library.engine.url.render_as_string(hide_password=False)
        weak = MAX_WEAK_CANDIDATES if args.candidates is None else args.candidates
        plan = plan_scan(library, threshold, weak)
        print(
            f"{plan.documents:,} speeches, {plan.already_scanned:,} already scanned: "
            f"{len(plan.units):,} to scan, {plan.pairs:,} candidate pairs to measure",
            flush=True,
        )
        try:
            report = run_scan(
                library,
                target,
                threshold=threshold,
                workers=args.workers,
                scheduler=args.scheduler,
                plan=plan,
                progress=reporter,
                batch_documents=args.batch or DOCUMENTS_PER_BATCH,
            )
        except ScanError as exc:
            reporter.finish()
            raise CliError(str(exc)) from None
        except KeyboardInterrupt:
            reporter.finish()
            done = reporter.latest.documents_done if reporter.latest else 0
            raise CliError(
                f"scan interrupted: {plan.already_scanned + done:,} of {plan.documents:,} speeches are "
                "scanned and stored; run duidu scan again to continue",
                exit_code=130,
            ) from None
        reporter.finish()
    print(
        f"done: {report.scanned:,} speeches scanned on {report.where} in {duration(report.seconds)}, "
        f"{report.found:,} pairs sharing at least {args.threshold:g} % copied prose stored",
        flush=True,
    )
    return 0
