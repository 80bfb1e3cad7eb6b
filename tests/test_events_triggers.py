"""Every trigger's own examples (data/events/triggers.yaml): the date's event gets the trigger's type."""
from __future__ import annotations

import pytest

import annals
from annals.events.classify import TYPES, triggers

EXAMPLES = [(t.type, t.pattern, ex) for t in triggers() for ex in t.examples]


@pytest.mark.parametrize(("type_", "pattern", "example"), EXAMPLES, ids=[f"{t}:{e['text'][:50]}" for t, _, e in EXAMPLES])
def test_events_trigger_example_decides_the_type(type_, pattern, example):
    doc = annals.extract(example["text"])
    found = [e for e in doc.events if e.date_value == example["date"]]
    assert found, f"no event dated {example['date']} in {[e.date_value for e in doc.events]}"
    assert found[0].type == type_, f"{found[0].type} (trigger {found[0].trigger!r}), expected {type_} by {pattern!r}"


def test_events_triggers_cover_every_type():
    assert {t.type for t in triggers()} == set(TYPES)


def test_events_every_trigger_has_an_example():
    assert [t.pattern for t in triggers() if not t.examples] == []
