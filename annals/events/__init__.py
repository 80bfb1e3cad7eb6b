"""Events: one per (sentence, time), typed, with actors, places and quantities."""
from __future__ import annotations

from annals.events.arguments import places, quantities
from annals.events.classify import classify
from annals.events.split import event_dates
from annals.model import Document, Event
from annals.resolve.actors import DocumentActors
from annals.time.edtf import year_of

__all__ = ["find_events"]



def _citation(doc: Document, start: int, end: int) -> str | None:
    """The references a reader kept at the end of (or inside) the sentence, joined."""
    texts = [text for offset, _, text in doc.citations if start <= offset <= end + 1]
    return " | ".join(texts) if texts else None


def find_events(doc: Document) -> Document:
    """The document with its events."""
    candidates = event_dates(doc)
    if not candidates:
        return doc.with_(events=())
    actors = DocumentActors(doc)
    by_sentence: dict[int, list] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence, []).append(candidate.mention)
    events = []
    text = doc.text
    for index, mentions in by_sentence.items():
        sentence = doc.sentences[index]
        names = actors.names.get(index, [])
        masked = [(n.start, n.end) for n in names if n.kind in ("organization", "country")]
        types = classify(text, sentence.start, sentence.end, mentions, masked=masked)
        sentence_places = places(text, names)
        sentence_quantities = quantities(
            text, sentence.start, sentence.end, [t for t in doc.times if sentence.start <= t.start < sentence.end])
        for mention, (type_, trigger) in zip(mentions, types):
            year = year_of(mention.edtf)
            events.append(
                Event(
                    date_value=mention.edtf,
                    date_text=text[mention.span_start:mention.end],
                    type=type_,
                    evidence_start=sentence.start,
                    evidence_end=sentence.end,
                    evidence_text=text[sentence.start:sentence.end],
                    section=sentence.section,
                    actors=tuple(actors.for_event(index, year=year, tenure_year=year, places=tuple(sentence_places),
                                                  type_=type_, date_start=mention.start)),
                    places=tuple(sentence_places),
                    quantities=tuple(sentence_quantities),
                    trigger=trigger,
                    citation=_citation(doc, sentence.start, sentence.end),
                )
            )
    return doc.with_(events=tuple(events), aliases=tuple(actors.aliases()))
