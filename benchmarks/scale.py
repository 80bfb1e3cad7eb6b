"""Adding thousands of documents: `annals add --jobs 1`, `--jobs 2` and `--dask local`, and HeidelTime.

usage: .venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000] [--modes jobs1,jobs2,dask]
                                            [--heideltime-sample 20] [--out benchmarks/results] [--json]

A corpus of N documents is generated from the development documents (../shared/eval/docs/*.txt
and tests/heldout/docs/*.txt, taken in turn): each copy gets a distinct file name and title (a
letter tag such as "[bq]", so that no number is read as a date), keeps its first three paragraphs
(title, lead, news dateline) and has the paragraphs of each section shuffled (seeded), so that no
two documents are alike. Each mode is one `python -m annals add FOLDER --db FILE` subprocess on
a fresh SQLite file; what is measured:

- seconds: wall clock of the command (start-up, imports, worker start and cluster start included);
- documents/s and words/s: N and the words of the N texts (len(text.split())) over those seconds;
- cpu s/doc: user + system CPU seconds of the command and all its processes (the last sample of
  each, every 0.1 s), over N: less sensitive than the wall clock to other work on the machine;
- load: the machine's 1-minute load average before the command (other work slows the wall clock);
- peak MB: the largest sum of the resident memory of the command's process tree, sampled every
  0.1 s (psutil); writer MB: the peak resident memory of the main process (the writer) alone;
- database MB: the SQLite file after the command (its WAL is checkpointed on close).

HeidelTime: the warm words/s of `heideltime_runner.tag_warm` (one JVM, NARRATIVES, the second of
two passes timed inside Java) on the first `--heideltime-sample` generated documents, for the
ratio annals words/s ÷ HeidelTime words/s. HeidelTime only tags time expressions; annals extracts
events and stores them.

The table goes to stdout, the numbers to OUT/scale.json (after each run, so that a long run
interrupted keeps what it measured) and the plot (documents/s and peak memory against N, log
scale) to OUT/scale.png; `--from-json OUT/scale.json` draws the table and plot again.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT.parent / "shared" / "eval" / "docs").glob("*.txt")) + sorted(
    (ROOT / "tests" / "heldout" / "docs").glob("*.txt"))
MODES = {
    "jobs1": ["--jobs", "1"],
    "jobs2": ["--jobs", "2"],
    "dask": ["--dask", "local", "--jobs", "2"],
    "default": [],
    "jobs2-equal": ["--jobs", "2"],  # with the workers at the writer's priority (WORKER_NICENESS 0)
}
LABELS = {"jobs1": "--jobs 1", "jobs2": "--jobs 2", "dask": "--dask local (2 workers)", "default": "default",
          "jobs2-equal": "--jobs 2, workers not niced"}
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"
SHORT = sorted((ROOT.parent / "shared" / "eval" / "docs").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "eval" / "dev2" / "docs").glob("*.txt")) + sorted(
    (ROOT / "tests" / "heldout" / "docs").glob("*.txt"))
# The cases of issue 15: (sources taken in turn, documents).
CASES = {"example24": ([EXAMPLE], 24), "example96": ([EXAMPLE], 96), "short120": (SHORT, 120)}
CASE_LABELS = {"example24": "24 copies of the example", "example96": "96 copies of the example",
               "short120": "120 short documents"}
CASE_MODES = ("jobs1", "jobs2", "default", "jobs2-equal")
HEADING = re.compile(r"^=+ .* =+$")


def tag(number: int) -> str:
    """A letter name for a number: 0 -> "a", 26 -> "ba" (no digit for the date tagger to read)."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
        if number == 0:
            return letters


