"""Add files and folders to a corpus, one transaction per document, with a summary.

Extraction runs here (`jobs=1`), in worker processes (`jobs=N`, annals.scale.local)
or on a Dask cluster (`dask=ADDRESS`, annals.scale.cluster); the documents come
back in the order of the files and this process alone writes them, so every
way gives the same corpus.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from annals.errors import AnnalsError, UsageError
from annals.scale.work import Extracted, extract_file
from annals.store.corpus import AddResult, Corpus

__all__ = ["READABLE_SUFFIXES", "Summary", "add_one", "add_paths", "check_jobs", "check_options", "discover",
           "extract_all", "store"]

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
    return store(corpus, extract_file(path, source=source_name(path), reader=reader))


def store(corpus: Corpus, item: Extracted) -> AddResult:
    """Write one extracted document in one transaction (or count the file as failed)."""
    if item.doc is None:
        return AddResult(item.source, "failed", reason=item.reason)
    try:
        return corpus.add_document(item.doc)
    except AnnalsError as exc:
        return AddResult(item.source, "failed", reason=str(exc))


def extract_all(
    paths: list[str | os.PathLike], *, reader: str = "auto", jobs: int = 1, dask: str | None = None,
    shards: str | None = None,
) -> Generator[Extracted, None, None]:
    """The files under `paths`, extracted in order: here, in `jobs` processes, or on a Dask cluster."""
    items = ((str(path), source_name(path)) for path in discover(paths))
    if dask is not None:
        from annals.scale.cluster import extract_on_dask

        return extract_on_dask(items, address=dask, reader=reader, workers=jobs, shards=shards)
    if jobs > 1:
        from annals.scale.local import extract_in_processes

        return extract_in_processes(items, jobs=jobs, reader=reader)
    return (extract_file(path, source=source, reader=reader) for path, source in items)


def check_jobs(jobs: int | None) -> int:
    """The number of extracting processes: `jobs`, or every core when None."""
    if jobs is None:
        from annals.scale.local import default_jobs

        return default_jobs()
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    return jobs


def check_options(*, jobs: int | None, dask: str | None, shards: str | None) -> int:
    """Check `annals add`'s --jobs, --dask and --shards together; the number of extracting processes."""
    if dask is not None:
        from annals.scale.cluster import check_address

        check_address(dask)
        if dask != "local" and jobs is not None:
            raise UsageError("--jobs applies to --dask local only: a running cluster has its own workers")
        if dask != "local" and shards is None:
            raise UsageError("--dask with a scheduler address needs --shards DIR: a folder (or URL) the workers share")
    elif shards is not None:
        raise UsageError("--shards goes with --dask")
    return check_jobs(jobs)


def add_paths(
    corpus: Corpus, paths: list[str | os.PathLike], *, reader: str = "auto", jobs: int | None = 1,
    dask: str | None = None, shards: str | None = None, progress: Callable[[AddResult], None] | None = None,
) -> Summary:
    """Add the files under `paths` in order, one transaction each, and count what happened.

    Extraction runs in this process (`jobs=1`), in `jobs` worker processes, or on the Dask
    scheduler at `dask` ("local": a LocalCluster of `jobs` workers; Parquet shards in `shards`).
    """
    jobs = check_jobs(jobs)
    summary = Summary()
    with closing(extract_all(paths, reader=reader, jobs=jobs, dask=dask, shards=shards)) as found:
        for item in found:
            result = store(corpus, item)
            summary.count(result)
            if progress is not None:
                progress(result)
    return summary

