"""Event extraction against gold: annals.extract over every document of a set, scored by score.py.

usage: .venv/bin/python benchmarks/events.py [gold|dev2|heldout|probe|probe2|probe3|probe4|probe5|probe6|probe7|probe8|probe9|probe10|probe11|probe12|probe13|probe14|probe15|probe16|probe17 ...] [--json] [--verbose]

Sets (all three when none is named; a set whose folder is absent is skipped with a note):

- gold: ../shared/eval/docs/NAME.txt with ../shared/eval/gold/NAME.jsonl (the development set);
- dev2: ../shared/eval/dev2/docs with ../shared/eval/dev2/gold;
- heldout: tests/heldout/docs with tests/heldout/gold (never tune against it);
- probe: tests/probe/docs with tests/probe/gold (written by someone who never ran annals; see its README);
- probe2: tests/probe2/docs with tests/probe2/gold (a second such set, written later);
- probe3: tests/probe3/docs with tests/probe3/gold (a third, written later still);
- probe4: tests/probe4/docs with tests/probe4/gold (a fourth, scored once at the end of the session that
  wrote it, after all else);
- probe5: tests/probe5/docs with tests/probe5/gold (a fifth, written blind and scored first at the
  start of the session after);
- probe6: tests/probe6/docs with tests/probe6/gold (a sixth, written blind in the same session and
  scored once it was written, before anything was changed for it);
- probe7: tests/probe7/docs with tests/probe7/gold (a seventh, written blind later the same session and
  scored once, at the end of that session's work);
- probe8: tests/probe8/docs with tests/probe8/gold (an eighth, written blind the session after and
  scored once it was written, before anything was changed for it);
- probe9: tests/probe9/docs with tests/probe9/gold (a ninth, written blind the session after that and
  scored once it was written, before anything was changed for it);
- probe10: tests/probe10/docs with tests/probe10/gold (a tenth, written blind the session after that
  and scored once it was written, before anything was changed for it);
- probe11: tests/probe11/docs with tests/probe11/gold (an eleventh, written blind later the same
  session and scored once it was written, before anything was changed for it);
- probe12, probe13: tests/probe12 and tests/probe13, docs with gold (a twelfth and a thirteenth,
  written blind side by side the session after and scored once they were written, before anything
  was changed for them);
- probe14, probe15: tests/probe14 and tests/probe15, docs with gold (a fourteenth and a fifteenth,
  written blind the session after, one at its start and one late in it, each scored once it was
  written, before anything was changed for it);
- probe16: tests/probe16, docs with gold (a sixteenth, written blind the session after and scored
  once it was written, at that session's start and at its code of that moment, before anything was
  changed for it);
- probe17: tests/probe17, docs with gold (a seventeenth, written blind later that session and scored
  once it was written, at the session's start and at its code of that moment);
- probe18, probe19: tests/probe18 and tests/probe19, docs with gold (an eighteenth and a nineteenth,
  written blind the session after and scored once they were written, at the session's start and at its
  code of that moment);
- probe20, probe21: tests/probe20 and tests/probe21, docs with gold (a twentieth and a twenty-first,
  written blind later that session and scored the same way);
- probe22, probe23: tests/probe22 and tests/probe23, docs with gold (a twenty-second and a twenty-third,
  written blind at the end of that session and scored at its start and at its final code);
- probe24, probe25, probe26: tests/probe24 to tests/probe26, docs with gold (written blind at the start of the
  session after and scored at its start and at its code of that moment);
- probe27, probe28: tests/probe27 and tests/probe28, docs with gold (written blind in the middle of that session,
  scored as they arrived and again at its end, and left alone in between);
- probe29, probe30: tests/probe29 and tests/probe30, docs with gold (written blind near the end of that session,
  after its last rule, and scored at its start and at its final code);
- probe31, probe32: tests/probe31 and tests/probe32, docs with gold (written blind at the very end of that
  session and scored at its start and at its final code);
- probe33, probe34: tests/probe33 and tests/probe34, docs with gold (written blind early in the session after,
  scored at its start and at its code of that moment);
- probe35, probe36: tests/probe35 and tests/probe36, docs with gold (written blind in the middle of that session,
  scored at its start and at its code of that moment);
- probe37, probe38: tests/probe37 and tests/probe38, docs with gold (written blind early in the session after,
  scored at its start and at its code of that moment);
- probe39, probe40: tests/probe39 and tests/probe40, docs with gold (written blind in the middle of that session,
  scored at its start and at its code of that moment, their errors left unread);
- probe41, probe42: tests/probe41 and tests/probe42, docs with gold (written blind early in the session after,
  scored at its start and at its code of that moment).

Each document is extracted in process (`annals.extract(path).to_dict()`, the shape that `annals
extract FILE --format json` prints) and scored with ../shared/eval/score.py, whose functions are
imported from there. One line a document, then the set's micro-averaged totals: counts summed over
the documents, then divided. precision = matched / predicted and recall = matched / gold (optional
gold events count neither way, as in score.py); type accuracy over the matched events; actor recall
over the actors of the matched gold events; source and object accuracy over the matched gold events
that name a source or an object. Each document's counts are checked against score.py's own figures.

--verbose adds, under each document, every required gold event that was missed, mistyped, or has
the wrong source or object: its gold line and what annals predicted for that sentence (the events
whose evidence holds the gold fragment): type, date, predicate, source actors, object.
"""

