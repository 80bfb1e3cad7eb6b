"""A text printed in capitals, as a cable is, read in ordinary case and given back as written (#12)."""
from __future__ import annotations

import pytest

import annals
from annals.read.capitals import ordinary_case

CABLE = """CONFIDENTIAL
SUBJECT: LAOS: THE MEKONG TALKS

1. (C) SUMMARY: THE TALKS ARE OVER. THIS MESSAGE LOOKS BACK AT TWO YEARS OF MEDIATION BY THE ASEAN CHAIR AND
WEIGHS WHAT WAS GAINED. END SUMMARY.

2. (C) THE TALKS. THE DIET VOTED TO JOIN THE FUND ON FEBRUARY 3, 1994. SPECIAL ENVOY ANTON WEBER ARRIVED IN VIENTIANE ON MARCH 15, 1994 WITH A SMALL TEAM FROM BANGKOK.
THE SECURITY COUNCIL WELCOMED HIS MISSION ON APRIL 2, 1994. WEBER MET THE FOREIGN MINISTER OF LAOS ON MAY 4, 1994.

3. (C) COMMENT: THE ENVOY AND THE MINISTER SIGNED A JOINT NOTE ON JUNE 9, 1994, AND THE EMBASSY EXPECTS MORE. END
COMMENT.
"""


@pytest.mark.issue(12)
def test_read_capitals_puts_prose_in_ordinary_case_letter_for_letter():
    cased = ordinary_case(CABLE)
    assert cased is not None and len(cased) == len(CABLE)
    assert "Anton Weber arrived in Vientiane on March 15, 1994 with a small team from Bangkok." in cased
    assert "by the ASEAN chair and\nweighs what was gained. End summary." in cased  # a sentence runs on
    assert "The Security Council welcomed his mission on April 2, 1994." in cased  # a known name, a known acronym
    assert "The Diet voted to join the fund" in cased  # a legislature's name
    assert cased.startswith("CONFIDENTIAL\nSUBJECT: LAOS")  # short lines in capitals stay as they are


@pytest.mark.issue(12)
def test_read_capitals_leaves_a_headline_in_capitals():
    text = "NATO AND RUSSIA AGREE ON A NEW ROUND OF TALKS IN VIENNA\n\nThe talks opened on 4 May 2021.\n"
    assert ordinary_case(text) is None


@pytest.mark.issue(12)
def test_read_capitals_finds_the_actors_and_gives_back_the_text_as_written():
    events = {e.date_value: e for e in annals.extract(CABLE, reader="text").events}
    arrival = events["1994-03-15"]
    assert "Anton Weber" in {a.name for a in arrival.actors if a.part == "source"}
    assert arrival.evidence_text.startswith("SPECIAL ENVOY ANTON WEBER ARRIVED")
    assert arrival.date_text == "MARCH 15, 1994"
    assert {a.name for a in events["1994-04-02"].actors if a.part == "source"} == {"United Nations Security Council"}
