"""iCalendar (RFC 5545) for calendars: one all-day VEVENT per event, built with the `icalendar` package.

Dates keep the granularity the text gives, as all-day events whose DTEND is
the day after the last day (exclusive, as RFC 5545 wants):

    1997-02-13             DTSTART;VALUE=DATE:19970213  DTEND;VALUE=DATE:19970214
    1997-11 (a month)      DTSTART 19971101  DTEND 19971201: the whole month, not its first day
    1994 (a year)          DTSTART 19940101  DTEND 19950101
    1999/2008, 2003-08-15/2008-12-07 (spans)   first day .. day after the last
    2009-02/.. , ../2008-05 (open)             the known end alone (February 2009; May 2008)

Every VEVENT also has X-ANNALS-DATE (the EDTF value) and X-ANNALS-TYPE, so
the exact date survives a round trip. A date whose year is unknown
(XXXX-11-06) cannot be put on a calendar: such events are left out and
counted in the report. UID is `<event id>@annals`; DTSTAMP is when the
corpus last changed (its latest document added), so the same corpus gives
the same bytes. DESCRIPTION holds the sentence and its sources; line
folding and escaping are the library's.

A calendar of no events (nothing matched, or only unknown years) still needs
a component: RFC 5545 section 3.6 has `icalbody = calprops component` with
`component = 1*(eventc / todoc / journalc / freebusyc / timezonec / ...)`.
It gets one VJOURNAL, UID `no-events@annals`, SUMMARY "No events": a journal
entry is a note, not a date; calendar views show no event (most ignore
journals, some list it as a memo). A placeholder VEVENT would put a false
event on a calendar, a VTIMEZONE would be a time zone that nothing uses, and
a comment is no component (iCalendar has no comment syntax).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from annals.export.dates import display, extent, next_day
from annals.export.registry import Context, Format
from annals.export.text import headline, sentence, source_titles

__all__ = ["FORMAT", "PRODID", "no_events", "vevent", "write"]

PRODID = "-//annals//annals export//EN"
_END = b"END:VCALENDAR\r\n"


def _icalendar():
    try:
        import icalendar
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from annals.errors import MissingDependency

        raise MissingDependency("icalendar", "annals export --format ics") from exc
    return icalendar


def _description(event: dict) -> str:
    lines = [sentence(event), "", f"Date: {display(event['date']['value'])} ({event['date']['value']})"]
    titles = source_titles(event)
    if titles:
        lines.append("Sources: " + "; ".join(titles))
    return "\n".join(lines)


def vevent(event: dict, context: Context):
    """The VEVENT of one event, or None where its date cannot go on a calendar."""
    icalendar = _icalendar()
    found = extent(event["date"]["value"])
    if found is None:
        return None
    item = icalendar.Event()
    item.add("uid", f"{event['id']}@annals")
    item.add("dtstamp", context.stamp)
    item.add("dtstart", found.first.day)
    item.add("dtend", next_day(found.last.day))
    item.add("summary", headline(event))
    item.add("description", _description(event))
    if event["places"]:
        item.add("location", ", ".join(event["places"]))
    item.add("categories", [event["type"]])
    item.add("x-annals-date", event["date"]["value"])
    item.add("x-annals-type", event["type"])
    return item


def no_events(context: Context):
    """The VJOURNAL that makes a calendar of no events valid (see the module's docstring)."""
    item = _icalendar().Journal()
    item.add("uid", "no-events@annals")
    item.add("dtstamp", context.stamp)
    item.add("summary", "No events")
    item.add("description", f"{context.title}: no events to export.")
    return item


def write(events: Iterable[dict], context: Context) -> Iterator[bytes]:
    icalendar = _icalendar()
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", context.title)
    head = calendar.to_ical()
    yield head[: -len(_END)]
    written = 0
    for event in events:
        item = vevent(event, context)
        if item is None:
            context.report.skip("with an unknown year")
            continue
        context.report.events += 1
        written += 1
        yield item.to_ical()
    if not written:
        yield no_events(context).to_ical()
    yield _END


FORMAT = Format("ics", "ics", "text/calendar; charset=utf-8", write,
                description="one all-day VEVENT per event (calendars)")
