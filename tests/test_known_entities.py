"""annals.known_entities: the entity recogniser runs only where a name is outside the lists."""
from __future__ import annotations

from pathlib import Path

import pytest

import annals
from annals import parse
from annals.known_entities import label_known, needs_model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return parse.load_model()


def _parsed(nlp, text):
    return next(nlp.pipe([text], disable=["ner"]))


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Azerbaijan joined NATO in May 1994.", "May 1994", False),
    ("Azerbaijani troops left Iraq in December 2008.", "December 2008", False),
    ("Zorbax Quentin visited Azerbaijan in May 1994.", "May 1994", True),
    # a known person's full name is known; his given name with a town's name is someone else
    ("Javier Solana visited Azerbaijan in May 1994.", "May 1994", False),
    ("Javier Estrella visited Azerbaijan in May 1994.", "May 1994", True),
])
def test_known_entities_needs_model_only_for_unknown_names(nlp, text, date, expected):
    doc = _parsed(nlp, text)
    start = text.index(date)
    assert needs_model(doc, [(start, start + len(date))]) is expected


def test_known_entities_labels_from_the_lists(nlp):
    text = "Three Azerbaijani officers joined NATO's first course in Turkey in May 1994."
    doc = _parsed(nlp, text)
    start = text.index("May 1994")
    label_known(doc, [(start, start + 8, "DATE")])
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels == {"Three": "CARDINAL", "Azerbaijani": "NORP", "NATO": "ORG", "first": "ORDINAL",
                      "Turkey": "GPE", "May 1994": "DATE"}


def test_known_entities_unknown_person_goes_through_the_model():
    doc = annals.extract("Zorbax Quentin, the envoy of Chile, visited Peru on 3 May 2001.\n", reader="text")
    labels = {doc.text[e.start:e.end]: e.label for e in doc.entities}
    assert labels.get("Zorbax Quentin") == "PERSON"


def test_known_entities_events_as_with_the_model_everywhere(monkeypatch):
    """On a real article, reading known names from the lists changes (almost) no event."""
    path = ROOT / "examples" / "azerbaijan-nato.txt"
    lazy = [e.to_dict() for e in annals.extract(path).events]
    monkeypatch.setattr(parse, "_pipe", lambda nlp, doc, starts, texts: list(nlp.pipe(texts)))
    everywhere = [e.to_dict() for e in annals.extract(path).events]
    assert len(lazy) == len(everywhere)
    same = sum(a == b for a, b in zip(lazy, everywhere))
    assert same >= 0.97 * len(everywhere)