import argparse
import importlib.util
import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "gold": (EVAL / "docs", EVAL / "gold"),
    "dev2": (EVAL / "dev2" / "docs", EVAL / "dev2" / "gold"),
    "heldout": (ROOT / "tests" / "heldout" / "docs", ROOT / "tests" / "heldout" / "gold"),
    "probe": (ROOT / "tests" / "probe" / "docs", ROOT / "tests" / "probe" / "gold"),
    "probe2": (ROOT / "tests" / "probe2" / "docs", ROOT / "tests" / "probe2" / "gold"),
    "probe3": (ROOT / "tests" / "probe3" / "docs", ROOT / "tests" / "probe3" / "gold"),
    "probe4": (ROOT / "tests" / "probe4" / "docs", ROOT / "tests" / "probe4" / "gold"),
    "probe5": (ROOT / "tests" / "probe5" / "docs", ROOT / "tests" / "probe5" / "gold"),
    "probe6": (ROOT / "tests" / "probe6" / "docs", ROOT / "tests" / "probe6" / "gold"),
    "probe7": (ROOT / "tests" / "probe7" / "docs", ROOT / "tests" / "probe7" / "gold"),
    "probe8": (ROOT / "tests" / "probe8" / "docs", ROOT / "tests" / "probe8" / "gold"),
    "probe9": (ROOT / "tests" / "probe9" / "docs", ROOT / "tests" / "probe9" / "gold"),
    "probe10": (ROOT / "tests" / "probe10" / "docs", ROOT / "tests" / "probe10" / "gold"),
    "probe11": (ROOT / "tests" / "probe11" / "docs", ROOT / "tests" / "probe11" / "gold"),
    "probe12": (ROOT / "tests" / "probe12" / "docs", ROOT / "tests" / "probe12" / "gold"),
    "probe13": (ROOT / "tests" / "probe13" / "docs", ROOT / "tests" / "probe13" / "gold"),
    "probe14": (ROOT / "tests" / "probe14" / "docs", ROOT / "tests" / "probe14" / "gold"),
    "probe15": (ROOT / "tests" / "probe15" / "docs", ROOT / "tests" / "probe15" / "gold"),
    "probe16": (ROOT / "tests" / "probe16" / "docs", ROOT / "tests" / "probe16" / "gold"),
    "probe17": (ROOT / "tests" / "probe17" / "docs", ROOT / "tests" / "probe17" / "gold"),
    "probe18": (ROOT / "tests" / "probe18" / "docs", ROOT / "tests" / "probe18" / "gold"),
    "probe19": (ROOT / "tests" / "probe19" / "docs", ROOT / "tests" / "probe19" / "gold"),
    "probe20": (ROOT / "tests" / "probe20" / "docs", ROOT / "tests" / "probe20" / "gold"),
    "probe21": (ROOT / "tests" / "probe21" / "docs", ROOT / "tests" / "probe21" / "gold"),
    "probe22": (ROOT / "tests" / "probe22" / "docs", ROOT / "tests" / "probe22" / "gold"),
    "probe23": (ROOT / "tests" / "probe23" / "docs", ROOT / "tests" / "probe23" / "gold"),
    "probe24": (ROOT / "tests" / "probe24" / "docs", ROOT / "tests" / "probe24" / "gold"),
    "probe25": (ROOT / "tests" / "probe25" / "docs", ROOT / "tests" / "probe25" / "gold"),
    "probe26": (ROOT / "tests" / "probe26" / "docs", ROOT / "tests" / "probe26" / "gold"),
    "probe27": (ROOT / "tests" / "probe27" / "docs", ROOT / "tests" / "probe27" / "gold"),
    "probe28": (ROOT / "tests" / "probe28" / "docs", ROOT / "tests" / "probe28" / "gold"),
    "probe29": (ROOT / "tests" / "probe29" / "docs", ROOT / "tests" / "probe29" / "gold"),
    "probe30": (ROOT / "tests" / "probe30" / "docs", ROOT / "tests" / "probe30" / "gold"),
    "probe31": (ROOT / "tests" / "probe31" / "docs", ROOT / "tests" / "probe31" / "gold"),
    "probe32": (ROOT / "tests" / "probe32" / "docs", ROOT / "tests" / "probe32" / "gold"),
    "probe33": (ROOT / "tests" / "probe33" / "docs", ROOT / "tests" / "probe33" / "gold"),
    "probe34": (ROOT / "tests" / "probe34" / "docs", ROOT / "tests" / "probe34" / "gold"),
    "probe35": (ROOT / "tests" / "probe35" / "docs", ROOT / "tests" / "probe35" / "gold"),
    "probe36": (ROOT / "tests" / "probe36" / "docs", ROOT / "tests" / "probe36" / "gold"),
    "probe37": (ROOT / "tests" / "probe37" / "docs", ROOT / "tests" / "probe37" / "gold"),
    "probe38": (ROOT / "tests" / "probe38" / "docs", ROOT / "tests" / "probe38" / "gold"),
    "probe39": (ROOT / "tests" / "probe39" / "docs", ROOT / "tests" / "probe39" / "gold"),
    "probe40": (ROOT / "tests" / "probe40" / "docs", ROOT / "tests" / "probe40" / "gold"),
    "probe41": (ROOT / "tests" / "probe41" / "docs", ROOT / "tests" / "probe41" / "gold"),
    "probe42": (ROOT / "tests" / "probe42" / "docs", ROOT / "tests" / "probe42" / "gold"),
}
# The figures as score.py names them, and the counts (numerator, denominator) behind each.
RATIOS = {
    "precision": ("matched", "predicted"),
    "recall": ("matched", "gold"),
    "type_accuracy": ("typed", "matched"),
    "actor_recall": ("actors_named", "actors"),
    "source_accuracy": ("right_source", "with_source"),
    "object_accuracy": ("right_object", "with_object"),
}
COUNTS = ("gold", "predicted", "matched", "typed", "actors", "actors_named",
          "with_source", "right_source", "with_object", "right_object")


