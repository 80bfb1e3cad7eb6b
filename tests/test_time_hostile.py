"""Hostile input: the time tagger's time grows linearly with the text, whatever the text (#14).

Each test times the tagger on a text of N characters and on one of 4N,
each the best of a few runs, and bounds the ratio: about 4 when the time
is linear, 16 when it grows with the square of the text (as 10,000 digits
once took 4.4 s and 20,000 took 16.4 s). Ratios, never wall-clock limits.
"""
from __future__ import annotations

import gc
import random
import time
from re import _constants as _sre  # re's own parser and its names for the parts of a pattern
from re import _parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annals.read import read_text
from annals.segment import segment
from annals.time import anchor, tagger
from annals.time.rules import rules

# every rule searched plainly, without its locator: what the tagger must find either way
PLAIN = tuple((rule, None) for rule in rules())

pytestmark = pytest.mark.issue(14)

SIZE = 10_000  # characters of the shorter text
GROWTH = 8  # the most t(4N) / t(N) may be: 4 when linear, 16 when quadratic
RUNS = 5

MONTHS = ["January", "May", "June", "Sept.", "December"]
QUANTIFIERS = ["last", "next", "past", "few", "several", "the", "about", "more than", "some", "a"]
TOKENS = ["1", "12", "2001", "1990s", "-", "–", "/", ".", ",", "½", "1/2", "years", "days", "ago", "later", "and",
          "to", "of", "mid", "early", "since", "until", *MONTHS, *QUANTIFIERS]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def random_digits(size: int) -> str:
    digits = random.Random(14)
    return "".join(digits.choice("0123456789") for _ in range(size))


def mixed(size: int) -> str:
    words = random.Random(14)
    return repeated(" ".join(words.choice(TOKENS) for _ in range(size // 3)), size)


def seconds(work, text) -> float:
    """CPU seconds of the process (not wall-clock time, which other jobs on the machine stretch)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        work(text)
        return time.process_time() - start
    finally:
        gc.enable()


@pytest.fixture(autouse=True, scope="module")
def _built():
    """The rules and their locators, built before anything is timed."""
    tagger._locators()


def growth(work, make, size: int = SIZE) -> float:
    """t(4N) / t(N) for texts that make(N) builds; runs of the longer text stop once one is under GROWTH."""
    small, large = make(size), make(4 * size)
    shortest = min(seconds(work, small) for _ in range(RUNS))
    ratio = float("inf")
    for _ in range(RUNS):
        ratio = min(ratio, seconds(work, large) / shortest)
        if ratio < GROWTH:
            break
    return ratio


def find(text: str) -> None:
    """The tagger as a long-running process runs it (with its locators)."""
    tagger._find(text, tagger._locators())


def find_plainly(text: str) -> None:
    """The tagger as a short process runs it: each rule's regex on its own."""
    tagger._find(text, PLAIN)


def time_stage(text: str) -> None:
    tagger.tag_document(segment(read_text(text)))


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("digits", random_digits),
        ("dashes", lambda n: repeated("12-", n)),
        ("slashes", lambda n: repeated("1/2/", n)),
        ("month names", lambda n: repeated("12 May June ", n)),
        ("quantifier words", lambda n: repeated("last ", n)),
        ("mixed", mixed),
    ],
)
def test_tagger_time_grows_linearly_on_hostile_runs(name, make):
    assert growth(find, make) < GROWTH, name


def test_tagger_time_grows_linearly_without_locators():
    assert growth(find_plainly, random_digits) < GROWTH


def test_tagger_time_grows_linearly_up_to_200_kb_of_digits():
    assert growth(find, random_digits, size=50_000) < GROWTH


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    unit=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6),
    glue=st.sampled_from(["", " ", "-", "/", ", ", "\n"]),
)
def test_tagger_time_grows_linearly_on_generated_runs(unit, glue):
    text = glue.join(unit) + glue
    assert growth(find, lambda n: repeated(text, n)) < GROWTH, repr(text)


def test_tagger_time_stage_grows_linearly_on_a_line_of_dates_and_digits():
    def line(size: int) -> str:
        pick = random.Random(14)
        parts = [f"{pick.randint(1, 28)} {pick.choice(MONTHS)} {pick.randint(1950, 2020)}" if pick.random() < 0.3
                 else str(pick.randint(0, 99999)) for _ in range(size // 5)]
        return " ".join(parts)[:size]

    assert growth(time_stage, line) < GROWTH


SINGLE_CHARACTER = frozenset({_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN})
REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})


def repeats_a_group_unbounded(pattern: str, flags: int) -> bool:
    """Whether a pattern repeats more than one character without bound, as re parses it."""
    items = list(_parser.parse(pattern, flags).data)
    while items:
        op, av = items.pop()
        if op in REPEATS:
            _, most, sub = av
            if most == _sre.MAXREPEAT and not (len(sub.data) == 1 and sub.data[0][0] in SINGLE_CHARACTER):
                return True
            items.extend(sub.data)
        elif op is _sre.SUBPATTERN:
            items.extend(av[3].data)
        elif op is _sre.BRANCH:
            items.extend(item for alternative in av[1] for item in alternative.data)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            items.extend(av[1].data)
        elif op is _sre.ATOMIC_GROUP:
            items.extend(av.data)
    return False


@pytest.mark.parametrize(
    ("pattern", "unbounded"),
    [(r"(?:last\s+)*\d+", True), (r"(?:a|bc)+", True), (r"(?=(?:ab)*c)", True),
     (r"(?:last\s+){0,3}\d+", False), (r"\s+[\s-]*\d+", False), (r"(?:a)+", False)],
)
def test_tagger_group_repeat_check(pattern, unbounded):
    assert repeats_a_group_unbounded(pattern, 0) is unbounded


def test_tagger_no_rule_repeats_a_group_without_bound():
    """A run of a group's words ("last last last ...") is read once from each of them: quadratic."""
    assert [r.name for r in rules() if repeats_a_group_unbounded(r.regex.pattern, r.regex.flags)] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("the last two years", "the last two years"),
        ("over the past nearly five years", "the past nearly five years"),
        ("it lasted 12 years", "12 years"),
        ("1.5 years", "1.5 years"),
        ("2 1/2 years", "2 1/2 years"),
    ],
)
def test_tagger_bounded_duration_keeps_its_matches(text, span):
    (match,) = [m for m in tagger.find(text) if m.rule.name == "duration"]
    assert text[match.start:match.end] == span


def test_tagger_number_is_read_whole_not_from_inside():
    """A duration's number begins where the digits do ("5 12 years" holds no "2 years")."""
    assert [m.rule.name for m in tagger.find("5 12 years")] == []


@pytest.mark.parametrize(
    ("text", "date", "stamp"),
    [
        ("13:07, March 22, 2013\nThe council met.", "March 22, 2013", True),
        ("Updated: 2011-12-17 01:21\nText.", "2011-12-17", True),
        ("March 22, 2013 " + "1234 " * 2000 + "\nText.", "March 22, 2013", False),
    ],
)
def test_tagger_stamp_is_a_short_line(text, date, stamp):
    """A page's time stamp is read from its line, no further than a stamp's line can reach (a line can be a page)."""
    start = text.index(date)
    assert anchor.is_stamp(text, start, start + len(date)) is stamp
