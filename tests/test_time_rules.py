"""Every rule's own examples (data/time/rules.yaml) and negatives, run through the whole tagger."""
from __future__ import annotations

import pytest
from edtf import parse_edtf

from annals.time.rules import rules
from annals.time.tagger import tag

EXAMPLES = [(rule.name, ex) for rule in rules() for ex in rule.examples]
NEGATIVES = [(rule.name, text) for rule in rules() for text in rule.negatives]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{e['text']}" for r, e in EXAMPLES])
def test_time_rule_example_is_tagged_with_its_value(rule, example):
    expected = example.get("match", example["text"])
    found = [m for m in tag(example["text"], dct=example.get("dct")) if m.text == expected]
    assert found, f"{rule}: {expected!r} not tagged in {example['text']!r}"
    assert found[0].value == example["value"]
    if "edtf" in example:
        assert found[0].edtf == example["edtf"]


@pytest.mark.parametrize(("rule", "text"), NEGATIVES, ids=[f"{r}:{t}" for r, t in NEGATIVES])
def test_time_rule_negative_is_not_a_time(rule, text):
    assert [m.text for m in tag(text)] == []


def test_time_rules_every_rule_has_an_example():
    assert [r.name for r in rules() if not r.examples] == []


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{e['text']}" for r, e in EXAMPLES])
def test_time_rule_example_edtf_is_valid(rule, example):
    for mention in tag(example["text"], dct=example.get("dct")):
        if mention.edtf is not None:
            parse_edtf(mention.edtf)