def load_score():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Result:
    name: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    seconds: float = 0.0
    error: str | None = None
    notes: list = field(default_factory=list)

    def figures(self) -> dict:
        out = {}
        for key, (num, den) in RATIOS.items():
            den_value = self.counts[den]
            out[key] = round(self.counts[num] / den_value, 4) if den_value else None
        p, r = out["precision"] or 0.0, out["recall"] or 0.0
        out["f1"] = round(2 * p * r / (p + r), 4) if self.counts["matched"] else 0.0
        return out

    def add(self, other: "Result") -> None:
        for key in COUNTS:
            self.counts[key] += other.counts[key]
        self.seconds += other.seconds


def source_right(score, g, p) -> bool:
    return score.sources_of(p) == {score.norm_name(n) for n in g["source"]}


def count(score, gold: list, predicted: dict) -> tuple[dict, list, list]:
    """score.py's result for one document, its counts, and its matches and misses."""
    result, matches, misses, _extra = score.score(gold, predicted)
    counts = {"gold": result["gold"], "predicted": result["predicted"], "matched": result["matched"]}
    counts["typed"] = sum(1 for g, p in matches if score.type_ok(g, p))
    counts["actors"] = counts["actors_named"] = 0
    for g, p in matches:
        names = {score.norm_name(a.get("name", "")) for a in p.get("actors", []) if isinstance(a, dict)}
        counts["actors"] += len(g.get("actors", []))
        counts["actors_named"] += sum(1 for actor in g.get("actors", []) if score.norm_name(actor) in names)
    with_source = [(g, p) for g, p in matches if g.get("source")]
    with_object = [(g, p) for g, p in matches if g.get("object")]
    counts["with_source"] = len(with_source)
    counts["right_source"] = sum(1 for g, p in with_source if source_right(score, g, p))
    counts["with_object"] = len(with_object)
    counts["right_object"] = sum(1 for g, p in with_object if score.object_ok(g, p))
    for key, (num, den) in RATIOS.items():  # the counts must give score.py's own figures back
        if key not in result and counts[den] == 0:
            continue
        ours = round(counts[num] / counts[den], 4) if counts[den] else 0.0
        if ours != result[key]:
            raise RuntimeError(f"{key}: {counts[num]}/{counts[den]} = {ours}, score.py says {result[key]}")
    return counts, matches, misses


def describe(p: dict) -> str:
    predicate = (p.get("predicate") or {}).get("text")
    sources = [a.get("name") for a in p.get("actors", []) if isinstance(a, dict) and a.get("part") == "source"]
    parts = [f"{p.get('type')} {(p.get('date') or {}).get('value')}"]
    if predicate:
        parts.append(f"predicate={predicate!r}")
    parts.append(f"source={sources}")
    parts.append(f"object={(p.get('object') or {}).get('name')!r}")
    return " ".join(parts)


