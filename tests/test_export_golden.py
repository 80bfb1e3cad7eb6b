"""Golden files: every format of a small, frozen set of events, byte for byte.

The input, tests/golden/export/example-events.json, is a snapshot of some of
the example article's events (added to a fresh SQLite corpus) plus the
escape-testing events of test_export_formats.NASTY. It is frozen so that
these files change only when an exporter does, not when extraction does.
After an intended change, regenerate the snapshot and every golden file:

    ANNALS_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py

and review the diff of tests/golden/export/ before committing it.
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import EXAMPLE
from test_export_formats import NASTY

import annals
from annals.export import names, stream
from annals.export.registry import get
from annals.store.corpus import Corpus

GOLDEN = Path(__file__).parent / "golden" / "export"
SNAPSHOT = GOLDEN / "example-events.json"
REGENERATE = bool(os.environ.get("ANNALS_REGENERATE_GOLDEN"))


def _chosen(event: dict) -> bool:
    """A few years of the article, open dates and a season: every kind of date, actors and sources."""
    value = event["date"]["value"]
    return value[:4] in ("1997", "1998", "1999") or ".." in value or value.endswith("-21")


def _snapshot(tmp_path: Path) -> list[dict]:
    with Corpus(tmp_path / "golden.db") as corpus:
        corpus.add_document(annals.extract(EXAMPLE).with_(source="azerbaijan-nato.txt"))
        return [e for e in corpus.iter_events() if _chosen(e)]


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    if REGENERATE:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(_snapshot(tmp_path_factory.mktemp("golden")), ensure_ascii=False, indent=1)
                            + "\n", encoding="utf-8")
    return json.loads(SNAPSHOT.read_text(encoding="utf-8")) + NASTY


def _rendered(format: str, data: bytes) -> bytes:
    """What is compared: the bytes, except for Parquet, whose bytes name the pyarrow version: its rows."""
    if format != "parquet":
        return data
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(data))
    text = str(table.schema) + "\n" + "\n".join(
        json.dumps(row, ensure_ascii=False, default=str) for row in table.to_pylist())
    return (text + "\n").encode()


@pytest.mark.parametrize("format", names())
def test_export_golden_file_is_unchanged(events, format):
    _, chunks = stream(events, format, title="Azerbaijan–NATO relations")
    data = _rendered(format, b"".join(chunks))
    path = GOLDEN / f"example.{get(format).extension}" if format != "parquet" else GOLDEN / "example.parquet.txt"
    if REGENERATE:
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path.name}: run ANNALS_REGENERATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert data == path.read_bytes(), f"{format} output changed: see the module docstring to regenerate"


def test_export_golden_snapshot_covers_every_kind_of_date(events):
    values = [e["date"]["value"] for e in events]
    assert any("/.." in v for v in values) and any(v.startswith("..") for v in values)
    assert any(len(v) == 10 for v in values) and any(len(v) == 7 for v in values) and any(len(v) == 4 for v in values)
    assert any("/" in v and ".." not in v for v in values) and any(v.startswith("XXXX") for v in values)
