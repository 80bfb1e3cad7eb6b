"""The plain-text reader: lines, kinds, sections and the title, with the text kept as read."""
from __future__ import annotations

import pytest

from annals.read import read_text

TEXT = """= Azerbaijan–NATO relations =

Infobox
- Map: Locator.svg

Lead paragraph in 1992.

== Background ==
Prose one.

=== Kosovo ===
Prose two.
- a list item
| Event | Date |
| Partnership for Peace | 1994-05-04 |
== See also ==
- Foreign relations
"""


@pytest.fixture(scope="module")
def doc():
    return read_text(TEXT)


def kind_of(doc, needle):
    at = doc.text.index(needle)
    return next(line for line in doc.lines if line.start <= at < line.end)


def test_read_plaintext_keeps_the_text_exactly(doc):
    assert doc.text == TEXT
    assert doc.title == "Azerbaijan–NATO relations"


@pytest.mark.parametrize(
    ("needle", "kind", "section"),
    [
        ("- Map", "infobox", ()),
        ("Lead paragraph", "prose", ()),
        ("Prose one", "prose", ("Background",)),
        ("Prose two", "prose", ("Background", "Kosovo")),
        ("- a list item", "list", ("Background", "Kosovo")),
        ("| Partnership", "table", ("Background", "Kosovo")),
        ("- Foreign relations", "list", ("See also",)),
        ("=== Kosovo", "heading", ("Background", "Kosovo")),
    ],
)
def test_read_plaintext_classifies_lines(doc, needle, kind, section):
    line = kind_of(doc, needle)
    assert (line.kind, line.section) == (kind, section)


def test_read_plaintext_title_from_a_first_line_without_markup():
    doc = read_text("NATO Official Sees Hope For Ties\n\nPRAGUE, August 22, 2006 -- Text.\n")
    assert doc.title == "NATO Official Sees Hope For Ties"


@pytest.mark.parametrize(("text", "title"), [
    # a press release: the title is under its publisher's letterhead and the line that names its kind
    (("Ministry of Foreign Affairs\nRepublic of Chile\n\nPRESS RELEASE No. 12\n\nChile and Peru sign a "
      "fisheries pact\n\nLima, 4 May 2021 – Text.\n"), "Chile and Peru sign a fisheries pact"),
    ("Minister for Trade\nSenator the Hon Jane Roe\n\nMEDIA RELEASE\n\nWine duties removed\n", "Wine duties removed"),
    # a title above the line that names the kind stays the title
    ("Chile and Peru sign a fisheries pact\n\nNews release\n\nLima, 4 May 2021 – Text.\n",
     "Chile and Peru sign a fisheries pact"),
    # no letterhead above the kind: a sentence is no letterhead
    ("The ministry said this.\nPRESS RELEASE\nChile and Peru sign\n", ""),
])
def test_read_plaintext_title_of_a_press_release(text, title):
    assert read_text(text).title == title


def test_read_plaintext_crlf_lines():
    doc = read_text("== A ==\r\nOne.\r\nTwo.\r\n")
    assert [doc.text[l.start:l.end] for l in doc.lines] == ["== A ==", "One.", "Two."]
