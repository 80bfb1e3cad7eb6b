"""The day of a holiday in a given year (data/time/words.yaml, list `holiday`).

A holiday's value is either a fixed day, "12-25", or a rule:

    easter+N       N days after Easter Sunday (Good Friday: easter-2)
    nth:M:W:N      the Nth weekday W (1 = Monday) of month M; N = -1: the last
                   (Thanksgiving: nth:11:4:4, the fourth Thursday of November)
    nth:M:W:N+D    D days after that (Election Day: the Tuesday after the first
                   Monday of November, nth:11:1:1+1)
"""
from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["holiday_date", "holiday_month"]


def _easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian), by the anonymous algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(rule: str, year: int) -> tuple[int, int]:
    """(month, day) of a holiday rule in `year`."""
    if rule.startswith("easter"):
        day = _easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    elif rule.startswith("nth:"):
        _, month, weekday, nth = rule.split(":")
        nth, _, shift = nth.partition("+")
        day = _nth(year, int(month), int(weekday), int(nth)) + dt.timedelta(days=int(shift or 0))
    else:
        month, _, day_of_month = rule.partition("-")
        return int(month), int(day_of_month)
    return day.month, day.day


def holiday_month(rule: str) -> int:
    """The month a holiday falls in (Easter: April), to choose its year before its day."""
    if rule.startswith("easter"):
        return 4
    if rule.startswith("nth:"):
        return int(rule.split(":")[1])
    return int(rule.partition("-")[0])
