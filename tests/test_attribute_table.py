"""annals.attribute_table: the attribute ruler as tables gives exactly spaCy's POS, morphology and lemmas."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from annals import parse, pipeline
from annals.attribute_table import FACTORY, AttributeTable, in_table_order, install

ROOT = Path(__file__).resolve().parents[1]
HAND_MADE = [
    "But the talks that began in May could not end, and nothing was signed; but one thing remained.",
    "I'd say she gonna sign it, whether or not they can; let's see if anybody objects.",
    "The treaty, which those states had signed in 1994, was something everyone welcomed.",
    "He told me that he ain't going, though you and I both knew he would, if asked.",
]


@pytest.fixture(scope="module")
def models():
    ruler = spacy.load(parse.MODEL)
    table = spacy.load(parse.MODEL)
    install(table)
    return ruler, table


def _sentences() -> list[str]:
    texts = list(HAND_MADE)
    for path in sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "heldout" / "docs").glob("*")):
        doc = pipeline.run(pipeline.load(path), until="times")
        texts += [doc.text[s.start:s.end] for s in doc.sentences[:400]]
    return texts


def test_attribute_table_replaces_the_ruler(models):
    _, table = models
    assert FACTORY in table.pipe_names
    assert "attribute_ruler" not in table.pipe_names
    assert table.pipe_names.index(FACTORY) < table.pipe_names.index("lemmatizer")


def test_attribute_table_equals_the_ruler_on_real_text(models):
    ruler, table = models
    texts = _sentences()
    assert len(texts) > 200
    differences = []
    for a, b in zip(ruler.pipe(texts), table.pipe(texts)):
        for x, y in zip(a, b):
            if (x.pos_, str(x.morph), x.lemma_) != (y.pos_, str(y.morph), y.lemma_):
                differences.append((x.text, x.tag_, x.pos_, str(x.morph), x.lemma_, y.pos_, str(y.morph), y.lemma_))
    assert differences == []


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
          {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}}], True),
        ([{"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}},
          {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}], False),
    ],
)
def test_attribute_table_order_is_checked(patterns, expected):
    assert in_table_order(patterns) is expected


def test_attribute_table_keeps_a_later_pattern_winning(models):
    """A word pattern after a pattern the tables cannot hold, on the same tag, stays in spaCy's ruler."""
    _, table = models
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}},
    ]
    component = AttributeTable(table, patterns)
    assert len(component._rest.patterns) == 2
    doc = table.make_doc("nothing")
    doc[0].tag_ = "NN"
    doc[0].dep_ = "nsubj"
    assert component(doc)[0].pos_ == "PRON"
