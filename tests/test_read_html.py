"""The HTML reader: main text, title, sections, footnotes and the publication date."""
from __future__ import annotations

from pathlib import Path

import pytest

import annals
from annals.errors import AnnalsError, EmptyInput
from annals.read import read, read_text

FIXTURES = Path(__file__).parent / "fixtures"
JSON_LD = (
    '<script type="application/ld+json">'
    '{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-05-06T10:00:00Z"}]}</script>'
)


@pytest.fixture(scope="module")
def wiki():
    return read(FIXTURES / "georgia-nato.html")


@pytest.fixture(scope="module")
def news():
    return read(FIXTURES / "news-nato-ministers.html")


def line_at(doc, needle):
    at = doc.text.index(needle)
    return next(line for line in doc.lines if line.start <= at < line.end)


def assert_consistent(doc):
    assert "\n".join(doc.text[line.start:line.end] for line in doc.lines) + "\n" == doc.text
    for start, end, text in doc.citations:
        assert 0 <= start == end <= len(doc.text) and text


@pytest.mark.parametrize("name", ["wiki", "news"])
def test_read_html_offsets_are_exact(request, name):
    doc = request.getfixturevalue(name)
    assert doc.reader == "html"
    assert_consistent(doc)


@pytest.mark.parametrize(
    ("name", "title"),
    [("wiki", "Georgia–NATO relations"), ("news", "Allies promise Ukraine more air defence as NATO turns 75")],
)
def test_read_html_title(request, name, title):
    assert request.getfixturevalue(name).title == title


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
        ("- Enlargement of NATO", "list", ("See also",)),
    ],
)
def test_read_html_classifies_lines(wiki, needle, kind, section):
    line = line_at(wiki, needle)
    assert (line.kind, line.section) == (kind, section)


@pytest.mark.parametrize(
    "absent",
    [
        "[1]", "[edit]", "citation needed", "Main article", "Part of a series", "Albania", "From Wikipedia",
        "last edited", "Categories", "Jump to content", "(1994-03-23)", "References", "Retrieved from",
        "NATO: Relations with Georgia", "Search Wikipedia", "Relations between Georgia and the North",
    ],
)
def test_read_html_leaves_page_furniture_out(wiki, absent):
    assert absent not in wiki.text


@pytest.mark.parametrize(
    ("after", "contains"),
    [
        ("North Atlantic Cooperation Council.", '"Relations with Georgia". NATO'),
        ("programme on 23 March 1994.", '"Relations with Georgia". NATO'),
        ("kept troops there until 2008.", "Georgian peacekeepers come home from Kosovo"),
        ("to oversee the partnership.", "NATO press release (2008) 115"),
    ],
)
def test_read_html_keeps_footnotes_as_citations(wiki, after, contains):
    at = wiki.text.index(after) + len(after)
    assert any(start == at and contains in text for start, _, text in wiki.citations)


def test_read_html_footnotes_of_any_page():
    page = """<!doctype html><html><head><title>Notes on the treaty</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Notes on the treaty</h1>
<p>The treaty was signed on 4 April 1949 in Washington.<sup><a href="#fn1" class="footnote-ref"
role="doc-noteref">1</a></sup> It entered into force on 24 August 1949, after all signatories ratified it.</p>
<p>Greece and Turkey joined in 1952, and West Germany followed in 1955, which was contested at the time.</p>
<section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>Treaty text, Article 14.<a href="#fnref1"
class="footnote-back" role="doc-backlink">↩</a></p></li></ol></section></article></body></html>"""
    doc = read_text(page)
    after = "in Washington."
    assert doc.citations == ((doc.text.index(after) + len(after),) * 2 + ("Treaty text, Article 14.",),)
    assert "Article 14" not in doc.text


@pytest.mark.parametrize(
    "absent", ["cookies", "Home", "Share on", "More on this story", "All rights reserved", "Photograph", "Anna"]
)
def test_read_html_news_main_text_only(news, absent):
    assert absent not in news.text
    assert "NATO foreign ministers agreed on Wednesday" in news.text
    assert line_at(news, "Finland: member since").kind == "list"
    assert line_at(news, "Two new members").section == ("Two new members",)


@pytest.mark.parametrize(
    ("head", "dct"),
    [
        ('<meta property="article:published_time" content="2024-04-04T17:45:00+00:00">', "2024-04-04"),
        (JSON_LD, "2021-05-06"),
        ('<meta name="date" content="2019/02/03">', "2019-02-03"),
        ("", None),
    ],
)
def test_read_html_publication_date_is_the_document_date(head, dct):
    body = "<p>NATO foreign ministers met on Wednesday in Brussels and talked about the summit.</p>" * 3
    page = f"<html><head><title>T</title>{head}</head><body><article>{body}</article></body></html>"
    assert read_text(page).dct == dct


@pytest.mark.parametrize("body", ['<article><time datetime="2020-02-03T09:00">3 Feb</time><p>Text.</p></article>'])
def test_read_html_time_element_dates_the_page(body):
    assert read_text(f"<html><body>{body}</body></html>").dct == "2020-02-03"


def test_read_html_encyclopedia_page_has_no_document_date(wiki):
    assert wiki.dct is None  # its JSON-LD datePublished is the page's creation, not the text's date


@pytest.mark.parametrize(("phrase", "value"), [("Wednesday", "2024-04-03"), ("yesterday", "2024-04-03")])
def test_read_html_news_dates_resolve_against_the_publication_date(phrase, value):
    doc = annals.times(FIXTURES / "news-nato-ministers.html")
    assert doc.dct == "2024-04-04"
    assert any(m.text == phrase and m.edtf == value for m in doc.times)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>var a = 1;</script></head><body><script>alert(1)</script><style>p{}</style></body></html>",
        "<!doctype html><html><body><div></div><img src='x.png'></body></html>",
        "<html><body>" + "<div>" * 20000 + "deep" + "</div>" * 20000 + "</body></html>",
    ],
    ids=["scripts", "empty", "deep"],
)
@pytest.mark.timeout(60)
def test_read_html_without_text_is_a_one_line_error(page):
    try:
        doc = read_text(page, source="page.html")
    except EmptyInput as error:
        assert str(error) == "E003 page.html: has no main text"
        return
    assert_consistent(doc)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>Just a line of text on 4 May 1994.</body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hello on 4 May 1994.</p></body></html>',
        "<html><body><p>Unclosed <b>tags <i>everywhere<p>and <table><tr><td>cells</body>",
        "<html><body>" + "<p>x" * 5000 + "</body></html>",
    ],
    ids=["bare", "xml-declaration", "broken", "many"],
)
@pytest.mark.timeout(60)
def test_read_html_takes_whatever_text_there_is(page):
    try:
        doc = read_text(page, reader="html")
    except AnnalsError as error:  # pragma: no cover - what must not happen
        pytest.fail(f"raised {error}")
    assert_consistent(doc)
    assert doc.text.strip()
