"""Imported by the fork server of extraction workers (annals.scale.local): load the rules once.

The fork server imports this module before it starts any worker; each
worker is a fork of it, so each starts with the word lists and patterns
loaded instead of loading them on its first document. A failure here is
left for a worker to report on its first file.
"""
from __future__ import annotations

import contextlib


def _warm() -> None:
    from annals.pipeline import extract

    with contextlib.suppress(Exception):
        extract("In May 1994 Azerbaijan joined the Partnership for Peace.\n")


_warm()
