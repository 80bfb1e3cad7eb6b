"""Places and quantities of an event's sentence.

Places: the names that are places (cities, regions, "... Airport"), and
countries or unknown single names after "in", "at", "to", "from", "near".
Quantities: a number (not part of a date) and the noun it counts:
"34 servicemen", "950 tonnes", "64 km^{2}" (unit km²).
"""
from __future__ import annotations

import re
from functools import cache

from annals.data import load
from annals.model import Quantity, TimeMention
from annals.resolve.names import Name

__all__ = ["places", "quantities"]

_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|to|from|near|into|visited|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def places(text: str, names: list[Name]) -> list[str]:
    found: list[str] = []
    for name in names:
        place = None
        if name.kind == "place":
            place = name.canonical
        elif (name.kind in ("country", "unknown") and not name.possessive and name.text[:1].isupper()
              and _PLACE_PREPOSITION.search(text[max(0, name.start - 12):name.start])):
            if name.kind == "country" and name.text != name.canonical and not name.text.startswith(name.canonical):
                continue  # a demonym ("Azerbaijani") is not a place
            place = name.canonical
        if place and place not in found:
            found.append(place)
    return found


@cache
def _words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = load("events/quantities.yaml")
    return data["units"], frozenset(data["modifiers"]), frozenset(data["not_units"])


_NUMBER = re.compile(r"(?<![\w.,+^{])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d+]|\.\d|,\d)")
_AFTER = re.compile(r"\s*(%|km\^\{2\}|km²|[^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?")


def quantities(text: str, start: int, end: int, times: list[TimeMention]) -> list[Quantity]:
    units, modifiers, not_units = _words()
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text, start, end):
        if any(t.start <= m.start() < t.end for t in times):
            continue
        after = _AFTER.match(text, m.end(), end)
        if not after:
            continue
        first, second = after.group(1), after.group(2)
        if first.casefold() in not_units or first[:1].isupper():
            continue
        words = first
        if first.casefold() in modifiers and second and second.casefold() not in not_units:
            words = f"{first} {second}"
        unit = units.get(words) or units.get(words.casefold()) or words
        number = m.group(1).replace(",", "")
        value: int | float = float(number) if "." in number else int(number)
        stop = after.start(2) if words == first and second else after.end()
        found.append(Quantity(value, unit, text[m.start():stop].rstrip()))
    return found
