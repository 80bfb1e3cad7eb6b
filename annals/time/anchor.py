"""Give each time expression the parts its text leaves out, as a careful reader would.

In order:

0. A day told by its number after a date takes that date's month: "April 24
   and 25" (two days that follow each other make one span, as "April 24-25").
1. Lists share their last item's year: "February and November 2005".
2. "from A until B" and "between A and B" become one span.
3. "since X" opens a span after X, "until X" / "by X" one before it.
4. A date without its year takes it from the document date in news (the
   nearest such day; one more than two months away goes to the side the
   tense of its clause says), else from the same sentence, then from the
   latest fuller date of the same section (narratives). A heading that
   gives one year ("Highlights of 2019", "== 2008 ==") gives it to the
   dates of its section and subsections that have no nearer one, news
   included: it is what a reader of that section takes for granted.
   Otherwise the year stays unknown (XXXX). The tense is that of the cue nearest the expression
   in its sentence ("said", "will", a verb in -ed; data/time/signals.yaml; a cue after a "that"
   is the reported clause's when one comes before: "said on Monday that it will"); a bare weekday is the last one, or the next one when that cue is future.
5. Relative expressions count from the document date ("yesterday", "last
   year") or from the latest date the text gave ("the following year").

The document date is `dct` when given, else a dateline such as
"PRAGUE, August 22, 2006 (RFE/RL) --" when the text opens with one.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from annals.data import load
from annals.time.values import Point, Relative, Value

__all__ = ["Found", "anchor", "is_dateline", "is_stamp", "is_title", "parse_dct"]


# How many neighbouring expressions a sentence-level search looks at.
_NEAR = 12

# A tense cue after a time expression counts as this much farther than one before it.
_AFTER = 1.5


# A month or day this near the document date (in months) is taken in its nearest year whatever the tense.
_NEAR_MONTHS = 2


@dataclass
class Found:
    """A time expression on its way through anchoring."""

    start: int
    end: int
    rule: str
    type: str
    value: Value
    sentence: int
    section: tuple[str, ...]
    signal: str | None = None
    signal_start: int | None = None
    anchored: bool = False
    parts: tuple[tuple[int, int], ...] = ()  # a joined span's two ends as written ("1994", "1997")
    # the day a duration counted from the story reaches ("A week later"): TimeML keeps the duration,
    # the event is dated by this
    dated: Point | None = None


@cache
def _signals() -> dict:
    data = load("time/signals.yaml")
    compiled = {
        "open_after": re.compile(r"(?:^|(?<=\W))(" + "|".join(data["open_after"]) + r")\s+$", re.IGNORECASE),
        "open_after_past": frozenset(word.lower() for word in data["open_after_past"]),
        "open_before": re.compile(r"(?:^|(?<=\W))(" + "|".join(data["open_before"]) + r")\s+$", re.IGNORECASE),
        "span_start": re.compile(r"(?:^|(?<=\W))(" + "|".join(data["span_start"]) + r")\s+$", re.IGNORECASE),
        "span_join": re.compile(r"^\s*(?:" + "|".join(data["span_join"]) + r")\s*$", re.IGNORECASE),
        "list_join": re.compile(r"^\s*(?:" + "|".join(data["list_join"]) + r")\s*$", re.IGNORECASE),
        "day_list": re.compile(
            r"\s+(?P<join>" + "|".join(data["day_list_join"]) + r")\s+(?P<day>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
            r"(?:,?\s+(?P<year>1[0-9]{3}|20[0-9]{2}))?(?=\s*(?:[^\w\s]|$)|\s+(?:"
            + "|".join(data["day_list_next"]) + r")\b)",
            re.IGNORECASE,
        ),
        "day_list_before": re.compile(
            r"(?:^|(?<=[\s(]))(?P<day>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\s+(?P<join>"
            + "|".join(data["day_list_join"]) + r")\s+$",
            re.IGNORECASE,
        ),
        "tense": re.compile(
            r"(?<![\w'])(?:(?P<future>" + "|".join(data["future"]) + r")|(?P<past>" + "|".join(data["past"])
            + r")|(?P<ed>[a-z]+ed))(?![\w'])",
            re.IGNORECASE,
        ),
        "not_past": re.compile(r"(?:" + "|".join(data["not_past"]) + r")", re.IGNORECASE),
        "passive": re.compile(r"(?:^|\s)(?:" + "|".join(data["passive"]) + r")\s+$", re.IGNORECASE),
        "dateline_before": re.compile(data["dateline_before"]),
        "dateline_after": re.compile(data["dateline_after"]),
        "dateline_opening": re.compile(data["dateline_opening"]),
        "title_word": re.compile(r"(?<![\w'-])(?:" + data["title_word"] + r")(?![\w'-])"),
    }
    return compiled


_DATELINE_REACH = 300  # a date that opens a line opens the report only among its first lines


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a news dateline ("PRAGUE, August 22, 2006 (RFE/RL) --",
    "May 3, 2021 -- The ministers met")."""
    signals = _signals()
    line_start = text.rfind("\n", max(0, start - 200), start) + 1  # looking back no further than it reads
    opens_line = start <= _DATELINE_REACH and not text[line_start:start].strip() and line_start >= start - 200
    return bool(
        signals["dateline_before"].search(text[max(line_start, start - 200):start])
        or signals["dateline_after"].match(text[end:end + 60])
        or (opens_line and signals["dateline_opening"].match(text[end:end + 8]))
    )


