"""Merging across documents: pairwise precision and recall against a gold, order-freedom, time to add.

The documents in benchmarks/merge/ (written for this benchmark: invented states and organisations,
told in different registers) are added to a fresh SQLite corpus in a temporary folder.
benchmarks/merge/gold.jsonl gives, for each dated telling, the event it tells:

    {"document": "file.txt", "evidence": "a fragment of the sentence", "date": "EDTF",
     "event": "label", "actor": "optional: which member of a collective act"}

Each gold telling is matched to the stored telling of the same document whose evidence sentence
holds the fragment and whose date has the same value (where a collective sentence is stored as
several tellings, `actor` picks the one whose event names that actor). Unmatched gold tellings
are extraction misses, not merge errors, and are listed. Over the matched stored tellings, two
are "merged" when the corpus puts them in one event and "same" when their gold labels meet;
precision = |merged & same| / |merged|, recall = |merged & same| / |same|.

--orders N adds the same documents in N random orders (seed fixed) and checks that the events,
compared as sets of (document, evidence start, date) groups, are identical to the sorted order's.

The timing part (--docs N, default 1,000) generates N documents from the written ones: the world
of the twelve documents is copied N / 12 times, each copy with its states renamed (from a
generated list of invented names) and its years shifted, and added one by one with
Corpus.add_document; extraction and adding are timed apart (time.perf_counter; adding's CPU time,
time.process_time, too, as the wall clock means little when other work shares the machine).

    .venv/bin/python benchmarks/merge.py                      # about 2 minutes
    .venv/bin/python benchmarks/merge.py --orders 5 --docs 200 --json
    .venv/bin/python benchmarks/merge.py --no-timing --verbose
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import annals
from annals.model import Document
from annals.store.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "benchmarks" / "merge"
GOLD = FOLDER / "gold.jsonl"
RESULT = ROOT / "benchmarks" / "results" / "merge.json"
SEED = 13

# The invented states of the documents and the adjective each is written with.
STATES = {"Varnia": "Varnian", "Ostrelia": "Ostrelian", "Kesh": "Keshi", "Morvath": "Morvathi",
          "Ilvenia": "Ilvenian", "Teruvia": None, "Sarnholm": None, "Pell": None, "Vostra": None,
          "Dalvenne": None}
ONSETS = "Al Bor Cal Dar El Fen Gal Har Ist Jor Kal Lor Mer Nor Or Pel Quen Ros Sar Tal Ul Vel Wen Yor Zar".split()
MIDDLES = "av en ir on ul ar es".split()
ENDINGS = "ia a ath esh und or ene".split()
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# ---------------------------------------------------------------------------------------------- gold
@dataclass(frozen=True)
class Gold:
    document: str
    evidence: str
    date: str
    event: str
    actor: str | None = None


def read_gold(path: Path, texts: dict[str, str]) -> list[Gold]:
    """The gold tellings; a line that names no written document or quotes no text of it stops the run."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        unknown = set(data) - {"document", "evidence", "date", "event", "actor"}
        if unknown:
            sys.exit(f"{path.name}:{number}: unknown keys {sorted(unknown)}")
        row = Gold(**data)
        if row.document not in texts:
            sys.exit(f"{path.name}:{number}: no document {row.document!r} in {FOLDER}")
        if row.evidence not in texts[row.document]:
            sys.exit(f"{path.name}:{number}: {row.evidence!r} is not in {row.document}")
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------- corpus
@dataclass(frozen=True)
class Told:
    """One stored telling: the event it sits in, and where and when it was told."""

    event: str
    document: str
    start: int
    date: str
    text: str = field(compare=False)
    actors: frozenset[str] = field(compare=False)
    frame: str = field(compare=False, default="")
    sources: frozenset[str] = field(compare=False, default=frozenset())


def extract_all(texts: dict[str, str]) -> list[Document]:
    return [annals.extract(text).with_(source=name) for name, text in texts.items()]


def build(docs: list[Document], folder: Path, name: str) -> list[dict]:
    """Every event of a fresh SQLite corpus holding `docs`, added in that order."""
    with Corpus(str(folder / f"{name}.db")) as corpus:
        for doc in docs:
            corpus.add_document(doc)
        return list(corpus.iter_events())