def variant(text: str, number: int) -> str:
    """The text renamed with `number`'s tag, its paragraphs after the first three shuffled within each section."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]
    first = blocks[0].split("\n", 1)
    name = f" [{tag(number)}]"
    match = re.fullmatch(r"(=+ )(.*?)( =+)", first[0])
    first[0] = f"{match[1]}{match[2]}{name}{match[3]}" if match else first[0] + name
    blocks[0] = "\n".join(first)
    rng = random.Random(number)
    kept, sections, current = blocks[:3], [], []
    for block in blocks[3:]:
        if HEADING.match(block.split("\n", 1)[0]):
            sections.append(current)
            current = [block]
        else:
            current.append(block)
    sections.append(current)
    out = list(kept)
    for section in sections:
        head = [section[0]] if section and HEADING.match(section[0].split("\n", 1)[0]) else []
        body = section[len(head):]
        rng.shuffle(body)
        out += head + body
    return "\n\n".join(out) + "\n"


def generate(folder: Path, count: int, sources: list[Path] | None = None) -> int:
    """Write `count` documents into folder (variants of `sources` in turn); the number of words."""
    sources = sources or SOURCES
    folder.mkdir(parents=True, exist_ok=True)
    texts = [path.read_text(encoding="utf-8") for path in sources]
    words = 0
    for number in range(count):
        source = sources[number % len(sources)]
        text = variant(texts[number % len(texts)], number)
        (folder / f"{number:05d}-{source.stem}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


class Tree:
    """Samples of a process tree: peak resident memory (all, and the root alone) and CPU seconds."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.peak = self.writer = 0
        self.cpu: dict[int, float] = {}
        self.each: dict[int, int] = {}  # the peak resident memory of each process

    def sample(self) -> None:
        import psutil

        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        total = 0
        for process in processes:
            try:
                with process.oneshot():
                    rss = process.memory_info().rss
                    times = process.cpu_times()
            except psutil.Error:
                continue
            total += rss
            self.cpu[process.pid] = times.user + times.system
            self.each[process.pid] = max(self.each.get(process.pid, 0), rss)
            if process.pid == self.root.pid:
                self.writer = max(self.writer, rss)
        self.peak = max(self.peak, total)


def watched(command: list[str], name: str, *, every: float) -> tuple[float, Tree, int]:
    """Run `command`, sampling its process tree every `every` s: wall seconds, the samples, its pid."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tree = Tree(child.pid)
    while child.poll() is None:
        tree.sample()
        time.sleep(every)
    seconds = time.perf_counter() - began
    stderr = child.stderr.read()
    if child.returncode != 0:
        raise RuntimeError(f"{name} failed: {stderr.strip()[-500:]}")
    return seconds, tree, child.pid


def run_add(folder: Path, db: Path, mode: str) -> dict:
    """One `annals add` subprocess: seconds, CPU seconds, peak memory, database size and counts."""
    import sqlite3

    load = os.getloadavg()[0]
    command = [sys.executable, "-m", "annals", "add", str(folder), "--db", str(db), *MODES[mode]]
    seconds, tree, _ = watched(command, f"annals add {mode}", every=0.1)
    with sqlite3.connect(db) as conn:
        counts = {name: conn.execute(f"select count(*) from {name}").fetchone()[0]
                  for name in ("documents", "events", "evidence")}
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return {"seconds": round(seconds, 2), "cpu_seconds": round(sum(tree.cpu.values()), 2),
            "peak_mb": round(tree.peak / 2**20, 1), "writer_mb": round(tree.writer / 2**20, 1),
            "database_mb": round(size / 2**20, 1), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2), **counts}


def heideltime_rate(folder: Path, sample: int) -> dict | str:
    """HeidelTime's warm words/s on the first `sample` documents of folder (or why it could not run)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import heideltime_runner

    try:
        heideltime_runner.check()
    except RuntimeError as error:
        return str(error)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:sample]]
    _, seconds = heideltime_runner.tag_warm([(text, None) for text in texts], passes=2,
                                            document_type="narratives")
    words = sum(len(text.split()) for text in texts)
    return {"documents": len(texts), "words": words, "seconds": round(sum(seconds), 2),
            "words_per_second": round(words / sum(seconds), 1)}


