"""Which dates make events (EVENTS.md): one per (sentence, time), and none from names, durations, headings..."""
from __future__ import annotations

import pytest

import annals


def dates(text: str) -> list[str]:
    return [e.date_value for e in annals.extract(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan joined PfP in 1994 and withdrew from the CSTO in 1999.", ["1994", "1999"]),
        ("It joined on 27–28 April 2000.", ["2000-04-27/2000-04-28"]),
        ("The envoy paid visits in February and November 2005, April and October 2006.", ["2005-02", "2005-11", "2006-04", "2006-10"]),
        ("It established a mission to NATO in 1997 by a Presidential Decree on 21 November.", ["1997-11-21"]),
        ("He visited Baku in 2003 and took part in the inauguration of the project on May 15.", ["2003", "2003-05-15"]),
        ("Between 9–11 July 2024, the minister participated in the NATO 2024 Washington summit.", ["2024-07-09/2024-07-11"]),
        ("He said that the country would join the alliance after the 2008 Bucharest summit.", []),
        ("The two-year plan was discussed after a short time.", []),
        ("Its Secretaries-General Jaap de Hoop Scheffer (2004–2009) visited Baku in November 2004.", ["2004-11"]),
        ("PRAGUE, August 22, 2006 (RFE/RL) -- The envoy today said relations would improve.", ["2006-08-22"]),
    ],
)
def test_events_split_one_event_per_sentence_and_time(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "== History since 1991 ==\nNo dates here.",
        "| Partnership for Peace | 1994-05-04 |",
        "== See also ==\n- Enlargement of NATO in 2004\n- Foreign relations",
        "Projects:\n- Enhancing energy security in the XXI century;",
        # a letterhead's line of fields: the publication date is page metadata
        "ANDEAN PROGRAMME | POLICY BRIEF No. 4 | Published 11 June 2024",
        "Number 24/031 | Published 3 June 2024 | Trade Section",
        # a study question asks; a record's label and its date is metadata
        "Why did Chile extend its fishing limits in 1952 and 1958?",
        "What part did the OAS play in ending the dispute of 1975-76?",
        "Answered on: 12 November 2024",
        "Submitted 14 March 2025",
        "Received 14 November 2023; accepted 2 April 2024",
        "Issued by the Secretariat, Lima, September 2024",
        "Page last reviewed: 3 February 2025",
        "Chapter 2: From two treaties to one convention (1921–2018)",
        # a hatnote points to another page; a list of works gives their years
        "For the fighting of August 1987, see Battle of Tarn.",
        "Reading: Soto, The Long Road (1986); Dorn, A Small State (2000); Kell, Neutrality (1984).",
    ],
)
def test_events_split_no_events_from_headings_tables_or_link_lists(text):
    assert dates(text) == []


def test_events_split_partial_date_takes_the_section_year():
    text = "== Visits ==\nOn 28 June 2004, at the Istanbul Summit, it was discussed. On September 15, an envoy was appointed."
    assert dates(text) == ["2004-06-28", "2004-09-15"]
