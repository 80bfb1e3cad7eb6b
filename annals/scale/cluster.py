"""Extraction on a Dask cluster: a bag of files mapped through extract_file, each partition a Parquet shard.

    annals add docs/ --dask local                       # a LocalCluster on this machine
    annals add /shared/docs --dask tcp://host:8786 --shards /shared/annals-shards

Files are taken `batch` at a time (the list of files is never held whole);
each batch is a Dask bag partitioned `partition` files a part; the workers
extract and write one shard per part (annals.scale.shards), then this process
reads the shards in order and yields their documents to the one writer,
while the cluster works on the next batch. The workers must see the files at
the paths given and the shard folder (a shared disk, or a URL pyarrow
opens, such as s3://bucket/prefix); annals must be installed on them.
"""
from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Generator, Iterable
from contextlib import contextmanager

from annals.errors import MissingDependency, UsageError
from annals.scale.work import Extracted, extract_file

__all__ = ["check_address", "extract_on_dask", "open_client"]

_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):\d{1,5}")


def check_address(address: str) -> str:
    """`local`, or a scheduler address such as tcp://host:8786; a UsageError otherwise."""
    if address != "local" and not _ADDRESS.fullmatch(address):
        raise UsageError(f"bad --dask address {address!r}: use local or a scheduler address such as tcp://host:8786")
    return address


def _distributed():
    try:
        import dask.bag  # noqa: F401
        import distributed
    except ImportError as exc:
        raise MissingDependency("dask[distributed]", "annals add --dask") from exc
    return distributed


@contextmanager
def open_client(address: str, *, workers: int = 2, timeout: float = 10.0):
    """A client of the scheduler at `address`, or of a LocalCluster of `workers` processes (`local`)."""
    check_address(address)
    distributed = _distributed()
    if address == "local":
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {str(exc).splitlines()[0]}") from None
    with client:
        yield client


def _extract(item: tuple[str, str], reader: str) -> Extracted:
    return extract_file(item[0], source=item[1], reader=reader)


def _write(items: list[Extracted], folder: str, name: str) -> str:
    """On a worker: one partition's documents as one shard; its path."""
    from annals.scale.shards import write_shard

    filesystem, base = _filesystem(folder)
    path = f"{base}/{name}"
    write_shard(items, path, filesystem=filesystem)
    return path


def _filesystem(folder: str):
    from pyarrow import fs

    if "://" in folder:
        filesystem, base = fs.FileSystem.from_uri(folder)
    else:
        filesystem, base = fs.LocalFileSystem(), os.path.abspath(folder)
    filesystem.create_dir(base, recursive=True)
    return filesystem, base.rstrip("/")


def _shards(client, batch: list[tuple[str, str]], *, reader: str, folder: str, prefix: str, partition: int) -> list:
    """Futures of the shard paths of one batch, in order."""
    import dask
    import dask.bag as db

    parts = db.from_sequence(batch, partition_size=partition).map(_extract, reader).to_delayed()
    writes = [dask.delayed(_write)(part, folder, f"{prefix}-{i:05d}.parquet") for i, part in enumerate(parts)]
    return client.compute(writes)


def _load(futures: list, folder: str, *, keep: bool) -> Generator[Extracted, None, None]:
    from annals.scale.shards import read_shard

    filesystem, _ = _filesystem(folder)
    for future in futures:
        path = future.result()
        yield from read_shard(path, filesystem=filesystem)
        if not keep:
            filesystem.delete_file(path)


def extract_on_dask(
    items: Iterable[tuple[str, str]], *, address: str, reader: str = "auto", workers: int = 2,
    shards: str | None = None, partition: int = 32, batch: int | None = None,
) -> Generator[Extracted, None, None]:
    """Extract (path, source) pairs on the cluster at `address`; yield them in the order given.

    Shards go to `shards` and stay there, or to a temporary folder (on this machine: `local` only)
    removed as they are read.
    """
    check_address(address)
    if shards is None and address != "local":
        raise UsageError("--dask with a scheduler address needs --shards DIR: a folder (or URL) the workers share")
    keep = shards is not None
    folder = shards or tempfile.mkdtemp(prefix="annals-shards-")
    run = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    try:
        with open_client(address, workers=workers) as client:
            size = batch or partition * 8 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
            queue = iter(items)
            running = None
            for number in itertools.count():
                files = list(itertools.islice(queue, size))
                following = _shards(client, files, reader=reader, folder=folder, prefix=f"{run}-{number:06d}",
                                    partition=partition) if files else None
                if running is not None:
                    yield from _load(running, folder, keep=keep)
                if following is None:
                    break
                running = following
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
