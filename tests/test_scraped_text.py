"""Text as it comes off web pages: bullets of any glyph, dates glued to the next word, year headings (#11)."""
from __future__ import annotations

import pytest

import annals
from annals.data import load
from annals.read import read_text
from annals.read.plaintext import inline_items, list_mark, release_mark, year_heading
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
        ("▪ 29 March 2004: Slovakia joins NATO\n", ("29 March 2004: Slovakia joins NATO", "29 March 2004", "2004-03-29")),
        ("◦ 1 July 2013: Croatia joins the EU\n", ("1 July 2013: Croatia joins the EU", "1 July 2013", "2013-07-01")),
        ("►4 April 1949: the treaty is signed\n", ("4 April 1949: the treaty is signed", "4 April 1949", "1949-04-04")),
        ("– 3 October 1990: Germany is reunited\n", ("3 October 1990: Germany is reunited", "3 October 1990", "1990-10-03")),
        ("(2) 16 March 1994: Moldova joins the programme\n", ("16 March 1994: Moldova joins the programme", "16 March 1994", "1994-03-16")),
        ("✓ May 2006: a mission opens\n", ("May 2006: a mission opens", "May 2006", "2006-05")),
    ],
)
def test_scraped_bullet_leaves_the_date_after_it_whole(text, expected):
    item, date, value = expected
    assert sentences(text) == [("list", item)]
    assert values(text) == [(date, value)]


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
        ("2016Leaders met in Lima; 2016km were walked.", [("2016", "2016")]),
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
    ("text", "date"),
    [
        ("The G20 met on 16May 2019.", "16May 2019"),
        ("3D printers were shown on 4June 2015.", "4June 2015"),
        ("An A400M landed on 2March 2016.", "2March 2016"),
        ("COVID-19 cases rose on 9March 2020.", "9March 2020"),
        ("F-16 jets flew on 7April 2011.", "7April 2011"),
        ("Resolution 1244 was recalled on 10June 2009.", "10June 2009"),
        ("A B1900D aircraft crashed on 8May 2003.", "8May 2003"),
        ("2000km of road opened on 1July 2010.", "1July 2010"),
        ("Flight 1549 landed on 15January 2009.", "15January 2009"),
        ("Article 1999 of the code was amended on 3June 2012.", "3June 2012"),
        ("The MiG2019X prototype flew on 5May 2021.", "5May 2021"),
    ],
)
def test_scraped_glue_finds_no_date_inside_a_token(text, date):
    assert [m.text for m in tag(text)] == [date]


@pytest.mark.issue(11)
def test_scraped_glued_day_needs_a_boundary_before_it():
    assert values("the A16May 1998 draft") == [("May 1998", "1998-05")]


# ---------------------------------------------------------------- headings that give their year

@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Highlights of 2019\n\nOn 3 June the talks resumed.\n\nIn March the council met in Oslo.\n",
         [("2019", "2019"), ("3 June", "2019-06-03"), ("March", "2019-03")]),
        ("2012 — key events\nThe treaty was signed on October 9.\n", [("2012", "2012"), ("October 9", "2012-10-09")]),
        # the next heading of the same level takes over
        ("Events in 2007\nOn 3 May a plan was drafted.\nEvents in 2008\nOn 5 June it was adopted.\n",
         [("2007", "2007"), ("3 May", "2007-05-03"), ("2008", "2008"), ("5 June", "2008-06-05")]),
        # a fuller date earlier in the section keeps its say
        ("Highlights of 2019\nIn May 2017 a plan was drafted. On 3 June it was signed.\n",
         [("2019", "2019"), ("May 2017", "2017-05"), ("3 June", "2017-06-03")]),
    ],
)
def test_scraped_year_heading_anchors_the_dates_below_it(text, expected):
    assert sentences(text)[0][0] == "heading"
    assert values(text) == expected


@pytest.mark.issue(11)
def test_scraped_year_heading_gives_its_year_to_subsections():
    text = "== 2016 ==\n=== Trade ===\nA deal was signed on 3 June.\n== Later ==\nOn 4 July they met.\n"
    assert values(text) == [("2016", "2016"), ("3 June", "2016-06-03"), ("4 July", "XXXX-07-04")]


@pytest.mark.issue(11)
def test_scraped_unmarked_year_heading_nests_under_a_marked_one_and_ends_with_it():
    text = "== Timeline ==\n2018\n- 3 May: a treaty is signed\n2019\n- 5 June: talks are held\n== Other ==\nOn 4 July they met.\n"
    doc = segment(read_text(text))
    assert [(s.kind, s.section) for s in doc.sentences if s.kind == "heading"] == [
        ("heading", ("Timeline",)), ("heading", ("Timeline", "2018")), ("heading", ("Timeline", "2019")), ("heading", ("Other",)),
    ]
    assert values(text)[-3:] == [("2019", "2019"), ("5 June", "2019-06-05"), ("4 July", "XXXX-07-04")]


@pytest.mark.issue(11)
def test_scraped_year_heading_outweighs_the_document_date():
    text = "Events in 2008\nOn 3 June the talks resumed.\n"
    assert values(text, dct="2013-05-01") == [("2008", "2008"), ("3 June", "2008-06-03")]


@pytest.mark.issue(11)
def test_scraped_year_heading_in_a_page_paragraph():
    from annals.read import read_text as read

    html = "<html><body><h2>Timeline</h2><p><b>2019</b></p><p>On 3 June talks resumed.</p></body></html>"
    doc = segment(read(html, reader="html"))
    assert [(s.kind, doc.text[s.start:s.end]) for s in doc.sentences][:2] == [("heading", "Timeline"), ("heading", "2019")]
    from annals.time.tagger import tag_document

    assert [(m.text, m.edtf) for m in tag_document(doc).times] == [("2019", "2019"), ("3 June", "2019-06-03")]


@pytest.mark.issue(11)
def test_scraped_year_heading_yields_no_event():
    from annals.pipeline import extract

    doc = extract(read_text("Highlights of 2019\n\nOn 3 June the two ministers signed a treaty in Oslo.\n"))
    assert [(e.date_value, e.evidence_text) for e in doc.events] == [
        ("2019-06-03", "On 3 June the two ministers signed a treaty in Oslo."),
    ]


@pytest.mark.issue(11)
def test_time_stamp_at_the_top_dates_relative_expressions():
    text = "Talks resume\n\n09:14, May 3, 2019\n\nLIMA - The two ministers met on Friday in the capital.\n"
    doc = annals.extract(text, reader="text")
    assert [e.date_value for e in doc.events] == ["2019-05-03"]


@pytest.mark.issue(11)
def test_time_stamp_of_a_page_leaves_partial_dates_to_the_narrative():
    text = ("Relations with Chile\n\nLast updated: 12 Jan. 2024 14:25\n\n"
            "An office was established in Santiago in December 2017. It was inaugurated on 7 December.\n")
    doc = annals.extract(text, reader="text")
    assert "2017-12-07" in [e.date_value for e in doc.events]


@pytest.mark.parametrize("line", LAYOUT["release_marks"]["examples"])
def test_layout_release_mark_example(line):
    assert release_mark(line)


@pytest.mark.parametrize("line", LAYOUT["release_marks"]["negatives"])
def test_layout_release_mark_negative(line):
    assert not release_mark(line)
