"""Which time expressions date an event: one event per (sentence, time).

Kept: dates and times with an EDTF value, in prose (and in list items that
hold a verb). Left out:
- durations, sets and vague references (no EDTF value);
- headings, tables, infoboxes, link lists;
- in a sentence the parse stage did not parse, a date after "would", "will",
  "plans to"... (in a parsed one its predicate decides: events/predicate.py);
- a person's term in parentheses ("Robert Simmons (2004–2010)");
- a year that only names something a fuller date of the sentence dates
  ("participated in the NATO 2024 Washington summit" after "9–11 July 2024");
- a coarser date of the same predicate as a finer one ("in 1997 by a
  Presidential Decree on 21 November": one event, 1997-11-21);
- the date of a news dateline (the document's date, not a happening);
- "today" inside a quotation, when the sentence dates the occasion itself;
- a relative time that the next date restates ("A year later, on 23 November 2003");
- a date inside a quoted title, and lines of page metadata ("Last updated: ...");
- the same date twice in one sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from annals.data import load
from annals.events.lexicon import lexicon
from annals.events.predicate import verb_like
from annals.events.tree import Tree
from annals.model import Document, TimeMention
from annals.time.anchor import is_dateline

__all__ = ["Candidate", "clause_words", "event_dates"]


@dataclass(frozen=True)
class Candidate:
    sentence: int
    mention: TimeMention


@cache
def clause_words() -> dict[str, re.Pattern]:
    data = load("events/clauses.yaml")
    return {
        "unreal": re.compile(r"\b(?:" + "|".join(data["unreal"]) + r")\b", re.IGNORECASE),
        "verbs": re.compile(r"(?<![-\w])(?:" + "|".join(data["verbs"]) + r")\b"),
        "instrumental": re.compile(r"\b(?:" + "|".join(data["instrumental"]) + r")\b"),
        "list_links": re.compile("(?:" + "|".join(data["list_links"]) + r")\Z"),
        "event_list_verbs": re.compile(r"\b(?:" + "|".join(data["event_list_verbs"]) + r")\b"),
    }


def _contains(outer: str, inner: str) -> bool:
    """Whether EDTF date `inner` lies within `outer` (a year holds its months and days)."""
    outer_start, _, outer_end = outer.partition("/")
    outer_end = outer_end or outer_start
    inner_start, _, inner_end = inner.partition("/")
    inner_end = inner_end or inner_start
    if ".." in (outer_start, outer_end, inner_start, inner_end) or "X" in outer + inner:
        return False
    return inner_start[: len(outer_start)] >= outer_start and inner_end[: len(outer_end)] <= outer_end and (
        len(inner_start) > len(outer_start) or len(inner_end) > len(outer_end)
    )


def _possessive(doc: Document, mention: TimeMention) -> bool:
    """"Last year's drills", "This year's exercise": a time that describes a thing."""
    return doc.text[mention.end:mention.end + 2] in ("'s", "’s")


def _is_modifier(doc: Document, mention: TimeMention) -> bool:
    """A bare year used before a noun, inside a name: "the NATO 2024 Washington summit"; a possessive time."""
    if _possessive(doc, mention):
        return True
    if len(mention.edtf or "") != 4:
        return False
    after = doc.text[mention.end:mention.end + 30]
    before = doc.text[max(0, mention.start - 12):mention.start]
    return bool(re.match(r"\s+[A-Za-z]", after)) and not re.search(
        r"\b(?:in|since|by|until|from|of|during|to|on|between|before|after)\s+$", before, re.IGNORECASE
    )


def _tenure_gloss(doc: Document, mention: TimeMention) -> bool:
    """A person's term: "Jaap de Hoop Scheffer (2004–2009)"."""
    before = doc.text[max(0, mention.start - 40):mention.start]
    after = doc.text[mention.end:mention.end + 2]
    return "/" in (mention.edtf or "") and bool(re.search(r"[A-Z][a-z]+[a-z]\s*\($", before)) and after.startswith(")") \
        and not re.search(r"\b(?:first|second|third|fourth|fifth|period|phase|stage)\s*\($", before, re.IGNORECASE)


_QUOTES = re.compile(r"\"[^\"]*\"|“[^”]*”")


