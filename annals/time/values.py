"""What a time expression means, before and after it is anchored.

A `Point` is a calendar position at the granularity the text gives; any
part may be unknown. A `Value` is a point, a span of two points (closed or
open at one end), a relative offset still to be anchored, or a literal
TimeML value (durations, sets, PRESENT_REF...).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

__all__ = ["Point", "Relative", "Value"]


@dataclass(frozen=True, slots=True)
class Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: int | None = None  # 199: the 1990s
    century: int | None = None  # 19: the 1900s (TimeML counts centuries from 0)
    season: str | None = None  # SP SU FA WI
    quarter: int | None = None
    half: int | None = None
    week: int | None = None  # ISO week
    weekend: bool = False  # the weekend of `week`
    holiday: str | None = None  # a movable feast, its day found once the year is known (see holidays.py)
    week_of: bool = False  # the ISO week of this day, found once the year is known ("the week of March 6")
    weekday: int | None = None  # 1 = Monday, while the date is not known
    tod: str | None = None  # MO AF EV NI
    hour: int | None = None
    minute: int | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @property
    def is_partial(self) -> bool:
        """A month, day, season, quarter or half without its year: the narrative must supply it."""
        return self.year is None and any(
            part is not None for part in (self.month, self.season, self.quarter, self.half)
        )

    def with_(self, **changes) -> Point:
        point = replace(self, **changes)
        if point.holiday is not None and point.year is not None and "year" in changes:
            from annals.time.holidays import holiday_date

            month, day = holiday_date(point.holiday, point.year)
            point = replace(point, month=month, day=day, holiday=None)
        if point.week_of and None not in (point.year, point.month, point.day) and point.holiday is None:
            try:
                day = dt.date(point.year, point.month, point.day)
            except ValueError:
                return point
            if point.weekend and day.isoweekday() == 1:  # a Monday feast's weekend is the one before it
                day -= dt.timedelta(days=1)
            iso = day.isocalendar()
            point = replace(point, year=iso.year, week=iso.week, month=None, day=None, week_of=False)
        return point

    def key(self) -> tuple:
        """Sort key: unknown parts sort first within their known parent."""
        return (self.year or 0, self.month or 0, self.day or 0)


@dataclass(frozen=True, slots=True)
class Relative:
    """An offset still to be anchored: `offset` units from the reference date.

    `unit` is a TimeML unit (Y, M, W, D, Q, DE, CE), or "weekday", "month",
    "season", "half" for "last Friday", "last November", "last fall", "the first
    half of next year" (with `target`),
    or "report" for the period a financial report is about ("the latest
    quarter"; `offset` in quarters, `target` a quarter the text names, `year`
    a year it names: "the 1988 quarter"); with unit Y, `target` a month and `day` its
    day ("July last year", "27 January of the following year"). `target` "ago" marks an offset
    counted back or forth ("a year ago", "two years later").
    `offset` None means: let the tense of the sentence decide the direction.
    """

    unit: str
    offset: int | None
    anchor: str = "dct"  # dct | narrative
    target: int | str | None = None
    tod: str | None = None
    hour: int | None = None
    minute: int | None = None
    year: int | None = None
    day: int | None = None  # the day of a month `target` ("27 January of that year"); with target "ago",
    # the shift in days of the day counted from ("seven years ago today": 0, "... yesterday": -1)


@dataclass(frozen=True, slots=True)
class Value:
    kind: str  # point | span | relative | literal
    start: Point | None = None
    end: Point | None = None
    open: str | None = None  # "after": X/.. ; "before": ../X
    literal: str | None = None
    relative: Relative | None = None
    mod: str | None = None

    @staticmethod
    def point(point: Point, *, mod: str | None = None) -> Value:
        return Value("point", start=point, mod=mod)

    @staticmethod
    def span(start: Point, end: Point) -> Value:
        return Value("span", start=start, end=end)

    @property
    def first(self) -> Point | None:
        return self.start if self.start is not None else self.end

    @property
    def last(self) -> Point | None:
        return self.end if self.end is not None else self.start

    def with_(self, **changes) -> Value:
        return replace(self, **changes)
