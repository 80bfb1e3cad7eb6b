"""The type of an event, from the predicate its date belongs to.

Every trigger of data/events/triggers.yaml is found in the sentence; each
date takes the trigger that scores best for it: the trigger's weight, a bonus
for verbs and for triggers before the date, minus its distance in words and
a penalty for each comma or other date in between. Triggers inside quotes
(titles) are ignored; triggers inside "according to ..." phrases weigh
little. A date whose stretch of the sentence holds no trigger and is only
another item of a list ("..., in Wales in September 2014") takes the type of
the date before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.events.split import clause_words
from annals.model import TimeMention

__all__ = ["TYPES", "Trigger", "triggers", "classify", "find_triggers", "Hit"]

TYPES = (
    "membership", "withdrawal", "agreement", "establishment", "appointment", "visit", "meeting", "summit",
    "deployment", "deployment_end", "project", "exercise", "decision", "statement", "conflict", "political",
)
DEFAULT_TYPE = "political"

# Scoring (see the module docstring).
VERB_BONUS = 0.4
BEFORE_BONUS = 0.25
PER_WORD = 0.12
PER_COMMA = 0.5
PER_DATE = 1.2
INSTRUMENTAL = 0.8

_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Trigger:
    type: str
    pattern: str
    regex: re.Pattern
    verb: bool
    weight: float
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    trigger: Trigger
    weak: bool


@cache
def triggers() -> tuple[Trigger, ...]:
    data = load("events/triggers.yaml")
    unknown = set(data) - set(TYPES)
    if unknown:
        raise DataError(f"events/triggers.yaml: unknown types {', '.join(sorted(unknown))}")
    out = []
    for type_, entries in data.items():
        for entry in entries:
            check_keys(f"events/triggers.yaml:{type_}", entry, required={"pattern", "pos"}, allowed={"weight", "examples"})
            if entry["pos"] not in ("verb", "noun"):
                raise DataError(f"events/triggers.yaml:{type_}: pos must be verb or noun")
            try:
                regex = re.compile(r"(?<!\w)(?:" + entry["pattern"] + r")(?!\w)", re.IGNORECASE)
            except re.error as exc:
                raise DataError(f"events/triggers.yaml:{type_}: {entry['pattern']!r} does not compile: {exc}") from exc
            out.append(Trigger(type_, entry["pattern"], regex, entry["pos"] == "verb", float(entry.get("weight", 1.0)),
                               tuple(entry.get("examples", ()))))
    return tuple(out)


def find_triggers(text: str, start: int, end: int) -> list[Hit]:
    """Every trigger in text[start:end], except inside quotes."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    instrumental = []
    for m in clause_words()["instrumental"].finditer(text, start, end):
        stop = re.compile(r"[,;]|\bon\b|\bin\b").search(text, m.end(), end)
        instrumental.append((m.start(), stop.start() if stop else end))
    hits = []
    for trigger in triggers():
        for m in trigger.regex.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in quoted):
                continue
            weak = any(a <= m.start() < b for a, b in instrumental)
            hits.append(Hit(m.start(), m.end(), trigger, weak))
    return hits


def _score(text: str, hit: Hit, mention: TimeMention, others: list[TimeMention]) -> float:
    if hit.end <= mention.span_start:
        lo, hi, before = hit.end, mention.span_start, True
    elif hit.start >= mention.end:
        lo, hi, before = mention.end, hit.start, False
    else:
        return -99.0  # overlaps the date itself ("the 2006 Riga summit" keeps "summit" apart)
    gap = text[lo:hi]
    score = hit.trigger.weight
    score += VERB_BONUS if hit.trigger.verb else 0.0
    score += BEFORE_BONUS if before else 0.0
    score -= PER_WORD * len(_WORD.findall(gap))
    score -= PER_COMMA * (gap.count(",") + gap.count(";") + gap.count("("))
    score -= PER_DATE * sum(1 for o in others if o is not mention and lo <= o.start < hi)
    score -= INSTRUMENTAL if hit.weak else 0.0
    return score


def classify(text: str, start: int, end: int, mentions: list[TimeMention]) -> list[tuple[str, str | None]]:
    """(type, trigger text) for each of `mentions`, dates of one sentence text[start:end], in order."""
    hits = [h for h in find_triggers(text, start, end) if not any(m.start <= h.start < m.end for m in mentions)]
    links = clause_words()["list_links"]
    results: list[tuple[str, str | None]] = []
    for i, mention in enumerate(mentions):
        if i > 0 and results[-1][1] is not None:
            previous = mentions[i - 1]
            between = text[previous.end:mention.span_start]
            inside = [h for h in hits if previous.end <= h.start < mention.span_start]
            if not inside and links.match(between):
                results.append(results[-1])
                continue
        scored = [(_score(text, h, mention, mentions), -h.start, h) for h in hits]
        scored = [s for s in scored if s[0] > -50]
        if not scored:
            results.append((DEFAULT_TYPE, None))
            continue
        _, _, best = max(scored, key=lambda s: (s[0], s[1]))
        results.append((best.trigger.type, text[best.start:best.end]))
    return results
