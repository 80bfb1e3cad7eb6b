"""Extraction in worker processes on this machine, results in the order of the files.

Workers are started by a fork server (safe while the progress bar's thread
runs, and no database connection is inherited); the server loads the rules
once (`annals.scale._preload`) and every worker starts with them. At most
`window` files are in flight, so memory does not grow with the number of
files. Workers ignore Ctrl-C (the main process stops them) and exit if the
main process disappears (`kill -9` of `annals add`).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from annals.scale.work import Extracted, extract_file

__all__ = ["default_jobs", "extract_in_processes"]

_PRELOAD = "annals.scale._preload"


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


def _start_worker(main: int) -> None:
    """In each worker: leave Ctrl-C to the main process, and exit when the main process is gone."""
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


def extract_in_processes(
    items: Iterable[tuple[str, str]], *, jobs: int, reader: str = "auto", window: int | None = None
) -> Iterator[Extracted]:
    """Extract (path, source) pairs in `jobs` processes; yield in the order given, `window` in flight."""
    window = window or 4 * jobs
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                   initializer=_start_worker, initargs=(os.getpid(),))
    pending: deque[Future] = deque()
    queue = iter(items)
    finished = False

    def submit() -> bool:
        item = next(queue, None)
        if item is None:
            return False
        pending.append(executor.submit(extract_file, item[0], source=item[1], reader=reader))
        return True

    try:
        while len(pending) < window and submit():
            pass
        while pending:
            extracted = pending.popleft().result()
            submit()  # keep the workers busy while the writer stores this one
            yield extracted
        finished = True
    finally:
        executor.shutdown(wait=finished, cancel_futures=True)
