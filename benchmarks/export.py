"""Exporting a large corpus: seconds and peak memory (RSS) per format, goal under 300 MB.

Builds (or reuses) a SQLite corpus of N events (default 100,000): the example
article is extracted once and its events are written straight into the
schema's tables again and again, each copy a new document whose years are
shifted, so that every event is distinct (no merging to wait for). Then each
format is exported in a fresh process, which reports its own time and peak
RSS (resource.getrusage ru_maxrss); a process that only opens the corpus
gives the baseline.

    .venv/bin/python benchmarks/export.py [--events 100000] [--db PATH] [--formats parquet csv] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"
DEFAULT_DB = Path(tempfile.gettempdir()) / "annals-export-bench.db"
_YEAR = re.compile(r"(?<![\dX])(\d{4})(?![\dX])")


def _shift(value: str, years: int) -> str:
    return _YEAR.sub(lambda m: f"{int(m.group(1)) + years:04d}", value)


def build(path: Path, events: int) -> int:
    """A corpus of at least `events` events at `path` (kept if it already has them); returns the count."""
    from sqlalchemy import func, insert, select

    import annals
    from annals.resolve.gazetteer import fold
    from annals.store import schema as t
    from annals.store.corpus import Corpus
    from annals.store.database import transaction
    from annals.store.dates import bounds
    from annals.store.sentences import insert_sentences

    with Corpus(path) as corpus:
        with corpus.engine.connect() as conn:
            have = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        if have >= events:
            return have
        doc = annals.extract(EXAMPLE)
        copies = math.ceil((events - have) / len(doc.events))
        names = sorted({(a.name, a.kind) for e in doc.events for a in e.actors})
        with transaction(corpus.engine) as conn:
            known = {r.key: r.id for r in conn.execute(select(t.actors.c.key, t.actors.c.id))}
            for name, kind in names:
                if fold(name) not in known:
                    known[fold(name)] = conn.execute(
                        insert(t.actors).values(name=name, key=fold(name), kind=kind).returning(t.actors.c.id)
                    ).scalar_one()
        start = total = have
        for copy in range(copies):
            years = copy % 250 - 100  # 1891..2275 and back: spread dates, keep them valid
            sha = hashlib.sha256(f"bench:{start}:{copy}".encode()).hexdigest()
            with transaction(corpus.engine) as conn:
                document_id = conn.execute(insert(t.documents).values(
                    source=f"bench-{start}-{copy:05d}.txt", title=f"{doc.title} ({copy})", sha256=sha, reader="text",
                    added_at=datetime(2026, 1, 1, tzinfo=UTC), text=doc.text, n_events=len(doc.events),
                ).returning(t.documents.c.id)).scalar_one()
                rows, evidence, actors, places = [], [], [], []
                sentence_ids = insert_sentences(conn, document_id, {
                    (e.evidence_start, e.evidence_end): e.evidence_text for e in doc.events})
                first_id = (conn.execute(select(func.max(t.events.c.id))).scalar() or 0) + 1
                for i, event in enumerate(doc.events):
                    event_id = first_id + i
                    value = _shift(event.date_value, years)
                    low, high = bounds(value)
                    rows.append({"id": event_id, "uid": hashlib.sha256(f"{sha}:{i}".encode()).hexdigest()[:16],
                                     "date": value, "date_text": event.date_text, "date_start": low, "date_end": high,
                                     "type": event.type, "conflicts": "[]"})
                    evidence.append({
                        "event_id": event_id, "document_id": document_id, "start": event.evidence_start,
                        "end": event.evidence_end, "date": value,
                        "sentence_id": sentence_ids[(event.evidence_start, event.evidence_end)], "date_text": event.date_text,
                        "type": event.type, "trigger": event.trigger, "section": json.dumps(list(event.section)),
                        "actors": json.dumps([a.to_dict() for a in event.actors]), "places": json.dumps(list(event.places)),
                        "quantities": "[]"})
                    for position, actor in enumerate(event.actors):
                        actors.append({"event_id": event_id, "actor_id": known[fold(actor.name)], "role": actor.role,
                                           "position": position})
                    places.extend({"event_id": event_id, "place": p} for p in dict.fromkeys(event.places))
                for table, batch in ((t.events, rows), (t.evidence, evidence), (t.event_actors, actors),
                                     (t.event_places, places)):
                    if batch:
                        conn.execute(insert(table), batch)
            total += len(doc.events)
        return total


def one(db: str, format: str, out: str) -> dict:
    """Export in this process and report seconds and peak RSS (MB)."""
    from annals.export import export
    from annals.store.corpus import Corpus

    began = time.perf_counter()
    with Corpus(db) as corpus:
        report = export(corpus, format, out) if format != "none" else None
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"format": format, "events": report.events if report else 0, "seconds": round(seconds, 1),
            "peak_mb": round(peak, 1), "bytes": Path(out).stat().st_size if report else 0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--formats", nargs="+", default=["parquet", "csv"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.db, args.one, args.out)))
        return 0
    began = time.perf_counter()
    count = build(Path(args.db), args.events)
    built = time.perf_counter() - began
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for format in ["none", *args.formats]:
            out = str(Path(folder) / f"export.{format}")
            done = subprocess.run([sys.executable, __file__, "--db", args.db, "--one", format, "--out", out],
                                  check=True, capture_output=True, text=True)
            results.append(json.loads(done.stdout))
    if args.json:
        print(json.dumps({"events": count, "build_seconds": round(built, 1), "results": results}, indent=1))
        return 0
    print(f"corpus: {count:,} events in {args.db} (ready in {built:.1f} s)")
    print(f"{'format':<10}{'events':>10}{'seconds':>10}{'peak MB':>10}{'file MB':>10}")
    for r in results:
        label = "baseline" if r["format"] == "none" else r["format"]
        print(f"{label:<10}{r['events']:>10,}{r['seconds']:>10}{r['peak_mb']:>10}{r['bytes'] / 2**20:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
