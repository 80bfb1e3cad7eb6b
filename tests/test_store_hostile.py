"""The corpus commands used carelessly or with hostile input (issue 14): odd file names, names that change
with the working folder, copies, locked, read-only, missing and foreign databases. Real processes, real files."""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, create_engine, insert, select

import annals
from annals.store.adding import add_paths
from annals.store.corpus import Corpus
from annals.store.database import open_engine, transaction

ANNALS = [sys.executable, "-m", "annals"]
GEORGIA = "Georgia joined the United Nations on 31 July 1992.\n"
MONTENEGRO = "Montenegro joined NATO on 5 June 2017.\n"
KOSOVO = "Kosovo declared independence on 17 February 2008.\n"

pytestmark = pytest.mark.issue(14)


def run(*args: str | bytes, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    # A wide terminal, so that a line is a line and not what Rich wraps.
    return subprocess.run([*ANNALS, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, check=False,
                          env={**os.environ, "COLUMNS": "500"})


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The error a failed command printed: one line, no traceback, no internal error."""
    assert result.returncode != 0, result.stdout[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-3000:]
    assert "internal error" not in lines[0] and "Traceback" not in lines[0]
    return lines[0]


def rows(db: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def sources(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "select source from documents order by id")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_corpus(db: Path, *texts: tuple[str, str]) -> Path:
    with Corpus(db) as corpus:
        for source, text in texts:
            corpus.add_document(annals.extract(text).with_(source=source))
    return db


# ---------------------------------------------------------------------- item 4: odd files in a folder
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_store_hostile_undecodable_name_and_link_loop_are_reported_and_the_rest_added(tmp_path, jobs):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GEORGIA, encoding="utf-8")
    with open(os.fsencode(docs) + b"/bad\xff.txt", "w", encoding="utf-8") as fh:
        fh.write(MONTENEGRO)
    (docs / "loop1.txt").symlink_to("loop2.txt")
    (docs / "loop2.txt").symlink_to("loop1.txt")
    db = tmp_path / "corpus.db"
    result = run("add", str(docs), "--db", str(db), "--jobs", jobs)
    assert "internal error" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.strip().startswith("failed")]
    assert len(failed) == 3, result.stderr
    assert any("bad\\xff.txt" in line and "UTF-8" in line for line in failed), failed
    assert sum("loop" in line and "symbolic links" in line for line in failed) == 2, failed
    assert result.returncode == 3  # some failed, the others were added
    assert sources(db) == [str(docs / "good.txt")]


# ---------------------------------------------------------------------- item 5: one name wherever add runs
def test_store_hostile_a_file_added_from_two_folders_is_one_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "k.txt").write_text(GEORGIA, encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert run("add", "docs/k.txt", "--db", str(db), cwd=tmp_path).returncode == 0
    again = run("add", "k.txt", "--db", str(db), cwd=docs)
    assert again.returncode == 0 and "1 unchanged" in again.stderr, again.stderr
    assert sources(db) == [str(docs / "k.txt")]
    (docs / "k.txt").write_text(GEORGIA + KOSOVO, encoding="utf-8")
    newer = run("add", str(docs / "k.txt"), "--db", str(db), cwd="/")
    assert newer.returncode == 0 and "1 replaced" in newer.stderr, newer.stderr
    assert sources(db) == [str(docs / "k.txt")]
    found = run("events", "--source", "k.txt", "--format", "json", "--db", str(db), cwd=docs)
    assert found.returncode == 0 and "2008-02-17" in found.stdout
    removed = run("remove", "docs/k.txt", "--db", str(db), cwd=tmp_path)
    assert removed.returncode == 0 and removed.stdout.strip() == "removed docs/k.txt", removed.stdout + removed.stderr
    assert sources(db) == []


def migrations() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("annals.store") / "migrations"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(migrations()).get_current_head()


OLD_TABLES = ("actors", "actor_aliases", "documents", "events", "evidence", "event_actors", "event_places",
              "event_quantities")


def old_corpus(url: str, folder: Path, *texts: tuple[str, str]) -> None:
    """A corpus as annals made it before issue 14: schema 0003 (one document per sha256), relative sources.

    The documents are stored by today's annals, then copied, in the columns that 0003 has, into a
    database that the migrations brought up to 0003 only.
    """
    made = folder / "today.db"
    with Corpus(made) as corpus:
        for source, text in texts:
            corpus.add_document(annals.extract(text).with_(source=source))
    engine = open_engine(url, migrate=False)
    config = migrations()
    with transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    today = create_engine(f"sqlite:///{made}")
    with transaction(engine) as conn, today.connect() as source:
        for name in OLD_TABLES:
            table = Table(name, MetaData(), autoload_with=conn)
            kept = Table(name, MetaData(), autoload_with=source)
            told = {c.name: c for c in kept.columns}
            if "sentence_id" in kept.c:  # a telling's text is its sentence's now (schema 0006)
                sentences = Table("sentences", MetaData(), autoload_with=source)
                kept = kept.join(sentences, sentences.c.id == kept.c.sentence_id)
                told["text"] = sentences.c.text
            found = source.execute(select(*(told[c.name] for c in table.columns)).select_from(kept)).mappings().all()
            if found:
                conn.execute(insert(table), [dict(row) for row in found])
            if conn.dialect.name == "postgresql" and "id" in table.c:
                conn.exec_driver_sql(f"select setval(pg_get_serial_sequence('{name}', 'id'), "
                                     f"(select coalesce(max(id), 0) + 1 from {name}), false)")
    today.dispose()
    engine.dispose()
    made.unlink()


def test_store_hostile_an_older_corpus_keeps_every_row_and_its_relative_names_are_found(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "k.txt").write_text(GEORGIA, encoding="utf-8")
    db = tmp_path / "corpus.db"
    old_corpus(str(db), tmp_path, ("docs/k.txt", GEORGIA), ("docs/m.txt", MONTENEGRO + KOSOVO))
    tables = ("documents", "events", "evidence", "actors", "event_actors", "event_places")
    columns = {table: ", ".join(f'"{r[1]}"' for r in rows(db, f"pragma table_info({table})")) for table in tables}
    before = {table: rows(db, f"select {columns[table]} from {table} order by 1, 2") for table in tables}
    result = run("add", "docs/k.txt", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0 and "1 unchanged" in result.stderr, result.stderr
    assert rows(db, "select version_num from alembic_version") == [(head_revision(),)]
    assert rows(db, "pragma integrity_check") == [("ok",)] and rows(db, "pragma foreign_key_check") == []
    # (a telling's text is its sentence's since schema 0006)
    columns["evidence"] = columns["evidence"].replace('"text"', "(select text from sentences where id = sentence_id)")
    after = {table: rows(db, f"select {columns[table]} from {table} order by 1, 2") for table in tables}
    # Every row kept with its id; only the document found again is named by its absolute path now.
    renamed = [(r[0], str(docs / "k.txt"), *r[2:]) if r[1] == "docs/k.txt" else r for r in before["documents"]]
    assert after == {**before, "documents": renamed}
    # A name the older annals stored is still found where it would have been (here: from tmp_path).
    found = run("events", "--source", "docs/m.txt", "--format", "json", "--db", str(db), cwd=tmp_path)
    assert found.returncode == 0 and "2017-06-05" in found.stdout, found.stderr
    assert run("remove", "docs/m.txt", "--db", str(db), cwd=tmp_path).returncode == 0
    assert sources(db) == [str(docs / "k.txt")]


def test_store_hostile_migration_lets_two_sources_hold_the_same_bytes_on_both_databases(corpus_url, tmp_path):
    old_corpus(corpus_url, tmp_path, ("a.txt", GEORGIA), ("b.txt", MONTENEGRO))
    with Corpus(corpus_url) as corpus:
        counts = corpus.counts()
        assert counts["documents"] == 2 and counts["evidence"] == 2
        copy = corpus.add_document(annals.extract(GEORGIA).with_(source="copy-of-a.txt"))
        assert copy.status == "added"
        assert [d["source"] for d in corpus.documents()] == ["a.txt", "b.txt", "copy-of-a.txt"]
        assert corpus.remove("copy-of-a.txt")
        assert corpus.counts() == counts


# ---------------------------------------------------------------------- item 6: a document is its source
def test_store_hostile_a_copy_under_another_name_is_its_own_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GEORGIA, encoding="utf-8")
    (docs / "b.txt").write_text(GEORGIA, encoding="utf-8")
    db = tmp_path / "corpus.db"
    added = run("add", str(docs), "--db", str(db))
    assert added.returncode == 0 and "2 added" in added.stderr, added.stderr
    removed = run("remove", str(docs / "b.txt"), "--db", str(db))
    assert removed.returncode == 0, removed.stderr
    assert sources(db) == [str(docs / "a.txt")]
    assert rows(db, "select date from events") == [("1992-07-31",)]


def test_store_hostile_an_edited_file_equal_to_another_document_replaces_its_own_events(corpus_url, tmp_path):
    (tmp_path / "a.txt").write_text(GEORGIA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MONTENEGRO, encoding="utf-8")
    with Corpus(corpus_url) as corpus:
        add_paths(corpus, [tmp_path / "a.txt", tmp_path / "b.txt"])
        (tmp_path / "b.txt").write_text(GEORGIA, encoding="utf-8")
        summary = add_paths(corpus, [tmp_path / "b.txt"])
        assert (summary.replaced, summary.unchanged) == (1, 0)
        events = corpus.events(limit=None)["events"]
        assert [e["date"]["value"] for e in events] == ["1992-07-31"]  # Montenegro's 2017 is gone with b's old text
        assert sorted(s["document"]["source"] for s in events[0]["sources"]) == [str(tmp_path / "a.txt"),
                                                                               str(tmp_path / "b.txt")]
        # Twice the same bytes and no actor to merge on: each document still gets its own, distinct event.
        (tmp_path / "c.txt").write_text("It rained on 3 May 1999.\n", encoding="utf-8")
        (tmp_path / "d.txt").write_text("It rained on 3 May 1999.\n", encoding="utf-8")
        summary = add_paths(corpus, [tmp_path / "c.txt", tmp_path / "d.txt"])
        assert summary.added == 2 and not summary.failed, summary.failed


# ---------------------------------------------------------------------- item 8: locks and read-only corpora
@contextlib.contextmanager
def write_lock(db: Path):
    """Another process holding the corpus's write lock (an open write transaction) until a line is sent to it."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "conn.execute(\"insert into actors (name, key, kind) values ('Holder', 'holder', 'other')\")\n"
        "print('locked', flush=True)\n"
        "sys.stdin.readline()\n"
        "conn.execute('ROLLBACK')\n"), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_store_hostile_events_are_read_while_another_process_writes(tmp_path):
    db = make_corpus(tmp_path / "corpus.db", ("g.txt", GEORGIA))
    with write_lock(db):
        started = time.monotonic()
        result = run("events", "--format", "json", "--db", str(db), timeout=25)
        assert result.returncode == 0, result.stderr
        assert "1992-07-31" in result.stdout
        assert time.monotonic() - started < 20


def test_store_hostile_add_waits_for_the_lock_and_says_so(tmp_path):
    db = make_corpus(tmp_path / "corpus.db", ("g.txt", GEORGIA))
    (tmp_path / "m.txt").write_text(MONTENEGRO, encoding="utf-8")
    with write_lock(db) as holder:
        adding = subprocess.Popen([*ANNALS, "add", str(tmp_path / "m.txt"), "--db", str(db)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = adding.stderr.readline()  # adding waits (past the 30 s it used to give up after) until it is let in
        assert "waiting for" in first and "another process is writing" in first, first
        holder.stdin.write("release\n")
        holder.stdin.flush()
        rest = adding.stderr.read()
        assert adding.wait(timeout=120) == 0, rest
    assert sources(db) == ["g.txt", str(tmp_path / "m.txt")]


@contextlib.contextmanager
def read_only(folder: Path):
    """`folder` and its files made read-only for this user: permissions, or (as root) the immutable attribute."""
    paths = [*folder.iterdir(), folder]
    if os.geteuid() != 0:
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path in paths:
                path.chmod(0o755 if path.is_dir() else 0o644)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True,
                                                check=False).returncode != 0:
        pytest.skip("cannot make a file read-only for root here (chattr +i)")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *map(str, paths)], capture_output=True, check=True)