_WORD = re.compile(r"[^\W\d_][\w'-]*")
_AFTER_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*[ \t]+\Z")  # a capitalised word right before
_OPENS = re.compile(r"(?:\A|[.!?:;\n])[ \t]*[A-Z][\w'-]*[ \t]+\Z")  # ... that opens a sentence or a line
_TITLE_LINE = 0.6  # a line with this share of its words capitalised is a headline: its capitals say nothing


def is_title(text: str, start: int, end: int) -> bool:
    """Whether the expression at text[start:end] is part of a name or a title, a time word of it written
    with a capital ("ABC's ``This Week''", "CBS's ``60 Minutes''", "``High Noon''", "This is VOA Today")."""
    word = _signals()["title_word"].search(text, start, end)
    if word is None:
        return False
    if word.start() == start:
        # first in the expression: a name only right after a capitalised word ("VOA Today")
        before = text[max(0, start - 40):start]
        if not _AFTER_NAME.search(before) or _OPENS.search(before):
            return False
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    line_end = text.find("\n", end, end + 300)
    line_end = len(text) if line_end < 0 else line_end
    # the line's other words, less its first: their capitals tell a headline
    words = _WORD.findall(text[line_start:start] + " " + text[end:line_end])[1:]
    return len(words) < 2 or sum(w[0].isupper() for w in words) < _TITLE_LINE * len(words)


# A time stamp at the top of a page ("13:07, March 22, 2013", "Updated: 2011-12-17 01:21",
# "Reuters - November 13, 2006", "By Staff 2019-05-03 10:12"): the line holds the date, perhaps a
# clock time, a label and a short source name, nothing else; within the page's first characters.
_STAMP_REACH = 800
_STAMP_LINE = 300  # a longer line holds more than a stamp; read no further (a line can be a whole page)
_STAMP_LABELS = frozenset({"updated", "posted", "published", "last", "date", "by", "on", "at", "first", "modified",
                           "am", "pm", "gmt", "utc", "edt", "est", "cet", "bst"})
_STAMP_WORD = re.compile(r"[^\W\d_]+")
_NEWS_OPENER = re.compile(r"(?m)^[A-Z][A-Z.'-]{2,}(?:[ ,/][A-Z][A-Z.'-]+)*(?:,[^\n]{0,40})?\s+(?:-|–|—|\()")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# after a duration, the word that counts it from the story's date ("A week later")
# ("a week before the summit" counts from the summit, not from the story: "before" only ends a clause)
_COUNTED = re.compile(r"\s+(?:(later|afterwards|earlier)\b(?!\s+than\b)|(before)(?=\s*[,.;]))", re.IGNORECASE)
# "Published", "Last updated:", "First posted on" opening the line right before the date
_STAMP_LABEL = re.compile(r"^\s*(?:(?:first|last)\s+)?(?:published|updated|posted|modified)\s*(?::\s*|\s+on\s+)?\Z",
                          re.IGNORECASE | re.MULTILINE)
# a header line's verb of making the page public right before its date ("broadcast on", "issued")
_STAMP_LEAD = re.compile(r"\b(?:broadcast|aired|published|posted|updated|released|issued|dated|recorded|filed)"
                         r"(?:\s+on)?\s*,?\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*)?\Z")
# what may follow such a date on its line: a clock time, a zone, and a byline ("- by Staff")
_BYLINE = re.compile(r"[\s,|–—-]*(?:at\s+)?(?:[AaPp]\.?[Mm]\.?|GMT|UTC|CET|CEST|EST|EDT|BST)?[\s,|–—-]*"
                     r"(?:[Bb]y\s+[^\n.!?]{1,80})?\s*")


def is_stamp(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a page's time stamp, which gives the document date."""
    if start > _STAMP_REACH:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end, line_start + _STAMP_LINE + 1)
    if line_end < 0 and len(text) > line_start + _STAMP_LINE:
        return False
    line_end = len(text) if line_end < 0 else line_end
    if (_STAMP_LABEL.search(text, line_start, start) or _STAMP_LEAD.search(text, line_start, start)) \
            and _BYLINE.fullmatch(_CLOCK.sub(" ", text[end:line_end])):
        # "Published 14 September 2022 - by the Maghreb team", "Transcript of the programme broadcast
        # on Thursday, 17 March 2022, 18:30 CET": a labelled date, its clock time and its byline
        return True
    rest = _CLOCK.sub(" ", text[line_start:start] + " " + text[end:line_end])
    words = _STAMP_WORD.findall(rest)
    others = [w for w in words if w.lower() not in _STAMP_LABELS]
    return len(others) <= 2 and all(w[:1].isupper() for w in others) and not re.search(r"[.!?]\s*$", rest.strip()[:-1] or "")


