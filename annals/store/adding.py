"""Add files and folders to a corpus, one transaction per document, with a summary.

Extraction runs here (`jobs=1`), in worker processes (`jobs=N`, annals.scale.local)
or on a Dask cluster (`dask=ADDRESS`, annals.scale.cluster); the documents come
back in the order of the files and this process alone writes them, so every
way gives the same corpus.

Each file is stored under its normalised absolute path (annals/store/sources.py),
so adding it again from another folder replaces it instead of adding it twice. A
file that cannot be added (unreadable, a name that is not UTF-8, a link that
loops, a folder that cannot be listed) is counted as failed with its reason, and
the others are added; an error of the database itself stops the whole add.

An address (`https://...`) among the paths is fetched in this process (annals.fetch),
one request at a time per host, and stored under the address as given.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annals.errors import AnnalsError, DecodeError, InputError, UsageError
from annals.fetch._page import is_address
from annals.scale.work import Extracted, extract_file
from annals.store.corpus import AddResult, Corpus
from annals.store.database import StoreError
from annals.store.sources import former_source, printable, readable_name, shown, source_of

if TYPE_CHECKING:
    from annals.fetch import Fetcher

__all__ = ["READABLE_SUFFIXES", "Summary", "add_one", "add_paths", "check_jobs", "check_options", "discover",
           "extract_all", "source_name", "store"]

READABLE_SUFFIXES = frozenset({".txt", ".text", ".wiki", ".wikitext", ".mediawiki", ".mw", ".html", ".htm", ".xhtml"})


def _found(paths: list[str | os.PathLike]) -> Iterator[tuple[Path | str, str | None]]:
    """Each file (or address) to add with None, or a path that cannot be added with the reason (in order)."""
    for path in paths:
        if is_address(path):
            yield path, None
            continue
        path = Path(path)
        if not path.is_dir():
            yield path, None
            continue
        unlisted: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=unlisted.append):
            for error in unlisted:
                yield Path(error.filename or root), f"cannot be listed ({error.strerror or error})"
            unlisted.clear()
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                candidate = Path(root) / name
                if not name.startswith(".") and candidate.suffix.lower() in READABLE_SUFFIXES:
                    yield candidate, None
        for error in unlisted:
            yield Path(error.filename or path), f"cannot be listed ({error.strerror or error})"


def discover(paths: list[str | os.PathLike]) -> Iterator[Path | str]:
    """Files to add: each file or address given, and the readable files under each folder (recursively, sorted).

    A folder that cannot be listed is among them too: adding reports it as failed.
    """
    for path, _ in _found(paths):
        yield path


def source_name(path: str | os.PathLike) -> str:
    """How a file is named in the corpus: its normalised absolute path."""
    return source_of(path)


def _problem(path: Path | str, reason: str | None) -> str | None:
    """Why `path` cannot be added before it is even read, or None."""
    if reason is not None:
        return str(InputError(printable(str(path)), reason))
    if not readable_name(str(path)):
        return str(DecodeError(printable(str(path)), "has a name that is not valid UTF-8: rename it to add it"))
    return None


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


def add_one(corpus: Corpus, path: Path | str, *, reader: str = "auto") -> AddResult:
    """Extract and store one file (or address); one that cannot be read is reported, not raised."""
    if is_address(path):
        from annals.fetch import Fetcher

        with Fetcher() as fetcher:
            return store(corpus, extract_file(fetcher.page(path), source=path, reader=reader))
    problem = _problem(Path(path), None)
    if problem is not None:
        return AddResult(printable(str(path)), "failed", reason=problem)
    return store(corpus, extract_file(path, source=source_name(path), reader=reader))


def store(corpus: Corpus, item: Extracted) -> AddResult:
    """Write one extracted document in one transaction (or count the file as failed).

    The result names the file as printed (relative to the working folder when inside it). The
    document is also looked for under the name an older annals stored it by (then renamed).
    A StoreError (the database, not the file) is raised: it would fail every other file too.
    """
    name = shown(printable(item.source))
    if item.doc is None:
        return AddResult(name, "failed", reason=item.reason)
    former = former_source(item.doc.source)
    try:
        result = corpus.add_document(item.doc, former=() if former is None else (former,))
    except StoreError:
        raise
    except AnnalsError as exc:
        return AddResult(name, "failed", reason=str(exc))
    result.source = name
    return result


def extract_all(
    paths: list[str | os.PathLike], *, reader: str = "auto", jobs: int = 1, dask: str | None = None,
    shards: str | None = None, fetcher: Fetcher | None = None,
) -> Generator[Extracted, None, None]:
    """The files under `paths`, extracted in order: here, in `jobs` processes, or on a Dask cluster.

    A path that cannot be added (see `_problem`) is not sent to be extracted: its reason comes
    back in its place. An address (http/https) is fetched here by `fetcher` (by default one with
    ANNALS_CONTACT and the default cache), one at a time as the extraction asks for it, and its
    Page is sent to be extracted; one that cannot be fetched sends its reason.
    """
    plan = [(path, _problem(path, reason)) for path, reason in _found(paths)]
    own = None
    if fetcher is None and any(is_address(path) for path, _ in plan):
        from annals.fetch import Fetcher

        fetcher = own = Fetcher()
    items = ((fetcher.page(path), path) if is_address(path) else (str(path), source_name(path))
             for path, problem in plan if problem is None)
    if dask is not None:
        from annals.scale.cluster import extract_on_dask

        extracted = extract_on_dask(items, address=dask, reader=reader, workers=jobs, shards=shards)
    elif jobs > 1:
        from annals.scale.local import extract_in_processes

        extracted = extract_in_processes(items, jobs=jobs, reader=reader)
    else:
        extracted = (extract_file(path, source=source, reader=reader) for path, source in items)
    return _in_order(plan, extracted, own)


def _in_order(
    plan: list[tuple[Path | str, str | None]], extracted: Iterator[Extracted], fetcher: Fetcher | None = None,
) -> Generator[Extracted, None, None]:
    """The extracted files and the reasons of those not extracted, in the order of `plan` (then closes `fetcher`)."""
    try:
        for path, problem in plan:
            if problem is None:
                yield next(extracted)
            else:
                yield Extracted(printable(str(path)), reason=problem)
    finally:
        close = getattr(extracted, "close", None)
        if close is not None:
            close()
        if fetcher is not None:
            fetcher.close()


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
    fetcher: Fetcher | None = None,
) -> Summary:
    """Add the files and addresses under `paths` in order, one transaction each, and count what happened.

    Extraction runs in this process (`jobs=1`), in `jobs` worker processes, or on the Dask
    scheduler at `dask` ("local": a LocalCluster of `jobs` workers; Parquet shards in `shards`).
    Addresses are fetched in this process by `fetcher` (annals.fetch), each stored under its address.
    """
    jobs = check_jobs(jobs)
    summary = Summary()
    with closing(extract_all(paths, reader=reader, jobs=jobs, dask=dask, shards=shards, fetcher=fetcher)) as found:
        for item in found:
            result = store(corpus, item)
            summary.count(result)
            if progress is not None:
                progress(result)
    return summary