def tellings(events: list[dict]) -> list[Told]:
    out = []
    for event in events:
        actors = frozenset(actor["name"].casefold() for actor in event["actors"])
        sources = ", ".join(a["name"] for a in event["actors"] if a.get("part") == "source") or "-"
        frame = f"{event['type']} by {sources} on {(event.get('object') or {}).get('name') or '-'}"
        for source in event["sources"]:
            acting = frozenset(a["name"].casefold() for a in event["actors"] if a.get("part") == "source")
            out.append(Told(event["id"], source["document"]["source"], source["evidence"]["start"],
                            source["date"]["value"], source["evidence"]["text"], actors, frame, acting))
    return out


def groups(events: list[dict]) -> frozenset[frozenset[tuple[str, int, str]]]:
    return frozenset(frozenset((s["document"]["source"], s["evidence"]["start"], s["date"]["value"])
                               for s in event["sources"]) for event in events)


def order_test(docs: list[Document], folder: Path, orders: int, reference: list[dict]) -> dict:
    """Add the documents in `orders` seeded random orders; are the events the sorted order's?"""
    rng = random.Random(SEED)
    expected = groups(reference)
    expected_ids = {e["id"]: groups([e]) for e in reference}
    differing, ids_differing = [], []
    for number in range(orders):
        order = docs[:]
        rng.shuffle(order)
        events = build(order, folder, f"order-{number}")
        found = groups(events)
        if found != expected:
            differing.append({"order": [doc.source for doc in order], "events_not_in_sorted": len(found - expected)})
        if {e["id"]: groups([e]) for e in events} != expected_ids:
            ids_differing.append(number)
    return {"orders": orders, "seed": SEED, "identical": not differing, "differing_orders": differing,
            "ids_identical": not ids_differing}


# ---------------------------------------------------------------------------------------------- scoring
def match(gold: list[Gold], stored: list[Told]) -> tuple[dict[Told, set[str]], list[dict]]:
    """The gold labels of each matched stored telling, and the unmatched gold tellings with what was stored."""
    labels: dict[Told, set[str]] = defaultdict(set)
    missed = []
    by_document = defaultdict(list)
    for told in stored:
        by_document[told.document].append(told)
    for row in gold:
        holding = [told for told in by_document[row.document] if row.evidence in told.text]
        found = [told for told in holding if told.date == row.date]
        if row.actor and len(found) > 1:
            # a collective act stored as each member's telling: the one whose event that member acts in
            found = [told for told in found if row.actor.casefold() in told.sources] or \
                [told for told in found if row.actor.casefold() in told.actors] or found
        if not found:
            missed.append({"document": row.document, "evidence": row.evidence, "date": row.date, "event": row.event,
                           "stored_dates": sorted({told.date for told in holding})})
        for told in found:
            labels[told].add(row.event)
    return labels, missed


def score(labels: dict[Told, set[str]]) -> dict:
    """Pairwise precision and recall over the matched stored tellings, and the pairs that went wrong."""
    merged = same = both = 0
    wrong, apart = defaultdict(int), defaultdict(int)
    for a, b in itertools.combinations(sorted(labels, key=lambda t: (t.document, t.start, t.date, t.event)), 2):
        is_merged = a.event == b.event
        is_same = bool(labels[a] & labels[b])
        merged += is_merged
        same += is_same
        both += is_merged and is_same
        if is_merged and not is_same:
            wrong[" + ".join(sorted({"/".join(sorted(labels[a])), "/".join(sorted(labels[b]))}))] += 1
        if is_same and not is_merged:
            apart[" / ".join(sorted(labels[a] & labels[b]))] += 1
    return {
        "pairs_merged": merged, "pairs_same": same, "pairs_both": both,
        "precision": round(both / merged, 3) if merged else None,
        "recall": round(both / same, 3) if same else None,
        "false_merges": dict(sorted(wrong.items())), "missed_merges": dict(sorted(apart.items())),
        "missed_frames": {label: sorted({f"{t.document} {t.date}: {t.frame}" for t in labels if label in labels[t]})
                          for label in apart},
    }


