"""A rule's needs (annals/time/needs.py) are met wherever it matches, and the rules kept in the data cache
compile to what re.compile makes (annals/time/rules.py): tagging skips and delays rules, never changes them (#15)."""
from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annals.data import load
from annals.time import locate, tagger
from annals.time import rules as rules_module
from annals.time.needs import FOLDS_TO_ASCII, Text, needs
from annals.time.rules import rules

# every rule searched plainly, without its locator: what the tagger must find either way
PLAIN = tuple((rule, None) for rule in rules())

pytestmark = pytest.mark.issue(15)

ROOT = Path(__file__).resolve().parents[1]
ALL_CHARACTERS = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
TEXTS = [ex["text"] for rule in rules() for ex in rule.examples] + [t for rule in rules() for t in rule.negatives]


def test_time_needs_folds_are_what_re_lets_stand_for_ascii():
    assert set(re.findall(r"[a-z0-9]", ALL_CHARACTERS, re.IGNORECASE)) == FOLDS_TO_ASCII
    assert {c for c in ALL_CHARACTERS if re.search(r"[\x00-\x7f]", c.lower())} <= FOLDS_TO_ASCII
    assert re.findall(r"\d", ALL_CHARACTERS) == [c for c in ALL_CHARACTERS if c.isdecimal()]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?i:the)\s+year", [({"yea"}, set()), (set(), {"the"})]),
    (r"May|June", [({"May", "Jun"}, set())]),
    (r"(?:st|nd)?\d{4}", [(set("0123456789"), set())]),
    (r"Q[1-4]", [({"Q1", "Q2", "Q3", "Q4"}, set())]),
    (r"x?", []),
    (r"(?:ab|.)", []),
    (r"\w+", []),
    (r"(a)?\1b", [({"b"}, set())]),
])
def test_time_needs_of_a_pattern(pattern, expected):
    assert set(needs(pattern)) == {(frozenset(a), frozenset(b)) for a, b in expected}


@pytest.mark.parametrize(("text", "has"), [
    ("Chile joined on 7 May 2010.", True),
    ("Chile joined in spring.", False),
    ("Chile joined on 7 MAY 2010.", True),
    ("Chile joined on ٧ May ٢٠١٠.", True),  # Arabic-Indic digits: \d matches them, so nothing is ruled out
])
def test_time_needs_text_has(text, has):
    rule = next(r for r in rules() if r.name == "day_month_year")
    assert Text(text).has(rule.needs) is has


def test_time_needs_met_wherever_a_rule_matches(example_text):
    for text in [*TEXTS, example_text]:
        present = Text(text)
        for rule in rules():
            for m in rule.regex.finditer(text):
                assert present.has(rule.needs), (rule.name, text)
                assert Text(m.group()).has(rule.needs), (rule.name, m.group())


TOKENS = ["7", "12", "1994", "2010", "May", "MAY", "may", "June", "spring", "the", "The", "year", "last", "next", "week",
          "-", "–", " to ", ",", ".", " ", "\n", "Q3", "3rd", "quarter", "of", "ago", "two", "days", "ſ", "İ", "é", "٢",
          "nineteen", "ninety", "10:30", "p.m.", "Monday", "Christmas", "1990s", "century", "XX", "now", "every", "Tonight"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map("".join))
def test_time_needs_finding_with_needs_is_finding_without(text):
    assert tagger.find(text) == tagger._find(text, PLAIN)


def test_time_needs_kept_code_compiles_to_what_re_compiles():
    for rule in rules():
        assert rule.compiled is not None
        made, plain = rule.regex, re.compile(rule.source)
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for text in TEXTS:
            assert [(m.span(), m.groupdict()) for m in made.finditer(text)] == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_time_needs_cached_rules_are_the_derived_ones():
    derived = rules_module._derive(load("time/rules.yaml")["rules"])
    assert marshal.loads(marshal.dumps(derived)) == [
        (r.source, r.needs, r.compiled, r.locator_source, r.locator_compiled) for r in rules()]


def test_time_needs_kept_locators_are_what_locate_compiles():
    for rule in rules():
        kept, made = rule.locator, locate.locator(re.compile(rule.source))
        assert (kept is None) == (made is None), rule.name
        if kept is not None:
            assert (kept.pattern, kept.flags, kept.groups) == (made.pattern, made.flags, made.groups)
            for text in TEXTS:
                assert [m.span() for m in kept.finditer(text)] == [m.span() for m in made.finditer(text)], rule.name


_COMPILED = """
import json, sys
from annals.time.rules import rules
from annals.time.tagger import find
find("Chile joined the OECD on 7 May 2010.")
print(json.dumps([r.name for r in rules() if "regex" in vars(r)]))
"""


def test_time_needs_one_sentence_compiles_only_the_rules_it_can_use():
    out = subprocess.run([sys.executable, "-c", _COMPILED], cwd=ROOT, check=True, capture_output=True, text=True, timeout=120)
    compiled = json.loads(out.stdout)
    assert "day_month_year" in compiled
    assert len(compiled) < len(rules()) / 2
