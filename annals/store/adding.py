"""Add files and folders to a corpus, one transaction per document, with a summary."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annals.errors import AnnalsError
from annals.store.corpus import AddResult, Corpus

__all__ = ["discover", "add_paths", "Summary", "READABLE_SUFFIXES"]

READABLE_SUFFIXES = frozenset({".txt", ".text", ".wiki", ".wikitext", ".mediawiki", ".mw", ".html", ".htm", ".xhtml"})


def discover(paths: list[str | os.PathLike]) -> Iterator[Path]:
    """Files to add: each file given, and the readable files under each folder (recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if not name.startswith(".") and candidate.suffix.lower() in READABLE_SUFFIXES:
                        yield candidate
        else:
            yield path


def source_name(path: Path) -> str:
    """How a file is named in the corpus: its path relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


@dataclass
class Summary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    events_new: int = 0
    events_merged: int = 0

    def count(self, result: AddResult) -> None:
        if result.status == "failed":
            self.failed.append((result.source, result.reason or "failed"))
            return
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.events_new += result.events_new
        self.events_merged += result.events_merged


def add_one(corpus: Corpus, path: Path, *, reader: str = "auto") -> AddResult:
    """Extract and store one file; a file that cannot be read is reported, not raised."""
    from annals.pipeline import extract

    source = source_name(path)
    try:
        doc = extract(path, reader=reader).with_(source=source)
        return corpus.add_document(doc)
    except AnnalsError as exc:
        return AddResult(source, "failed", reason=str(exc))


def add_paths(
    corpus: Corpus, paths: list[str | os.PathLike], *, reader: str = "auto",
    progress: Callable[[AddResult], None] | None = None,
) -> Summary:
    summary = Summary()
    for path in discover(paths):
        result = add_one(corpus, path, reader=reader)
        summary.count(result)
        if progress is not None:
            progress(result)
    return summary
