"""Adding in worker processes: the same corpus as one process, in order, with bounded memory; the options."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import EVAL, EXAMPLE, ROOT
from typer.testing import CliRunner

from annals.cli import app
from annals.model import Actor, Document, Event, EventObject, Predicate, Quantity
from annals.scale import local, rows
from annals.scale.local import extract_in_processes
from annals.scale.rows import from_row, to_row
from annals.scale.work import Extracted, extract_file, for_storage
from annals.store.adding import add_paths, discover
from annals.store.corpus import Corpus

DEVELOPMENT = [*sorted((EVAL / "docs").glob("*.txt")), *sorted((ROOT / "tests" / "heldout" / "docs").glob("*.txt"))]


def make_folder(folder: Path) -> Path:
    """The development documents in two folders, a copy told twice and two files that cannot be read."""
    (folder / "b").mkdir(parents=True)
    for i, path in enumerate(DEVELOPMENT):
        shutil.copy(path, folder / ("b" if i % 2 else "") / path.name)
    shutil.copy(EXAMPLE, folder / "b" / "again.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def corpus_dump(url: str) -> dict:
    """Everything a user can see of a corpus (but the time of adding)."""
    with Corpus(url) as corpus:
        return {
            "events": list(corpus.iter_events()),
            "documents": [{k: v for k, v in d.items() if k != "added_at"} for d in corpus.documents()],
            "actors": corpus.actors(),
            "counts": corpus.counts(),
        }


def fresh_urls(request, tmp_path, backend: str) -> tuple[str, str]:
    if backend == "sqlite":
        return str(tmp_path / "one.db"), str(tmp_path / "two.db")
    server = request.getfixturevalue("postgres_server")
    stamp = f"{os.getpid()}_{time.monotonic_ns()}"
    return server.create_database(f"scale_a_{stamp}"), server.create_database(f"scale_b_{stamp}")


@pytest.mark.issue(7)
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_scale_jobs_give_the_same_corpus_as_one_process(request, tmp_path, monkeypatch, backend):
    monkeypatch.setattr(local, "START_BYTES", 0)  # these few files: to the workers all the same
    monkeypatch.setattr(local, "WORK_WHILE_STARTING", False)
    folder = make_folder(tmp_path / "docs")
    one, two = fresh_urls(request, tmp_path, backend)
    with Corpus(one) as corpus:
        sequential = add_paths(corpus, [folder], jobs=1)
    with Corpus(two) as corpus:
        parallel = add_paths(corpus, [folder], jobs=2)
    assert parallel == sequential
    # the copy under another name is a document of its own (a document is its source, issue 14)
    assert sequential.added == len(DEVELOPMENT) + 1 and sequential.unchanged == 0 and len(sequential.failed) == 2
    expected = corpus_dump(one)
    assert expected["counts"]["events"] > 250
    assert corpus_dump(two) == expected


@pytest.mark.issue(7)
@pytest.mark.parametrize(("window", "work_while_starting"), [(1, False), (3, False), (3, True)])
def test_scale_processes_yield_in_order_with_few_files_in_flight(tmp_path, monkeypatch, window, work_while_starting):
    monkeypatch.setattr(local, "WORK_WHILE_STARTING", work_while_starting)
    folder = make_folder(tmp_path / "docs")
    files = [(str(path), path.name) for path in discover([folder])]
    taken = []

    def items():
        for item in files:
            taken.append(item)
            yield item

    found = []
    for extracted in extract_in_processes(items(), jobs=2, window=window, start_bytes=0, batch_bytes=1):
        # batches of one file (the empty one rides with the next), `window` in flight and one more sent
        assert len(taken) - len(found) <= window + 2
        found.append(extracted)
    assert [e.source for e in found] == [source for _, source in files]
    assert found == [extract_file(path, source=source) for path, source in files]
    assert sum(e.doc is None for e in found) == 2


@pytest.mark.issue(15)
def test_scale_small_batch_starts_no_worker(tmp_path):
    files = [(str(path), path.name) for path in sorted(DEVELOPMENT, key=os.path.getsize)[:3]]
    before = descendants(os.getpid())
    found = []
    for extracted in extract_in_processes(iter(files), jobs=2):
        found.append(extracted)
        assert descendants(os.getpid()) <= before
    assert sum(os.path.getsize(p) for p, _ in files) < local.START_BYTES
    assert found == [extract_file(path, source=source) for path, source in files]


@pytest.mark.issue(15)
@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities")
def test_scale_workers_yield_to_the_writer():
    start = local._Start(1)
    try:
        assert start.ready.wait(120)
        assert start.executor.submit(os.nice, 0).result() == min(19, os.nice(0) + local.WORKER_NICENESS)
    finally:
        start.close(wait=True)


@pytest.mark.issue(15)
def test_scale_rows_give_back_what_was_extracted(tmp_path):
    found = [extract_file(path, source=path.name) for path in [*DEVELOPMENT[:4], EXAMPLE, tmp_path / "none.txt"]]
    assert [from_row(to_row(e)) for e in found] == found
    assert any(e.doc and any(ev.actors and ev.quantities and ev.predicate for ev in e.doc.events) for e in found)


@pytest.mark.issue(15)
def test_scale_rows_carry_every_stored_field():
    event = Event("1994-05", "May 1994", "membership", 3, 40, "In May 1994 A joined B.", section=("History",),
                  actors=(Actor("A", "country", "member", "source"),), places=("Brussels",),
                  quantities=(Quantity(34, "troops", "34 troops"), Quantity(1.5, "million", "1.5 million")),
                  trigger="joined", citation="[1]", predicate=Predicate("joined", "join", 10, 16),
                  object=EventObject("B", "B", "organisation"), headline="A joins B")
    doc = for_storage(Document("In May 1994 A joined B.", source="s", title="t", reader="text", sha256="x" * 64,
                               dct="2000-01-01", events=(event,), aliases=(("A", "Aland"),)))
    again = from_row(to_row(Extracted("s", doc)))
    assert again == Extracted("s", doc)
    assert type(again.doc.events[0].quantities[0].value) is int
    # a field added to Document must be carried by the rows, or cleared by for_storage
    carried = {*rows._DOCUMENT, "events"}
    assert {f.name for f in fields(Document)} - carried == {"lines", "sentences", "times", "tokens", "entities",
                                                             "citations"}


@pytest.mark.issue(7)
def test_scale_extract_file_reports_a_bad_file_without_raising(tmp_path):
    missing = extract_file(tmp_path / "nowhere.txt", source="nowhere.txt")
    assert missing == Extracted("nowhere.txt", None, missing.reason)
    assert missing.reason.startswith("E001")
    found = extract_file(EXAMPLE, source="example.txt")
    assert found.doc.source == "example.txt" and found.doc.events and not found.doc.sentences


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--jobs", "0"], "E010 --jobs must be at least 1, not 0"),
        (["--dask", "not an address"], "E010 bad --dask address 'not an address'"),
        (["--shards", "shards/"], "E010 --shards goes with --dask"),
        (["--dask", "tcp://127.0.0.1:8786"], "E010 --dask with a scheduler address needs --shards DIR"),
        (["--dask", "tcp://127.0.0.1:8786", "--shards", "s/", "--jobs", "2"], "E010 --jobs applies to --dask local"),
    ],
)
def test_scale_bad_options_give_one_line(tmp_path, options, message):
    result = CliRunner().invoke(app, ["add", str(EXAMPLE), "--db", str(tmp_path / "c.db"), *options])
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"annals: {message}") and len(result.output.strip().splitlines()) == 1


@pytest.mark.issue(7)
def test_scale_cli_jobs_adds_with_progress_and_summary(tmp_path):
    folder = make_folder(tmp_path / "docs")
    result = CliRunner().invoke(app, ["add", str(folder), "--db", str(tmp_path / "c.db"), "--jobs", "2"])
    assert result.exit_code == 3, result.output  # some files failed, the others were added
    assert f"{len(DEVELOPMENT) + 1} added" in result.output and "0 unchanged" in result.output
    assert "2 failed" in result.output and "binary.txt" in result.output


def descendants(pid: int) -> set[int]:
    """Every process below pid (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.issue(7)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_scale_workers_end_when_add_is_killed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"copy-{i:03d}.txt").write_text(text.replace("relations =", f"relations, copy {i} =", 1), "utf-8")
    db = tmp_path / "c.db"
    process = subprocess.Popen([sys.executable, "-m", "annals", "add", str(folder), "--db", str(db), "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    workers: set[int] = set()
    while len(workers) < 3 and time.time() < deadline and process.poll() is None:  # fork server and two workers
        workers = descendants(process.pid)
        time.sleep(0.1)
    assert len(workers) >= 3
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.time() + 20
    while any(alive(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)]
