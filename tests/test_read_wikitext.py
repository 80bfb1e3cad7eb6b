"""The wikitext reader: plain text, lines, sections, dates from templates, infobox and references."""
from __future__ import annotations

from pathlib import Path

import pytest

from annals.errors import AnnalsError
from annals.read import read, read_text
from annals.read.wikitext import read_wikitext

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def doc():
    return read(FIXTURES / "georgia-nato.wiki")


def line_at(doc, needle):
    at = doc.text.index(needle)
    return next(line for line in doc.lines if line.start <= at < line.end)


def assert_consistent(doc):
    """Lines tile the text exactly, one per line; citations sit inside it."""
    assert "\n".join(doc.text[line.start:line.end] for line in doc.lines) + "\n" == doc.text
    for previous, line in zip(doc.lines, doc.lines[1:]):
        assert line.start == previous.end + 1
    for start, end, text in doc.citations:
        assert 0 <= start == end <= len(doc.text) and text


def test_read_wikitext_offsets_are_exact(doc):
    assert doc.reader == "wikitext"
    assert_consistent(doc)
    assert doc.sha256 and doc.title == "Georgia–NATO relations"


@pytest.mark.parametrize(
    ("needle", "kind", "section"),
    [
        ("Infobox", "infobox", ()),
        ("- Established: 1992", "infobox", ()),
        ("Georgia–NATO relations began in 1992", "prose", ()),
        ("History", "heading", ("History",)),
        ("Georgia joined the Partnership for Peace", "prose", ("History",)),
        ("Military cooperation", "heading", ("History", "Military cooperation")),
        ("- The Joint Training", "list", ("History", "Military cooperation")),
        ("| Partnership for Peace | 23 March 1994 |", "table", ("History", "Military cooperation")),
        ("Milestones", "table", ("History", "Military cooperation")),
        ("- Enlargement of NATO", "list", ("See also",)),
    ],
)
def test_read_wikitext_classifies_lines(doc, needle, kind, section):
    line = line_at(doc, needle)
    assert (line.kind, line.section) == (kind, section)


@pytest.mark.parametrize(
    ("wikitext", "text"),
    [
        ("Joined on {{Start date|1994|5|4|df=y}}.", "Joined on 4 May 1994."),
        ("Joined on {{Start date|1994|5|4}}.", "Joined on May 4, 1994."),
        ("Joined in {{start date and age|1994|5}}.", "Joined in May 1994."),
        ("Signed {{dts|1994|5|4}}.", "Signed 4 May 1994."),
        ("Signed {{dts|1994-05-04}}.", "Signed 4 May 1994."),
        ("Signed {{dts|27 August 2015}}.", "Signed 27 August 2015."),
        ("Born {{birth date|1950|12|1|df=yes}}.", "Born 1 December 1950."),
        ("{{As of|2010|5}}, it had five members.", "As of May 2010, it had five members."),
        ("Founded {{circa|1900}}.", "Founded c. 1900."),
    ],
)
def test_read_wikitext_renders_date_templates(wikitext, text):
    assert read_wikitext(wikitext).text == text + "\n"


@pytest.mark.parametrize(
    ("wikitext", "text"),
    [
        ("'''Bold''' and ''italic''.", "Bold and italic."),
        ("[[Georgia (country)|Georgia]] and [[NATO]]s.", "Georgia and NATOs."),
        ("[[File:Map.svg|thumb|A caption]]Text. [[Category:Relations]]", "Text."),
        ("See [https://www.nato.int NATO's site] and [https://example.org].", "See NATO's site and."),
        ("Kept<!-- a comment --> text.", "Kept text."),
        ("Tbilisi ({{lang|ka|თბილისი}}) and {{lang-ru|Москва}}.", "Tbilisi (თბილისი) and Москва."),
        ("It covers {{convert|64|km2}} and {{convert|10|-|20|km|mi}}.", "It covers 64 km2 and 10–20 km."),
        ("NATO met.{{citation needed|date=May 2023}}", "NATO met."),
        ("{{Main|History of Georgia}}\n{{NATO}}\nText.", "Text."),
        ("A{{snd}}B{{ndash}}C and {{nowrap|4 May 1994}}.", "A – B–C and 4 May 1994."),
        ("Members: {{hlist|Albania|Belgium}}.", "Members: Albania, Belgium."),
        ("* one\n** two\n# three", "- one\n  - two\n- three"),
    ],
)
def test_read_wikitext_strips_markup(wikitext, text):
    assert read_wikitext(wikitext).text == text + "\n"


