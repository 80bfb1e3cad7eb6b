"""A sortable wikitable for Wikipedia editors: Date and Event, each source a `<ref>`.

    {| class="wikitable sortable"
    ! scope="col" | Date !! scope="col" class="unsortable" | Event
    |-
    | data-sort-value="1994-05-04" | 4 May 1994
    | Azerbaijan joined the Partnership for Peace ...<ref name="annals-cc481dd56284">Azerbaijan–NATO relations</ref>
    |}

It can replace a one-row "Relationship timeline". The date sorts by its first
day (data-sort-value; an unknown year last) and reads in words; the event is
its headline ("Azerbaijan joins the Partnership for Peace"), or the sentence
that tells it where it has none. Each source document is a named ref, defined at
its first use and reused after (`<ref name="..." />`). Text is escaped so
that nothing in it is markup: pipes, brackets, braces (templates), angle
brackets, quote runs (bold, italics) and tildes (signatures) become HTML
character references.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from annals.export.dates import display, sort_key
from annals.export.registry import Context, Format
from annals.export.text import sentence

__all__ = ["FORMAT", "escape", "write"]

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;",
            "|": "&#124;", "~": "&#126;", "=": "&#61;", "'": "&#39;", "!": "&#33;", "_": "&#95;"}
_SPECIAL = re.compile(r"[&<>\[\]{}|]|~{3,}|'{2,}|__|^[=!]|[=!]$")


def escape(text: str) -> str:
    """Text that wikitext shows as it is: on one line, with no markup in it."""
    line = " ".join(str(text).split())
    return _SPECIAL.sub(lambda m: "".join(_ESCAPES[c] for c in m.group()), line)


def _ref_name(document: dict) -> str:
    key = document.get("sha256") or document.get("source") or ""
    return "annals-" + re.sub(r"[^0-9A-Za-z]", "", key)[:12]


def _refs(event: dict, defined: set[str]) -> str:
    out = []
    seen = set()
    for source in event.get("sources", []):
        document = source.get("document", {})
        name = _ref_name(document)
        if name in seen:
            continue
        seen.add(name)
        if name in defined:
            out.append(f'<ref name="{name}" />')
        else:
            defined.add(name)
            out.append(f'<ref name="{name}">{escape(document.get("title") or document.get("source") or name)}</ref>')
    return "".join(out)


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    yield '{| class="wikitable sortable"\n! scope="col" | Date !! scope="col" class="unsortable" | Event\n'
    defined: set[str] = set()
    for event in events:
        value = event["date"]["value"]
        yield (f'|-\n| data-sort-value="{escape(sort_key(value))}" | {escape(display(value))}\n'
               f"| {escape(event.get('headline') or sentence(event))}{_refs(event, defined)}\n")
        context.report.events += 1
    yield "|}\n"


FORMAT = Format("wikitext", "wiki", "text/x-wiki; charset=utf-8", write,
                description="a sortable wikitable with refs (Wikipedia)")
