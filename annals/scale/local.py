"""Extraction in worker processes on this machine, results in the order of the files.

Workers are started by a fork server (safe while the progress bar's thread
runs, and no database connection is inherited); the server loads the rules
and the parser's model once (`annals.scale._preload`) and every worker starts
with them. Starting takes seconds, so it overlaps with work: a thread starts
the workers while this process extracts the first files itself, in order,
and the workers take over the rest once they answer. A batch smaller than
START_BYTES in all is extracted here and starts no worker: this process would
be done before they were ready. Work goes out in batches of about BATCH_BYTES
and comes back as compact rows (rows.py); at most `window` batches are in
flight, so memory does not grow with the number of files. Workers ignore
Ctrl-C (the main process stops them) and exit if the main process disappears
(`kill -9` of `annals add`).
"""
from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from annals.scale.work import Extracted, extract_file

__all__ = ["BATCH_BYTES", "START_BYTES", "default_jobs", "extract_in_processes"]

_PRELOAD = "annals.scale._preload"

# Measured on this 2-core machine (benchmarks/scale.py --cases, its start-up line; #15): two workers
# answered 6.5-8.7 s after they were asked for (the fork server imports the pipeline, loads the data
# and the parser's model) while this process, starting as cold, extracted one 14.5 kB document (load
# average 4.5: others' tests ran). A batch below START_BYTES is done here before the workers answer.
START_BYTES = 16_000
# What one worker's task carries: one long article, or a few short ones, so that the writer waits
# on a batch for little longer than on one document and the last batch leaves no worker long idle.
BATCH_BYTES = 16_000
# Whether this process extracts while the workers start (tests turn it off to give every file to the workers).
WORK_WHILE_STARTING = True


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([_PRELOAD])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


# The workers' priority below the writer's (nice): every document waits for the one writer, so where
# they contend for cores the writer goes first and the workers take what it leaves (#15: 96 copies of
# the example spend 45% of a one-process run in the writer, and with equal priority the writer's
# time grew by half under two workers).
WORKER_NICENESS = 3


def _start_worker(main: int, niceness: int) -> None:
    """In each worker: a lower priority, Ctrl-C left to the main process, exit when the main process is gone."""
    if niceness and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(niceness)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.name == "posix":  # (on Windows os.kill would end the process)
        threading.Thread(target=_watch, args=(main,), name="annals-main-watch", daemon=True).start()


def _watch(main: int) -> None:
    # The fork server outlives the main process while workers hold its pipe, so watch the main one.
    while True:
        time.sleep(0.5)
        try:
            os.kill(main, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # pragma: no cover - the pid was taken by another user's process
            os._exit(1)


def _size(path: object) -> int:
    """The bytes a file (or a fetched page) brings to extract."""
    if isinstance(path, str | os.PathLike):
        try:
            return os.stat(path).st_size
        except OSError:
            return 0
    return len(getattr(path, "text", "") or "") + len(getattr(path, "data", b"") or b"")


def _ready() -> int:
    return os.getpid()


def extract_batch(items: list[tuple[object, str]], *, reader: str = "auto") -> list[tuple]:
    """In a worker: extract (path, source) pairs; their rows (rows.py), in order."""
    from annals.scale.rows import to_row

    return [to_row(extract_file(path, source=source, reader=reader)) for path, source in items]


class _Start:
    """The workers, started in a thread while this process goes on with the first files."""

    def __init__(self, jobs: int) -> None:
        self.executor: ProcessPoolExecutor | None = None
        self.ready = threading.Event()
        self._closed = threading.Lock()
        self._abandoned = False
        self._thread = threading.Thread(target=self._start, args=(jobs,), name="annals-workers-start", daemon=True)
        self._thread.start()

    def _start(self, jobs: int) -> None:
        try:
            executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                           initializer=_start_worker, initargs=(os.getpid(), WORKER_NICENESS))
            answers = [executor.submit(_ready) for _ in range(jobs)]
            for answer in answers:
                answer.result()
        except Exception:  # noqa: BLE001 - no workers: this process extracts everything (and says nothing)
            return
        with self._closed:
            if self._abandoned:
                executor.shutdown(wait=False, cancel_futures=True)
                return
            self.executor = executor
            self.ready.set()

    def failed(self) -> bool:
        return not self._thread.is_alive() and not self.ready.is_set()

    def close(self, *, wait: bool) -> None:
        """Stop the workers (or, if they are still starting, have them stop once started)."""
        with self._closed:
            self._abandoned = True
            executor = self.executor
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)


def extract_in_processes(
    items: Iterable[tuple[object, str]], *, jobs: int, reader: str = "auto", window: int | None = None,
    start_bytes: int | None = None, batch_bytes: int | None = None,
) -> Iterator[Extracted]:
    """Extract (path, source) pairs in this process and `jobs` workers; yield in the order given.

    Fewer than `start_bytes` in all: here, no worker started. Else this process extracts until the
    workers answer, then sends the rest in batches of about `batch_bytes`, `window` batches in flight.
    """
    from annals.scale.rows import from_row

    start_bytes = START_BYTES if start_bytes is None else start_bytes
    batch_bytes = BATCH_BYTES if batch_bytes is None else batch_bytes
    queue = iter(items)
    ahead: list[tuple[object, str]] = []
    size = 0
    for item in queue:
        ahead.append(item)
        size += _size(item[0])
        if size >= start_bytes:
            break
    else:
        for path, source in ahead:
            yield extract_file(path, source=source, reader=reader)
        return
    queue = itertools.chain(ahead, queue)
    start = _Start(jobs)
    finished = False
    try:
        while not WORK_WHILE_STARTING and not start.ready.wait(0.1) and not start.failed():
            pass
        while not start.ready.is_set():
            item = next(queue, None)
            if item is None:
                finished = True
                return
            yield extract_file(item[0], source=item[1], reader=reader)
            if start.failed():  # no workers (a fork refused, a worker dead on arrival): all of it here
                for path, source in queue:
                    yield extract_file(path, source=source, reader=reader)
                finished = True
                return
        executor = start.executor
        window = window or 2 * jobs
        pending: deque[Future] = deque()

        def submit() -> bool:
            batch, weight = [], 0
            for item in queue:
                batch.append(item)
                weight += _size(item[0])
                if weight >= batch_bytes:
                    break
            if not batch:
                return False
            pending.append(executor.submit(extract_batch, batch, reader=reader))
            return True

        while len(pending) < window and submit():
            pass
        while pending:
            rows = pending.popleft().result()
            submit()  # keep the workers busy while the writer stores these
            for row in rows:
                yield from_row(row)
        finished = True
    finally:
        start.close(wait=finished)
