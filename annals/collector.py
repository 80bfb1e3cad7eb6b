"""Pause Python's cycle collector while a large, acyclic result is built.

Building tens of thousands of small dicts (a page of events with every
source) makes the collector run full passes over the whole heap again and
again, although nothing it could free is being made: about a third of the
time of loading 10,000 sources, and a few percent of storing a document.
Reference counting still frees everything; the collector runs as before once
the block ends.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the cycle collector does not run (if it was on, it is on again after)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
