"""The type of an event, from the predicate its date belongs to.

Every trigger of data/events/triggers.yaml is found in the sentence; each
date takes the trigger that scores best for it: the trigger's weight, a bonus
for verbs and for triggers before the date, minus its distance in words and
a penalty for each comma or other date in between. Triggers inside quotes
(titles) are ignored, unless the quote holds the date (speech); triggers inside "according to ..." phrases weigh
little. A date whose stretch of the sentence holds no trigger and is only
another item of a list ("..., in Wales in September 2014"), or a parallel
phrase with no verb of its own ("..., at the Summits held in Bucharest on
2–4 April 2008"), takes the type of the date before it. A trigger after a
date but nearer the next date belongs to that one; "when" after a date
points at the predicate that dates ("started in 1992 when ... joined").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.events.split import clause_words
from annals.model import TimeMention

__all__ = ["TYPES", "Hit", "Trigger", "classify", "find_triggers", "triggers"]

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
PER_CONNECTOR = 0.8
SPECIFIC = 0.5
WHEN_BONUS = 0.6

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


@lru_cache(maxsize=4)
def _all_matches(text: str) -> tuple[list[int], list[tuple[int, int, Trigger]]]:
    """Every trigger match in a whole text, sorted (each pattern runs once per document)."""
    found = sorted(
        ((m.start(), m.end(), trigger) for trigger in triggers() for m in trigger.regex.finditer(text)),
        key=lambda item: (item[0], item[1]),
    )
    return [item[0] for item in found], found


_INSTRUMENT_END = re.compile(r"[,;]|\bon\b|\bin\b")


def find_triggers(text: str, start: int, end: int, *, quoted: bool = False) -> list[Hit]:
    """Every trigger in text[start:end], except inside quotes (unless `quoted`)."""
    quotes = [] if quoted else _quotes(text, start, end)
    instrumental = []
    for m in clause_words()["instrumental"].finditer(text, start, end):
        stop = _INSTRUMENT_END.search(text, m.end(), end)
        instrumental.append((m.start(), stop.start() if stop else end))
    starts, matches = _all_matches(text)
    hits = []
    for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
        m_start, m_end, trigger = matches[index]
        if m_end > end:
            continue
        if any(a <= m_start < b for a, b in quotes):
            continue
        # "to create", "to support": a purpose, not what happened.
        infinitive = text[max(start, m_start - 3):m_start] == "to " and not trigger.pattern.startswith("(?:decree")
        weak = infinitive or any(a <= m_start < b for a, b in instrumental)
        hits.append(Hit(m_start, m_end, trigger, weak))
    return hits


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]


_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|when|which|that|who|whom|after|before|because|although|since|until)\b", re.IGNORECASE)
_APPOSITIVE = re.compile(r",[^,;()]{1,80},")
_AND = re.compile(r"\b(?:and|but|then)\b", re.IGNORECASE)
_WHEN = re.compile(r"^\W*(?:,\s*)?when\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)")
# A date in a row of parallel phrases: "..., at the Summits held in Bucharest on 2–4 April 2008".
_PARALLEL = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:at|in|on|during)\s+the\b")


def _strength(hit: Hit) -> float:
    return hit.trigger.weight + (VERB_BONUS if hit.trigger.verb else 0.0) - (INSTRUMENTAL if hit.weak else 0.0)


def _chains(text: str, hits: list[Hit], mentions: list[TimeMention]) -> list[list[Hit]]:
    """Triggers in a row with nothing between them that starts a new clause or date."""
    chains: list[list[Hit]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if chains:
            last = chains[-1][-1]
            gap = text[last.end:hit.start]
            if not _BREAK.search(gap) and not any(last.end <= m.start < hit.start for m in mentions):
                chains[-1].append(hit)
                continue
        chains.append([hit])
    return chains


def _head(chain: list[Hit]) -> Hit:
    """The trigger that speaks for a chain: its first verb (the predicate; what follows is its object;
    of two at the same place the longer), unless a later one is clearly more specific ("issued a
    decree to establish" is establishment)."""
    verbs = sorted((h for h in chain if h.trigger.verb and not h.weak), key=lambda h: (h.start, h.start - h.end))
    strongest = max(chain, key=lambda h: (_strength(h), h.trigger.verb, -h.start))
    if not verbs:
        return strongest
    first = verbs[0]
    return strongest if strongest.trigger.weight >= first.trigger.weight + SPECIFIC else first


def _score_chain(text: str, chain: list[Hit], mention: TimeMention, mentions: list[TimeMention]) -> tuple[float, Hit]:
    best = _head(chain)
    before = chain[-1].end <= mention.span_start
    nearest = chain[-1] if before else chain[0]
    lo, hi = (nearest.end, mention.span_start) if before else (mention.end, nearest.start)
    gap = _PARENS.sub(" ", text[lo:hi])
    verbs = clause_words()["verbs"]
    gap = _APPOSITIVE.sub(lambda m: m.group() if verbs.search(m.group()) else ",", gap)
    score = _strength(best) + (BEFORE_BONUS if before else 0.0)
    score -= PER_WORD * len(_WORD.findall(gap))
    score -= PER_COMMA * (gap.count(",") + gap.count(";"))
    score -= PER_DATE * sum(1 for o in mentions if o is not mention and lo <= o.start < hi)
    if not before:
        score += WHEN_BONUS if _WHEN.match(gap) else -PER_CONNECTOR * len(_AND.findall(gap))
        # A trigger after this date that leads to the next date in the same clause is that date's
        # predicate ("in 1999 and withdrew its last troops from Kosovo in April 2008").
        following = [o for o in mentions if o.start >= chain[-1].end]
        if following:
            ahead = text[chain[-1].end:following[0].span_start]
            if not re.search(r"[,;]", ahead) or len(_WORD.findall(ahead)) < len(_WORD.findall(gap)):
                score -= PER_DATE
    return score, best


def classify(text: str, start: int, end: int, mentions: list[TimeMention], *, masked: list[tuple[int, int]] = ()) -> list[tuple[str, str | None]]:
    """(type, trigger text) for each of `mentions`, dates of one sentence text[start:end], in order.

    `masked` spans (names of organisations, countries) hold no triggers: the
    "Treaty" of "North Atlantic Treaty Organization" dates nothing.
    """
    hits = [
        h for h in find_triggers(text, start, end, quoted=True)
        if not any(m.start <= h.start < m.end for m in mentions) and not any(a <= h.start < b for a, b in masked)
    ]
    quotes = _quotes(text, start, end)
    links = clause_words()["list_links"]
    results: list[tuple[str, str | None]] = []
    for i, mention in enumerate(mentions):
        if i > 0 and results[-1][1] is not None:
            previous = mentions[i - 1]
            between = text[previous.end:mention.span_start]
            inside = [h for h in hits if previous.end <= h.start < mention.span_start]
            parallel = _PARALLEL.match(between) and not any(h.trigger.verb for h in inside)
            if (not inside and links.match(between)) or parallel:
                results.append(results[-1])
                continue
        # Triggers in parentheses that do not hold the date are asides; in quotes that do not hold
        # it, names and titles ("the Individual Partnership Action Plan"). A quote that holds the
        # date is what someone says happened then: its triggers count.
        asides = [(m.start(), m.end()) for m in _PARENS.finditer(text, start, end)
                  if not (m.start() <= mention.start < m.end())]
        asides += [(a, b) for a, b in quotes if not (a <= mention.start < b)]
        usable = [h for h in hits if not any(a <= h.start < b for a, b in asides)]
        before = [h for h in usable if h.end <= mention.span_start]
        after = [h for h in usable if h.start >= mention.end]
        scored = [_score_chain(text, c, mention, mentions) for c in _chains(text, before, mentions) + _chains(text, after, mentions)]
        if not scored:
            results.append((DEFAULT_TYPE, None))
            continue
        _, best = max(scored, key=lambda s: (s[0], s[1].trigger.verb, -s[1].start))
        results.append((best.trigger.type, text[best.start:best.end]))
    return results
