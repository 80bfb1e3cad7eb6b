"""Turn the named groups of a rule's match into a `Value` (not yet anchored).

Group names carry the meaning (see the FORMAT of data/time/rules.yaml);
the words they hold are looked up in data/time/words.yaml. A match that
names an impossible date (30 February, a span that ends before it starts)
normalises to None and is dropped.
"""
from __future__ import annotations

import calendar
import re
from typing import Any

from annals.time.holidays import holiday_date, holiday_month
from annals.time.lexicon import Lexicon, lexicon
from annals.time.values import Point, Relative, Value

__all__ = ["GROUP_LISTS", "normalize"]

# Which word lists a group's text is looked up in.
GROUP_LISTS: dict[str, tuple[str, ...]] = {
    "month": ("month", "month_abbr"),
    "month2": ("month", "month_abbr"),
    "weekday": ("weekday",),
    "day": ("day_ordinal_word",),
    "day2": ("day_ordinal_word",),
    "num": ("number_word",),
    "vague": ("vague_number",),
    "unit": ("unit",),
    "season": ("season",),
    "quarter": ("quarter_ordinal", "quarter_months"),
    "half": ("half_ordinal",),
    "holiday": ("holiday",),
    "part": ("part_of_period",),
    "tod": ("time_of_day",),
    "rel": ("relative_word", "anaphoric_word"),
    "century": ("century_ordinal", "roman_century"),
    "decade_word": ("decade_word",),
    "deictic": ("deictic_day", "deictic_night"),
    "set_word": ("set_adverb",),
    "clock_word": ("clock_word",),
    "ago": ("offset_direction",),
    "report": ("report_shift",),
    "ended": ("month", "month_abbr"),
}

_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_DURATION_TIME_UNITS = {"TS": "S", "TM": "M", "TH": "H"}
_PLURAL_UNITS = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "hours": "TH", "minutes": "TM",
                 "seconds": "TS", "decades": "DE", "centuries": "CE", "quarters": "Q"}


class _Groups:
    """Looks up a match's groups as numbers or list values."""

    def __init__(self, groups: dict[str, str | None], words: Lexicon) -> None:
        self.raw = {k: v for k, v in groups.items() if v is not None}
        self.words = words

    def __contains__(self, name: str) -> bool:
        return name in self.raw

    def text(self, name: str) -> str | None:
        return self.raw.get(name)

    def value(self, name: str) -> Any:
        text = self.raw.get(name)
        if text is None:
            return None
        stripped = text.strip().rstrip(".")
        if _THOUSANDS.fullmatch(stripped):
            stripped = stripped.replace(",", "")  # "1,200 years"
        if stripped.isdigit():
            return int(stripped)
        for suffix in ("st", "nd", "rd", "th"):
            if stripped.endswith(suffix) and stripped[: -len(suffix)].isdigit():
                if name in ("century",):
                    break
                return int(stripped[: -len(suffix)])
        found = self.words.value(GROUP_LISTS.get(name, ()), stripped)
        if found is None:
            return _number(stripped, self.words)
        return found


def _number(text: str, words: Lexicon) -> float | int | None:
    """A number written in digits ("2.5", "2 1/2", "5½") or words ("twenty-four", "two and a half")."""
    text = text.replace("½", " 1/2").strip()
    whole, _, fraction = text.partition(" 1/2")
    if fraction == "" and text.endswith(" 1/2"):
        base = _number(whole, words)
        return None if base is None else base + 0.5
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[\s-]+", text.casefold()):
        if part in ("and", ""):
            continue
        value = words.value(("number_word",), part)
        if not isinstance(value, (int, float)):
            return None
        total += value
    return total


