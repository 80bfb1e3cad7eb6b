"""Load test of `annals serve`: GET /api/events with filters on a 100,000-event SQLite corpus.

The corpus is built in seconds by writing straight into the schema's tables: the example article's
extracted events, copied as many times as needed, each copy a document of its own (its own source and
sha256) with its dates shifted by a few years, so nothing merges. Then the server runs on a free
loopback port (one uvicorn process, access log off) and wrk (Debian's `wrk`) sends requests for a
fixed time, rotating through filtered URLs. It prints requests per second, latency percentiles and
the error count (non-2xx answers plus socket errors), and fails if there was any error.

    .venv/bin/python benchmarks/load.py                     # build /tmp/annals-load.db once, 20 s of load
    .venv/bin/python benchmarks/load.py --duration 60 --connections 32 --json
    .venv/bin/python benchmarks/load.py --events 10000 --db /tmp/small.db --build-only
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"
_YEAR = re.compile(r"(?<![\dX-])(\d{4})(?=-|/|$)")


def shifted(value: str, years: int) -> str:
    """An EDTF value with every full year moved by `years` (partial years like 199X stay)."""
    return _YEAR.sub(lambda m: f"{min(9999, max(1, int(m.group(1)) + years)):04d}", value)


def build(path: Path, *, events: int = 100_000, spread: int = 30) -> dict:
    """A corpus of about `events` events at `path` (replaced), from copies of the example article."""
    import annals
    from annals.resolve.gazetteer import fold
    from annals.store import schema as t
    from annals.store.corpus import Corpus
    from annals.store.dates import bounds
    from annals.store.sentences import insert_sentences

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    doc = annals.extract(EXAMPLE)
    copies = math.ceil(events / len(doc.events))
    started = time.perf_counter()
    with Corpus(path) as corpus, corpus.engine.begin() as conn:
        kinds = {a.name: a.kind for e in doc.events for a in e.actors}
        actor_ids = {}
        for number, (name, kind) in enumerate(sorted(kinds.items()), start=1):
            conn.execute(insert(t.actors).values(id=number, name=name, key=fold(name), kind=kind))
            actor_ids[name] = number
        conn.execute(insert(t.actor_aliases), [
            {"actor_id": actor_ids[c], "alias": a, "key": fold(a)} for c, a in sorted(set(doc.aliases)) if c in actor_ids
        ] or [{"actor_id": 1, "alias": "-", "key": "-"}])
        event_id = 0
        now = dt.datetime.now(dt.UTC)
        for copy in range(copies):
            years = copy % (2 * spread + 1) - spread
            source = f"copies/{copy:05d}.txt"
            conn.execute(insert(t.documents).values(
                id=copy + 1, source=source, title=f"{doc.title} (copy {copy})", reader="text", dct=None,
                sha256=hashlib.sha256(f"{doc.sha256}:{copy}".encode()).hexdigest(), added_at=now,
                text=doc.text, n_events=len(doc.events)))
            rows = {"events": [], "evidence": [], "event_actors": [], "event_places": []}
            sentence_ids = insert_sentences(conn, copy + 1, {
                (e.evidence_start, e.evidence_end): e.evidence_text for e in doc.events})
            for index, event in enumerate(doc.events):
                if event_id >= events:
                    break
                event_id += 1
                value = shifted(event.date_value, years)
                first, last = bounds(value)
                if event.date_value[:4].isdigit() and first is None:  # 29 February in a common year
                    value = event.date_value
                    first, last = bounds(value)
                rows["events"].append({
                    "id": event_id, "uid": hashlib.sha256(f"{copy}:{index}".encode()).hexdigest()[:16], "date": value,
                    "date_text": event.date_text, "date_start": first, "date_end": last, "type": event.type, "conflicts": "[]"})
                actors = [a.to_dict() for a in event.actors]
                rows["evidence"].append({
                    "event_id": event_id, "document_id": copy + 1, "start": event.evidence_start, "end": event.evidence_end,
                    "sentence_id": sentence_ids[(event.evidence_start, event.evidence_end)], "date": value, "date_text": event.date_text, "type": event.type,
                    "trigger": event.trigger, "section": json.dumps(list(event.section)), "citation": event.citation,
                    "actors": json.dumps(actors), "places": json.dumps(list(event.places)), "quantities": "[]"})
                for position, actor in enumerate(dict.fromkeys(a.name for a in event.actors)):
                    role = next((a.role for a in event.actors if a.name == actor and a.role), None)
                    rows["event_actors"].append({"event_id": event_id, "actor_id": actor_ids[actor], "role": role,
                                                     "position": position})
                rows["event_places"].extend({"event_id": event_id, "place": p} for p in dict.fromkeys(event.places))
            for name, table in (("events", t.events), ("evidence", t.evidence), ("event_actors", t.event_actors),
                                ("event_places", t.event_places)):
                if rows[name]:
                    conn.execute(insert(table), rows[name])
    return {"events": event_id, "documents": copies, "seconds": round(time.perf_counter() - started, 1)}


QUERIES = [
    {"actor": "Azerbaijan", "type": "visit"},
    {"actor": "NATO", "since": "2000", "until": "2010"},
    {"actor": ["Georgia", "Azerbaijan"], "type": ["membership", "agreement"]},
    {"type": "summit", "since": "1995-01", "until": "2015-12-31"},
    {"text": "Partnership for Peace", "limit": 50},
    {"actor": "Ilham Aliyev", "type": "visit", "since": "2004"},
    {"source": "copies/00042.txt"},
    {"actor": "Azerbaijan", "limit": 20},
    {},
]


def urls() -> list[str]:
    return ["/api/events?" + urlencode(q, doseq=True) for q in QUERIES]


def _events_in(path: Path) -> int:
    """How many events the corpus at `path` holds (0 if there is none)."""
    if not path.is_file() or path.stat().st_size == 0:
        return 0
    from annals.store.corpus import Corpus

    with Corpus(path) as corpus:
        return corpus.counts()["events"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: Path, port: int) -> subprocess.Popen:
    code = ("from annals.api.server import serve; import sys; "
            "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', access_log=False)")
    server = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/types", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("load: the server did not start")


_LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def _unit(text: str) -> float:
    """wrk's '12.34ms' / '1.2s' / '850us' in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(port: int, *, duration: int, connections: int, threads: int) -> dict:
    """wrk against the server for `duration` seconds; its figures as a dict."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("load: wrk is not installed (apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % ", ".join(json.dumps(u) for u in urls()))
    try:
        out = subprocess.run(
            [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
             "-s", script.name, f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    finally:
        os.unlink(script.name)
    figures = {"raw": out}
    figures["requests_per_second"] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    figures["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    for pct in ("50", "90", "99"):
        figures[f"p{pct}_ms"] = _unit(re.search(rf"\s{pct}%\s+([\d.]+\w+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    figures["errors"] = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(g) for g in socket_errors.groups()) if socket_errors else 0)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "annals-load.db")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="build the corpus again even if it is there")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load (bounded: at most 300)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    duration = max(1, min(args.duration, 300))

    built = None
    if args.rebuild or args.build_only or _events_in(args.db) < args.events:
        built = build(args.db, events=args.events)
        print(f"built {args.db}: {built['events']:,} events in {built['documents']:,} documents, "
              f"{built['seconds']} s", file=sys.stderr)
    if args.build_only:
        return 0
    port = _free_port()
    server = _start_server(args.db, port)
    try:
        for url in urls():  # every URL answers 200 before the clock starts
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=30) as r:
                if r.status != 200:
                    raise SystemExit(f"load: {url} gave {r.status}")
        figures = run_wrk(port, duration=duration, connections=args.connections, threads=args.threads)
    finally:
        server.terminate()
        server.wait(timeout=10)
    result = {"events": built["events"] if built else None, "duration_s": duration,
              "connections": args.connections, "urls": urls(),
              **{k: v for k, v in figures.items() if k != "raw"}}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(figures["raw"])
        print(f"{figures['requests_per_second']:.1f} requests/s, p50 {figures['p50_ms']:.1f} ms, "
              f"p99 {figures['p99_ms']:.1f} ms, {figures['errors']} errors "
              f"({figures['requests']:,} requests, {args.connections} connections, {duration} s)")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
