"""Adding on a Dask cluster (a LocalCluster of two workers): Parquet shards, the same events as the local path."""
from __future__ import annotations

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale import DEVELOPMENT, corpus_dump, make_folder

from annals.errors import UsageError
from annals.scale.cluster import extract_on_dask, open_client
from annals.scale.shards import read_shard, write_shard
from annals.scale.work import extract_file
from annals.store.adding import add_paths, discover
from annals.store.corpus import Corpus


@pytest.fixture(scope="module")
def cluster():
    """A running LocalCluster of two worker processes, reached by its address as a real cluster would be."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as running:
        yield running


@pytest.mark.issue(7)
def test_scale_dask_local_gives_exactly_the_events_of_the_local_path(tmp_path):
    folder = make_folder(tmp_path / "docs")
    with Corpus(tmp_path / "local.db") as corpus:
        local = add_paths(corpus, [folder], jobs=1)
    with Corpus(tmp_path / "dask.db") as corpus:
        on_dask = add_paths(corpus, [folder], jobs=2, dask="local")
    assert on_dask == local and local.added == len(DEVELOPMENT) + 1 and len(local.failed) == 2
    expected = corpus_dump(str(tmp_path / "local.db"))
    assert expected["counts"]["events"] > 250
    assert corpus_dump(str(tmp_path / "dask.db")) == expected


@pytest.mark.issue(7)
def test_scale_dask_cluster_by_address_keeps_its_shards_in_order(tmp_path, cluster):
    folder = make_folder(tmp_path / "docs")
    files = [(str(path), path.name) for path in discover([folder])]
    shards = tmp_path / "shards"
    found = list(extract_on_dask(iter(files), address=cluster.scheduler_address, shards=str(shards),
                                 partition=3, batch=5))
    assert found == [extract_file(path, source=source) for path, source in files]
    written = sorted(shards.glob("*.parquet"))
    # batches of 5 files, each written in parts of 3 files: (5, 5, 1) files give 2 + 2 + 1 shards
    batches = [min(5, len(files) - start) for start in range(0, len(files), 5)]
    assert len(batches) >= 2 and len(written) == sum(-(-size // 3) for size in batches)
    assert [item for shard in written for item in read_shard(str(shard))] == found


@pytest.mark.issue(7)
def test_scale_dask_by_address_gives_the_same_corpus(tmp_path, cluster):
    folder = make_folder(tmp_path / "docs")
    with Corpus(tmp_path / "local.db") as corpus:
        add_paths(corpus, [folder], jobs=2)
    with Corpus(tmp_path / "dask.db") as corpus:
        add_paths(corpus, [folder], jobs=None, dask=cluster.scheduler_address, shards=str(tmp_path / "shards"))
    assert corpus_dump(str(tmp_path / "dask.db")) == corpus_dump(str(tmp_path / "local.db"))


@pytest.mark.issue(7)
def test_scale_shards_give_back_exactly_what_was_extracted(tmp_path):
    folder = make_folder(tmp_path / "docs")
    items = [extract_file(path, source=path.name) for path in discover([folder])]
    assert any(e.quantities for item in items if item.doc for e in item.doc.events)
    path = str(tmp_path / "shard.parquet")
    assert write_shard(items, path) == len(items)
    assert list(read_shard(path)) == items


@pytest.mark.issue(7)
@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9"])
def test_scale_dask_unreachable_scheduler_is_one_line(address):
    with pytest.raises(UsageError, match=r"^E010 cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9: "), \
            open_client(address, timeout=1):
        pass
