"""Ctrl-C that is never lost between documents.

Python raises KeyboardInterrupt wherever the main thread is when the signal
lands; if that is inside a finalizer or a weakref callback, Python prints
"Exception ignored" and goes on, and a long `annals add` would run to its
end. Here the signal is also remembered, and `check()` raises it again at the
next document boundary.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["interrupt_checkpoint"]


@contextmanager
def interrupt_checkpoint() -> Iterator[Callable[[], None]]:
    """Within the block Ctrl-C raises KeyboardInterrupt as usual, and the yielded check raises it again."""
    received = threading.Event()

    def check() -> None:
        if received.is_set():
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield check  # signals reach the main thread only; nothing to remember here
        return

    def handler(signum, frame):
        received.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)