def test_store_hostile_a_read_only_corpus_is_read_and_refuses_writes_in_one_line(tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    db = make_corpus(folder / "corpus.db", ("g.txt", GEORGIA))
    (tmp_path / "m.txt").write_text(MONTENEGRO, encoding="utf-8")
    before = digest(db)
    with read_only(folder):
        found = run("events", "--format", "json", "--db", str(db))
        assert found.returncode == 0 and "1992-07-31" in found.stdout, found.stderr
        assert run("actors", "--db", str(db)).returncode == 0
        refused = run("add", str(tmp_path / "m.txt"), "--db", str(db))
        assert "read-only" in one_line_error(refused)
        assert "read-only" in one_line_error(run("remove", "g.txt", "--db", str(db)))
    assert digest(db) == before
    assert sources(db) == ["g.txt"]


# ---------------------------------------------------------------------- item 9: reading creates nothing
@pytest.mark.parametrize("args", [["events"], ["actors"], ["timeline", "Georgia"], ["remove", "g.txt"]])
def test_store_hostile_reading_a_missing_database_is_an_error_and_creates_nothing(tmp_path, args):
    db = tmp_path / "typo.db"
    assert "no corpus at" in one_line_error(run(*args, "--db", str(db)))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["events"], ["actors"], ["add", "DOC"], ["remove", "g.txt"]])
