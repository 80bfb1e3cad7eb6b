"""Day bounds of EDTF dates, for sorting and range queries.

Written for the subset annals produces (days, months, years, decades and
centuries with X, seasons 21-24, quarters 33-36, halves 40-41, intervals
with open ends); the tests check it against the `edtf` package, whose
parser is too slow (about 15 ms a value) for a corpus of millions.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

__all__ = ["OPEN_END", "OPEN_START", "UNDATED_LAST", "bounds", "query_bounds", "sort_key"]

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"


_POINT = re.compile(r"(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2}))?)?")
# Sub-year groupings: seasons (21-24), quarters (33-36), halves (40-41) as month ranges.
_GROUPS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2), 33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12),
           40: (1, 6), 41: (7, 12)}


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@lru_cache(maxsize=65536)
def bounds(value: str) -> tuple[str | None, str | None]:
    """(first day, last day) that an EDTF value may mean; (None, None) when unknown or malformed."""
    if not value or value.startswith("XXXX"):
        return None, None
    start, sep, end = value.partition("/")
    if sep:
        first = OPEN_START if start in ("..", "") else bounds(start)[0]
        last = OPEN_END if end in ("..", "") else bounds(end)[1]
        return (first, last) if first and last else (None, None)
    match = _POINT.fullmatch(value)
    if not match:
        return None, None
    year_text, month_text, day_text = match.groups()
    low = int(year_text.replace("X", "0"))
    high = int(year_text.replace("X", "9"))
    if month_text is None:
        return f"{low:04d}-01-01", f"{high:04d}-12-31"
    month = int(month_text)
    if month in _GROUPS and day_text is None:
        first_month, last_month = _GROUPS[month]
        last_year = high + 1 if last_month < first_month else high
        return f"{low:04d}-{first_month:02d}-01", f"{last_year:04d}-{last_month:02d}-{_last_day(last_year, last_month):02d}"
    if not 1 <= month <= 12 or low != high:
        return None, None
    if day_text is None:
        return f"{low:04d}-{month:02d}-01", f"{low:04d}-{month:02d}-{_last_day(low, month):02d}"
    day = int(day_text)
    if not 1 <= day <= _last_day(low, month):
        return None, None
    return f"{low:04d}-{month:02d}-{day:02d}", f"{low:04d}-{month:02d}-{day:02d}"


_QUERY_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def query_bounds(value: str) -> tuple[str, str] | None:
    """The day bounds of a --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD), None if malformed."""
    if not _QUERY_DATE.fullmatch(value or ""):
        return None
    first, last = bounds(value)
    return (first, last) if first and last else None


UNDATED_LAST = "9999-99-99"  # sorts after every day: events of unknown year come last


def sort_key(value: str) -> str:
    """A text that sorts dates as the corpus does: by first day, unknown last."""
    first, _ = bounds(value)
    return first or UNDATED_LAST
