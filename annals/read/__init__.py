"""Readers: a file or a string in, a `Document` (text, lines, sections) out.

    text       plain text, kept exactly as read (plaintext.py)
    wikitext   MediaWiki markup, read as the plain text the page shows (wikitext.py)
    html       a web page's main text (html.py)
    auto       chosen by what the content looks like; the file name only breaks ties
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from annals.errors import EmptyInput, UsageError
from annals.model import Document
from annals.read.plaintext import read_plaintext
from annals.read.source import decode, load_file, sha256

__all__ = ["READERS", "choose_reader", "read", "read_bytes", "read_text"]

READERS = ("auto", "text", "wikitext", "html")

_BY_SUFFIX = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext", ".mw": "wikitext",
    ".txt": "text", ".text": "text",
}
_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(?:p|div|span|a\s[^<>]*href|li|ul|ol|h[1-6]|table|tr|td|th|article|section|header|footer|nav|main|"
    r"meta|link|script|style|img|title|em|strong)\b[^<>]*>",
    re.IGNORECASE,
)
_WIKI = re.compile(r"\{\{|\[\[|'''|<ref[\s>/]|^\{\|", re.IGNORECASE | re.MULTILINE)
_WIKI_HEADING = re.compile(r"^(=+)[^=\n]+\1[ \t]*$", re.MULTILINE)
_SAMPLE = 200_000


def choose_reader(text: str, *, name: str = "") -> str:
    """The reader for this content: by what it looks like, then by its name."""
    sample = text[:_SAMPLE]
    if _PAGE.search(sample[:5000]):
        return "html"
    tags = len(_HTML_TAG.findall(sample))
    wiki = len(_WIKI.findall(sample))
    if tags >= 3 and tags > 2 * wiki:
        return "html"
    if wiki >= 2 and wiki >= tags or (wiki == 1 and tags == 0 and _WIKI_HEADING.search(sample)):
        return "wikitext"
    if not tags and not wiki and "<" not in sample:
        return "text"  # no markup at all: nothing to strip, whatever the name says
    by_name = _BY_SUFFIX.get(Path(name).suffix.lower()) if name else None
    return by_name or "text"


def _reader(name: str):
    if name == "wikitext":
        from annals.read.wikitext import read_wikitext

        return read_wikitext
    if name == "html":
        from annals.read.html import read_html

        return read_html
    return read_plaintext


def read_text(text: str, *, source: str = "<text>", reader: str = "auto", data: bytes | None = None) -> Document:
    """A Document from text already in memory."""
    if reader not in READERS:
        raise UsageError(f"unknown reader {reader!r}: choose one of {', '.join(READERS)}")
    if not text.strip():
        raise EmptyInput(source, "is empty")
    chosen = choose_reader(text, name=source) if reader == "auto" else reader
    digest = sha256(data if data is not None else text.encode("utf-8"))
    return _reader(chosen)(text, source=source, sha256=digest, reader=chosen)


def read(path: str | os.PathLike, *, reader: str = "auto") -> Document:
    """Read a file; an InputError names the file and what is wrong with it."""
    text, data = load_file(path)
    return read_text(text, source=Path(path).name, reader=reader, data=data)


def read_bytes(data: bytes, *, source: str, reader: str = "auto") -> Document:
    """Read bytes already in memory (an upload, an archive member)."""
    return read_text(decode(data, source), source=source, reader=reader, data=data)