def test_store_hostile_another_applications_database_is_left_as_it_was(tmp_path, args):
    db = tmp_path / "app.db"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("create table notes (id integer primary key, body text)")
        conn.execute("insert into notes (body) values ('keep me')")
        conn.commit()
    (tmp_path / "doc.txt").write_text(GEORGIA, encoding="utf-8")
    before = digest(db)
    args = [str(tmp_path / "doc.txt") if a == "DOC" else a for a in args]
    assert "not an annals corpus" in one_line_error(run(*args, "--db", str(db)))
    assert digest(db) == before
    assert rows(db, "pragma journal_mode") == [("delete",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "doc.txt"]


def test_store_hostile_reading_an_empty_postgresql_database_creates_no_table(postgres_server):
    import psycopg

    url = postgres_server.create_database("hostile_empty")
    assert "no corpus in" in one_line_error(run("events", "--db", url))
    with psycopg.connect(url) as conn:
        assert conn.execute("select count(*) from information_schema.tables where table_schema = 'public'"
                            ).fetchone()[0] == 0


# ---------------------------------------------------------------------- item 11: one-line errors, nothing half
@pytest.mark.parametrize("args", [["events"], ["add", "DOC"]])
def test_store_hostile_a_file_that_is_not_sqlite_is_refused_in_one_line(tmp_path, args):
    db = tmp_path / "notsqlite.db"
    db.write_text("name,date\nGeorgia,1992\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text(GEORGIA, encoding="utf-8")
    args = [str(tmp_path / "doc.txt") if a == "DOC" else a for a in args]
    assert "not a SQLite database" in one_line_error(run(*args, "--db", str(db)))
    assert db.read_text(encoding="utf-8") == "name,date\nGeorgia,1992\n"


@pytest.mark.parametrize("url", ["postgres://user@localhost:notaport/db", "postgresql://[::1/db",
                                 "postgres://annals:secret@127.0.0.1:1/nothing"])
def test_store_hostile_a_malformed_or_unreachable_postgresql_url_is_one_line(url):
    message = one_line_error(run("events", "--db", url))
    assert "secret" not in message


def test_store_hostile_an_undecodable_filter_is_one_line(tmp_path):
    db = make_corpus(tmp_path / "corpus.db", ("g.txt", GEORGIA))
    for args in ([b"events", b"--actor", b"\xff"], [b"events", b"--source", b"\xff.txt"], [b"actors", b"\xff"],
                 [b"remove", b"\xff.txt"]):
        result = run(*args, b"--db", os.fsencode(db))
        assert "\\xff" in one_line_error(result)


def test_store_hostile_a_database_error_while_adding_is_one_line_and_stores_nothing(tmp_path):
    db = make_corpus(tmp_path / "corpus.db", ("g.txt", GEORGIA))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("create trigger refuse after insert on evidence begin"
                     " select raise(abort, 'the disk refuses'); end")
        conn.commit()
    before = rows(db, "select count(*) from documents"), rows(db, "select count(*) from events")
    (tmp_path / "m.txt").write_text(MONTENEGRO, encoding="utf-8")
    message = one_line_error(run("add", str(tmp_path / "m.txt"), "--db", str(db)))
    assert "the disk refuses" in message and "INSERT" not in message and "Montenegro" not in message
    assert (rows(db, "select count(*) from documents"), rows(db, "select count(*) from events")) == before


# ---------------------------------------------------------------------- item 17: exit codes of add
def test_store_hostile_add_exit_code_tells_some_failed_from_all_failed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GEORGIA, encoding="utf-8")
    late_nul = b"Georgia joined the United Nations on 31 July 1992.\n" + b"Nothing dated here. " * 3500 + b"\x00\n"
    assert len(late_nul) > 65536
    (docs / "late-nul.txt").write_bytes(late_nul)
    (docs / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "corpus.db"
    some = run("add", str(docs), "--db", str(db))
    assert some.returncode == 3, some.stderr
    assert any("late-nul.txt" in line and "binary" in line for line in some.stderr.splitlines()), some.stderr
    assert sources(db) == [str(docs / "good.txt")]
    none = run("add", str(docs / "late-nul.txt"), str(docs / "empty.txt"), "--db", str(db))
    assert none.returncode == 1, none.stderr
    every = run("add", str(docs / "good.txt"), "--db", str(db))
    assert every.returncode == 0, every.stderr


@pytest.mark.issue(14)
def test_store_hostile_add_summary_lines_do_not_wrap_in_a_narrow_pipe(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    name = "an-empty-file-whose-name-alone-is-longer-than-the-terminal-is-wide.txt"
    (folder / name).write_text("", encoding="utf-8")
    (folder / "ok.txt").write_text("Chile joined the OECD on 7 May 2010.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "annals", "add", str(folder), "--db", str(tmp_path / "c.db")],
                          check=False, capture_output=True, text=True, env={**os.environ, "COLUMNS": "40"}, timeout=300)
    assert done.returncode == 3, done.stderr
    failed = [line for line in done.stderr.splitlines() if "failed " in line and name in line]
    assert len(failed) == 1 and failed[0].rstrip().endswith("is empty"), done.stderr
