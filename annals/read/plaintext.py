"""Read the plain-text rendering of a wiki article (or any plain text).

    = Title =             the document title
    == Section ==         a section; === Sub === nests under it
    - item                a list item ("Infobox" followed by items: the infobox)
    | a | b |             a table row
    (blank line)          ends a paragraph

Text as scraped from web pages has no such markup, so two shapes are read
from data/segment/layout.yaml: a list item opens with any bullet glyph or
number ("• ", "▪", "– ", "1) "), and a short line that names a year and
little else ("Highlights of 2019", "2019 — key events") is a heading one
level below the last marked one, so that its year anchors the dates below
it until the next heading of the same or a higher level.

Every line keeps its offsets into the text exactly as read, its kind and
the path of section headings above it.
"""
from __future__ import annotations

import re
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.model import Document, Line

__all__ = ["HEADING", "inline_items", "list_mark", "read_plaintext", "split_lines", "year_heading"]

HEADING = re.compile(r"^(={1,6})[ \t]*(.*?)[ \t]*\1[ \t]*$")  # six levels, as MediaWiki has: linear on a run of "="
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![\d])"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
TABLE_ROW = re.compile(r"^[ \t]*\|")
INFOBOX = re.compile(r"^[ \t]*Infobox\b", re.IGNORECASE)


@cache
def _layout() -> tuple[re.Pattern, re.Pattern, tuple[re.Pattern, ...], re.Pattern]:
    """The list mark, the inline mark, the year heading and the release mark of
    data/segment/layout.yaml, compiled."""
    data = load("segment/layout.yaml")
    where = "segment/layout.yaml"
    check_keys(where, data, required={"list_marks", "inline_marks", "labels", "year_headings", "release_marks"},
               allowed=set())
    check_keys(f"{where}:release_marks", data["release_marks"], required={"pattern", "examples"}, allowed={"negatives"})
    labels = sorted((str(w) for w in data["labels"]), key=lambda w: (-len(w), w))
    label = "(?i:" + "|".join(re.sub(r"\\ ", r"[^\\S\\r\\n]+", re.escape(w)) for w in labels) + r")(?!\w)"
    marks, headings = [], []
    for key, out in (("list_marks", marks), ("year_headings", headings)):
        names = set()
        for entry in data[key]:
            check_keys(f"{where}:{key}", entry, required={"name", "pattern", "examples"}, allowed={"negatives"})
            if not _NAME.fullmatch(entry["name"]) or entry["name"] in names:
                raise DataError(f"{where}:{key}: name {entry['name']!r} is not snake_case or not unique")
            names.add(entry["name"])
            pattern = entry["pattern"].replace("{year}", _YEAR).replace("{label}", label)
            try:
                out.append(re.compile(r"[^\S\r\n]*(?:" + pattern + r")[^\S\r\n]*"))
            except re.error as exc:
                raise DataError(f"{where}:{entry['name']}: pattern does not compile: {exc}") from exc
    check_keys(f"{where}:inline_marks", data["inline_marks"], required={"glyphs", "examples"}, allowed={"negatives"})
    glyphs = re.escape(str(data["inline_marks"]["glyphs"]))
    return (
        re.compile("|".join(m.pattern for m in marks)),
        re.compile(r"(?<=\s)[" + glyphs + r"](?:[^\S\r\n]+|$)"),
        tuple(headings),
        re.compile(data["release_marks"]["pattern"]),
    )


def list_mark(text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The bullet or number (with its space) that opens a list item at text[start:end], if any."""
    return _layout()[0].match(text, start, len(text) if end is None else end)


def inline_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut where a bullet glyph with space on both sides opens a new item."""
    pieces = []
    for match in _layout()[1].finditer(text, start, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def year_heading(line: str) -> int | None:
    """The year of a line that is a heading over a year's dates ("Events in 2008"), else None."""
    for pattern in _layout()[2]:
        match = pattern.fullmatch(line)
        if match:
            return int(match.group("year"))
    return None


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    spans = []
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# A label over the title: "RESEARCH BRIEFING | South Asia", "3 May 2021 | Politics": the title comes after it.
_KICKER = re.compile(r"\S\s+\|\s+\S")


# A letterhead's line: a publisher's name, every word capitalised but the small ones ("Ministry of
# Foreign Affairs", "Senator the Hon Jane Doe")
_LETTERHEAD = re.compile(r"(?:(?:[A-Z][\w.’'-]*|of|the|for|and|de|la|du|&)(?:[^\S\r\n]+|$)){1,8}")


def release_mark(line: str) -> bool:
    """Whether a line names a release's kind ("PRESS RELEASE No. 548")."""
    return _layout()[3].fullmatch(line.strip()) is not None


def _under_letterhead(lines: list[str]) -> list[str]:
    """The lines after a release mark that only a letterhead stands above, else none: a press
    release's title is below its publisher's name and kind."""
    above = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        if release_mark(line):
            return lines[i + 1:] if above else []
        if above == 5 or not _LETTERHEAD.fullmatch(line):
            return []
        above += 1
    return []


def _title(text: str, spans: list[tuple[int, int]]) -> str:
    kicker = True
    opening = [text[start:end].strip() for start, end in spans[:12]]
    below = [line for line in _under_letterhead(opening) if line]
    if below and HEADING.match(below[0]) is None and len(below[0]) <= 150 and not re.search(r"[.!?:;]$", below[0]):
        return below[0]
    for start, end in spans:
        line = text[start:end].strip()
        if not line:
            continue
        if kicker and _KICKER.search(line):
            kicker = False
            continue
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            return heading.group(2)
        if heading is None and len(line) <= 150 and not re.search(r"[.!?:;]$", line):
            return line
        return ""
    return ""


def read_plaintext(text: str, *, source: str = "<text>", sha256: str = "", reader: str = "text") -> Document:
    """A Document with lines classified and placed in their sections."""
    spans = split_lines(text)
    lines: list[Line] = []
    stack: list[tuple[int, str]] = []
    paragraph = 0
    previous = "blank"
    in_infobox = False
    marked = 1  # the level of the last marked heading
    for start, end in spans:
        raw = text[start:end]
        heading = HEADING.match(raw)
        level = 0
        if heading:
            level = marked = len(heading.group(1))
            name = heading.group(2)
        elif year_heading(raw) is not None:
            level, name = marked + 1, raw.strip()
        if level:
            if level > 1:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, name))
            kind, in_infobox = "heading", False
        elif not raw.strip():
            kind, in_infobox = "blank", False
        elif INFOBOX.match(raw) and len(raw.strip()) < 40:
            kind, in_infobox = "infobox", True
        elif list_mark(raw):
            kind = "infobox" if in_infobox else "list"
        elif TABLE_ROW.match(raw):
            kind = "table"
        else:
            kind, in_infobox = "prose", False
        # A paragraph is a run of prose lines, a list or a table; prose lines each
        # make their own paragraph only when separated by blank lines.
        if kind != previous or kind in ("heading", "blank") or kind == "prose":
            paragraph += 1
        section = tuple(name for _, name in stack)
        lines.append(Line(start, end, kind, section, level=level, paragraph=paragraph))
        previous = kind
    return Document(
        text=text,
        source=source,
        title=_title(text, spans),
        reader=reader,
        sha256=sha256,
        lines=tuple(lines),
    )
