"""Adding at ~1,000 documents: the store's work for the last documents, in instructions and CPU time.

merge.py's timing part adds its generated documents one by one, extraction between them. Here
the extraction is done once (`prepare`), so that only `Corpus.add_document` is measured, and the
comparison of two versions of annals is the store and merging alone:

    prepare DIR --label L     the generated documents (merge.py's, --docs, default 1,000; their texts
                              in DIR/texts.json, made once and shared by every label) extracted by the
                              annals on PYTHONPATH, pickled to DIR/L.pickle
    run DIR --label L         one process: a fresh SQLite corpus, every document but the last --last
                              (default 20) added, then the last ones, each timed by time.process_time;
                              os.getppid() and os.getpgrp() are called just before and after the last
                              ones, for callgrind's --zero-before and --dump-before; prints one JSON line
    compare DIR --tree L=PATH [--tree L=PATH ...] [--rounds N] [--callgrind]
                              `prepare` where a label has no pickle, then `run` for each tree with
                              PYTHONPATH=PATH, the trees in turn, N rounds (CPU: median over rounds of
                              the last documents' total); --callgrind also counts the instructions of
                              the last documents once per tree, the documents before them added
                              uninstrumented (`callgrind_control -i on` once they are in)

Every process runs with PYTHONHASHSEED=0. Example (the issue's start against a working tree):

    .venv/bin/python benchmarks/adding.py compare /tmp/adding --tree old=../wt-old --tree new=. \\
        --rounds 5 --callgrind
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prepare(folder: Path, label: str, count: int) -> None:
    """DIR/texts.json (once) and DIR/LABEL.pickle: the documents extracted by the annals imported."""
    sys.path.insert(0, str(HERE))
    import merge

    import annals

    folder.mkdir(parents=True, exist_ok=True)
    texts_file = folder / "texts.json"
    if not texts_file.exists():
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(merge.FOLDER.glob("*.txt"))}
        texts_file.write_text(json.dumps(merge.generated(texts, count)), encoding="utf-8")
    docs = [annals.extract(text).with_(source=name) for name, text in json.loads(texts_file.read_text("utf-8"))]
    with (folder / f"{label}.pickle").open("wb") as out:
        pickle.dump(docs, out, protocol=pickle.HIGHEST_PROTOCOL)


def run(folder: Path, label: str, last: int, *, wait: bool) -> dict:
    """Add all but the `last` documents, then the last ones timed; `wait`: say "ready" and read a
    line from stdin before the last ones (for the instrumentation to be switched on)."""
    from annals.store.corpus import Corpus

    with (folder / f"{label}.pickle").open("rb") as src:
        docs = pickle.load(src)
    cpu = []
    with tempfile.TemporaryDirectory(prefix="annals-adding-") as name, Corpus(str(Path(name) / "c.db")) as corpus:
        for doc in docs[:-last]:
            corpus.add_document(doc)
        if wait:
            print("ready", flush=True)
            sys.stdin.readline()
        os.getppid()
        for doc in docs[-last:]:
            began = time.process_time()
            corpus.add_document(doc)
            cpu.append(time.process_time() - began)
        os.getpgrp()
        counts = corpus.counts()
    return {"label": label, "documents": len(docs), "last": last, "cpu_s": round(sum(cpu), 5),
            "events": counts["events"], "tellings": counts["evidence"],
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _command(tree: str, *args: str) -> tuple[list[str], dict]:
    env = {**os.environ, "PYTHONPATH": tree, "PYTHONHASHSEED": "0"}
    return [sys.executable, str(Path(__file__).resolve()), *args], env


def instructions(folder: Path, label: str, tree: str, last: int) -> int:
    """Instructions (callgrind's Ir) of adding the last documents, in one process of that tree."""
    out = folder / f"callgrind.{label}.out"
    for stale in folder.glob(f"callgrind.{label}.out*"):
        stale.unlink()
    command, env = _command(tree, "run", str(folder), "--label", label, "--last", str(last), "--wait")
    valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--zero-before=getppid",
                "--dump-before=getpgrp", f"--callgrind-out-file={out}", *command]
    process = subprocess.Popen(valgrind, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               stderr=subprocess.DEVNULL)
    assert process.stdout and process.stdin
    if process.stdout.readline().strip() != "ready":
        raise SystemExit(f"{label}: the run stopped before its last documents")
    subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True, capture_output=True)
    process.stdin.write("go\n")
    process.stdin.flush()
    process.communicate()
    # (the dump at os.getpgrp(): the last documents alone; left in DIR for callgrind_annotate)
    dump = next(folder.glob(f"callgrind.{label}.out.*"), out)
    for line in dump.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"{label}: no callgrind totals")


