"""Read the plain-text rendering of a wiki article (or any plain text).

    = Title =             the document title
    == Section ==         a section; === Sub === nests under it
    - item                a list item ("Infobox" followed by items: the infobox)
    | a | b |             a table row
    (blank line)          ends a paragraph

Every line keeps its offsets into the text exactly as read, its kind and
the path of section headings above it.
"""
from __future__ import annotations

import re

from annals.model import Document, Line

__all__ = ["HEADING", "read_plaintext", "split_lines"]

HEADING = re.compile(r"^(=+)[ \t]*(.*?)[ \t]*\1[ \t]*$")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
TABLE_ROW = re.compile(r"^[ \t]*\|")
INFOBOX = re.compile(r"^[ \t]*Infobox\b", re.IGNORECASE)


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


def _title(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        line = text[start:end].strip()
        if not line:
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
    for start, end in spans:
        raw = text[start:end]
        heading = HEADING.match(raw)
        if heading:
            level = len(heading.group(1))
            if level > 1:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, heading.group(2)))
            kind, in_infobox = "heading", False
        elif not raw.strip():
            kind, in_infobox = "blank", False
        elif INFOBOX.match(raw) and len(raw.strip()) < 40:
            kind, in_infobox = "infobox", True
        elif LIST_ITEM.match(raw):
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
        lines.append(Line(start, end, kind, section, level=len(heading.group(1)) if heading else 0, paragraph=paragraph))
        previous = kind
    return Document(
        text=text,
        source=source,
        title=_title(text, spans),
        reader=reader,
        sha256=sha256,
        lines=tuple(lines),
    )
