"""A killed or interrupted `annals add`, and two at once, on a real SQLite file."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE

from annals.store.corpus import Corpus


def make_folder(folder: Path, copies: int) -> Path:
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"copy-{i:03d}.txt").write_text(text.replace("= Azerbaijan–NATO relations =",
                                                               f"= Azerbaijan–NATO relations (copy {i}) ="),
                                                  encoding="utf-8")
    return folder


def make_two_folders(tmp_path: Path, copies: int) -> tuple[Path, Path]:
    """Two folders of distinct documents that tell the same events (and name the same actors)."""
    first = make_folder(tmp_path / "a", copies)
    second = tmp_path / "b"
    second.mkdir()
    for path in first.iterdir():
        (second / path.name.replace("copy", "other")).write_text(
            path.read_text(encoding="utf-8").replace("(copy", "(other"), encoding="utf-8")
    return first, second


def start_add(db: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "annals", "add", *map(str, paths), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def assert_whole(db: Path) -> int:
    """Every stored document has all its tellings; no event is left without one; the file is sound."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "select d.source, d.n_events, (select count(*) from evidence e where e.document_id = d.id) from documents d"
        ).fetchall()
        assert all(n == told for _, n, told in rows), rows
        assert conn.execute("select count(*) from events where id not in (select event_id from evidence)").fetchone()[0] == 0
        assert conn.execute("select count(*) from event_actors where event_id not in (select id from events)").fetchone()[0] == 0
        return len(rows)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_store_reliability_a_killed_add_leaves_every_document_whole(tmp_path, how):
    folder = make_folder(tmp_path / "docs", 60)
    db = tmp_path / "corpus.db"
    process = start_add(db, folder)
    deadline = time.time() + 120
    while documents_in(db) < 3 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(how)
    process.wait(timeout=60)
    if how == signal.SIGINT:
        stderr = process.stderr.read()
        assert process.returncode == 130 and "interrupted" in stderr, (process.returncode, stderr[-2000:])
    stored = assert_whole(db)
    assert 0 < stored < 60
    # Adding again completes the rest, and what was there stays unchanged.
    again = start_add(db, folder)
    again.wait(timeout=600)
    assert again.returncode == 0, again.stderr.read()
    assert assert_whole(db) == 60


def test_store_reliability_two_adds_at_once_both_finish(tmp_path):
    first, second = make_two_folders(tmp_path, 12)
    db = tmp_path / "corpus.db"
    processes = [start_add(db, first), start_add(db, second)]
    for process in processes:
        process.wait(timeout=600)
        assert process.returncode == 0, process.stderr.read()
    assert assert_whole(db) == 24


def test_store_reliability_two_adds_at_once_on_postgresql_both_finish(tmp_path, postgres_server):
    # Both create the same actors at the same moment; the one that loses the race adds its document again.
    first, second = make_two_folders(tmp_path, 8)
    url = postgres_server.create_database("concurrent_adds")
    processes = [start_add(url, first), start_add(url, second)]
    for process in processes:
        process.wait(timeout=600)
        assert process.returncode == 0, process.stderr.read()
    with Corpus(url) as corpus, corpus.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select d.n_events, (select count(*) from evidence e where e.document_id = d.id) from documents d").all()
        assert len(rows) == 16 and all(n == told for n, told in rows), rows
        actors = conn.exec_driver_sql("select key, count(*) from actors group by key having count(*) > 1").all()
        assert actors == []
