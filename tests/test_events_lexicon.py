"""The lexicon's examples (data/events/lexicon.yaml) typed through the whole pipeline, and the
predicate read from the tree: each clause's date its own predicate, modality from the tree."""
from __future__ import annotations

import pytest

import annals
from annals.events.lexicon import TYPES, lexicon

EXAMPLES = lexicon().examples


def _event(text: str, date: str):
    doc = annals.extract(text + "\n", reader="text")
    found = [e for e in doc.events if e.date_value == date]
    assert found, f"no event dated {date} in {text!r}: {[e.date_value for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_events_lexicon_example_is_typed(example):
    assert example["type"] in TYPES
    assert _event(example["text"], example["date"]).type == example["type"]


@pytest.mark.parametrize(("text", "date", "lemma"), [
    ("Chile joined the programme in March 1994, and in May 1995 its office in Lima was opened.", "1995-05", "open"),
    ("Chile joined the programme in March 1994, and in May 1995 its office in Lima was opened.", "1994-03", "join"),
    ("The partnership goes back to 1997, when Peru signed the charter.", "1997", "sign"),
    ("The accession of Croatia took place on 1 July 2013.", "2013-07-01", "take"),
])
def test_events_predicate_is_the_clause_of_its_date(text, date, lemma):
    event = _event(text, date)
    assert event.predicate is not None and event.predicate.lemma == lemma
    assert text[event.predicate.start - event.evidence_start:].startswith(event.predicate.text)


@pytest.mark.parametrize("text", [
    "Chile plans to join the alliance in 2030.",
    "The summit will be held in Oslo in June 2031.",
    "Peru did not sign the treaty in 1999.",
    "The ministers are expected to meet in May 2032.",
    "Chile hopes to join the alliance in 2030.",
    "And how did Lima answer the Chilean note of 3 May 1999?",  # a question asks about its verb
])
def test_events_unreal_dates_make_no_event(text):
    assert annals.extract(text + "\n", reader="text").events == ()


def test_events_modal_word_elsewhere_does_not_drop_a_date():
    text = "Although talks could resume later, Chile joined the programme in March 1994."
    assert [e.date_value for e in annals.extract(text + "\n", reader="text").events] == ["1994-03"]


def test_events_unknown_predicate_falls_back_to_political_only_without_clues():
    event = _event("The borders of the region were redrawn in 1921.", "1921")
    assert event.type == "political"


@pytest.mark.parametrize("text", [
    "Second Ministerial Forum, Lima, May 2012",
    "By Staff Writer 2019-05-03 10:12:44",
])
def test_events_title_lines_and_bylines_make_no_event(text):
    assert annals.extract(text + "\n", reader="text").events == ()


def test_events_century_of_a_topic_is_no_event():
    text = "In May 2003, the two states signed a declaration on security in the 21st century."
    assert [e.date_value for e in annals.extract(text + "\n", reader="text").events] == ["2003-05"]


def test_events_same_date_on_two_predicates_is_two_events():
    text = "Founded in 2001, the forum grew when Chile joined it in 2001 as a full member."
    events = annals.extract(text + "\n", reader="text").events
    assert sorted(e.type for e in events if e.date_value == "2001") == ["establishment", "membership"]


@pytest.mark.parametrize(("text", "date", "type_"), [
    ("10-11 May 2005: The Vienna Council of Ministers recognizes that Chile is a candidate.", "2005-05-10/2005-05-11", "summit"),
    ("Ministers at their meeting in Lima on 3 June 2010 agreed to open talks.", "2010-06-03", "meeting"),
    ("The board was set up in 1965 in London.", "1965", "establishment"),
])
def test_events_scenes_and_meetings(text, date, type_):
    assert _event(text, date).type == type_


def test_events_seeking_told_as_past_is_an_event():
    text = "Chile has sought to join the alliance since 2004."
    events = annals.extract(text + "\n", reader="text").events
    assert [(e.date_value, e.type) for e in events] == [("2004/..", "political")]
