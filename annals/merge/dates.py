"""Whether two tellings' dates can name the same happening, and whether they are near.

Dates are EDTF values of the subset annals writes. Two dates are compatible
when one can be the other told more or less precisely:

- points: equal, or one inside the other (a day inside its month or year);
- a point and a span: the point is the span's start or end, told at any
  precision ("joined on 9 March 1994" and "a member since March 1994";
  "began on 7 August 2008" and "7 to 12 August 2008");
- two spans: their starts are compatible, and their ends too where both
  have one.

Dates with an unknown year ("XXXX-05-04") are compatible only with the same
month and day.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from annals.store.dates import bounds

__all__ = ["NEAR_DAYS", "compatible", "days_apart", "near", "reachable"]

NEAR_DAYS = 365  # "near": within a year of each other
NEAR_DAYS_EXACT = 31  # two exact days further apart than this are two happenings, not a slip


def _nested(a: str, b: str) -> bool:
    """Two points, one inside the other."""
    if a == b:
        return True
    if a.startswith("XXXX") or b.startswith("XXXX"):
        return a[4:] == b[4:] and a[4:] != ""
    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    if None in (a0, a1, b0, b1):
        return False
    return (a0 >= b0 and a1 <= b1) or (b0 >= a0 and b1 <= a1)


def _ends(value: str) -> tuple[str | None, str | None]:
    """A span's start and end as points (None where open); a point's (value, None)."""
    if "/" not in value:
        return value, None
    start, _, end = value.partition("/")
    return (start if start not in ("", "..") else None), (end if end not in ("", "..") else None)


def compatible(a: str, b: str) -> bool:
    """Whether two EDTF dates can name the same happening (see the module's docstring)."""
    if a == b:
        return True
    span_a, span_b = "/" in a, "/" in b
    if not span_a and not span_b:
        return _nested(a, b)
    if span_a and span_b:
        (a0, a1), (b0, b1) = _ends(a), _ends(b)
        if a0 is None or b0 is None or not _nested(a0, b0):
            return False
        return a1 is None or b1 is None or _nested(a1, b1)
    point, span = (a, b) if span_b else (b, a)
    start, end = _ends(span)
    return (start is not None and _nested(point, start)) or (end is not None and _nested(point, end))


def days_apart(a: str, b: str) -> int | None:
    """Days between the nearest ends of two dates' day ranges (0 if they overlap); None if unknown."""
    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    if None in (a0, a1, b0, b1) or "0001-01-01" in (a0, b0) or "9999-12-31" in (a1, b1):
        return None
    if a1 < b0:
        return (dt.date.fromisoformat(b0) - dt.date.fromisoformat(a1)).days
    if b1 < a0:
        return (dt.date.fromisoformat(a0) - dt.date.fromisoformat(b1)).days
    return 0


def near(a: str, b: str) -> bool:
    """Whether two dates are near enough to be one happening told wrongly: within a year, or for
    two exact days within a month ("4 December 2018" and "3 December 2019" are two meetings)."""
    apart = days_apart(a, b)
    if apart is None:
        return False
    exact = len(a) == 10 and len(b) == 10 and "/" not in a + b
    return apart <= (NEAR_DAYS_EXACT if exact else NEAR_DAYS)


@lru_cache(maxsize=65536)
def reachable(a: str, b: str) -> bool:
    """Whether tellings of these dates may be one event at all (compatible dates, or near ones in
    conflict): `same_event` says no to every other pair (annals/merge/frames.py)."""
    return compatible(a, b) or near(a, b)