@pytest.mark.parametrize(
    ("after", "contains"),
    [
        ("North Atlantic Cooperation Council.", "cite web | title=Relations with Georgia"),
        ("programme on 23 March 1994.", "cite web | title=Relations with Georgia"),
        ("kept troops there until 2008.", "title=Georgian peacekeepers come home from Kosovo"),
        ("to oversee the partnership.", "NATO press release (2008) 115"),
    ],
)
def test_read_wikitext_keeps_references_as_citations(doc, after, contains):
    at = doc.text.index(after) + len(after)
    assert any(start == at and contains in text for start, _, text in doc.citations)


@pytest.mark.parametrize("absent", ["<ref", "cite web", "{{", "}}", "[[", "Category:", "citation needed", "Reflist"])
def test_read_wikitext_leaves_markup_out_of_the_text(doc, absent):
    assert absent not in doc.text


@pytest.mark.parametrize("absent", ["References", "External links", "NATO: Relations with Georgia"])
def test_read_wikitext_leaves_out_back_matter(doc, absent):
    assert absent not in doc.text


@pytest.mark.parametrize(
    "entry", ["- Name: Georgia–NATO relations", "- Established: 1992", "- Mission1: Mission of Georgia to NATO, Brussels"]
)
def test_read_wikitext_reads_the_infobox_as_data(doc, entry):
    assert line_at(doc, entry).kind == "infobox"
    assert doc.text[line_at(doc, entry).start:line_at(doc, entry).end] == entry


@pytest.mark.parametrize(
    ("wikitext", "title"),
    [
        ("{{DISPLAYTITLE:''Foo'' relations}}\nLead.", "Foo relations"),
        ("{{Infobox country\n| conventional_long_name = Georgia\n}}\nLead.", "Georgia"),
        ("'''Azerbaijan–NATO relations''' began in 1992.", "Azerbaijan–NATO relations"),
        ("No title here.", ""),
    ],
)
def test_read_wikitext_title(wikitext, title):
    assert read_wikitext(wikitext).title == title


@pytest.mark.parametrize(
    "wikitext",
    [
        "{{Infobox foo | a = {{b",
        "Text [[link and {{tmpl|x}} more ]] }} {{ <ref>never closed\n== H ==\nNATO met on 4 May 1994.",
        "{{a|" * 5000 + "x",
        "<ref>" * 5000 + " '''x''' [[y]]",
        "[[a]] " + "[http://example.org " * 5000,
        "{{x}} " + "[[a|{{b|" * 3000,
        "'''x''' <!-- never closed " * 1000,
        "{{a|" * 300 + "}}" * 300,
        "{|\n|" * 5000,
        "<div><span>{{b}}</div></span>]]\n=== ==\n==\n''",
    ],
    ids=["infobox", "mixed", "templates", "refs", "links", "nested", "comment", "deep", "tables", "junk"],
)
@pytest.mark.timeout(60)
def test_read_wikitext_survives_broken_markup(wikitext):
    try:
        doc = read_text(wikitext, reader="wikitext")
    except AnnalsError as error:
        assert "\n" not in str(error)
        return
    assert_consistent(doc)


@pytest.mark.parametrize("size", [5 * 1024 * 1024])
@pytest.mark.timeout(120)
def test_read_wikitext_reads_a_5_mb_page(size):
    page = (FIXTURES / "georgia-nato.wiki").read_text(encoding="utf-8")
    doc = read_text(page * (size // len(page) + 1), reader="wikitext")
    assert_consistent(doc)
    assert doc.text.count("Georgia joined the Partnership for Peace") == size // len(page) + 1


@pytest.mark.parametrize("wikitext", ["== A ==\n'''Bold''' [[x|y]] {{cite web|title=T}} text.\n* item\n{| \n| a || b\n|}"])
def test_read_wikitext_falls_back_to_a_plain_strip(monkeypatch, wikitext):
    import mwparserfromhell

    def broken(text):
        raise RuntimeError("parser failure")

    monkeypatch.setattr(mwparserfromhell, "parse", broken)
    doc = read_wikitext(wikitext)
    assert_consistent(doc)
    assert [line.kind for line in doc.lines if line.kind != "blank"] == ["heading", "prose", "list", "table"]
    assert "y text." in doc.text and "'''" not in doc.text