# ---------------------------------------------------------------------------------------------- timing
def invented_names(count: int) -> list[str]:
    """`count` invented state names, none of them a country, organisation, person or city annals knows."""
    from annals.resolve.gazetteer import gazetteer

    known = gazetteer()
    written = {name.casefold() for name in STATES} | {"aldrun", "halvard", "tarvo", "lindmark", "selm"}
    names = []
    rng = random.Random(SEED)
    pool = [a + b + c for a in ONSETS for b in MIDDLES for c in ENDINGS]
    rng.shuffle(pool)
    for name in pool:
        if name.casefold() in written or known.lookup(name) is not None or known.is_city(name):
            continue
        names.append(name)
        if len(names) == count:
            return names
    raise SystemExit(f"only {len(names)} invented names; add syllables")


def adjective(name: str) -> str:
    return name + ("n" if name.endswith("a") else "i")


def variant(text: str, names: dict[str, str], shift: int) -> str:
    """The text with its states renamed (adjectives first) and every year shifted."""
    for state, written in STATES.items():
        if written:
            text = re.sub(rf"\b{written}\b", adjective(names[state]), text)
        text = re.sub(rf"\b{state}\b", names[state], text)
    return YEAR.sub(lambda m: str(int(m.group()) + shift), text)


def generated(texts: dict[str, str], count: int) -> list[tuple[str, str]]:
    """`count` (name, text) documents: copy k of the written world, states renamed, years shifted by k mod 25."""
    worlds = -(-count // len(texts))
    pool = invented_names(worlds * len(STATES))
    out = []
    for world in range(worlds):
        names = dict(zip(STATES, pool[world * len(STATES):(world + 1) * len(STATES)], strict=True))
        for name, text in texts.items():
            out.append((f"w{world:03d}-{name}", variant(text, names, world % 25)))
    return out[:count]


def timing(texts: dict[str, str], count: int, folder: Path) -> dict:
    """Extract then add each generated document, timed apart; seconds per document for adding."""
    docs = generated(texts, count)
    load = os.getloadavg()[0]
    extract_times, add_times, add_cpu = [], [], []
    with Corpus(str(folder / "timing.db")) as corpus:
        for name, text in docs:
            began = time.perf_counter()
            doc = annals.extract(text).with_(source=name)
            middle, cpu = time.perf_counter(), time.process_time()
            corpus.add_document(doc)
            ended = time.perf_counter()
            add_cpu.append(time.process_time() - cpu)
            extract_times.append(middle - began)
            add_times.append(ended - middle)
        counts = corpus.counts()

    def figures(times: list[float]) -> dict:
        return {"mean_s": round(statistics.mean(times), 5), "median_s": round(statistics.median(times), 5)}

    return {
        "documents": count, "words": sum(len(text.split()) for _, text in docs),
        "load_average_before": round(load, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "events": counts["events"], "tellings": counts["evidence"],
        "add": figures(add_times), "add_first_100": figures(add_times[:100]), "add_last_100": figures(add_times[-100:]),
        "add_cpu": figures(add_cpu), "add_cpu_first_100": figures(add_cpu[:100]),
        "add_cpu_last_100": figures(add_cpu[-100:]),
        "extract": figures(extract_times),
        "add_seconds": round(sum(add_times), 2), "extract_seconds": round(sum(extract_times), 2),
    }


# ---------------------------------------------------------------------------------------------- report
def commit() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    package = Path(annals.__file__).resolve().parent
    inside = package.is_relative_to(ROOT)
    changed = git("status", "--porcelain", "--", "annals").splitlines() if inside else None
    return {"commit": git("rev-parse", "--short", "HEAD"), "annals": str(package),
            "uncommitted_annals_files": [line[3:] for line in changed] if changed is not None else None}


def show(result: dict, *, verbose: bool) -> None:
    gold, merge = result["gold"], result["merge"]
    print(f"merge benchmark, commit {result['commit']}, annals from {result['annals']}")
    if result["uncommitted_annals_files"]:
        print(f"  (uncommitted changes in {len(result['uncommitted_annals_files'])} files under annals/)")
    print()
    rows = [
        ("documents", gold["documents"]),
        ("gold tellings / events", f"{gold['tellings']} / {gold['events']}"),
        ("gold tellings matched", f"{merge['gold_matched']} ({len(merge['unmatched'])} extraction misses)"),
        ("stored tellings matched", merge["stored_matched"]),
        ("  in events without actors", merge["stored_matched_in_events_without_actors"]),
        ("stored events / tellings", f"{merge['stored_events']} / {merge['stored_tellings']}"),
        ("pairs merged / same / both", f"{merge['pairs_merged']} / {merge['pairs_same']} / {merge['pairs_both']}"),
        ("merge precision", merge["precision"]),
        ("merge recall", merge["recall"]),
    ]
    if "order" in result:
        order = result["order"]
        rows.append((f"same events in {order['orders']} orders", "yes" if order["identical"] else "NO"))
        rows.append(("  and the same event ids", "yes" if order["ids_identical"] else "no"))
    if "timing" in result:
        t = result["timing"]
        rows += [
            ("timing documents (words)", f"{t['documents']} ({t['words']:,})"),
            ("  load average before / after", f"{t['load_average_before']} / {t['load_average_after']}"),
            ("  events / tellings", f"{t['events']} / {t['tellings']}"),
            ("  add s/doc mean / median", f"{t['add']['mean_s']:.4f} / {t['add']['median_s']:.4f}"),
            ("  add, first 100", f"{t['add_first_100']['mean_s']:.4f} / {t['add_first_100']['median_s']:.4f}"),
            ("  add, last 100", f"{t['add_last_100']['mean_s']:.4f} / {t['add_last_100']['median_s']:.4f}"),
            ("  add CPU s/doc mean, all / first 100 / last 100", " / ".join(
                f"{t[key]['mean_s']:.4f}" for key in ("add_cpu", "add_cpu_first_100", "add_cpu_last_100"))),
            ("  extract s/doc mean / median", f"{t['extract']['mean_s']:.4f} / {t['extract']['median_s']:.4f}"),
        ]
    rows.append(("seconds, whole run", result["seconds"]))
    width = max(len(name) for name, _ in rows)
    print("\n".join(f"{name:<{width}}  {value}" for name, value in rows))
    print(f"\nunmatched gold tellings ({len(merge['unmatched'])}):")
    for miss in merge["unmatched"]:
        stored = ", ".join(miss["stored_dates"]) or "no telling of that sentence"
        print(f"  {miss['document']}: {miss['evidence']!r} {miss['date']} (stored: {stored})")
    if verbose or len(merge["false_merges"]) + len(merge["missed_merges"]) <= 40:
        print("\nmerged but not the same event (pairs):")
        for labels, n in merge["false_merges"].items():
            print(f"  {n:3}  {labels}")
        print("\nthe same event but not merged (pairs):")
        for labels, n in merge["missed_merges"].items():
            print(f"  {n:3}  {labels}")
            if verbose:
                for line in merge["missed_frames"].get(labels, []):
                    print(f"         {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3, help="random orders to compare (0: none)")
    parser.add_argument("--timing", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--docs", type=int, default=1000, help="generated documents for the timing part")
    parser.add_argument("--json", nargs="?", const=str(RESULT), metavar="PATH",
                        help=f"write the figures as JSON (default path {RESULT.relative_to(ROOT)})")
    parser.add_argument("--verbose", action="store_true", help="list every wrong pair group")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(FOLDER.glob("*.txt"))}
    gold = read_gold(GOLD, texts)
    result = {**commit(), "date": date.today().isoformat(),
              "gold": {"documents": len(texts), "tellings": len(gold), "events": len({g.event for g in gold})}}
    docs = extract_all(texts)
    with tempfile.TemporaryDirectory(prefix="annals-merge-") as name:
        folder = Path(name)
        events = build(docs, folder, "sorted")
        stored = tellings(events)
        labels, missed = match(gold, stored)
        result["merge"] = {
            "stored_events": len(events), "stored_tellings": len(stored),
            "gold_matched": len(gold) - len(missed), "stored_matched": len(labels),
            "stored_matched_in_events_without_actors": sum(1 for told in labels if not told.actors),
            **score(labels), "unmatched": missed,
        }
        if args.orders:
            result["order"] = order_test(docs, folder, args.orders, events)
        if args.timing:
            result["timing"] = timing(texts, args.docs, folder)
    result["seconds"] = round(time.perf_counter() - began, 1)
    show(result, verbose=args.verbose)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
