"""The scan on Dask (dask.distributed): a local cluster of processes, or an existing cluster by address.

The only module that imports Dask, and only when a scan runs: `duidu` starts without it. Batches are
submitted as tasks of `app.scan.work.scan_batch` (workers import Duidu and read the library themselves),
results are handed back in the order they finish, and a cancel drops the tasks not yet done. Every
problem on the way (no Dask, an unreachable scheduler, a library the workers cannot reach, a failed
worker) is a one-line `ScanError`.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.core.scan import DocumentResult, ScanUnit
from app.scan.contract import Cancelled, Compute, ScanError
from app.scan.work import scan_batch
from app.store.engine import Library

#: How long to wait for a scheduler to answer, and for a cluster to have a worker.
CONNECT_SECONDS = 5
#: How often a wait for results looks at the cancel flag.
_POLL = 0.1


def _quiet() -> None:
    """Dask logs every worker start and stop; a scan reports its own progress."""
    for name in ("distributed", "dask", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _check_library(library: Library, target: str, scheduler: str | None) -> None:
    if library.engine.dialect.name != "sqlite":
        return
    if scheduler:
        raise ScanError(
            f"{library.location} is an SQLite file, which workers on other machines cannot share: "
            "scan it without --scheduler, or use a PostgreSQL library"
        )
    if library.engine.url.database in (None, "", ":memory:") or "memory" in target:
        raise ScanError("an in-memory library cannot be read by worker processes: use --workers 0")


def _check_address(scheduler: str) -> None:
    """A scheduler address must be tcp://HOST:PORT (or tls://): say so before Dask tries to parse it."""
    scheme, _, rest = scheduler.partition("://")
    host, _, port = rest.rpartition(":")
    if scheme not in ("tcp", "tls") or not host or not port.isdigit():
        raise ScanError(f"{scheduler!r} is not a Dask scheduler address (tcp://HOST:PORT)")


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes with Ctrl+C ignored (an ignored signal stays ignored across exec, and Python
    then installs no KeyboardInterrupt handler): the terminal sends SIGINT to every process of the scan,
    and the workers would each print a traceback while the client stops them in order."""
    if threading.current_thread() is not threading.main_thread():  # the GUI: no terminal, no SIGINT
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _submit(client: Any, work: list[list[ScanUnit]], target: str, threshold: float) -> list[Any]:
    """Each worker gets one contiguous stretch of the batches, in order: consecutive batches share texts
    (app.core.scan_order) that the worker keeps prepared. A worker that leaves or idles passes its
    batches on (`allow_other_workers`, Dask's work stealing): the stretches decide speed, not results."""
    addresses = sorted(client.scheduler_info().get("workers", {}))
    futures = []
    for number, batch in enumerate(work):
        where = [addresses[number * len(addresses) // len(work)]] if addresses else None
        futures.append(
            client.submit(
                scan_batch, target, threshold, batch, pure=False, workers=where, allow_other_workers=True
            )
        )
    return futures


@contextmanager
def dask_compute(
    library: Library,
    target: str,
    threshold: float,
    *,
    workers: int | None,
    scheduler: str | None,
    client: Any = None,
) -> Iterator[tuple[Compute, str]]:
    """(compute, description) for a scan on Dask; the cluster (if started here) stops on leaving.

    `client` is a Dask client of a cluster on this machine that the caller keeps (tests, a GUI session):
    it is used as it is and left running."""
    _check_library(library, target, scheduler)
    try:
        # By name: PyInstaller follows import statements, and Dask with its dependencies would add 80 MB
        # to the installed app, which scans in its own process (app.scan.run) and so says this instead.
        distributed = importlib.import_module("distributed")
    except ImportError:
        raise ScanError(
            "this installation has no Dask (dask.distributed): scan with --workers 0 to use this process"
        ) from None
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    _quiet()
    cluster: Any = None
    owned = client is None
    try:
        if client is not None:
            count = len(client.scheduler_info().get("workers", {}))
            where = f"a local Dask cluster of {count} process{'es' if count != 1 else ''}"
        elif scheduler:
            _check_address(scheduler)
            try:
                client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
            except (OSError, TimeoutError):
                raise ScanError(
                    f"cannot reach the Dask scheduler at {scheduler} (no answer within {CONNECT_SECONDS} s)"
                ) from None
            try:
                client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            except TimeoutError:
                client.close()
                raise ScanError(f"the Dask cluster at {scheduler} has no workers") from None
            count = len(client.scheduler_info().get("workers", {}))
            where = f"the Dask cluster at {scheduler} ({count} worker{'s' if count != 1 else ''})"
        else:
            count = workers or os.cpu_count() or 1
            # "port 8787 is in use" when another cluster runs is harmless; Ctrl+C is the client's to handle
            with warnings.catch_warnings(), _workers_ignore_ctrl_c():
                warnings.simplefilter("ignore")
                cluster = LocalCluster(
                    n_workers=count,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                )
                client = Client(cluster, set_as_default=False)
            where = f"a local Dask cluster of {count} process{'es' if count != 1 else ''}"
    except BaseException:
        if cluster is not None:
            cluster.close()
        raise

    def compute(work: list[list[ScanUnit]], cancelled: Cancelled) -> Iterator[list[DocumentResult]]:
        futures = _submit(client, work, target, threshold)
        queue = distributed.as_completed(futures, loop=client.loop)
        try:
            while not queue.is_empty():
                if cancelled():
                    return
                if not queue.has_ready():
                    time.sleep(_POLL)
                    continue
                for future in queue.next_batch(block=False):
                    try:
                        results = future.result()
                    except Exception as exc:
                        raise ScanError(f"a Dask worker failed: {_first_line(exc)}") from None
                    yield results
                    if cancelled():
                        return
        finally:
            client.cancel(futures)

    try:
        yield compute, where
    finally:
        if owned:
            client.close()
        if cluster is not None:
            cluster.close()
