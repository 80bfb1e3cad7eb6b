"""Choosing a reader by content (the name only breaks ties), and one article read three ways."""
from __future__ import annotations

from pathlib import Path

import pytest

import annals
from annals.errors import UsageError
from annals.read import READERS, choose_reader, read, read_bytes, read_text

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "azerbaijan-nato.txt"

WIKI = (FIXTURES / "georgia-nato.wiki").read_text(encoding="utf-8")
HTML = (FIXTURES / "georgia-nato.html").read_text(encoding="utf-8")
NEWS = (FIXTURES / "news-nato-ministers.html").read_text(encoding="utf-8")


def test_read_auto_readers():
    assert READERS == ("auto", "text", "wikitext", "html")


@pytest.mark.parametrize(
    ("text", "name", "reader"),
    [
        (HTML, "", "html"),
        (HTML, "article.txt", "html"),
        (NEWS, "article.wiki", "html"),
        (WIKI, "", "wikitext"),
        (WIKI, "article.txt", "wikitext"),
        (WIKI, "article.html", "wikitext"),
        (EXAMPLE.read_text(encoding="utf-8"), "", "text"),
        (EXAMPLE.read_text(encoding="utf-8"), "article.html", "text"),
        ("== Background ==\n'''NATO''' met in 1994.\n", "", "wikitext"),
        ("<p>One</p><p>Two</p><ul><li>Three</li></ul>", "", "html"),
        ("NATO met [[sic]] in 1994.", "", "text"),
        ("NATO met [[sic]] in 1994.", "note.wiki", "wikitext"),
        ("NATO met in <b>1994</b>.", "page.htm", "html"),
        ("NATO met in 1994.", "page.mediawiki", "text"),
        ("NATO met in 1994.", "page", "text"),
    ],
)
def test_read_auto_chooses_by_content_then_name(text, name, reader):
    assert choose_reader(text, name=name) == reader


@pytest.mark.parametrize(("content", "name", "reader"), [(HTML, "saved.txt", "html"), (WIKI, "dump.txt", "wikitext")])
def test_read_auto_reads_a_file_by_what_it_holds(tmp_path, content, name, reader):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read(path)
    assert (doc.reader, doc.title, doc.source) == (reader, "Georgia–NATO relations", name)
    assert doc.sha256 == read_bytes(content.encode("utf-8"), source=name).sha256


@pytest.mark.parametrize("reader", ["text", "wikitext", "html"])
def test_read_auto_a_named_reader_is_used_as_asked(reader):
    assert read_text(WIKI, reader=reader).reader == reader


@pytest.mark.parametrize("reader", ["pdf"])
def test_read_auto_an_unknown_reader_is_a_usage_error(reader):
    with pytest.raises(UsageError, match="unknown reader 'pdf'"):
        read_text(WIKI, reader=reader)


def _events(path: Path) -> list[tuple[str, str, str]]:
    return [(e.date_value, e.type, e.evidence_text) for e in annals.extract(path).events]


def test_read_wikitext_and_html_give_the_same_events():
    from_wiki = _events(FIXTURES / "georgia-nato.wiki")
    from_html = _events(FIXTURES / "georgia-nato.html")
    assert len(from_wiki) >= 8
    assert from_wiki == from_html


@pytest.mark.parametrize(
    ("value", "evidence"),
    [
        ("1994-03-23", "Georgia joined the Partnership for Peace programme on 23 March 1994."),
        ("2015-08-27", "The Joint Training and Evaluation Centre was opened near Tbilisi on 27 August 2015."),
    ],
)
def test_read_auto_template_dates_become_events(value, evidence):
    events = annals.extract(FIXTURES / "georgia-nato.wiki").events
    assert any(e.date_value == value and e.evidence_text == evidence for e in events)


@pytest.mark.parametrize(("phrase", "value"), [("Wednesday", "2024-04-03"), ("yesterday", "2024-04-03")])
def test_read_auto_news_events_dated_from_the_publication_date(phrase, value):
    events = annals.extract(FIXTURES / "news-nato-ministers.html").events
    assert any(e.date_text.endswith(phrase) and e.date_value == value for e in events)
