"""`annals extract` as a user runs it."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLE


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annals", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def test_cli_extract_json_is_the_contract_shape():
    data = json.loads(run("extract", str(EXAMPLE), "--format", "json").stdout)
    assert set(data) == {"document", "events"}
    assert {"title", "source", "sha256"} <= set(data["document"])
    event = data["events"][0]
    assert {"date", "type", "actors", "places", "quantities", "section", "evidence"} <= set(event)
    text = EXAMPLE.read_text(encoding="utf-8")
    for event in data["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert len(data["events"]) >= 100
    # The frame of EVENTS.md: predicate, parts, object, headline.
    for event in data["events"]:
        assert {"predicate", "object", "headline"} <= set(event)
        assert all(actor.get("part") in ("source", "target", "other") for actor in event["actors"])
        predicate = event["predicate"]
        if predicate is not None:
            assert text[predicate["start"]:predicate["end"]] == predicate["text"]
        assert event["headline"] is None or len(event["headline"]) <= 80


@pytest.mark.issue(12)
def test_cli_extract_table_shows_the_headline(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Montenegro joined NATO on 5 June 2017.\n", encoding="utf-8")
    out = run("extract", str(path), env={"COLUMNS": "200"}).stdout
    assert "Montenegro joins NATO" in out


def test_cli_extract_jsonl_one_document_per_line(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Montenegro joined NATO on 5 June 2017.\n", encoding="utf-8")
    lines = run("extract", str(EXAMPLE), str(other), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == ["azerbaijan-nato.txt", "other.txt"]


def test_cli_extract_csv_one_event_per_row():
    rows = list(csv.DictReader(io.StringIO(run("extract", str(EXAMPLE), "--format", "csv").stdout)))
    assert len(rows) >= 100
    solana = [r for r in rows if r["date"] == "1997-02-13"]
    assert solana and "Javier Solana" in solana[0]["actors"] and solana[0]["type"] == "visit"


def test_cli_extract_table_in_date_order():
    out = run("extract", str(EXAMPLE)).stdout
    assert out.index("1991-10-18") < out.index("1997-02-13") < out.index("2025-08-08")


def test_cli_extract_text_without_dates_is_an_empty_result(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("NATO is an alliance of countries.\n", encoding="utf-8")
    data = json.loads(run("extract", str(path), "--format", "json").stdout)
    assert data["events"] == []


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "is empty"), (b"\x00\x01\x02binary", "binary"), (b"caf\xe9 1999", "UTF-8")],
)
def test_cli_extract_bad_input_is_one_line(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode != 0 and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_extract_unknown_reader_is_refused():
    result = run("extract", str(EXAMPLE), "--reader", "pdf")
    assert result.returncode == 2 and "pdf" in result.stderr
