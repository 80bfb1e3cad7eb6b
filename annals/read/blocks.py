"""Lay out the blocks that a marked-up reader found as a plain-text Document.

The wikitext and HTML readers turn their input into `Block`s (a heading, a
paragraph, a list item, a table row, an infobox entry); `build` writes them
one per line, a blank line between paragraphs and groups, and gives each
line its kind, section path and paragraph exactly as the plain-text reader
does:

    Heading               kind heading; the section path changes
    A paragraph.          kind prose
    - a list item         kind list ("  - " for a nested one)
    | a cell | a cell |   kind table
    Infobox               kind infobox, then "- Key: value" lines

A block's text may hold citation marks (`cite_mark(i)`): `build` removes
them and records `(offset, offset, citations[i])` where each one sat.
Sections whose heading is back matter (References, External links...) are
left out: their content is not the article's. A paragraph that is only a
year heading ("2019", "Events in 2008", as pages set in bold) is a heading
one level below the last marked one, as in plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from annals.model import Document, Line
from annals.read.plaintext import year_heading

__all__ = ["BACK_MATTER", "Block", "build", "cite_mark", "clean"]

BACK_MATTER = frozenset({
    "references", "notes", "footnotes", "citations", "sources", "bibliography",
    "further reading", "external links", "notes and references", "references and notes",
    "works cited", "general references", "explanatory notes", "cited sources",
})

_MARK = re.compile("\ue000(\\d+)\ue001")
_SPLIT = re.compile("(\ue000\\d+\ue001)")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\ue000\ue001")
_NO_SPACE_BEFORE = frozenset(".,;:!?)]")


@dataclass(frozen=True, slots=True)
class Block:
    """One line to be: its kind, its text (marks allowed), its heading level.

    `joined` continues the previous block's group (the next item of the same
    list, row of the same table); `prefix` is written before the cleaned
    text ("- " for list items).
    """

    kind: str
    text: str
    level: int = 0
    joined: bool = False
    prefix: str = ""


def cite_mark(index: int) -> str:
    """The mark that stands for citation number `index` in a block's text."""
    return f"\ue000{index}\ue001"


def clean(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text on one line with single spaces, and (offset, citation index) of its marks."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    for piece in _SPLIT.split(text):
        mark = _MARK.fullmatch(piece)
        if mark:
            marks.append((len(out), int(mark.group(1))))
            continue
        for char in piece:
            if char in _INVISIBLE:
                continue
            if char.isspace():
                if out and out[-1] not in " (":
                    out.append(" ")
            elif char in _NO_SPACE_BEFORE and out and out[-1] == " ":
                out[-1] = char
            else:
                out.append(char)
    if out and out[-1] == " ":
        out.pop()
    size = len(out)
    return "".join(out), [(min(at, size), index) for at, index in marks]


def _key(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip().lower()


def build(
    blocks: list[Block],
    *,
    citations: list[str] | tuple[str, ...] = (),
    source: str = "<text>",
    title: str = "",
    reader: str = "text",
    sha256: str = "",
    dct: str | None = None,
) -> Document:
    """A Document whose text is the blocks' text, one line each."""
    parts: list[str] = []
    lines: list[Line] = []
    found: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    section: tuple[str, ...] = ()
    skip_below: int | None = None
    size = 0
    paragraph = 0
    previous: Block | None = None
    marked = 1  # the level of the last marked heading
    for block in blocks:
        text, marks = clean(block.text)
        if block.kind == "heading":
            marked = block.level
        elif block.kind == "prose" and year_heading(text) is not None:
            block = Block("heading", block.text, level=marked + 1)
        if block.kind == "heading":
            if skip_below is not None and block.level > skip_below:
                continue
            skip_below = None
            if _key(text) in BACK_MATTER:
                skip_below = block.level
                continue
        elif skip_below is not None:
            continue
        if not text:
            continue
        if previous is not None:
            if previous.kind == "heading" or (block.joined and block.kind == previous.kind):
                parts.append("\n")
                size += 1
            else:
                parts.append("\n\n")
                lines.append(Line(size + 1, size + 1, "blank", section, paragraph=paragraph + 1))
                paragraph += 1
                size += 2
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, text))
            section = tuple(name for _, name in stack)
        new_group = previous is None or block.kind != previous.kind or not block.joined
        if block.kind in ("heading", "prose") or new_group:
            paragraph += 1
        start = size + len(block.prefix)
        parts.append(block.prefix + text)
        size += len(block.prefix) + len(text)
        level = block.level if block.kind == "heading" else 0
        lines.append(Line(start - len(block.prefix), size, block.kind, section, level=level, paragraph=paragraph))
        for at, index in marks:
            if 0 <= index < len(citations):
                found.append((start + at, start + at, citations[index]))
        previous = block
    if parts:
        parts.append("\n")
    return Document(
        text="".join(parts),
        source=source,
        title=title,
        reader=reader,
        sha256=sha256,
        dct=dct,
        lines=tuple(lines),
        citations=tuple(found),
    )