def _spoken_year(text: str, words: Lexicon) -> int | None:
    """ "nineteen ninety-six": 1996; "two thousand and three": 2003."""
    parts = [p for p in re.split(r"[\s-]+", text.casefold()) if p not in ("and", "")]
    if parts[:2] == ["two", "thousand"]:
        rest = _number(" ".join(parts[2:]), words) if parts[2:] else 0
        return None if rest is None else 2000 + int(rest)
    high = words.value(("number_word",), parts[0])
    low = 0 if parts[1:] == [] else _number(" ".join(p for p in parts[1:] if p != "oh"), words)
    if not isinstance(high, int) or low is None:
        return None
    return high * 100 + int(low)


def _year(groups: _Groups, name: str, yy: str, base: int | None = None) -> int | None:
    if name in groups:
        text = groups.text(name).strip()
        return int(text) if text.isdigit() else _spoken_year(text, groups.words)
    if yy in groups:
        two = int(groups.text(yy).lstrip("'"))
        if base is not None:
            year = base // 100 * 100 + two
            return year + 100 if year < base else year
        return 2000 + two if two < 30 else 1900 + two
    return None


def _valid(point: Point) -> bool:
    if point.month is not None and not 1 <= point.month <= 12:
        return False
    if point.day is not None:
        if point.month is None:
            return False
        limit = calendar.monthrange(point.year or 2000, point.month)[1]
        if not 1 <= point.day <= limit:
            return False
    return True


def _clock(groups: _Groups) -> tuple[int | None, int | None]:
    """The hour and minute a match names ("6 p.m.", "14:30", "noon"), else (None, None)."""
    if "clock_word" in groups:
        hour, minute = (int(x) for x in groups.value("clock_word").split(":"))
        return hour, minute
    if "hour" not in groups:
        return None, None
    hour = int(groups.text("hour"))
    ampm = (groups.text("ampm") or "").casefold()
    if ampm:
        # "p.m.", "in the afternoon", "in the evening", "at night" (from six: "2 at night" is morning)
        later = ampm.startswith("p") or ampm.endswith(("afternoon", "evening")) or (ampm.endswith("night") and hour >= 6)
        hour = hour % 12 + (12 if later else 0)
    return hour, int(groups.text("minute") or 0)


def _mod(groups: _Groups) -> str | None:
    """The TimeML mod: of "early", "mid", "the end of"...; else APPROX for "around"."""
    mod = groups.value("part")
    if mod is None and "approx" in groups:
        return "APPROX"
    return mod


