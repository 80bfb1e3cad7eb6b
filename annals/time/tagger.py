"""Find every time expression in a text and give it its TimeML and EDTF values.

Every rule of data/time/rules.yaml runs over the text; where matches
overlap, the leftmost and then the longest wins (then the earlier rule).
A match whose meaning is impossible (30 February) gives way to the next.
Anchoring (anchor.py) then completes what the text leaves out.

Nearly all of find's time goes into trying every rule at every position
of the text. Each rule has a locator that skips, in C, the positions
where it cannot match (time/locate.py); the data cache keeps its code
with the rule's (time/rules.py), so it costs next to nothing to build.
The matches are the same either way.

A short text is searched only with the rules whose needs (time/needs.py)
it has: a process that tags one sentence compiles only the rules that
could match in it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from annals.model import Document, TimeMention
from annals.time.anchor import Found, anchor, is_title, parse_dct
from annals.time.edtf import edtf_value, timex_value
from annals.time.locate import matches
from annals.time.needs import Text
from annals.time.normalize import normalize
from annals.time.rules import Rule, rules
from annals.time.values import Value

__all__ = ["find", "tag", "tag_document", "timex3s"]


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    value: Value


def find(text: str) -> list[Match]:
    """Non-overlapping matches in text order, before anchoring."""
    if len(text) > _NEEDS_UP_TO:
        return _find(text, _locators())
    present = Text(text)  # only the rules whose needs the text has: the others cannot match
    return _find(text, tuple((rule, rule.locator) for rule in rules() if present.has(rule.needs)))


def _find(text: str, scans: tuple[tuple[Rule, re.Pattern | None], ...]) -> list[Match]:
    candidates = []
    for rule, located in scans:
        for m in matches(rule.regex, located, text):
            if m.end() > m.start():
                candidates.append((m.start(), m.start() - m.end(), rule.order, m, rule))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[Match] = []
    taken_until = -1
    for start, _, _, m, rule in candidates:
        if start < taken_until:
            continue
        value = normalize(rule, m.groupdict())
        if value is None:
            continue
        if _capitalised(text, start, m.end()) and not rule.name.startswith("holiday") and is_title(text, start, m.end()):
            taken_until = m.end()  # "``60 Minutes''": part of a name, and so is each of its words
            continue
        chosen.append(Match(start, m.end(), rule, value))
        taken_until = m.end()
    return chosen


def _capitalised(text: str, start: int, end: int) -> bool:
    """Whether a capital stands in text[start:end] other than a first one at a sentence's start (cheap)."""
    return text[start].isupper() and start > 0 or any(c.isupper() for c in text[start + 1:end])


def _type(found: Found) -> str:
    point = found.value.first
    if found.type == "DATE" and point is not None and point.hour is not None:
        return "TIME"
    return found.type


def _mention(text: str, found: Found) -> TimeMention:
    value = found.value
    if value.kind == "unresolved":
        rel = value.relative
        timex = "PRESENT_REF" if rel.unit == "D" and rel.offset == 0 and rel.hour is None else "XXXX"
        if rel.unit == "weekday":
            timex = f"XXXX-WXX-{rel.target}"
        edtf = None
    else:
        timex = timex_value(value)
        edtf = edtf_value(value if found.dated is None else Value.point(found.dated))
    parts = ()
    if found.parts and value.kind == "span" and value.start is not None and value.end is not None:
        parts = tuple(
            _mention(text, Found(a, b, found.rule, found.type, Value.point(point), found.sentence, found.section))
            for (a, b), point in zip(found.parts, (value.start, value.end), strict=True)
        )
    return TimeMention(
        start=found.start,
        end=found.end,
        text=text[found.start:found.end],
        type=_type(found),
        value=timex,
        edtf=edtf,
        rule=found.rule,
        signal=found.signal,
        signal_start=found.signal_start,
        mod=value.mod,
        anchored=found.anchored,
        parts=parts,
    )


def tag_document(doc: Document, *, dct: str | None = None) -> Document:
    """The document with its time mentions (`doc.times`) and its document date."""
    text = doc.text
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    starts = [a for a, _ in spans]
    sections = [s.section for s in doc.sentences] or [()]
    items = []
    for match in find(text):
        index = max(0, bisect.bisect_right(starts, match.start) - 1)
        items.append(Found(match.start, match.end, match.rule.name, match.rule.type, match.value, index, sections[index]))
    given = parse_dct(dct or doc.dct)
    headings = frozenset(i for i, s in enumerate(doc.sentences) if s.kind == "heading")
    items, used = anchor(items, text=text, sentences=spans, dct=given, headings=headings)
    mentions = tuple(_mention(text, f) for f in items)
    date = doc.dct or (f"{used.year:04d}-{used.month:02d}-{used.day:02d}" if used is not None else None)
    return doc.with_(times=mentions, dct=date)


def tag(text: str, *, dct: str | None = None) -> list[TimeMention]:
    """Every time expression in `text`, anchored to `dct` (YYYY-MM-DD) when given."""
    from annals.read import read_text
    from annals.segment import segment

    if not text.strip():
        return []
    doc = segment(read_text(text))
    return list(tag_document(doc, dct=dct).times)


def timex3s(mentions: list[TimeMention] | tuple[TimeMention, ...]) -> list[TimeMention]:
    """The mentions as TimeML's TIMEX3s: a span told with two dates is its two dates.

    annals keeps "between 1994 and 1997" as one expression (the EDTF interval
    1994/1997, the date of one event); TimeML, and TempEval's scoring, annotate
    "1994" and "1997" apart.
    """
    return [part for mention in mentions for part in (mention.parts or (mention,))]


_NEEDS_UP_TO = 4_000  # characters: a longer text is searched with every rule (looking at it costs what it saves)


@cache
def _locators() -> tuple[tuple[Rule, re.Pattern | None], ...]:
    """Each rule with its locator (None where it has none: searched plainly)."""
    return tuple((rule, rule.locator) for rule in rules())