def compare(folder: Path, trees: dict[str, str], *, rounds: int, last: int, count: int, callgrind: bool) -> dict:
    """`prepare` where needed, then the trees' runs in turn; the figures by label."""
    for label, tree in trees.items():
        if not (folder / f"{label}.pickle").exists():
            command, env = _command(tree, "prepare", str(folder), "--label", label, "--docs", str(count))
            subprocess.run(command, env=env, check=True)
    result: dict = {label: {"tree": tree, "cpu_s": []} for label, tree in trees.items()}
    if callgrind:
        for label, tree in trees.items():
            result[label]["instructions"] = instructions(folder, label, tree, last)
    for _ in range(rounds):
        for label, tree in trees.items():
            command, env = _command(tree, "run", str(folder), "--label", label, "--last", str(last))
            line = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
            figures = json.loads(line)
            result[label]["cpu_s"].append(figures["cpu_s"])
            result[label].update(events=figures["events"], tellings=figures["tellings"], peak_mb=figures["peak_mb"])
    for figures in result.values():
        if figures["cpu_s"]:
            figures["cpu_median_s"] = statistics.median(figures["cpu_s"])
    return result


def show(result: dict) -> None:
    first = next(iter(result))
    for label, figures in result.items():
        line = f"{label:>8}  events {figures.get('events', '-')}  tellings {figures.get('tellings', '-')}  " \
            f"peak {figures.get('peak_mb', '-')} MB"
        if "instructions" in figures:
            ratio = figures["instructions"] / result[first]["instructions"]
            line += f"  instructions {figures['instructions'] / 1e9:.3f} G ({ratio:.3f})"
        if figures["cpu_s"]:
            ratio = figures["cpu_median_s"] / result[first]["cpu_median_s"]
            line += f"  CPU median {figures['cpu_median_s']:.4f} s ({ratio:.3f})  runs " + \
                " ".join(f"{s:.4f}" for s in figures["cpu_s"])
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("prepare", "run", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--label", default="current")
    parser.add_argument("--docs", type=int, default=1000, help="generated documents (prepare)")
    parser.add_argument("--last", type=int, default=20, help="the documents measured, at the end")
    parser.add_argument("--wait", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", action="append", default=[], metavar="LABEL=PATH", help="compare: annals trees")
    parser.add_argument("--rounds", type=int, default=5, help="compare: CPU runs per tree, interleaved")
    parser.add_argument("--callgrind", action="store_true", help="compare: count instructions too")
    parser.add_argument("--json", type=Path, help="compare: write the figures there")
    args = parser.parse_args(argv)
    if args.action == "prepare":
        prepare(args.folder, args.label, args.docs)
    elif args.action == "run":
        print(json.dumps(run(args.folder, args.label, args.last, wait=args.wait)), flush=True)
    else:
        if not shutil.which("valgrind") and args.callgrind:
            raise SystemExit("--callgrind needs valgrind (Debian's package)")
        trees = dict(tree.split("=", 1) for tree in args.tree)
        result = compare(args.folder, {k: str(Path(v).resolve()) for k, v in trees.items()}, rounds=args.rounds,
                         last=args.last, count=args.docs, callgrind=args.callgrind)
        show(result)
        if args.json:
            args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
