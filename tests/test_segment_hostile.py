"""Hostile input: no sentence is longer than the cap, and segmenting takes linear time (#14)."""
from __future__ import annotations

import gc
import itertools
import random
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annals import segment as segmenter
from annals.data import load
from annals.model import Document, Line
from annals.read import read_text
from annals.segment import cap_sentence, segment

pytestmark = pytest.mark.issue(14)

CAP = load("segment/long_sentences.yaml")["cap"]
EXAMPLES = load("segment/long_sentences.yaml")["examples"]
EXAMPLE_CAP = load("segment/long_sentences.yaml")["example_cap"]
GROWTH = 8  # the most t(4N) / t(N) may be: 4 when linear, 16 when quadratic
CLEARLY = 12  # a ratio no busy machine gives a linear segmenter in processor time: quadratic, no need to measure again


def dates_and_digits(size: int) -> str:
    """One line of dates and figures with no full stop, as a scraped table gives."""
    pick = random.Random(14)
    parts = [f"{pick.randint(1, 28)} {pick.choice(['May', 'June'])} {pick.randint(1950, 2020)}" if pick.random() < 0.3
             else pick.choice([str(pick.randint(0, 99999)), "and", "to", "-", ",", ";"]) for _ in range(size // 3)]
    return " ".join(parts)[:size]


def spans(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.kind) for s in segment(read_text(text)).sentences]


def cpu_seconds(work, text, runs: int) -> float:
    """The least processor time of `runs` calls of work(text): not wall time, which other work on the machine stretches."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth(work, make, size: int = 20_000, runs: int = 5) -> float:
    """t(4N) / t(N) in processor time, the least of `runs` each; the runs of the longer text stop once it is
    under GROWTH, or once it is so far over (CLEARLY) that no load on the machine explains it."""
    small, large = make(size), make(4 * size)
    shortest = max(cpu_seconds(work, small, runs), 1e-6)
    ratio = float("inf")
    for _ in range(runs):
        ratio = min(ratio, cpu_seconds(work, large, 1) / shortest)
        if ratio < GROWTH or ratio >= CLEARLY:
            break
    return ratio


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["text"][:30])
def test_segment_cap_cuts_as_the_examples_say(example):
    text = example["text"]
    assert [text[a:b] for a, b in cap_sentence(text, 0, len(text), cap=EXAMPLE_CAP)] == example["pieces"]


@pytest.mark.parametrize("make", [dates_and_digits, lambda n: "1" * n, lambda n: "word " * (n // 5), lambda n: "a" + " " * n + "b"])
def test_segment_no_sentence_is_longer_than_the_cap(make):
    text = make(100_000) + "\n"
    found = spans(text)
    assert max(end - start for start, end, _ in found) <= CAP
    kept = "".join(text[start:end] for start, end, _ in found)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", text)  # every character but space in one sentence


@pytest.mark.parametrize("kind_line", ["== {} ==", "{}", "* {}", "| {}"])
def test_segment_cap_holds_for_every_kind_of_line(kind_line):
    text = "Intro.\n\n" + kind_line.format(dates_and_digits(20_000)) + "\n"
    assert max(end - start for start, end, _ in spans(text)) <= CAP


def test_segment_cap_leaves_ordinary_prose_alone(example_text, monkeypatch):
    capped = spans(example_text)
    _, cuts = segmenter._long_sentences()
    monkeypatch.setattr(segmenter, "_long_sentences", lambda: (10**9, cuts))
    assert spans(example_text) == capped
    assert max(end - start for start, end, _ in capped) < CAP


@given(st.lists(st.sampled_from(["12 May 2001", "; ", ", ", " – ", " ", "word", "1234567", "\t"]), max_size=60),
       st.integers(min_value=2, max_value=40))
def test_segment_cap_pieces_are_trimmed_ordered_and_short(parts, cap):
    text = "".join(parts).strip()
    pieces = cap_sentence(text, 0, len(text), cap=cap)
    assert all(0 < end - start <= cap for start, end in pieces)
    assert all(text[start:end] == text[start:end].strip() for start, end in pieces)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(pieces))
    assert "".join(text[a:b] for a, b in pieces).replace(" ", "").replace("\t", "") == text.replace(" ", "").replace("\t", "")


def one_line(text: str, kind: str) -> Document:
    """A document of one line of `kind`, built by hand (the readers have their own tests)."""
    return Document(text=text, lines=(Line(0, len(text), kind),))


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("a line of dates and digits", lambda n: one_line(dates_and_digits(n), "prose")),
        ("a line of full stops", lambda n: one_line("A. " * (n // 3), "prose")),
        ("a line of commas", lambda n: one_line(", " * (n // 2), "prose")),
        ("a table row", lambda n: one_line("| " + dates_and_digits(n), "table")),
        ("a heading with a run of '='", lambda n: one_line("== a " + "=" * n + " b ==", "heading")),
        ("a heading of '=' then space", lambda n: one_line("=" * (n // 2) + " " * (n // 2), "heading")),
        ("a heading of '= '", lambda n: one_line("= " * (n // 2) + "x =", "heading")),
    ],
)
def test_segment_time_grows_linearly(name, make):
    assert growth(segment, make) < GROWTH, name


HEADING = re.compile(r"^(=+)[ \t]*(.*?)[ \t]*=+[ \t]*$")  # what headings were read with: quadratic on "=" runs


@given(st.text(alphabet="= \tab", max_size=24))
def test_segment_heading_title_is_what_the_regex_gave(line):
    match = HEADING.match(line)
    assert segmenter._heading_title(line, 0, len(line)) == (match.span(2) if match else (0, len(line)))