def table(results: list[dict], heideltime: dict | str) -> str:
    header = ("| N | mode | seconds | documents/s | words/s | cpu s/doc | peak MB | writer MB | database MB "
              "| events | tellings | load | ×HeidelTime |")
    lines = [header, "|" + " --- |" * 13]
    rate = heideltime["words_per_second"] if isinstance(heideltime, dict) else None
    for r in results:
        ratio = f"{r['words_per_second'] / rate:.1f}" if rate else "-"
        lines.append(f"| {r['n']:,} | {LABELS[r['mode']]} | {r['seconds']:,} | {r['documents_per_second']:.1f} "
                     f"| {r['words_per_second']:,.0f} | {r['cpu_seconds'] / r['n']:.3f} | {r['peak_mb']} "
                     f"| {r['writer_mb']} | {r['database_mb']} | {r['events']:,} | {r['evidence']:,} | {r['load_before']} "
                     f"| {ratio} |")
    if isinstance(heideltime, dict):
        lines.append(f"\nHeidelTime warm (narratives, one JVM): {heideltime['words_per_second']:,.0f} words/s "
                     f"on {heideltime['documents']} documents ({heideltime['words']:,} words).")
    else:
        lines.append(f"\nHeidelTime: not run ({heideltime}).")
    return "\n".join(lines)


