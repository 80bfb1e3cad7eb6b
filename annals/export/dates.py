"""EDTF dates as the exports need them: day bounds, granular ends, words.

    extent("1997-11")            start Part(1997-11-01, "month"), end Part(1997-11-30, "month")
    extent("1999/2008")          start Part(1999-01-01, "year"), end Part(2008-12-31, "year")
    extent("2009-02/..")         start February 2009, end None (open); first..last: February 2009
    extent("XXXX-11-06")         None: the year is unknown
    display("2009-02/..")        "since February 2009"

A `Part` is one end of a date at the granularity the text gives (year,
month or day): never a day where the text gave a month. Built on
annals/store/dates.py `bounds()`, which every query already relies on.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from annals.store.dates import OPEN_END, OPEN_START, bounds, sort_key

__all__ = ["Extent", "Part", "day_bounds", "display", "extent", "iso_reduced", "next_day", "sort_key"]

_EXACT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = tuple(calendar.month_name)
_GROUP_WORDS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter", 33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4",
                40: "first half of", 41: "second half of"}


@dataclass(frozen=True)
class Part:
    """One end of a date: the first (or last) day it may mean, and its unit: year, month or day."""

    day: date
    unit: str


@dataclass(frozen=True)
class Extent:
    """The ends of a date. `start` or `end` is None where the date is open (`..`); `first` and `last`
    are never None: an open date takes the extent of its known end alone ("since 2009" is 2009)."""

    start: Part | None
    end: Part | None
    first: Part
    last: Part

    @property
    def single(self) -> bool:
        """One year, month or day (not a span, not open)."""
        return self.start is not None and self.end is not None and _same_unit(self.start, self.end)


def _same_unit(a: Part, b: Part) -> bool:
    if a.unit != b.unit:
        return False
    if a.unit == "year":
        return a.day.year == b.day.year
    if a.unit == "month":
        return (a.day.year, a.day.month) == (b.day.year, b.day.month)
    return a.day == b.day


def _unit(first: date, last: date) -> str:
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return "year"
    if first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]:
        return "month"
    return "day"


def _point(value: str) -> Extent | None:
    first, last = bounds(value)
    if not first or not last:
        return None
    first_day, last_day = date.fromisoformat(first), date.fromisoformat(last)
    unit = _unit(first_day, last_day)
    start, end = Part(first_day, unit), Part(last_day, unit)
    return Extent(start, end, start, end)


def extent(value: str) -> Extent | None:
    """The ends of an EDTF value at their granularity; None for an unknown year or a malformed value."""
    if not value or value.startswith("XXXX"):
        return None
    if "/" not in value:
        return _point(value)
    left, _, right = value.partition("/")
    start = None if left in ("", "..") else _point(left)
    end = None if right in ("", "..") else _point(right)
    if (left not in ("", "..") and start is None) or (right not in ("", "..") and end is None):
        return None
    if start and end:
        return Extent(start.first, end.last, start.first, end.last)
    if start:
        return Extent(start.first, None, start.first, start.last)
    if end:
        return Extent(None, end.last, end.first, end.last)
    return None


def day_bounds(value: str) -> tuple[date | None, date | None]:
    """First and last day a value may mean, None for an open end or an unknown date."""
    first, last = bounds(value)
    return (
        date.fromisoformat(first) if first and first != OPEN_START else None,
        date.fromisoformat(last) if last and last != OPEN_END else None,
    )


def iso_reduced(value: str) -> str | None:
    """A point as ISO 8601 at its own precision (YYYY, YYYY-MM, YYYY-MM-DD); a season, quarter or half
    gives its year; a decade, century or unknown year gives None."""
    if not value or value in ("..",):
        return None
    match = _EXACT.fullmatch(value)
    if not match:
        return None
    month = match.group(2)
    if month and int(month) in _GROUP_WORDS and not match.group(3):
        return match.group(1)
    return value if bounds(value)[0] else None


def _words(value: str) -> str:
    match = re.fullmatch(r"(\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return value
    year, month, day = match.groups()
    if year == "XXXX":
        year_text = ""
    elif year.endswith("XX"):
        year_text = f"{year[:2]}00–{year[:2]}99"
    elif year.endswith("X"):
        year_text = f"{year[:3]}0s"
    else:
        year_text = str(int(year))
    parts: list[str] = []
    if month and int(month) in _GROUP_WORDS and not day:
        parts = [_GROUP_WORDS[int(month)], year_text]
    elif month and 1 <= int(month) <= 12:
        parts = ([str(int(day))] if day else []) + [_MONTHS[int(month)], year_text]
    elif month:
        return value
    else:
        parts = [year_text]
    text = " ".join(p for p in parts if p)
    return f"{text} (year unknown)" if year == "XXXX" else text


def display(value: str) -> str:
    """English words for an EDTF value: "4 May 1994", "1999–2008", "since February 2009"."""
    if "/" in value:
        left, _, right = value.partition("/")
        if left in ("", ".."):
            return f"until {_words(right)}"
        if right in ("", ".."):
            return f"since {_words(left)}"
        return _span_words(left, right)
    return _words(value)


def _span_words(left: str, right: str) -> str:
    """ "27–28 April 2000", "30 September – 1 October 1998", "1999–2008", else "A – B"."""
    a, b = _EXACT.fullmatch(left), _EXACT.fullmatch(right)
    same_year_days = (a and b and a.group(3) and b.group(3) and a.group(1) == b.group(1)
                      and int(a.group(2)) <= 12 and int(b.group(2)) <= 12)
    if same_year_days:
        if a.group(2) == b.group(2):
            return f"{int(a.group(3))}–{int(b.group(3))} {_MONTHS[int(a.group(2))]} {int(a.group(1))}"
        return f"{int(a.group(3))} {_MONTHS[int(a.group(2))]} – {_words(right)}"
    if a and b and not a.group(2) and not b.group(2):
        return f"{int(a.group(1))}–{int(b.group(1))}"
    return f"{_words(left)} – {_words(right)}"


def next_day(day: date) -> date:
    return day + timedelta(days=1)
