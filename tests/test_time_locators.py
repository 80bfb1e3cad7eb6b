"""The tagger's locators (time/locate.py) find exactly what each rule's plain finditer finds."""
from __future__ import annotations

import dataclasses
import re
import string
from re import _parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annals.time import locate, tagger
from annals.time.rules import rules

# every rule searched plainly, without its locator: what the tagger must find either way
PLAIN = tuple((rule, None) for rule in rules())

# Texts where a wrong locator would lose or change a match: a match glued to
# a digit, with no digit at all, beginning with a non-ASCII letter that
# case-insensitive matching reads as an ASCII one, running across a blank
# line, filling the whole text, right after a quote or a bracket.
EDGE_TEXTS = [
    "6May 2010",
    "last spring",
    "ſpring 2010",
    "the ſummer of 2010",
    "ſeveral days",
    "May\n\n2010",
    "2010",
    "in nineteen ninety-one",
    "(May 2010)",
    '"the 1990s"',
    "It began at 3 p.m. on 5 May and lasted three days.",
    "between 3 and 5 May 2010",
    "FY2010 and mid-2010, the year-end",
    "A3 days, 45 years, 1½ hours",
    "every week, weekly, tonight, now",
    "İn 2010 the Kelvin K",
]


LOCATORS = {rule.name: locator for rule, locator in tagger._locators()}


def located(rule, text):
    locator = LOCATORS[rule.name]
    return [(m.span(), m.groupdict()) for m in locate.matches(rule.regex, locator, text)]


def plain(rule, text):
    return [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]


def found(text, scans):
    return [(m.start, m.end, m.rule.name, m.value) for m in tagger._find(text, scans)]


def test_tagger_locators_cover_nearly_every_rule():
    assert sum(locator is not None for _, locator in tagger._locators()) >= 0.9 * len(rules())


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_tagger_locator_matches_finditer_on_edge_texts(text):
    for rule in rules():
        assert located(rule, text) == plain(rule, text), rule.name


def test_tagger_locator_matches_finditer_on_rule_examples():
    texts = [ex["text"] for rule in rules() for ex in rule.examples] + [t for r in rules() for t in r.negatives]
    for rule in rules():
        for text in texts:
            assert located(rule, text) == plain(rule, text), (rule.name, text)


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("ſpring 2010", "season_year", "ſpring 2010"),
        ("ſeveral days", "duration", "ſeveral days"),
        ("6May 2010", "day_month_year", "6May 2010"),
        ("last spring", "relative_season", "last spring"),
        ("May\n\n2010", "month_year", "May\n\n2010"),
        ("in nineteen ninety-one", "year", "nineteen ninety-one"),
    ],
)
def test_tagger_find_with_locators_keeps_edge_matches(text, rule, span):
    matches = found(text, tagger._locators())
    assert matches == found(text, PLAIN)
    assert [(text[start:end], name) for start, end, name, _ in matches] == [(span, rule)]


def test_tagger_find_same_with_and_without_locators(example_text):
    text = "\n\n".join([example_text] * 3)
    assert found(text, tagger._locators()) == found(text, PLAIN)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [ex["text"] for rule in rules() for ex in rule.examples]
            + ["ſ", "K", "İ", "ı", "½", "–", "’", '"', "(", "\n\n", " ", "", "-", "6", "May", "the", "s", "."]
        ),
        max_size=8,
    )
)
def test_tagger_locator_matches_finditer_on_glued_examples(parts):
    text = "".join(parts)
    for rule in rules():
        assert located(rule, text) == plain(rule, text), rule.name


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?:the\s+)?\d+", set("t") | set(string.digits)),
        (r"(?i:ab)c", {"a", "A"}),
        (r"(?=[ab])\w+", {"a", "b"}),
        (r"(?=x?)b", {"b"}),
        (r"(?<!\w)\bfoo|(?!x)bar", {"f", "b"}),
        (r"(?:x?y*)+z", {"x", "y", "z"}),
        (r"[^\W\d]", set(string.ascii_letters) | {"_"}),
    ],
)
def test_tagger_first_chars_are_what_a_match_can_begin_with(pattern, first):
    assert locate._first_chars(pattern, re.compile(pattern).flags) == first


@pytest.mark.parametrize("pattern", [r"a?", r"(?=a)", r"(a)?\1b", r"(?:a|)"])
def test_tagger_first_chars_unknown_or_empty_gives_no_locator(pattern):
    regex = re.compile(pattern)
    assert locate._first_chars(pattern, regex.flags) is None
    assert locate.locator(regex) is None


def test_tagger_no_locator_when_any_character_can_begin_a_match():
    assert locate.locator(re.compile(r"[\s\S]x")) is None


def test_tagger_locators_are_made_from_the_kept_code_not_compiled(monkeypatch):
    def compile_refused(*args, **kwargs):
        raise AssertionError("a locator was compiled")

    kept = [rule for rule in rules() if rule.locator_source is not None]
    assert len(kept) >= 0.9 * len(rules())
    fresh = [dataclasses.replace(rule) for rule in kept]  # not yet built
    monkeypatch.setattr(re, "compile", compile_refused)
    assert [rule.locator.pattern for rule in fresh] == [rule.locator_source for rule in kept]



@pytest.mark.parametrize(
    ("pattern", "not_before"),
    [
        (r"(?<!\w)ab", set(string.ascii_letters + string.digits + "_")),
        (r"(?<![\d.])(?:(?<![^\W\d])|(?<=FY))\d{4}", set(string.digits + ".")),  # the FY way lets a letter stand before
        (r"(?:the\s+)?(?<!\w)ab", set()),  # "the" comes first on one way, unguarded
        (r"(?<!\d)(?:(?<!x)a|(?<!y)b)", set(string.digits)),  # each way adds its own: only the shared part holds
        (r"(?<!\d)(?:(?<!x)|c)?a", set(string.digits)),
        (r"(?i)(?<!\w)ab", set()),  # a case-insensitive locator would read its set otherwise
        (r"(?i:(?<![a]))b", {"a", "A"}),
        (r"(?<!ab)c", set()),  # only one-character lookbehinds count
    ],
)
def test_tagger_locator_not_before_from_the_rules_own_lookbehinds(pattern, not_before):
    parsed = _parser.parse(pattern, 0)
    assert set(locate._not_before(parsed, parsed.state.flags)) == not_before


@pytest.mark.parametrize("text", ["xab ab 1ab .ab", "FY2010 1.2010 a2010 2010", "ab(ab)\nab"])
@pytest.mark.parametrize("pattern", [r"(?<!\w)ab", r"(?<![\d.])(?:(?<![^\W\d])|(?<=FY))\d{4}", r"(?<!\d)(?:(?<!x)|c)?a"])
def test_tagger_locator_with_not_before_finds_what_the_pattern_finds(pattern, text):
    regex = re.compile(pattern)
    assert "(?<![" in locate.locator_source(pattern, regex.flags)
    assert [m.span() for m in locate.matches(regex, locate.locator(regex), text)] == [m.span() for m in regex.finditer(text)]
