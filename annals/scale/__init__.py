"""Adding many documents: extraction spread over processes or a Dask cluster, one writer.

    work.py      extract_file(): the one extraction step of every way of adding
    local.py     extract_in_processes(): worker processes on this machine (`annals add --jobs N`)
    rows.py      extracted documents as compact rows, the form they travel in from the workers
    shards.py    extracted documents as Parquet shards, and back, exactly
    cluster.py   extract_on_dask(): a Dask bag of files, written as shards (`annals add --dask ADDRESS`)

Each way yields the extracted documents in the order of the files given, so that
the writer (annals.store.adding) merges them exactly as one process adding them
one by one would: the same events, the same sources, the same ids.
"""
from annals.scale.work import Extracted, extract_file

__all__ = ["Extracted", "extract_file"]