def parse_dct(text: str | None) -> Point | None:
    """A document date given as YYYY-MM-DD (or a TIMEX3 value that starts so)."""
    if not text:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        match = re.match(r"(\d{4})(\d{2})(\d{2})", text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return Point(year, month, day)


def _date(point: Point) -> dt.date:
    return dt.date(point.year, point.month or 1, point.day or 1)


def _from_date(day: dt.date, like: Relative | None = None) -> Point:
    point = Point(day.year, day.month, day.day)
    if like is not None:
        point = point.with_(tod=like.tod, hour=like.hour, minute=like.minute)
    return point


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


# Between an hour and the day it is told with: "10 p.m. on Monday", "10:35 a.m. (0735 GMT) Friday",
# "Friday at 10 a.m.".
_CLOCK_THEN_DAY = re.compile(r",?[ \t]+(?:\([^()\n]{1,30}\)[ \t]+)?(?:on[ \t]+)?", re.IGNORECASE)
_DAY_THEN_CLOCK = re.compile(r",?[ \t]+(?:(?:at|from|by|until|before|after|around)[ \t]+)?", re.IGNORECASE)


def _bare_clock(value: Value) -> bool:
    """An hour told without its day ("at 10 a.m."), to be dated from the document date."""
    rel = value.relative if value.kind == "relative" else None
    return rel is not None and rel.unit == "D" and rel.offset == 0 and rel.hour is not None


# before a form like "hit" or "put": an infinitive or a verb after a modal ("to hit", "will put"), not a past form
_BASE_FORM = re.compile(r"(?:\b(?:to|will|would|shall|should|can|could|may|might|must)|'ll|n't)\s+(?:not\s+)?$", re.IGNORECASE)
_REPORTING = frozenset({"said", "told"})
_ATTRIBUTION = re.compile(r"[,'\"`]\s*(?:[\w.'-]+\s+){0,5}$")
_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|our|this|these|those)\s+(?:(?:still|yet|not|[a-z]+ly)\s+)?$", re.IGNORECASE)
_AGENT = re.compile(r"\s+by\b(?!\s+(?:then|now|the\s+(?:end|time)|far)\b)", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(r"(?:^|[.;:]\s*|\b(?:he|she|it|they|we|i|you|who|that|which)\s+)$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
_PLAN_GOVERNS = re.compile(r"(?<=\sto)|(?<=\sfor)|\s+(?:to|for)\b", re.IGNORECASE)
# a "that" between an expression and a cue after it: the cue is the reported clause's ("said on
# Wednesday that schools will reopen"), not the tense of the clause the expression is in
_COMPLEMENT = re.compile(r"\bthat\b", re.IGNORECASE)


def _cues(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The tense cues of a sentence: (start, end, "past" | "future" | "report"), offsets into the document.

    "report" is a "said" or "told" that ends an attribution ("..., officials said"): past for the
    expression after it, no cue for one before it when another cue precedes that expression.
    """
    signals = _signals()
    cues = []
    for match in signals["tense"].finditer(text):
        kind = match.lastgroup
        word = match.group()
        if kind == "ed":
            if word[0].isupper() and match.start() > 0:
                continue  # a name: Ahmed, United
            if signals["not_past"].fullmatch(word):
                continue
            if _DETERMINER.search(text, max(0, match.start() - 24), match.start()):
                continue  # "a still unspecified date", "the proposed merger": an adjective
            if _AGENT.match(text, match.end()) and not _SUBJECT_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "markets untouched by the crisis", "a coalition led by": a participle after its noun
            kind = "past"
        if kind == "past" and signals["passive"].search(text[max(0, match.start() - 12):match.start()]):
            continue  # a participle: the auxiliary before it decides
        if kind == "past" and _BASE_FORM.search(text, max(0, match.start() - 12), match.start()):
            continue  # "to hit", "will put": a base form, not a past form
        if (
            kind == "future"
            and _PLUPERFECT.search(text, max(0, match.start() - 12), match.start())
            and _PLAN_GOVERNS.match(text, match.end())
        ):
            kind = "past"  # "had been due to expire Friday": a plan told as past
        if kind == "past" and word.lower() in _REPORTING and _ATTRIBUTION.search(text, max(0, match.start() - 60), match.start()):
            kind = "report"  # "..., officials said": past, but says nothing of what it reports before it
        cues.append((offset + match.start(), offset + match.end(), kind))
    return cues


_SEASONS = ("SP", "SU", "FA", "WI")


def resolve_relative(rel: Relative, ref: Point, *, tense: str | None = None, coarse: bool = False) -> Point | None:
    """The point `rel` names, counted from `ref` (a date at some granularity); with `coarse`, a day
    counted from a month is that month."""
    if ref.year is None:
        return None
    unit, offset = rel.unit, rel.offset
    if rel.target == "ago" and rel.day is not None:
        return _to_the_day(rel, ref)
    if unit == "month" and ref.month is None:
        return Point(ref.year + (offset or 0), int(rel.target))  # "that September" after "in 2016"
    if unit == "Y":
        if isinstance(rel.target, int):
            return Point(ref.year + (offset or 0), rel.target, rel.day)  # July last year, 27 January of that year
        if rel.target in _SEASONS:
            return Point(ref.year + (offset or 0), season=str(rel.target))  # the spring of last year
        return Point(ref.year + (offset or 0))
    if unit == "DE":
        return Point(decade=ref.year // 10 + (offset or 0))
    if unit == "CE":
        return Point(century=ref.year // 100 + (offset or 0))
    if unit == "half":
        return Point(ref.year + (offset or 0), half=int(rel.target))
    if unit == "season" and ref.month is None:
        return _season_after(rel, ref)
    if ref.month is None:
        return Point(ref.year) if unit in ("M", "Q", "W", "D") and (offset or 0) == 0 else None
    if unit == "M":
        year, month = _shift_month(ref.year, ref.month, offset or 0)
        return Point(year, month)
    if unit == "Q":
        quarter = (ref.month - 1) // 3 + (offset or 0)
        return Point(ref.year + quarter // 4, quarter=quarter % 4 + 1)
    if unit == "month":
        target = int(rel.target)
        if offset == -1:
            year = ref.year if target < ref.month else ref.year - 1
        elif offset == 1:
            year = ref.year if target > ref.month else ref.year + 1
        else:
            year = ref.year
        return Point(year, target)
    if unit == "season":
        starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
        begins = starts.get(str(rel.target), 1)
        if offset == -1:
            year = ref.year if begins + 3 <= ref.month else ref.year - 1
        elif offset == 1:
            year = ref.year if begins > ref.month else ref.year + 1
        else:
            year = ref.year
        return Point(year, season=str(rel.target))
    if ref.day is None:
        # "the next day" after "In March": a day of about that month, told at the month's precision
        return Point(ref.year, ref.month) if coarse and unit == "D" and abs(offset or 0) <= 1 and ref.week is None \
            else None
    today = _date(ref)
    if unit == "W":
        year, week, _ = (today + dt.timedelta(weeks=offset or 0)).isocalendar()
        return Point(year, week=week)
    if unit == "WE":
        # the weekend of this week; without "this", the last one (the next one in the future)
        saturday = today + dt.timedelta(days=6 - today.isoweekday())
        if offset is None:
            offset = 0 if today.isoweekday() >= 6 or tense == "future" else -1
        year, week, _ = (saturday + dt.timedelta(weeks=offset)).isocalendar()
        return Point(year, week=week, weekend=True)
    if unit == "D":
        return _from_date(today + dt.timedelta(days=offset or 0), rel)
    if unit == "weekday":
        target = int(rel.target)
        back = (today.isoweekday() - target) % 7
        ahead = (target - today.isoweekday()) % 7
        if offset == -1:
            delta = -(back or 7)
        elif offset == 1:
            delta = ahead or 7
        elif offset == 0:
            delta = target - today.isoweekday()
        else:
            delta = ahead if tense == "future" else -back
        return _from_date(today + dt.timedelta(days=delta), rel)
    return None


def _to_the_day(rel: Relative, ref: Point) -> Point | None:
    """"seven years ago today", "forty years ago yesterday": the same day of the month so many units back."""
    if ref.day is None:
        return None
    day = _date(ref) + dt.timedelta(days=rel.day or 0)
    offset = rel.offset or 0
    if rel.unit in ("D", "W"):
        return _from_date(day + dt.timedelta(days=offset * (7 if rel.unit == "W" else 1)))
    months = {"Y": 12, "DE": 120, "M": 1}.get(rel.unit)
    if months is None:
        return None
    year, month = _shift_month(day.year, day.month, offset * months)
    return Point(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _season_after(rel: Relative, ref: Point) -> Point:
    """A season counted from a year or a season ("that summer", "the following spring" after "spring 2004")."""
    offset, season = rel.offset or 0, str(rel.target)
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    if offset == 0:
        return Point(ref.year, season=season)
    if ref.season is None:
        return Point(ref.year + offset, season=season)
    ahead = starts.get(season, 1) > starts.get(ref.season, 1)
    if offset > 0:
        return Point(ref.year if ahead else ref.year + 1, season=season)
    behind = starts.get(season, 1) < starts.get(ref.season, 1)
    return Point(ref.year if behind else ref.year - 1, season=season)


def _nearest_year(point: Point, dct: Point, *, tense: str | None) -> int:
    """The year that puts a month (and day) on the side of the document date the tense says, else nearest it."""
    if dct.month is None:
        return dct.year
    if point.month is None:
        # a season, quarter or half: compare the months it begins and ends with
        if point.half is not None:
            first, last = 6 * point.half - 5, 6 * point.half
        else:
            first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(point.season or "", 3 * (point.quarter or 1) - 2)
            last = first + 2
        if first <= dct.month <= last:
            return dct.year
        if point.season is not None and tense is None:
            # a season: the nearest one
            ahead = (first - dct.month) % 12
            return dct.year + (1 if dct.month > last and ahead <= 6 else 0) - (1 if dct.month < first and ahead > 6 else 0)
        if dct.month > last:
            # over this year: a season to come is next year's; a quarter or half is this year's
            return dct.year + 1 if tense == "future" and point.season is not None else dct.year
        # not begun yet this year: a quarter or half reported on is last year's
        return dct.year if tense == "future" or (point.season is not None and tense is None) else dct.year - 1
    # months from the document date to the nearest occurrence (negative: before it)
    months = (point.month - dct.month) + ((point.day or 15) - (dct.day or 15)) / 31
    if point.day is None and point.month == dct.month:
        months = 0
    year = dct.year
    if months > 6:
        year, months = year - 1, months - 12
    elif months < -6:
        year, months = year + 1, months + 12
    if abs(months) <= _NEAR_MONTHS:
        return year
    if tense == "future" and months < 0:
        return year + 1
    if tense == "past" and months > 0:
        return year - 1
    return year


def _year_up_to(point: Point, dct: Point) -> int:
    """The year that puts a month (and day) on or before the document date ("since February"); a season,
    quarter or half as the past tense puts it."""
    if dct.month is None or point.month is None:
        return _nearest_year(point, dct, tense="past")
    return dct.year if (point.month, point.day or 0) <= (dct.month, dct.day or 32) else dct.year - 1


def _with_year(value: Value, year: int) -> Value:
    """A point or span whose year was missing, with `year` (a span's end may fall in the next)."""
    start = value.first.with_(year=year)
    if value.kind != "span":
        return value.with_(start=start)
    end = value.end
    if end.year is None:
        end = end.with_(year=year if end.key()[1:] >= start.key()[1:] else year + 1)
    return value.with_(start=start, end=end)


def _valid_day(point: Point) -> bool:
    if point.day is None or point.year is None:
        return True
    return point.day <= calendar.monthrange(point.year, point.month)[1]


class _Anchorer:
    def __init__(
        self, text: str, sentences: list[tuple[int, int]], dct: Point | None, headings: frozenset[int] = frozenset()
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.dct = dct
        self.stamp: Point | None = None
        self.headings = headings
        # the one year each heading gives (None: it gives several), by the section it opens
        self.heading_years: dict[tuple[str, ...], int | None] = {}
        self.signals = _signals()
        self._cues: dict[int, tuple[list[tuple[int, int, str]], list[int], list[int]]] = {}
        self.report: Point | None = None
        self.stamp_line: str | None = None  # the shape of the line that gave the document date

    def line_shape(self, found: Found) -> str:
        """The line a date stands on with the date cut out and every number a "#" ("No. # - Moscow, @"):
        a series of dispatches heads each with a line of one shape."""
        start = self.text.rfind("\n", 0, found.start) + 1
        end = self.text.find("\n", found.end)
        end = len(self.text) if end < 0 else end
        return re.sub(r"\d+", "#", f"{self.text[start:found.start]}@{self.text[found.end:end]}").strip()

    def next_dispatch(self, found: Found) -> Point | None:
        """The date of a dispatch that a later line of the first dateline's shape opens ("No. 2 - Moscow,
        7 January 2022" after "No. 1 - Moscow, 6 January 2022"): its "today" is that day."""
        point = found.value.first
        if self.stamp_line is None or found.value.kind != "point" or point is None or point.day is None \
                or point.year is None or len(self.stamp_line) < 2:
            return None
        return point if self.line_shape(found) == self.stamp_line else None

    def tense(self, found: Found) -> str | None:
        """"past" or "future" as the tense cue nearest to `found` in its sentence says, else None."""
        cue = self._nearest_cue(found)
        return None if cue is None else "past" if cue[2] == "report" else cue[2]

    def ahead_of_now(self, found: Found) -> bool:
        """Whether the nearest tense cue puts `found` after the time of telling ("will", not "would",
        which a story in the past uses too: "in September he would resign")."""
        cue = self._nearest_cue(found)
        return cue is not None and cue[2] == "future" and self.text[cue[0]:cue[1]].lower() != "would"

    def _nearest_cue(self, found: Found) -> tuple[int, int, str] | None:
        """The tense cue nearest to `found` in its sentence (a cue after it counts as farther), if any."""
        if found.sentence not in self._cues:
            a, b = self.sentences[found.sentence] if self.sentences else (0, len(self.text))
            cues = _cues(self.text[a:b], a)
            self._cues[found.sentence] = (cues, [end for _, end, _ in cues], [start for start, _, _ in cues])
        cues, ends, starts = self._cues[found.sentence]
        before = bisect.bisect_right(ends, found.start) - 1
        after = bisect.bisect_left(starts, found.end)
        best, cue = None, None
        if before >= 0:
            best, cue = found.start - ends[before], cues[before]
        if (
            after < len(cues)
            and (best is None or (starts[after] - found.end) * _AFTER < best)
            and (best is None or cues[after][2] != "report")
            and (best is None or not _COMPLEMENT.search(self.text, found.end, starts[after]))
        ):
            cue = cues[after]
        return cue

    # 0. a second day told by its number: "April 24 and 25"
    def day_lists(self, items: list[Found]) -> list[Found]:
        out: list[Found] = []
        pattern = self.signals["day_list"]
        for i, here in enumerate(items):
            if here is None:
                continue
            out.append(here)
            point = here.value.start
            if here.value.kind != "point" or point is None or point.day is None or point.month is None:
                continue
            if point.hour is not None or point.tod is not None or here.value.mod:
                continue
            if self.day_before(here, out, items[i - 1] if i > 0 else None):
                continue
            if self.text[here.end - 1:here.end].isalpha():
                continue  # "May 3 at 10 a.m. and 4" / "May 3 evening": no plain day
            m = pattern.match(self.text, here.end)
            if m is None or int(m.group("day")) <= point.day:
                continue
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else point.year
            if day > calendar.monthrange(year or 2000, point.month)[1]:
                continue
            following = items[i + 1] if i + 1 < len(items) else None
            if following is not None and following.start < m.end():
                if not (m.group("year") and following.start == m.start("year") and following.end == m.end()):
                    continue
                items[i + 1] = None  # "April 24 and 25, 1999": the year is the second day's
            point = point.with_(year=year)  # "April 24 and 25, 1999": both in 1999
            second = point.with_(day=day)
            if m.group("join").lower() != "or" and day == point.day + 1:
                here.value = Value.span(point, second)  # two days that follow each other: one span
                here.parts = ((here.start, here.end), (m.start("day"), m.end()))
                here.end = m.end()
                continue
            here.value = here.value.with_(start=point)
            out.append(Found(m.start("day"), m.end(), "day_of_list", here.type, Value.point(second), here.sentence, here.section))
        return [found for found in out if found is not None]

    def day_before(self, here: Found, out: list[Found], previous: Found | None) -> bool:
        """A first day told by its number before a date: "on 10 and 11 March 2013" (days that follow each other
        make one span, its two days TimeML's two parts), "on 3 and 10 March" (two dates). Whether one was found."""
        point = here.value.start
        if not self.text[here.start:here.start + 1].isdigit():
            return False  # "March 11": the month first
        m = self.signals["day_list_before"].search(self.text, max(0, here.start - 12), here.start)
        if m is None or (previous is not None and previous.end > m.start()):
            return False
        day = int(m.group("day"))
        if day >= point.day:
            return False
        first = point.with_(day=day)
        if m.group("join").lower() != "or" and day == point.day - 1:
            here.value = Value.span(first, point)
            here.parts = ((m.start("day"), m.end("day")), (here.start, here.end))
            here.start = m.start("day")
            return True
        out.insert(len(out) - 1, Found(m.start("day"), m.end("day"), "day_of_list", here.type, Value.point(first),
                                       here.sentence, here.section))
        return True

    # 1. lists that share a year
    def share_years(self, items: list[Found]) -> None:
        join = self.signals["list_join"]
        for i in range(len(items) - 2, -1, -1):
            left, right = items[i], items[i + 1]
            lp, rp = left.value.first, right.value.first
            if left.value.kind != "point" or lp is None or rp is None or lp.year is not None:
                continue
            if rp.year is None or left.sentence != right.sentence:
                continue
            if not join.match(self.text[left.end:right.start]):
                continue
            if lp.day is not None and rp.day is None:
                continue
            left.value = left.value.with_(start=lp.with_(year=rp.year))
            left.anchored = True

    # 2. from A until B, between A and B
    def join_spans(self, items: list[Found]) -> list[Found]:
        out: list[Found] = []
        i = 0
        while i < len(items):
            here = items[i]
            if i + 1 < len(items):
                there = items[i + 1]
                before = self.text[max(0, here.start - 20):here.start]
                between = self.text[here.end:there.start]
                starter = self.signals["span_start"].search(before)
                if (
                    starter
                    and here.sentence == there.sentence
                    and here.value.kind == "point"
                    and there.value.kind == "point"
                    and self.signals["span_join"].match(between)
                ):
                    a, b = here.value.start, there.value.start
                    if a.year is None and b.year is not None:
                        a = a.with_(year=b.year)
                    if a.year is not None and b.year is not None and a.key() < b.key():
                        here.value = Value.span(a, b)
                        here.parts = ((here.start, here.end), (there.start, there.end))
                        here.end = there.end
                        here.signal = starter.group(1)
                        here.signal_start = here.start - len(before) + starter.start(1)
                        out.append(here)
                        i += 2
                        continue
            out.append(here)
            i += 1
        return out

    # 3. since X, until X, by X
    def open_spans(self, found: Found) -> None:
        if found.value.kind != "point" or found.signal or found.value.open:
            return  # "1994 or later" is open already
        point = found.value.start
        if point.year is None and point.month is None:
            return
        before = self.text[max(0, found.start - 20):found.start]
        for key, side in (("open_after", "after"), ("open_before", "before")):
            match = self.signals[key].search(before)
            if match:
                found.value = found.value.with_(open=side)
                found.signal = match.group(1)
                found.signal_start = found.start - len(before) + match.start(1)
                return

    def dateline(self, found: Found) -> Point | None:
        point = found.value.first
        if found.value.kind != "point" or point is None or point.day is None or point.year is None:
            return None
        return point if is_dateline(self.text, found.start, found.end) else None

    def stamp_of(self, found: Found) -> Point | None:
        point = found.value.first
        if found.value.kind != "point" or point is None or point.day is None or point.year is None:
            return None
        return point if is_stamp(self.text, found.start, found.end) else None

    def reported(self, rel: Relative) -> Point | None:
        """The quarter a financial report is about (the latest the text named, else the last one
        that ended before the document date), shifted as `rel` says."""
        base = self.report
        if base is None and self.dct is not None and self.dct.month is not None:
            index = self.dct.year * 4 + (self.dct.month - 1) // 3 - 1
            base = Point(index // 4, quarter=index % 4 + 1)
        if base is None:
            return None
        index = base.year * 4 + base.quarter - 1 + (rel.offset or 0)
        year, quarter = index // 4, index % 4 + 1
        if rel.target is not None:
            year, quarter = base.year + (rel.offset or 0) // 4, int(rel.target)
        if rel.year is not None:
            year = rel.year
        return Point(year, quarter=quarter)

    def _ended(self, point: Point) -> bool:
        """Whether a quarter had ended by the document date (a report can be about it)."""
        if self.dct is None or self.dct.month is None:
            return True
        return point.year * 12 + 3 * point.quarter <= self.dct.year * 12 + self.dct.month - 1

    def heading_year(self, section: tuple[str, ...]) -> int | None:
        """The year that the nearest heading above `section` (itself or a parent) gives, if one does."""
        for depth in range(len(section), 0, -1):
            if section[:depth] in self.heading_years:
                return self.heading_years[section[:depth]]
        return None

    def note_heading(self, found: Found) -> None:
        """Keep the year of a date in a heading for the section it opens."""
        point = found.value.first
        if found.sentence not in self.headings or found.value.kind != "point" or point is None or point.year is None:
            return
        known = self.heading_years.get(found.section, point.year)
        self.heading_years[found.section] = point.year if known == point.year else None

    # 4 and 5
    def fill(self, items: list[Found]) -> None:
        narrative: dict[tuple[str, ...], Point] = {}
        self.report = None
        given = self.dct is not None
        for index, found in enumerate(items):
            dispatch = None if given else self.next_dispatch(found)
            if dispatch is not None:
                # a new dispatch of a series: the day its own dateline gives
                self.dct, self.stamp = (dispatch, None) if self.dct is not None else (None, dispatch)
            if self.dct is None:
                self.dct = self.dateline(found)
                if self.dct is not None:
                    self.stamp_line = self.line_shape(found)
            if self.dct is None and self.stamp is None:
                # A page's time stamp dates "on Friday" and "last year"; it is the date of a news
                # report only where a dateline opens the report ("GENEVA - ..."), else partial dates
                # keep taking their year from the narrative.
                self.stamp = self.stamp_of(found)
                if self.stamp is not None:
                    self.stamp_line = self.line_shape(found)
                if self.stamp is not None and _NEWS_OPENER.search(self.text, 0, _STAMP_REACH * 2):
                    self.dct, self.stamp = self.stamp, None
            value = found.value
            tense = self.tense(found)
            moves = True  # whether this expression moves the narrative on
            if value.kind == "relative":
                rel = value.relative
                dated = self.dct or self.stamp
                ref = dated if rel.anchor == "dct" else narrative.get(found.section) or dated
                if rel.anchor == "narrative":
                    # "that day", "the following year": the date told before it, in the sentence or
                    # the section; a later date of the sentence only where nothing came before
                    ref = self._same_sentence(items, index, after=False) or narrative.get(found.section) \
                        or self._same_sentence(items, index) or ref
                if rel.unit == "report":
                    point, moves = self.reported(rel), False
                    if point is not None and (rel.offset or 0) >= 0 and self._ended(point):
                        self.report = point
                elif rel.target == "ago" and rel.unit == "Y" and rel.offset == -1 and self.report is not None:
                    # "a year ago" in a report on a quarter: the same quarter a year before
                    point, moves = Point(self.report.year - 1, quarter=self.report.quarter), False
                else:
                    # ("In March, X. Y the next day": the story's month; not a month an aside names)
                    told = rel.anchor == "narrative" and self._same_sentence(items, index, after=False) is None
                    point = resolve_relative(rel, ref, tense=tense, coarse=told) if ref is not None else None
                    # ("seven years ago today" names the day the story is in; "a year ago" does not)
                    moves = not (rel.target == "ago" and (rel.offset or 0) < 0 and rel.day is None)
                if point is not None:
                    found.value = Value.point(point, mod=value.mod)
                    found.anchored = True
                else:
                    found.value = Value("unresolved", relative=rel, mod=value.mod)
            elif value.kind == "literal" and found.type == "DURATION":
                found.dated = self.counted(found, items, index, narrative.get(found.section))
                if found.dated is not None:
                    narrative[found.section] = found.dated
            elif value.kind in ("point", "span") and value.first.is_partial:
                point = value.first
                year = None
                # news: a day without its year is near the document date, whatever other years
                # its sentence names ("redeem on Nov. 16 its debentures due 2011"); a narrative
                # takes the year from earlier in the sentence, then from the section, and only
                # then from later in the sentence (not from a deadline: "... until 2028").
                same = self._same_sentence(items, index, after=False)
                if self.dct is not None and (same is None or same.month is None or abs(same.year - self.dct.year) < 2
                                             or tense == "future"):
                    # news: only a full date years from the document's, told before it in the sentence, dates it
                    # ("admitted on 29 March 2022; Kinshasa signed on 8 April" in a 2024 briefing), and not
                    # what is still to come ("invited in July 1997, will join on March 12")
                    same = None
                heading = self.heading_year(found.section)
                if same is None and self.dct is not None and not self.ahead_of_now(found):
                    # (a backgrounder's story is told in the past: "will publish in September" after "launched
                    # in April 2010" is this year's September)
                    same = self._story_before(items, index)
                if same is not None:
                    year = same.year
                elif self.dct is not None and heading is not None:
                    year = heading
                elif self.dct is not None and (found.signal or "").lower() in self.signals["open_after_past"]:
                    year = _year_up_to(point, self.dct)  # "since February": on or before the date
                elif self.dct is not None:
                    year = _nearest_year(point, self.dct, tense=tense)
                elif found.section in narrative:
                    year = narrative[found.section].year
                elif heading is not None:
                    year = heading
                else:
                    later = self._same_sentence(items, index, before=False)
                    year = later.year if later is not None else None
                if year is not None and _valid_day(point.with_(year=year)):
                    found.value = _with_year(value, year)
                    found.anchored = True
            self.note_heading(found)
            last = found.value.last
            # ("since 1996" tells how long, not when the story now is: "the next day" is not 1997's)
            moves = moves and found.value.open is None
            if moves and found.value.kind in ("point", "span") and last is not None and last.year is not None:
                narrative[found.section] = last
                if last.quarter is not None and self._ended(last):
                    self.report = last

    # 6. "Friday at 10 a.m.", "11:20 p.m. on Monday": an hour takes the day it is told with, else
    #    the one day its sentence names
    def counted(self, found: Found, items: list[Found], index: int, told: Point | None) -> Point | None:
        """"A week later", "three days earlier": the day (or month, year) that many units from the
        date told before, in the sentence or the story."""
        later = _COUNTED.match(self.text, found.end)
        amount = re.fullmatch(r"P(\d+)([DWMY])", found.value.literal or "")
        ref = self._same_sentence(items, index, after=False) or told
        if later is None or amount is None or ref is None or ref.year is None:
            return None
        word = (later.group(1) or later.group(2)).lower()
        n = int(amount.group(1)) * (-1 if word in ("earlier", "before") else 1)
        unit = amount.group(2)
        if unit in ("D", "W"):
            if ref.day is None:
                return None
            return _from_date(_date(ref) + dt.timedelta(days=n * (7 if unit == "W" else 1)))
        return resolve_relative(Relative(unit, n), ref)

    def clock_days(self, items: list[Found], bare: set[int]) -> None:
        for index, found in enumerate(items):
            if id(found) not in bare or found.value.kind != "point":
                continue
            day = None
            after = items[index + 1] if index + 1 < len(items) else None
            before = items[index - 1] if index > 0 else None
            if after is not None and after.sentence == found.sentence and _CLOCK_THEN_DAY.fullmatch(
                self.text, found.end, after.start
            ):
                day = after.value.first if after.value.kind == "point" else None
            if day is None and before is not None and before.sentence == found.sentence and _DAY_THEN_CLOCK.fullmatch(
                self.text, before.end, found.start
            ):
                day = before.value.last if before.value.kind == "point" else None
            if day is None:
                day = self._day_of_sentence(items, index)
            if day is None or day.day is None or day.hour is not None:
                continue
            clock = found.value.first
            found.value = found.value.with_(start=clock.with_(year=day.year, month=day.month, day=day.day))

    # 7. "from Tuesday to Sunday", "between Tuesday and Thursday": a span's second weekday is the first
    #    one on or after its first (each was taken alone, on the side of the document date its tense says)
    def weekday_spans(self, items: list[Found], weekdays: set[int]) -> None:
        for here, there in pairwise(items):
            if id(here) not in weekdays or id(there) not in weekdays or here.sentence != there.sentence:
                continue
            a, b = here.value.first, there.value.first
            if here.value.kind != "point" or there.value.kind != "point" or a is None or b is None \
                    or a.day is None or b.day is None or a.year is None or b.year is None:
                continue
            between = self.text[here.end:there.start]
            if not self.signals["span_join"].match(between):
                continue
            starter = self.signals["span_start"].search(self.text[max(0, here.start - 20):here.start])
            if starter is None and between.strip().lower() in ("and", "to"):
                continue  # "Friday and Thursday": a list, no span
            first, second = _date(a), _date(b)
            if second < first:
                moved = second + dt.timedelta(days=7 * ((first - second).days // 7 + 1))
                there.value = there.value.with_(start=b.with_(year=moved.year, month=moved.month, day=moved.day))

    @staticmethod
    def _day_of_sentence(items: list[Found], index: int) -> Point | None:
        """The one day the sentence of an hour names ("On Tuesday, the bomb went off at 10 a.m.")."""
        here = items[index]
        days = [
            other.value.first
            for other in items[max(0, index - _NEAR):index + 1 + _NEAR]
            if other is not here and other.sentence == here.sentence and other.value.kind == "point"
            and other.value.first is not None and other.value.first.day is not None
        ]
        return days[0] if len(days) == 1 else None

    def _story_before(self, items: list[Found], index: int) -> Point | None:
        """In news, a day the sentence just before dated in full, years from the document's date, where this
        day comes later in that month or year ("On 17 August 1999 an earthquake ... when Athens was hit in
        turn on 7 September"): a backgrounder's story, whose year it keeps."""
        if index == 0 or self.dct is None:
            return None
        here, before = items[index], items[index - 1]
        point, told = here.value.first, before.value.last
        if before.sentence != here.sentence - 1 or before.section != here.section or before.anchored \
                or before.value.kind not in ("point", "span") or told is None or told.year is None \
                or told.month is None or abs(told.year - self.dct.year) < 2 or point is None or point.month is None:
            return None
        return told if (point.month, point.day or 0) > (told.month, told.day or 0) else None

    def _same_sentence(self, items: list[Found], index: int, *, before: bool = True, after: bool = True) -> Point | None:
        """The fuller date of the same sentence: the latest before, else the first after (not a deadline)."""
        here = items[index]
        for other in reversed(items[max(0, index - _NEAR):index] if before else []):
            if other.sentence != here.sentence:
                break
            point = other.value.last
            if other.value.kind in ("point", "span") and point is not None and point.year is not None and not other.anchored:
                return point
        for other in items[index + 1:index + 1 + _NEAR] if after else []:
            if other.sentence != here.sentence:
                break
            if other.signal and other.value.open == "before":
                continue
            point = other.value.first
            if other.value.kind in ("point", "span") and point is not None and point.year is not None and not other.anchored:
                return point
        return None


def anchor(
    items: list[Found],
    *,
    text: str,
    sentences: list[tuple[int, int]],
    dct: Point | None,
    headings: frozenset[int] = frozenset(),
) -> tuple[list[Found], Point | None]:
    """Anchor every expression in `items` (in text order); returns them and the document date used.

    `headings` are the indexes (into `sentences`) of the sentences that are headings.
    """
    worker = _Anchorer(text, sentences, dct, headings)
    items = worker.day_lists(items)
    worker.share_years(items)
    items = worker.join_spans(items)
    for found in items:
        worker.open_spans(found)
    bare_clocks = [found for found in items if _bare_clock(found.value)]
    weekdays = {id(found) for found in items if found.value.kind == "relative" and found.value.relative.unit == "weekday"}
    worker.fill(items)
    if bare_clocks:
        worker.clock_days(items, {id(found) for found in bare_clocks})
    if len(weekdays) > 1:
        worker.weekday_spans(items, weekdays)
    return items, worker.dct or worker.stamp
