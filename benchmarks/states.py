"""No event of the corpus mixes two states' acts: the project's own documents, merged, checked.

The documents of examples/, ../shared/eval/docs, ../shared/eval/dev2/docs and tests/heldout/docs
(those of them that are present) are extracted and added to a fresh SQLite corpus in a temporary
folder. For every event that more than one telling holds, each telling's own frame is read from its
document's extraction (by document, sentence offset and date): the states it names, in any part,
and the states it names as acting. An event is counted as mixed when two of its tellings name states
with none in common, or when two tellings have states acting that neither names.

    .venv/bin/python benchmarks/states.py            # about a minute
    .venv/bin/python benchmarks/states.py --verbose  # each merged event, its tellings and their states
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

import annals
from annals.store.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FOLDERS = (ROOT / "examples", EVAL / "docs", EVAL / "dev2" / "docs", ROOT / "tests" / "heldout" / "docs")


def _frames(docs) -> dict[tuple[str, int, str], tuple[frozenset[str], frozenset[str]]]:
    """(states named, states acting) of each telling, by document, sentence offset and date."""
    out = {}
    for doc in docs:
        for event in doc.events:
            named = frozenset(a.name for a in event.actors if a.kind == "country")
            acting = frozenset(a.name for a in event.actors if a.kind == "country" and a.part == "source")
            out[(doc.source, event.evidence_start, event.date_value)] = (named, acting)
    return out


def _mixed(first, second) -> bool:
    (named_a, acting_a), (named_b, acting_b) = first, second
    if named_a and named_b and not (named_a & named_b):
        return True
    return bool(acting_a and acting_b and not (acting_a & named_b) and not (acting_b & named_a))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every merged event and its tellings")
    args = parser.parse_args(argv)
    paths = sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.iterdir() if p.is_file())
    docs = [annals.extract(p).with_(source=str(p.relative_to(ROOT.parent))) for p in paths]
    frames = _frames(docs)
    merged = mixed = 0
    with tempfile.TemporaryDirectory(prefix="annals-states-") as folder, Corpus(str(Path(folder) / "c.db")) as corpus:
        for doc in docs:
            corpus.add_document(doc)
        for event in corpus.iter_events():
            if len(event["sources"]) < 2:
                continue
            merged += 1
            told = [(s, frames.get((s["document"]["source"], s["evidence"]["start"], s["date"]["value"])))
                    for s in event["sources"]]
            bad = any(_mixed(a[1], b[1]) for a, b in itertools.combinations(told, 2) if a[1] and b[1])
            mixed += bad
            if args.verbose or bad:
                print(f"{'MIXED ' if bad else ''}{event['date']['value']} {event['type']}: {event.get('headline')}")
                for source, frame in told:
                    states = ", ".join(sorted(frame[0])) if frame else "?"
                    print(f"    {source['document']['source']} {source['date']['value']} [{states}] "
                          f"{source['evidence']['text'][:70]}")
    print(f"documents {len(docs)}, events told more than once {merged}, of them mixing two states' acts {mixed}")
    return 1 if mixed else 0


if __name__ == "__main__":
    sys.exit(main())
