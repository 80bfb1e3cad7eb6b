"""A sort key for EDTF dates: chronological, unknown parts last within what is known."""
from __future__ import annotations

import re

__all__ = ["date_key"]


def date_key(value: str) -> tuple:
    """Order "1994", "1994-05", "1994-05-04", "../2008-05", "XXXX-11-06" chronologically.

    A span sorts by its start (an open start by its end); a year sorts before
    its months; a date whose year is unknown sorts after every known one.
    """
    start, _, end = value.partition("/")
    point = end if start in ("", "..") else start
    parts = re.findall(r"[\dX]+", point)
    if not parts or not parts[0].isdigit():
        return (1, 9999, 99, 99, value)
    year = int(parts[0].replace("X", "0")) * (10 ** (4 - len(parts[0])))
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) <= 12 else 0
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
    return (0, year, month, day, value)
