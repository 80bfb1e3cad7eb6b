"""Shared fixtures: paths to the evaluation data (read from ../shared, never copied)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"


def gold_files() -> list[Path]:
    return sorted((EVAL / "gold").glob("*.jsonl"))


def load_gold(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return rows


def doc_for(gold: Path) -> Path:
    return EVAL / "docs" / f"{gold.stem}.txt"


def pytest_configure(config):
    config.addinivalue_line("markers", "issue(n): regression test for an issue")


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


requires_eval = pytest.mark.skipif(not (EVAL / "gold").is_dir(), reason="../shared/eval is not present")


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (skipped where none is installed, unless CI requires it)."""
    import os

    from pgserver import PostgresServer, find_binaries

    binaries = find_binaries()
    if binaries is None:
        if os.environ.get("ANNALS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required (ANNALS_REQUIRE_POSTGRES) but initdb/pg_ctl were not found")
        pytest.skip("PostgreSQL is not installed here")
    server = PostgresServer(binaries)
    server.start()
    yield server
    server.stop()


_DATABASES = iter(range(1, 10**6))


@pytest.fixture(params=["sqlite", "postgresql"])
def corpus_url(request, tmp_path):
    """A fresh, empty corpus database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"test_{next(_DATABASES)}")
