"""Who did what to whom: parts, object and headline of an event, read from its sentence."""
from __future__ import annotations

import pytest

import annals


def _event(text: str):
    events = annals.extract(text + "\n", reader="text").events
    assert len(events) == 1, events
    return events[0]


def _parts(event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.part, set()).add(actor.name)
    return out


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Finland joined NATO on 4 April 2023.", {"Finland"}, {"NATO"}),
    ("The agreement was signed by Chile and Peru on 3 May 2001.", {"Chile", "Peru"}, set()),
    ("Chile and Peru signed the agreement on 3 May 2001.", {"Chile", "Peru"}, set()),
])
def test_events_frame_parts(text, source, target):
    parts = _parts(_event(text))
    assert parts.get("source", set()) == source
    assert target <= parts.get("target", set())


def test_events_frame_every_actor_has_a_part():
    event = _event("Finland joined NATO on 4 April 2023.")
    assert all(a.part in ("source", "target", "other") for a in event.actors)
    data = event.to_dict()
    assert data["predicate"]["lemma"] == "join"
    assert all("part" in a for a in data["actors"])


def test_events_frame_object_is_the_named_document():
    event = _event("Chile signed the Framework Document on Trade Cooperation on 3 May 2001.")
    assert event.object is not None
    assert event.object.name == "Framework Document on Trade Cooperation"
    assert event.object.kind == "document"


def test_events_frame_no_object_for_a_visit():
    assert _event("The foreign minister of Chile visited Peru on 3 May 2001.").object is None


@pytest.mark.parametrize(("text", "headline"), [
    ("Finland joined NATO on 4 April 2023.", "Finland joins NATO"),
    ("Chile and Peru signed the Framework Document on Trade Cooperation on 3 May 2001.",
     "Chile and Peru sign the Framework Document on Trade Cooperation"),
])
def test_events_frame_headline_in_the_present(text, headline):
    event = _event(text)
    assert event.headline == headline
    assert len(event.headline) <= 80