def plot(results: list[dict], heideltime: dict | str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for mode in MODES:
        rows = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["n"])
        if rows:
            ns = [r["n"] for r in rows]
            speed.plot(ns, [r["documents_per_second"] for r in rows], marker="o", label=LABELS[mode])
            memory.plot(ns, [r["peak_mb"] for r in rows], marker="o", label=LABELS[mode])
    if isinstance(heideltime, dict) and results:
        words_per_doc = sum(r["words"] for r in results) / sum(r["n"] for r in results)
        speed.axhline(heideltime["words_per_second"] / words_per_doc, color="grey", linestyle="--",
                      label="HeidelTime warm (times only)")
    for axis, label in ((speed, "documents per second"), (memory, "peak memory of all processes (MB)")):
        axis.set_xscale("log")
        axis.set_xlabel("documents added (N)")
        axis.set_ylabel(label)
        axis.set_ylim(bottom=0)
        axis.grid(True, alpha=0.3)
        axis.legend(fontsize=8)
    speed.set_title("annals add: throughput against N")
    memory.set_title("annals add: peak memory against N")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def measure(sizes: list[int], modes: list[str], *, sample: int, out: Path) -> dict:
    """Run every mode on every size; the report is saved to OUT/scale.json after each run."""
    report = {"machine": {"cpus": os.cpu_count()}, "results": [], "heideltime_warm": "skipped"}
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="annals-scale-") as tmp:
        if sample:
            folder = Path(tmp) / "heideltime"
            generate(folder, sample)
            print("HeidelTime warm...", file=sys.stderr, flush=True)
            report["heideltime_warm"] = heideltime_rate(folder, sample)
        for n in sizes:
            folder = Path(tmp) / f"docs-{n}"
            words = generate(folder, n)
            for mode in modes:
                print(f"N={n:,} {mode}...", file=sys.stderr, flush=True)
                db = Path(tmp) / f"{mode}-{n}" / "corpus.db"
                db.parent.mkdir()
                measured = run_add(folder, db, mode)
                report["results"].append({"n": n, "mode": mode, "words": words, **measured,
                                          "documents_per_second": round(n / measured["seconds"], 2),
                                          "words_per_second": round(words / measured["seconds"], 1)})
                print(f"  {measured}", file=sys.stderr, flush=True)
                (out / "scale.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
            shutil.rmtree(folder)
    return report


# `annals add` as the console script runs it, the writer's time in `store` added up (and the documents this
# process extracted itself, while its workers started or because the batch was too small for them).
_ADD_DRIVER = r"""
import json, sys, time
out, niceness = sys.argv[1:3]
sys.argv = ["annals", *sys.argv[3:]]
from annals.scale import local
if niceness != "-":
    local.WORKER_NICENESS = int(niceness)
from annals.store import adding
stored = {"store_seconds": 0.0, "stored": 0, "extracted_here": 0}
store, extract = adding.store, local.extract_file
def timed(*args, **kwargs):
    began = time.perf_counter()
    try:
        return store(*args, **kwargs)
    finally:
        stored["store_seconds"] += time.perf_counter() - began
        stored["stored"] += 1
def counted(*args, **kwargs):
    stored["extracted_here"] += 1
    return extract(*args, **kwargs)
adding.store, local.extract_file = timed, counted
from annals.entry import main
try:
    main()
finally:
    with open(out, "w") as handle:
        json.dump(stored, handle)
"""


def run_case(folder: Path, db: Path, mode: str) -> dict:
    """One `annals add` of a case's folder: wall clock, the writer's share, memory of the writer and of each worker."""
    load = os.getloadavg()[0]
    figures = db.parent / "writer.json"
    niceness = "0" if mode == "jobs2-equal" else "-"
    command = [sys.executable, "-c", _ADD_DRIVER, str(figures), niceness, "add", str(folder), "--db", str(db),
               *MODES[mode]]
    seconds, tree, pid = watched(command, f"annals add {mode}", every=0.05)
    writer = json.loads(figures.read_text(encoding="utf-8"))
    others = [rss for child, rss in tree.each.items() if child != pid]
    return {"seconds": round(seconds, 2), "cpu_seconds": round(sum(tree.cpu.values()), 2),
            "store_seconds": round(writer["store_seconds"], 2), "stored": writer["stored"],
            "extracted_here": writer["extracted_here"], "writer_share": round(writer["store_seconds"] / seconds, 3),
            "writer_mb": round(tree.writer / 2**20, 1), "worker_peak_mb": round(max(others) / 2**20, 1) if others else None,
            "processes": 1 + len(others), "peak_mb": round(tree.peak / 2**20, 1), "load_before": round(load, 2)}


_START_DRIVER = r"""
import json, sys, time
from pathlib import Path
from annals.scale import local
from annals.scale.work import extract_file
files = [Path(p) for p in json.loads(sys.argv[1])]
began = time.perf_counter()
start = local._Start(2)
done = count = 0
while not start.ready.is_set() and not start.failed():
    path = files[count % len(files)]
    extract_file(path, source=path.name)
    done += path.stat().st_size
    count += 1
ready = time.perf_counter() - began
start.close(wait=True)
print(json.dumps({"ready_seconds": round(ready, 2), "bytes_here": done, "documents_here": count}))
"""


def startup(files: list[Path], rounds: int) -> dict:
    """What one process extracts (fresh, as `annals add` starts) before two workers answer: the threshold."""
    found = []
    for _ in range(rounds):
        run = subprocess.run([sys.executable, "-c", _START_DRIVER, json.dumps([str(p) for p in files])],
                             capture_output=True, text=True, check=True)
        found.append(json.loads(run.stdout))
    return {"runs": found, **_medians(found)}


def _medians(runs: list[dict]) -> dict:
    import statistics

    return {key: statistics.median(run[key] for run in runs) for key in ("ready_seconds", "bytes_here", "documents_here")}


def measure_cases(cases: list[str], *, rounds: int, out: Path, modes: tuple[str, ...] = CASE_MODES) -> dict:
    """Each case: its folder made once, then --jobs 1, --jobs 2 and the default one after another, `rounds` times."""
    report = {"machine": {"cpus": os.cpu_count()}, "cases": [], "startup": None}
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="annals-scale-") as tmp:
        print("start-up: what one process extracts before its workers answer...", file=sys.stderr, flush=True)
        report["startup"] = startup(SHORT, rounds=3)
        print(f"  {report['startup']}", file=sys.stderr, flush=True)
        for case in cases:
            sources, count = CASES[case]
            folder = Path(tmp) / case
            words = generate(folder, count, sources)
            size = sum(p.stat().st_size for p in folder.glob("*.txt"))
            for round_ in range(rounds):
                for mode in modes:
                    print(f"{case} round {round_ + 1} {mode}...", file=sys.stderr, flush=True)
                    db = Path(tmp) / f"{case}-{mode}-{round_}" / "corpus.db"
                    db.parent.mkdir()
                    measured = run_case(folder, db, mode)
                    report["cases"].append({"case": case, "round": round_ + 1, "mode": mode, "documents": count,
                                            "words": words, "bytes": size, **measured})
                    print(f"  {measured}", file=sys.stderr, flush=True)
                    (out / "scale-cases.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
                    shutil.rmtree(db.parent)
    return report


def cases_table(report: dict) -> str:
    """The median of each case and mode over the rounds, and its speed over --jobs 1 in the same rounds."""
    import statistics

    header = ("| case | mode | seconds | × --jobs 1 | documents/s | writer's share | extracted by the writer "
              "| writer MB | peak MB per worker | processes | load |")
    lines = [header, "|" + " --- |" * 11]
    rows = report["cases"]
    for case in dict.fromkeys(r["case"] for r in rows):
        mine = [r for r in rows if r["case"] == case]
        one = {r["round"]: r["seconds"] for r in mine if r["mode"] == "jobs1"}
        for mode in CASE_MODES:
            runs = [r for r in mine if r["mode"] == mode]
            if not runs:
                continue
            seconds = statistics.median(r["seconds"] for r in runs)
            speed = statistics.median(one[r["round"]] / r["seconds"] for r in runs if r["round"] in one)
            pick = min(runs, key=lambda r: abs(r["seconds"] - seconds))
            worker = f"{pick['worker_peak_mb']}" if pick["worker_peak_mb"] else "-"
            lines.append(
                f"| {CASE_LABELS[case]} ({pick['documents']}, {pick['bytes'] / 1000:,.0f} kB) | {LABELS[mode]} "
                f"| {seconds:.2f} | {speed:.2f} | {pick['documents'] / seconds:.1f} | {pick['writer_share']:.0%} "
                f"| {pick['extracted_here']} | {pick['writer_mb']} | {worker} | {pick['processes']} "
                f"| {pick['load_before']} |")
    found = report.get("startup")
    if found:
        found = {**found, **_medians(found["runs"])}
        lines.append(f"\nStart-up: two workers answered {found['ready_seconds']} s after they were asked for; one "
                     f"process had meanwhile extracted {found['documents_here']:g} document(s), "
                     f"{found['bytes_here']:,.0f} bytes (medians of {len(found['runs'])} fresh processes; the "
                     f"answers came after {', '.join(str(r['ready_seconds']) for r in found['runs'])} s).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N (default 100,1000,10000)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ", ".join(MODES))
    parser.add_argument("--heideltime-sample", type=int, default=20, help="documents for HeidelTime (0: skip)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--cases", help="comma-separated cases of issue 15 instead of sizes: " + ", ".join(CASES)
                        + " (each with --jobs 1, --jobs 2 and the default, side by side)")
    parser.add_argument("--rounds", type=int, default=1, help="with --cases: rounds of the modes (default 1)")
    parser.add_argument("--case-modes", default="jobs1,jobs2,default",
                        help="with --cases: which of " + ", ".join(CASE_MODES) + " (default the first three)")
    parser.add_argument("--from-json", type=Path, help="table and plot from a saved scale.json, nothing run")
    parser.add_argument("--json", action="store_true", help="print the JSON instead of the table")
    args = parser.parse_args(argv)
    if args.cases:
        cases = args.cases.split(",")
        unknown = [c for c in cases if c not in CASES]
        if unknown:
            parser.error(f"unknown case {unknown[0]!r}")
        report = (json.loads(args.from_json.read_text(encoding="utf-8")) if args.from_json
                  else measure_cases(cases, rounds=args.rounds, out=args.out, modes=tuple(args.case_modes.split(","))))
        print(json.dumps(report, indent=1) if args.json else cases_table(report))
        return 0
    if args.from_json:
        report = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        modes = args.modes.split(",")
        unknown = [m for m in modes if m not in MODES]
        if unknown:
            parser.error(f"unknown mode {unknown[0]!r}")
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
        report = measure(sizes, modes, sample=args.heideltime_sample, out=args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    plot(report["results"], report["heideltime_warm"], args.out / "scale.png")
    print(json.dumps(report, indent=1) if args.json else table(report["results"], report["heideltime_warm"]))
    print(f"\nwrote {args.out / 'scale.png'}" + ("" if args.from_json else f" and {args.out / 'scale.json'}"),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
