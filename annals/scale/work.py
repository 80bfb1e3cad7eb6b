"""The extraction step shared by every way of adding: a file in, a Document ready to store (or why not)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from annals.errors import AnnalsError
from annals.fetch._page import Page, read_page
from annals.model import Document

__all__ = ["Extracted", "extract_file", "for_storage"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file as extracted: its document, or the one-line reason it could not be read."""

    source: str
    doc: Document | None = None
    reason: str | None = None


def for_storage(doc: Document) -> Document:
    """The document without what the corpus does not store (lines, sentences, times): smaller to send."""
    return doc.with_(lines=(), sentences=(), times=(), tokens=(), entities=(), citations=())


def extract_file(path: str | os.PathLike | Page, *, source: str, reader: str = "auto") -> Extracted:
    """Extract one file (or a fetched Page) under its corpus name; what cannot be read gives its reason."""
    from annals.pipeline import extract

    if isinstance(path, Page) and path.reason is not None:
        return Extracted(source, reason=path.reason)
    try:
        doc = extract(read_page(path, reader=reader) if isinstance(path, Page) else Path(path), reader=reader)
    except AnnalsError as exc:
        return Extracted(source, reason=str(exc))
    return Extracted(source, for_storage(doc.with_(source=source)))
