"""Text as it comes off web pages: bullets of any glyph, dates glued to the next word, year headings (#11)."""
from __future__ import annotations

import pytest

from annals.data import load
from annals.read import read_text
from annals.read.plaintext import inline_items, list_mark, year_heading
from annals.segment import segment
from annals.time.tagger import tag

LAYOUT = load("segment/layout.yaml")
MARK_EXAMPLES = [(r["name"], ex) for r in LAYOUT["list_marks"] for ex in r["examples"]]
MARK_NEGATIVES = [(r["name"], line) for r in LAYOUT["list_marks"] for line in r.get("negatives", ())]
HEADING_EXAMPLES = [(r["name"], ex) for r in LAYOUT["year_headings"] for ex in r["examples"]]
HEADING_NEGATIVES = [(r["name"], line) for r in LAYOUT["year_headings"] for line in r.get("negatives", ())]


def sentences(text: str) -> list[tuple[str, str]]:
    doc = segment(read_text(text))
    return [(s.kind, doc.text[s.start:s.end]) for s in doc.sentences]


def values(text: str, *, dct: str | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.edtf) for m in tag(text, dct=dct)]


# ---------------------------------------------------------------- the data file's own examples

@pytest.mark.issue(11)
@pytest.mark.parametrize(("rule", "example"), MARK_EXAMPLES, ids=[f"{r}:{e['line']}" for r, e in MARK_EXAMPLES])
def test_layout_list_mark_example_opens_a_list_item(rule, example):
    line = example["line"]
    mark = list_mark(line)
    assert mark is not None, f"{rule}: {line!r} is no list item"
    assert line[mark.end():] == example["text"]
    doc = segment(read_text(line + "\n"))
    assert [(s.kind, doc.text[s.start:s.end]) for s in doc.sentences] == [("list", example["text"])]


@pytest.mark.issue(11)
@pytest.mark.parametrize(("rule", "line"), MARK_NEGATIVES, ids=[f"{r}:{t}" for r, t in MARK_NEGATIVES])
def test_layout_list_mark_negative_is_prose(rule, line):
    assert list_mark(line) is None
    assert {kind for kind, _ in sentences(line + "\n")} == {"prose"}


@pytest.mark.issue(11)
@pytest.mark.parametrize("example", LAYOUT["inline_marks"]["examples"], ids=lambda e: e["line"])
def test_layout_inline_mark_example_splits_the_line(example):
    line = example["line"]
    assert [line[a:b].strip() for a, b in inline_items(line, 0, len(line))] == example["items"]
    assert [text for _, text in sentences(line)] == example["items"]


@pytest.mark.issue(11)
@pytest.mark.parametrize("line", LAYOUT["inline_marks"].get("negatives", ()))
def test_layout_inline_mark_negative_stays_whole(line):
    assert inline_items(line, 0, len(line)) == [(0, len(line))]


@pytest.mark.issue(11)
@pytest.mark.parametrize(("rule", "example"), HEADING_EXAMPLES, ids=[f"{r}:{e['line']}" for r, e in HEADING_EXAMPLES])
def test_layout_year_heading_example_is_a_heading(rule, example):
    assert year_heading(example["line"]) == example["year"]
    assert sentences(example["line"] + "\nThe council met on 3 June.\n")[0] == ("heading", example["line"])


@pytest.mark.issue(11)
@pytest.mark.parametrize(("rule", "line"), HEADING_NEGATIVES, ids=[f"{r}:{t}" for r, t in HEADING_NEGATIVES])
def test_layout_year_heading_negative_is_no_heading(rule, line):
    assert year_heading(line) is None
    assert "heading" not in [kind for kind, _ in sentences(line + "\n")]


# ---------------------------------------------------------------- bullets

@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milestones:\n• 12 March 1999: Hungary joins NATO\n▪ 29 March 2004: Slovakia joins NATO\n",
         [("12 March 1999", "1999-03-12"), ("29 March 2004", "2004-03-29")]),
        ("◦ 1 July 2013: Croatia joins the EU\n", [("1 July 2013", "2013-07-01")]),
        ("►4 April 1949: the treaty is signed\n", [("4 April 1949", "1949-04-04")]),
        ("– 3 October 1990: Germany is reunited\n", [("3 October 1990", "1990-10-03")]),
        ("1) 16 March 1994: Moldova joins the programme\n", [("16 March 1994", "1994-03-16")]),
        ("✓ May 2006: a mission opens\n", [("May 2006", "2006-05")]),
    ],
)
def test_scraped_bullet_leaves_the_date_after_it_whole(text, expected):
    assert values(text) == expected


@pytest.mark.issue(11)
def test_scraped_bullets_of_any_glyph_are_items_of_their_own():
    text = "Steps taken:\n• The office opened.\n· Staff were hired\n‣ A budget was set\n— Talks began\n2. A plan was signed\n"
    assert sentences(text) == [
        ("prose", "Steps taken:"),
        ("list", "The office opened."),
        ("list", "Staff were hired"),
        ("list", "A budget was set"),
        ("list", "Talks began"),
        ("list", "A plan was signed"),
    ]


@pytest.mark.issue(11)
def test_scraped_list_mark_after_a_non_breaking_space():
    assert sentences("\u00a0\u00a0•\u00a0The office opened.\n") == [("list", "The office opened.")]


# ---------------------------------------------------------------- dates glued to the next word

@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks stalled in 2011.\nJune 3Talks resume in Oslo.", [("2011", "2011"), ("June 3", "2011-06-03")]),
        ("Talks stalled in 2011.\nOn June 3rdTalks resumed.", [("2011", "2011"), ("June 3rd", "2011-06-03")]),
        ("2016Leaders met in Lima.", [("2016", "2016")]),
        ("Fighting lasted from 6May 2001 to 9July 2003.", [("6May 2001 to 9July 2003", "2001-05-06/2003-07-09")]),
        ("Talks opened on 21May 2005Ministers then left.", [("21May 2005", "2005-05-21")]),
        ("On Sept. 4, 1997The accord was signed.", [("Sept. 4, 1997", "1997-09-04")]),
        ("Posted March 2012Read more", [("March 2012", "2012-03")]),
        ("12-13May 2010Summit in Riga", [("12-13May 2010", "2010-05-12/2010-05-13")]),
    ],
)
def test_scraped_date_glued_to_the_next_word_is_whole(text, expected):
    assert values(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    "text",
    [
        "The G20 met in Osaka.", "3D printing spread.", "The A400M landed.", "COVID-19 cases rose.",
        "F-16 jets flew over.", "Resolution 1244 still applies.", "A B1900D aircraft crashed.",
        "2000km of new road", "Flight 1549 landed on the river.", "under Article 1999 of the code",
        "the MiG2019X prototype",
    ],
)
def test_scraped_glue_finds_no_date_inside_a_token(text):
    assert [m.text for m in tag(text)] == []


@pytest.mark.issue(11)
def test_scraped_glued_day_needs_a_boundary_before_it():
    assert values("the A16May 1998 draft") == [("May 1998", "1998-05")]
