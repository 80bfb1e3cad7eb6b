"""A fetched page as sent to be extracted (picklable: it goes to worker processes and Dask workers)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from annals.model import Document

__all__ = ["Page", "is_address", "read_page"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_address(value: object) -> bool:
    """Whether `value` is a string naming a URL (`https://...`, `ftp://...`) rather than a file."""
    return isinstance(value, str) and _SCHEME.match(value) is not None


@dataclass(frozen=True, slots=True)
class Page:
    """What one address gave: its text and how to read it, or the one-line reason it gave nothing.

    `dct` is the page's own date (a MediaWiki revision's timestamp); `modified` the server's
    Last-Modified, used only when the reader finds no date in the page itself.
    """

    address: str
    text: str = ""
    data: bytes = b""
    reader: str = "html"
    title: str = ""
    dct: str | None = None
    modified: str | None = None
    reason: str | None = None


def read_page(page: Page, *, reader: str = "auto") -> Document:
    """The Document of a fetched page, named by its address (`reader` other than auto overrides the page's)."""
    from annals.read import read_text

    doc = read_text(page.text, source=page.address, reader=page.reader if reader == "auto" else reader,
                    data=page.data or None)
    changes: dict[str, str] = {}
    if page.title:
        changes["title"] = page.title
    if page.dct or (not doc.dct and page.modified):
        changes["dct"] = page.dct or page.modified
    return doc.with_(**changes) if changes else doc