@cache
def _deictic_rules() -> frozenset[str]:
    from annals.time.rules import rules

    return frozenset(rule.name for rule in rules() if rule.anchor == "dct")


def _quoted_deictic(doc: Document, sentence_start: int, sentence_end: int, mention: TimeMention) -> bool:
    """"Today" inside a quotation speaks of the quotation's own occasion."""
    if mention.rule not in _deictic_rules():
        return False
    return any(m.start() <= mention.start - sentence_start < m.end()
               for m in _QUOTES.finditer(doc.text[sentence_start:sentence_end]))


def _restated(doc: Document, mention: TimeMention, following: TimeMention | None) -> bool:
    """"A year later, on 23 November 2003": a relative time the next, exact one restates."""
    if following is None or mention.rule not in _relative_rules():
        return False
    return bool(re.fullmatch(r"\s*,?\s*(?:on|in|at)?\s*", doc.text[mention.end:following.span_start]))


@cache
def _relative_rules() -> frozenset[str]:
    from annals.time.rules import rules

    return frozenset(rule.name for rule in rules() if rule.anchor is not None)


def _sentence_has_event_verb(doc: Document, tree: Tree | None, start: int, end: int) -> bool:
    """Whether a list item says something happened (a verb or an event noun), not just names a
    topic or a link."""
    if clause_words()["event_list_verbs"].search(doc.text, start, end):
        return True
    if not tree:
        return False
    # A finite verb or a participle ("Hungary joins NATO", "treaty signed"); a gerund heading a
    # topic ("Enhancing security") and an event noun in a link ("Enlargement of NATO") are not.
    lex = lexicon()
    return any(verb_like(tree, lex, i) and tree.tokens[i].tag != "VBG" for i in tree.span(start, end))


def _title_line(doc: Document, tree: Tree, start: int, end: int) -> bool:
    """A line with no verb that does not end as a sentence ends: a title, a caption or a row of
    facts ("Second Summit, Brasilia, April 2010"), not a statement that something happened."""
    if doc.text[start:end].rstrip()[-1:] in ".!?;\"”’)":
        return False
    lex = lexicon()
    return not any(verb_like(tree, lex, i) for i in tree.span(start, end))


_METADATA = re.compile(r"^(?:(?:this\s+)?page\s+)?(?:last\s+)?(?:updated|modified|published|posted|retrieved|accessed|printed|edited|reviewed)\b",
                       re.IGNORECASE)
# A record's labels and their dates alone ("Answered on: 12 November 2024", "Received 14 November 2023;
# accepted 2 April 2024", "Issued by the Secretariat, Suva, September 2024").
_LABELLED = re.compile(r"^(?:(?:answered|submitted|tabled|received|recorded|accepted|revised|issued)(?:\s+on)?\s*:?\s*"
                       r"[^.;]{0,50}?(?:;\s*|\.?$))+$", re.IGNORECASE)
# A part's heading ("Chapter 2: From two treaties to one convention (1921–2018)", "Unit 3. Small
# States"): the span it covers is no event.
_PART_HEADING = re.compile(r"^(?:Chapter|Part|Section|Unit|Annex|Appendix|Lecture|Session)\s+(?:\d+|[IVXLC]+)[.:]\s")
# A hatnote ("For the fighting of August 1987, see Battle of Aouzou."): a pointer to another page.
_HATNOTE = re.compile(r"^For\s[^.]{0,120},\s+see\s[^.]*\.?$")
# A list of works with their years ("Reading: Maher, The Tortuous Path (1986); Keatinge, A Singular
# Stance (1984)"): each item ends with the year in brackets.
_WORKS = re.compile(r"^[^:;]{1,40}:\s*(?:[^;()]{2,120}\(\d{4}\)\s*;\s*)+[^;()]{2,120}\(\d{4}\)\.?$")
# A question ("Why did Iceland extend its limits in 1952?"): it asks, it tells nothing that happened.
_QUESTION = re.compile(r"^(?:why|how|what|which|who|whom|whose|when|where|did|does|do|was|were|is|are|should|could|would|can)\b"
                       r"[^?]*\?\s*$", re.IGNORECASE)

