"""Named entities from the lists, for a sentence whose every name they know.

spaCy's entity recogniser is half of the parse stage's time, and what it
adds is the names no list holds: a person, a city, an organisation the
gazetteer lacks. A dated sentence whose proper nouns are all known words
(countries, organisations, programmes, people, cities, regions, offices,
months) gets its entities from the lists instead: a state is GPE, an
organisation ORG, a known person PERSON, an adjective of a state NORP, a city
GPE, a region LOC, a time mention DATE or TIME, a number CARDINAL, an ordinal
ORDINAL. Every other sentence goes through the model (`parse.py`).
"""
from __future__ import annotations

import re
from functools import cache

from annals.resolve.gazetteer import fold, gazetteer

__all__ = ["known_words", "label_known", "needs_model"]

_PROPER = frozenset({"NNP", "NNPS"})
_LONGEST = 8  # tokens in the longest name looked up
_LABELS = {"country": "GPE", "organization": "ORG"}
_ORDINAL = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))$",
    re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def known_words() -> frozenset[str]:
    """Every word of a name or an office the lists hold, as written (not a person's words one by one:
    "Rafael" of a known "Rafael Caldera" says nothing of "Rafael Estrella")."""
    gaz = gazetteer()
    words: set[str] = set()
    for name in gaz.exact:
        words.update(name.split())
    words.update(gaz.demonyms)
    words.update(w for office in gaz.offices for w in office.split())
    words.update(w.title() for w in gaz.office_words)
    words.update(gaz.honorifics | gaz.name_honorifics)
    return frozenset(words)


def needs_model(doc, times: list[tuple[int, int]]) -> bool:
    """Whether a parsed sentence (a spaCy Doc) names something no list knows: a proper noun that
    is no known word and no part of a time mention (`times`: offsets into the Doc's text)."""
    words = known_words()
    people = _known_people(doc)
    for token in doc:
        if token.tag_ in _PROPER and token.text not in words and token.i not in people and not _inside(token.idx, times) \
                and not gazetteer().is_city(_POSSESSIVE.sub("", token.text)):
            return True
    return False


def _known_people(doc) -> set[int]:
    """The tokens of the Doc inside a person's full name that the lists hold."""
    people = gazetteer().people
    found: set[int] = set()
    for i, token in enumerate(doc):
        if token.tag_ not in _PROPER or i in found:
            continue
        for end in range(min(len(doc), i + _LONGEST), i, -1):
            if fold(_POSSESSIVE.sub("", doc[i:end].text)) in people:
                found.update(range(i, end))
                break
    return found


def label_known(doc, times: list[tuple[int, int, str]]) -> None:
    """Set the Doc's entities from the lists and the time mentions (`times`: start, end and TIMEX
    type, offsets into the Doc's text)."""
    from spacy.tokens import Span

    spans: list[Span] = []
    taken = [False] * len(doc)
    for start, end, kind in times:
        span = doc.char_span(start, end, label="TIME" if kind == "TIME" else "DATE", alignment_mode="expand")
        if span is not None and not any(taken[span.start:span.end]):
            spans.append(span)
            taken[span.start:span.end] = [True] * len(span)
    i = 0
    while i < len(doc):
        found = None if taken[i] else _name_at(doc, i)
        if found is not None:
            end, label = found
            spans.append(Span(doc, i, end, label=label))
            taken[i:end] = [True] * (end - i)
            i = end
            continue
        token = doc[i]
        if not taken[i] and token.tag_ == "CD":
            end = i + 1
            while end < len(doc) and doc[end].tag_ == "CD" and not taken[end]:
                end += 1
            spans.append(Span(doc, i, end, label="CARDINAL"))
            taken[i:end] = [True] * (end - i)
            i = end
            continue
        if not taken[i] and _ORDINAL.match(token.text):
            spans.append(Span(doc, i, i + 1, label="ORDINAL"))
            taken[i] = True
        i += 1
    doc.ents = sorted(spans, key=lambda span: span.start)


def _name_at(doc, i: int) -> tuple[int, str] | None:
    """The longest known name starting at token i: (end token, label)."""
    if doc[i].tag_ not in _PROPER and doc[i].tag_ != "JJ":
        return None
    gaz = gazetteer()
    for end in range(min(len(doc), i + _LONGEST), i, -1):
        if doc[end - 1].tag_ not in _PROPER and end - 1 != i:
            continue
        text = _POSSESSIVE.sub("", doc[i:end].text)
        entry = gaz.exact.get(text)
        if entry is not None and entry.kind in _LABELS:
            return end, _LABELS[entry.kind]
        if fold(text) in gaz.people:
            return end, "PERSON"
        if end == i + 1:
            if text in gaz.demonyms:
                return end, "NORP"
            if gaz.is_city(text):
                return end, "GPE"
            if gaz.region(text):
                return end, "LOC"
    return None


def _inside(offset: int, spans) -> bool:
    return any(span[0] <= offset < span[1] for span in spans)
