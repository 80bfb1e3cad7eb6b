"""Write anchored values as TimeML TIMEX3 values and as EDTF strings.

EDTF (ISO 8601-2, Library of Congress) is what the event contract uses:
`1994-05-04`, `1997-11`, `XXXX-11-06`, `1999/2008`, `2009-02/..`,
`../2008-05`, decades as `199X`, seasons as `2005-22`, quarters as `2013-33`.
The `edtf` package validates these strings in the tests.
"""
from __future__ import annotations

import datetime as dt
import re

from annals.time.values import Point, Value

__all__ = ["edtf_value", "iso_week_span", "point_edtf", "point_timex", "timex_value", "year_of"]

_SEASON_EDTF = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}


def _ymd(point: Point) -> str:
    text = f"{point.year:04d}" if point.year is not None else "XXXX"
    if point.month is not None:
        text += f"-{point.month:02d}"
        if point.day is not None:
            text += f"-{point.day:02d}"
    return text


def point_timex(point: Point) -> str:
    """A point as TIMEX3 value: 1994-05-04, 1997-11, 199 (1990s), 2013-W12, 2013-Q1..."""
    if point.century is not None and point.year is None:
        return f"{point.century:02d}"
    if point.decade is not None and point.year is None:
        return f"{point.decade:03d}"
    year = f"{point.year:04d}" if point.year is not None else "XXXX"
    if point.season:
        return f"{year}-{point.season}"
    if point.quarter:
        return f"{year}-Q{point.quarter}"
    if point.half:
        return f"{year}-H{point.half}"
    if point.week:
        return f"{year}-W{point.week:02d}" + ("-WE" if point.weekend else "")
    text = _ymd(point)
    if point.hour is not None and point.day is not None:
        text += f"T{point.hour:02d}:{point.minute or 0:02d}"
    elif point.tod and point.day is not None:
        text += f"T{point.tod}"
    return text


def iso_week_span(year: int, week: int) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def point_edtf(point: Point) -> str | None:
    """A point as EDTF, or None where EDTF cannot say it."""
    if point.century is not None and point.year is None:
        return f"{point.century:02d}XX"
    if point.decade is not None and point.year is None:
        return f"{point.decade:03d}X"
    if point.year is None and point.month is None:
        return None
    if point.season:
        return f"{point.year:04d}-{_SEASON_EDTF[point.season]}" if point.year is not None else None
    if point.quarter:
        return f"{point.year:04d}-{32 + point.quarter}" if point.year is not None else None
    if point.half:
        return f"{point.year:04d}-{39 + point.half}" if point.year is not None else None
    if point.week:
        if point.year is None:
            return None
        monday, sunday = iso_week_span(point.year, point.week)
        if point.weekend:
            monday = sunday - dt.timedelta(days=1)  # Saturday
        return f"{monday.isoformat()}/{sunday.isoformat()}"
    text = _ymd(point)
    if point.hour is not None and point.day is not None and point.year is not None:
        hour = point.hour % 24
        text += f"T{hour:02d}:{point.minute or 0:02d}:00"
    return text


def timex_value(value: Value) -> str:
    """The TIMEX3 value TempEval scores: a span is dated by its start."""
    if value.kind == "literal":
        return value.literal or ""
    point = value.start if value.start is not None else value.end
    return point_timex(point) if point is not None else "XXXX"


def edtf_value(value: Value) -> str | None:
    if value.kind == "literal":
        return None
    if value.kind == "span" and value.start is not None and value.end is not None:
        a, b = point_edtf(value.start), point_edtf(value.end)
        if a is None or b is None:
            return None
        if "/" in a or "/" in b:  # weeks are already intervals
            a, b = a.split("/")[0], b.split("/")[-1]
        return f"{a}/{b}"
    point = value.first
    text = point_edtf(point) if point is not None else None
    if text is None:
        return None
    if value.open:
        text = text.split("T")[0]  # EDTF has no open intervals of times of day
    if value.open == "after":
        return f"{text.split('/')[0]}/.."
    if value.open == "before":
        return f"../{text.split('/')[-1]}"
    return text


_YEAR = re.compile(r"\d{4}")


def year_of(value: str | None) -> int | None:
    """The first year an EDTF value names ("../2008-05" names 2008), None if it names none."""
    match = _YEAR.search(value or "")
    return int(match.group()) if match else None
