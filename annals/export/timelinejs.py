"""TimelineJS (timeline.knightlab.com) JSON: {"title", "events": [...], "eras": [...]}.

Each event is a slide: `start_date` (and `end_date` for a span) with only
the parts the text gives (year; year and month; or a day: TimelineJS allows
each), `display_date` in words, `text` (headline, the sentence and its
sources as HTML-escaped text), `group` (the event type) and `unique_id`.
An open date ("since February 2009") has only its known end. Each closed
span (1999/2008) is also an era. Dates with an unknown year are left out
(TimelineJS needs a year) and counted in the report. Eras are kept until
the end (a few numbers each), events are written as they come.
"""
from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator

from annals.export.dates import Part, display, extent
from annals.export.registry import Context, Format
from annals.export.text import headline, sentence, source_titles

__all__ = ["FORMAT", "slide", "write"]


def _date(part: Part, words: str | None = None) -> dict:
    found: dict = {"year": part.day.year}
    if part.unit in ("month", "day"):
        found["month"] = part.day.month
    if part.unit == "day":
        found["day"] = part.day.day
    if words:
        found["display_date"] = words
    return found


def _text(event: dict) -> str:
    body = f"<p>{html.escape(sentence(event))}</p>"
    titles = source_titles(event)
    if titles:
        body += "<p>Sources: " + "; ".join(html.escape(t) for t in titles) + "</p>"
    return body


def slide(event: dict) -> dict | None:
    """The TimelineJS slide of one event, or None where its year is unknown."""
    found = extent(event["date"]["value"])
    if found is None:
        return None
    words = display(event["date"]["value"])
    item: dict = {"unique_id": event["id"], "start_date": _date(found.start or found.first, words)}
    if not found.single and found.start and found.end:
        item["end_date"] = _date(found.end)
    item["text"] = {"headline": html.escape(headline(event)), "text": _text(event)}
    item["group"] = event["type"]
    return item


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    dump = json.dumps
    yield '{"title":' + dump({"text": {"headline": html.escape(context.title)}}, ensure_ascii=False)
    yield ',"events":['
    eras: list[dict] = []
    first = True
    for event in events:
        item = slide(event)
        if item is None:
            context.report.skip("with an unknown year")
            continue
        if "end_date" in item:
            eras.append({"start_date": {k: v for k, v in item["start_date"].items() if k != "display_date"},
                         "end_date": item["end_date"], "text": {"headline": item["text"]["headline"]}})
        yield ("\n" if first else ",\n") + dump(item, ensure_ascii=False)
        first = False
        context.report.events += 1
    yield '\n],"eras":[' + ",\n".join(dump(era, ensure_ascii=False) for era in eras) + "]}\n"


FORMAT = Format("timelinejs", "timeline.json", "application/json", write,
                description="TimelineJS slides and eras (timeline sites)")