def notes(score, gold_rows: list, predicted: dict, matches: list, misses: list) -> list[str]:
    """For each required gold event missed, mistyped, or with the wrong source or object: what went wrong."""
    events = predicted.get("events", [])
    wrong = {id(g): ["MISSED"] for g in misses}
    for g, p in matches:
        faults = []
        if not score.type_ok(g, p):
            faults.append("TYPE")
        if g.get("source") and not source_right(score, g, p):
            faults.append("SOURCE")
        if g.get("object") and not score.object_ok(g, p):
            faults.append("OBJECT")
        if faults:
            wrong[id(g)] = faults
    lines = []
    for g in gold_rows:
        if id(g) not in wrong:
            continue
        gold_line = (f"line {g['line']}: {g['date']} {g['type']} source={g.get('source')} "
                     f"object={g.get('object')!r}: {g['evidence']}")
        lines.append(f"  {'/'.join(wrong[id(g)]):<13} {gold_line}")
        fragment = score.norm(g["evidence"])
        said = [p for p in events if fragment in score.norm((p.get("evidence") or {}).get("text", ""))]
        for p in said:
            lines.append(f"      predicted: {describe(p)}")
        if not said:
            lines.append("      predicted: nothing for this sentence")
    return lines


def run_set(score, name: str, *, verbose: bool) -> list[Result] | None:
    import annals

    docs, gold_dir = SETS[name]
    if not docs.is_dir() or not gold_dir.is_dir():
        print(f"{name}: skipped, {docs} or {gold_dir} is absent", file=sys.stderr)
        return None
    results = []
    for path in sorted(docs.glob("*.txt")):
        result = Result(path.stem)
        gold_path = gold_dir / f"{path.stem}.jsonl"
        if not gold_path.exists():
            result.error = f"no gold file {gold_path.name}"
            results.append(result)
            continue
        gold_rows = score.load_gold(gold_path)
        started = time.perf_counter()
        try:
            predicted = annals.extract(path).to_dict()
        except Exception as exc:  # noqa: BLE001 - reported in its row (exit 1), the other documents still run
            result.error = f"{type(exc).__name__}: {exc}"
            if verbose:
                result.notes = traceback.format_exc().rstrip().splitlines()
            predicted = {"events": []}
        result.seconds = time.perf_counter() - started
        result.counts, matches, misses = count(score, gold_rows, predicted)
        if verbose:
            result.notes += notes(score, gold_rows, predicted, matches, misses)
        results.append(result)
    return results


def fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}"


HEADER = f"{'document':<32} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} " \
         f"{'type':>6} {'actor':>6} {'source':>6} {'object':>6} {'s':>6}"


def line(label: str, result: Result) -> str:
    f, c = result.figures(), result.counts
    text = (f"{label:<32} {c['gold']:>5} {c['predicted']:>5} {c['matched']:>5} {fmt(f['precision']):>6} "
            f"{fmt(f['recall']):>6} {fmt(f['f1']):>6} {fmt(f['type_accuracy']):>6} {fmt(f['actor_recall']):>6} "
            f"{fmt(f['source_accuracy']):>6} {fmt(f['object_accuracy']):>6} {result.seconds:>6.2f}")
    return text + (f"  ERROR {result.error}" if result.error else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help="gold, dev2 or heldout (default: all three)")
    parser.add_argument("--json", action="store_true", help="print the counts and figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="show each wrong gold event and the predictions")
    args = parser.parse_args(argv)
    bad = [s for s in args.sets if s not in SETS]
    if bad:
        parser.error(f"unknown set {bad[0]!r} (choose from {', '.join(SETS)})")
    score = load_score()
    report, failed = {}, False
    for name in args.sets or list(SETS):
        results = run_set(score, name, verbose=args.verbose)
        if results is None:
            continue
        total = Result(f"{name} (micro, {len(results)} documents)")
        for result in results:
            total.add(result)
            failed |= result.error is not None
        report[name] = {
            "documents": {r.name: {**r.counts, **r.figures(), "seconds": round(r.seconds, 3),
                                   **({"error": r.error} if r.error else {})} for r in results},
            "total": {**total.counts, **total.figures(), "seconds": round(total.seconds, 3)},
        }
        if args.json:
            continue
        print(f"== {name}")
        print(HEADER)
        for result in results:
            print(line(result.name, result))
            for note in result.notes:
                print(note)
        print(line("TOTAL", total))
        print()
    if args.json:
        print(json.dumps(report, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
