"""When two tellings are the same event, and which date the merged event keeps.

Two tellings (one sentence and date each, from any documents) are the same
event when they have the same type, share an actor, name no different
people, and
- give the same date, with some words in common; or
- give compatible dates (a day inside its month or year), with more words
  in common; or
- give contradicting dates less than four years apart, but tell the event in
  largely the same words (most words of the shorter telling are in the
  other): then the dates are a conflict, kept and shown.
Within one document only the same date merges (an article that repeats
itself): for a day, as between documents; for a month or a year, with many
words in common.

The merged date is the most precise value that agrees with the most tellings;
the others that contradict it are its conflicts.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from annals.store.dates import bounds

__all__ = ["Telling", "choose_date", "compatible", "content_words", "same_event"]

SAME_DATE_WORDS = 0.12
SAME_DATE_WORDS_FEW_ACTORS = 0.2
COMPATIBLE_WORDS = 0.25
CONFLICT_WORDS = 0.65
SAME_DOCUMENT_WORDS = 0.3
CONFLICT_YEARS = 3

_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had its his her their "
    "this that these those it he she they which who after before during since until between into over under "
    "also than then there when where while about against among within without per via "
    "january february march april may june july august september october november december".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.casefold().rstrip("'s") for t in _TOKEN.findall(text)) if w not in _STOP and len(w) > 1)


class Telling(NamedTuple):
    """What sameness compares of one telling (a tuple: the store makes thousands per document)."""

    document: object  # which document tells it (compared for equality only)
    date: str
    type: str
    actors: frozenset[str]
    persons: frozenset[str]
    words: frozenset[str] = frozenset()


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _point(value: str) -> bool:
    return "/" not in value


def compatible(a: str, b: str) -> bool:
    """Whether two EDTF dates can name the same day: equal, or one a point inside the other point."""
    if a == b:
        return True
    if not (_point(a) and _point(b)):
        return False
    if a.startswith("XXXX") or b.startswith("XXXX"):
        return a[4:] == b[4:] and a[4:] != ""
    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    if None in (a0, a1, b0, b1):
        return False
    return (a0 >= b0 and a1 <= b1) or (b0 >= a0 and b1 <= a1)


def _years_apart(a: str, b: str) -> int | None:
    (a0, _), (b0, _) = bounds(a), bounds(b)
    if not a0 or not b0 or a0.startswith("0001") or b0.startswith("0001"):
        return None
    return abs(int(a0[:4]) - int(b0[:4]))


def same_event(new: Telling, old: Telling) -> tuple[bool, bool]:
    """(same event, with a date conflict)."""
    if new.type != old.type or not (new.actors & old.actors):
        return False, False
    if new.persons and old.persons and not (new.persons & old.persons):
        return False, False
    words = _overlap(new.words, old.words)
    if new.document == old.document:
        # An article that tells an event twice: the same date, and for a day the same actors suffice.
        if new.date != old.date:
            return False, False
        day = len(new.date) == 10 and len(new.actors & old.actors) >= 2
        return words >= (SAME_DATE_WORDS if day else SAME_DOCUMENT_WORDS), False
    if new.date == old.date:
        needed = SAME_DATE_WORDS if len(new.actors & old.actors) >= 2 else SAME_DATE_WORDS_FEW_ACTORS
        return words >= needed, False
    if compatible(new.date, old.date):
        return words >= COMPATIBLE_WORDS, False
    apart = _years_apart(new.date, old.date)
    shared = len(new.words & old.words) / min(len(new.words), len(old.words)) if new.words and old.words else 0.0
    if apart is not None and apart <= CONFLICT_YEARS and shared >= CONFLICT_WORDS:
        return True, True
    return False, False


def _precision(value: str) -> int:
    return len(value.split("/")[0].replace("X", ""))


def choose_date(values: list[str], *, weights: list[int] | None = None) -> tuple[str, list[int]]:
    """The date a merged event keeps, and the indexes of the values that contradict it.

    `weights` counts how many tellings give each value (one each by default).
    """
    weights = weights or [1] * len(values)
    best_index, best_key = 0, None
    for i, value in enumerate(values):
        agreeing = sum(w for other, w in zip(values, weights) if compatible(value, other))
        key = (agreeing, _precision(value), -i)
        if best_key is None or key > best_key:
            best_index, best_key = i, key
    chosen = values[best_index]
    return chosen, [i for i, value in enumerate(values) if not compatible(chosen, value)]