# Lines that tell no event, whatever dates they hold.
_NO_EVENT_LINES = (_METADATA, _LABELLED, _QUESTION, _HATNOTE, _WORKS, _PART_HEADING)


def _metadata_field(doc: Document, sentence_start: int, mention: TimeMention) -> bool:
    """A date in a field of a letterhead's line of fields ("Policy Brief 41 | Published 2 June 2025 |
    Defence Section"): page metadata, as a line of its own would be."""
    bar = doc.text.rfind("|", sentence_start, mention.start)
    return bar >= 0 and bool(_METADATA.match(doc.text[bar + 1:mention.start].strip()))


def _quoted_title(doc: Document, sentence_start: int, sentence_end: int, mention: TimeMention) -> bool:
    """A date inside a quoted title ("Seismic risk in the South Caucasus after 1988") dates nothing."""
    for m in _QUOTES.finditer(doc.text[sentence_start:sentence_end]):
        if m.start() <= mention.start - sentence_start < m.end():
            inside = m.group()[1:-1]
            words = inside.split()
            return len(words) <= 14 and not clause_words()["verbs"].search(inside) and inside[:1].isupper()
    return False


def event_dates(doc: Document, *, tree: Tree | None = None) -> list[Candidate]:
    """The dates that make events, each with its sentence. Where the sentence was parsed, whether a
    date is real (not planned, hoped or denied) is left to its predicate (events/predicate.py)."""
    words = clause_words()
    by_sentence: dict[int, list[TimeMention]] = {}
    starts = [s.start for s in doc.sentences]
    for mention in doc.times:
        # (a duration counted from the story's date, "A week later", dates what follows it)
        if mention.type not in ("DATE", "TIME", "DURATION") or mention.edtf is None:
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        by_sentence.setdefault(index, []).append(mention)
    out: list[Candidate] = []
    for index, mentions in sorted(by_sentence.items()):
        sentence = doc.sentences[index]
        text = doc.text[sentence.start:sentence.end]
        if sentence.kind in ("heading", "table", "infobox"):
            continue
        if sentence.kind == "list" and not _sentence_has_event_verb(doc, tree, sentence.start, sentence.end):
            continue
        parsed = bool(tree) and bool(tree.span(sentence.start, sentence.end))
        if parsed and _title_line(doc, tree, sentence.start, sentence.end):
            continue
        if any(rule.match(text.strip()) for rule in _NO_EVENT_LINES):
            continue
        kept: list[TimeMention] = []
        for mention in mentions:
            head = doc.text[sentence.start:mention.start]
            if not parsed and words["unreal"].search(head):
                continue
            if not parsed and _possessive(doc, mention) and words["unreal"].search(doc.text[mention.end:sentence.end]):
                continue  # "This year's exercise is planned for August"
            if _tenure_gloss(doc, mention) or is_dateline(doc.text, mention.start, mention.end):
                continue
            if _metadata_field(doc, sentence.start, mention):
                continue
            if _quoted_title(doc, sentence.start, sentence.end, mention):
                continue
            kept.append(mention)
        if len(kept) > 1:
            kept = [m for m in kept if not _quoted_deictic(doc, sentence.start, sentence.end, m)] or kept
            kept = [m for i, m in enumerate(kept) if not _restated(doc, m, kept[i + 1] if i + 1 < len(kept) else None)]
        finer = [m for m in kept if len((m.edtf or "").split("/")[0]) > 4]
        kept = [
            m for m in kept
            if not (_is_modifier(doc, m) and any(_contains(m.edtf, f.edtf) for f in finer if f is not m))
        ]
        merged: list[TimeMention] = []
        for i, mention in enumerate(kept):
            partner = kept[i + 1] if i + 1 < len(kept) else None
            if partner is not None and _contains(mention.edtf, partner.edtf):
                between = doc.text[mention.end:partner.span_start]
                if not words["verbs"].search(between):
                    continue
            merged.append(mention)
        seen: set[str] = set()
        for mention in merged:
            if mention.edtf in seen and not parsed:  # in a parsed sentence, the predicates decide
                continue
            seen.add(mention.edtf)
            out.append(Candidate(index, mention))
    return out