def _points(groups: _Groups) -> Value | None:
    hour, minute = _clock(groups)
    start = Point(
        year=_year(groups, "year", "yy"),
        month=groups.value("month"),
        day=groups.value("day"),
        season=groups.value("season"),
        quarter=groups.value("quarter"),
        half=groups.value("half"),
        hour=hour,
        minute=minute,
    )
    if "holiday" in groups:
        rule = str(groups.value("holiday"))
        if start.year is not None:
            month, day = holiday_date(rule, start.year)
            start = start.with_(month=month, day=day)
        elif rule[0].isdigit():  # a fixed day: 12-25
            start = start.with_(month=holiday_month(rule), day=holiday_date(rule, 2000)[1])
        else:
            start = start.with_(month=holiday_month(rule), holiday=rule)
    if "week_of" in groups:
        start = start.with_(week_of=True)  # "the week of March 6", "Easter week": the week once the year is known
    if "weekend_of" in groups:
        start = start.with_(week_of=True, weekend=True)  # "the Easter weekend": that week's weekend
    if "decade4" in groups:
        start = start.with_(decade=int(groups.text("decade4")[:3]))
    elif "decade2" in groups:
        two = int(groups.text("decade2"))
        start = start.with_(decade=190 + two // 10 if two >= 30 else 200 + two // 10)
    elif "decade_word" in groups:
        start = start.with_(decade=190 + groups.value("decade_word"))
    if "century" in groups:
        start = start.with_(century=groups.value("century") - 1)
    elif "hundreds" in groups:
        start = start.with_(century=int(groups.text("hundreds")[:2]))  # "the 1800s": the years 1800-1899
    mod = _mod(groups)
    if not any(n in groups for n in ("year2", "yy2", "month2", "day2")):
        if not _valid(start):
            return None
        opens = "after" if "or_later" in groups else "before" if "or_earlier" in groups else None
        return Value.point(start, mod=mod).with_(open=opens) if opens else Value.point(start, mod=mod)
    end = Point(
        year=_year(groups, "year2", "yy2", base=start.year),
        month=groups.value("month2"),
        day=groups.value("day2"),
    )
    # Parts a span states once belong to both ends: "27–28 April 2000".
    if end.day is not None and end.month is None:
        end = end.with_(month=start.month)
    if start.day is not None and start.month is None:
        start = start.with_(month=end.month)
    if start.year is None:
        start = start.with_(year=end.year)
    if end.year is None:
        end = end.with_(year=start.year)
    if not (_valid(start) and _valid(end)):
        return None
    if start.year is not None and end.key() <= start.key():
        return None
    return Value.span(start, end)


# A fraction of a unit in the next smaller one: "2 1/2 years" is P2Y6M.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _amount(amount: object, unit: str) -> str:
    """A TimeML duration: P2Y, PT5H, P2Y6M, PT5H30M, P1DT12H."""
    whole, fraction = amount, 0.0
    if isinstance(amount, float):
        whole, fraction = int(amount), amount - int(amount)
    parts = [(whole, unit)] if whole or not fraction else []
    if fraction and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        parts.append((round(fraction * factor), smaller))
    elif fraction:
        return f"P{amount}{unit}" if unit not in _DURATION_TIME_UNITS else f"PT{amount}{_DURATION_TIME_UNITS[unit]}"
    date = "".join(f"{n}{u}" for n, u in parts if u not in _DURATION_TIME_UNITS)
    time = "".join(f"{n}{_DURATION_TIME_UNITS[u]}" for n, u in parts if u in _DURATION_TIME_UNITS)
    return "P" + date + (f"T{time}" if time else "")


def _duration(groups: _Groups) -> Value | None:
    unit = groups.value("unit")
    if unit is None and "vague" in groups:
        unit = _PLURAL_UNITS.get(groups.text("vague").casefold())
        amount = "X"
    elif "num" in groups or "vague" in groups:
        amount = groups.value("num") if "num" in groups else groups.value("vague")
    else:
        amount = 1  # "a year-long inquiry"
    if unit is None or amount is None:
        return None
    if ("and_half" in groups or "num_half" in groups) and isinstance(amount, (int, float)):
        amount += 0.5  # "a minute and a half", "two and a half years"
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    if unit == "WE":
        return Value("literal", literal="P1WE")
    if unit == "DE":
        # decades in years, as TimeBank and AQUAINT write them ("two decades": P20Y, "decades": PXY)
        unit = "Y"
        if isinstance(amount, (int, float)):
            amount = amount * 10
            if isinstance(amount, float) and amount.is_integer():
                amount = int(amount)
    if unit == "CE" and isinstance(amount, float):
        unit, amount = "Y", round(amount * 100)  # "half a century": P50Y
    if amount == "X":
        prefix = "PT" if unit in _DURATION_TIME_UNITS else "P"
        return Value("literal", literal=f"{prefix}X{_DURATION_TIME_UNITS.get(unit, unit)}")
    return Value("literal", literal=_amount(amount, unit))


def _relative(groups: _Groups, anchor: str) -> Value | None:
    tod = groups.value("tod")
    hour, minute = _clock(groups)
    rel = groups.value("rel")
    direction = groups.value("ago")
    mod = _mod(groups)
    if "month" in groups and "unit" in groups:
        # July last year, 27 January of that year: the year counted from the reference, the month
        # (and day) named
        day = groups.value("day") if "day" in groups else None
        relative = Relative(groups.value("unit"), rel, anchor, target=groups.value("month"), day=day)
        return Value("relative", relative=relative, mod=mod)
    if "month" in groups and "day" in groups:
        # "this coming Sunday, March 8": the calendar date the text spells out
        return _points(groups)
    if "deictic" in groups and direction is not None:
        # "seven years ago today": counted to the day from the day named
        amount = groups.value("num")
        if not isinstance(amount, (int, float)):
            return None
        relative = Relative(groups.value("unit"), int(amount) * direction, anchor, target="ago",
                            day=groups.value("deictic"))
    elif "deictic" in groups:
        relative = Relative("D", groups.value("deictic"), anchor, tod=tod)
    elif "weekday" in groups:
        relative = Relative("weekday", rel, anchor, target=groups.value("weekday"), tod=tod, hour=hour, minute=minute)
    elif "month" in groups:
        relative = Relative("month", rel, anchor, target=groups.value("month"))
    elif "season" in groups and "unit" in groups:
        # the spring of last year: the year counted from the reference, the season named
        relative = Relative(groups.value("unit"), rel, anchor, target=groups.value("season"))
    elif "season" in groups:
        relative = Relative("season", rel, anchor, target=groups.value("season"))
    elif "half" in groups:
        # the first half of the year, of next year
        relative = Relative("half", rel or 0, anchor, target=groups.value("half"))
    elif "unit" in groups and direction is not None:
        amount = groups.value("num")
        if not isinstance(amount, (int, float)):
            return None
        unit = groups.value("unit")
        unit = {"TH": "D", "TM": "D", "TS": "D"}.get(unit, unit)
        if unit == "DE":
            unit, amount = "Y", amount * 10  # "a decade ago" names a year, as AQUAINT gives it
        relative = Relative(unit, int(amount) * direction, anchor, target="ago")
    elif "unit" in groups:
        unit = groups.value("unit")
        if unit in ("TH", "TM", "TS"):
            return None
        if rel is None and unit != "WE":  # "the weekend": the tense says which
            rel = 0
        relative = Relative(unit, rel, anchor)
    else:
        # a part of the day: of the day itself, or of the one after or before it ("the next morning")
        relative = Relative("D", rel or 0, anchor, tod=tod, hour=hour, minute=minute)
    return Value("relative", relative=relative, mod=mod)


def _report(groups: _Groups) -> Value:
    """The period a financial report is about, shifted as "year-ago" says; a quarter or year the text names."""
    shift = groups.value("report") if "report" in groups else 0
    if "rel" in groups:
        shift = 4 * groups.value("rel")  # last year's quarter
    year = _year(groups, "year", "yy")
    quarter = groups.value("quarter")
    if quarter is None and "ended" in groups:
        # the quarter of three months that ends in that month: "the quarter ended July 31" is the second
        quarter = (groups.value("ended") - 2) % 12 // 3 + 1
    relative = Relative("report", int(shift or 0), "report", target=quarter, year=year)
    return Value("relative", relative=relative)


def normalize(rule: Any, groups: dict[str, str | None]) -> Value | None:
    """The meaning of one match of `rule` (its `type`, `value` and `anchor` keys)."""
    found = _Groups(groups, lexicon())
    if rule.value:
        return Value("literal", literal=rule.value)
    if rule.type == "DURATION":
        return _duration(found)
    if rule.type == "SET":
        if "set_word" in found:
            return Value("literal", literal=found.value("set_word"))
        if "season" in found:
            return Value("literal", literal=f"XXXX-{found.value('season')}")
        if "month" in found:
            return Value("literal", literal=f"XXXX-{found.value('month'):02d}")
        if "weekday" in found:
            tod = f"T{found.value('tod')}" if "tod" in found else ""
            return Value("literal", literal=f"XXXX-WXX-{found.value('weekday')}{tod}")
        unit = found.value("unit")
        count = found.value("num") if "num" in found else 1
        if not isinstance(count, (int, float)) or not unit:
            return None
        return Value("literal", literal=_amount(int(count), unit))
    if rule.anchor == "report":
        return _report(found)
    if rule.anchor:
        return _relative(found, rule.anchor)
    return _points(found)
