"""Adding to the corpus: documents per second, and how much of it is storage rather than extraction.

The example article is added N times (default 1,000) under distinct names; each copy differs by its
title line so that it is a new document (its events merge into the events already there, as a
corpus of many sources telling the same events would). Extraction and storage are timed apart:

    extract  annals.extract(text) on the copy (read, segment, times, events)
    store    Corpus.add_document(doc): match, merge and write, one transaction

Then a filtered query (actor + type + date range + text) is timed over the whole corpus: whole
(`query_ms`: the page with every source of each event) and the choice of the page alone
(`query_page_ms`). It runs on SQLite (a file in a temporary folder) and, where PostgreSQL is
installed, on a throwaway server.

    .venv/bin/python benchmarks/corpus.py [--copies 1000] [--only sqlite|postgresql] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import annals
from annals.query import Query
from annals.store.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]

EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"


def run(url: str, copies: int) -> dict:
    text = EXAMPLE.read_text(encoding="utf-8")
    annals.extract(text)  # load data files once
    extract_seconds = store_seconds = 0.0
    store_times = []
    with Corpus(url) as corpus:
        for i in range(copies):
            copy = text.replace("= Azerbaijan–NATO relations =", f"= Azerbaijan–NATO relations ({i}) =", 1)
            began = time.perf_counter()
            doc = annals.extract(copy).with_(source=f"copy-{i:05d}.txt")
            middle = time.perf_counter()
            corpus.add_document(doc)
            ended = time.perf_counter()
            extract_seconds += middle - began
            store_seconds += ended - middle
            store_times.append(ended - middle)
        counts = corpus.counts()
        query = Query(actors=("Azerbaijan",), types=("visit",), since="2000", until="2010", text="visited", limit=100)
        corpus.events(query)
        began = time.perf_counter()
        for _ in range(10):
            found = corpus.events(query)["events"]
        query_ms = (time.perf_counter() - began) / 10 * 1000
        began = time.perf_counter()
        for _ in range(10):
            _ids, _ = corpus.event_ids(query)
        page_ms = (time.perf_counter() - began) / 10 * 1000
    total = extract_seconds + store_seconds
    return {
        "documents": copies,
        "events": counts["events"],
        "tellings": counts["evidence"],
        "documents_per_second": round(copies / total, 1),
        "extract_seconds": round(extract_seconds, 2),
        "store_seconds": round(store_seconds, 2),
        "store_share": round(store_seconds / total, 3),
        "store_ms_first_10": round(statistics.mean(store_times[:10]) * 1000, 1),
        "store_ms_last_10": round(statistics.mean(store_times[-10:]) * 1000, 1),
        "store_ms_median": round(statistics.median(store_times) * 1000, 1),
        "query_ms": round(query_ms, 1),
        "query_page_ms": round(page_ms, 1),
        "query_results": len(found),
        "query_sources": sum(len(event["sources"]) for event in found),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {}
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as folder:
            results["sqlite"] = run(str(Path(folder) / "bench.db"), args.copies)
    if args.only in (None, "postgresql"):
        import importlib.util

        spec = importlib.util.spec_from_file_location("pgserver", ROOT / "tests" / "pgserver.py")
        pgserver = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pgserver)
        PostgresServer, find_binaries = pgserver.PostgresServer, pgserver.find_binaries

        binaries = find_binaries()
        if binaries is None:
            results["postgresql"] = "PostgreSQL not installed"
        else:
            server = PostgresServer(binaries)
            server.start()
            try:
                results["postgresql"] = run(server.create_database("bench"), args.copies)
            finally:
                server.stop()
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    keys = ["documents", "events", "tellings", "documents_per_second", "extract_seconds", "store_seconds",
            "store_share", "store_ms_first_10", "store_ms_last_10", "store_ms_median", "query_ms", "query_page_ms",
            "query_results", "query_sources"]
    print(f"{'':22}" + "".join(f"{name:>14}" for name in results))
    for key in keys:
        row = [results[name][key] if isinstance(results[name], dict) else "-" for name in results]
        print(f"{key:22}" + "".join(f"{value!s:>14}" for value in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
