"""Day bounds of EDTF dates, for sorting and range queries (the `edtf` package reads them)."""
from __future__ import annotations

import re
import time
from functools import lru_cache

__all__ = ["bounds", "query_bounds", "OPEN_START", "OPEN_END"]

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"


def _day(value: time.struct_time) -> str:
    return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"


@lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[str | None, str | None]:
    """(first day, last day) that an EDTF value may mean; (None, None) when the year is unknown."""
    from edtf import parse_edtf

    if not value or value.startswith("XXXX"):
        return None, None
    start, sep, end = value.partition("/")
    if sep:
        first = OPEN_START if start in ("..", "") else bounds(start)[0]
        last = OPEN_END if end in ("..", "") else bounds(end)[1]
        return first, last
    try:
        parsed = parse_edtf(value)
        return _day(parsed.lower_strict()), _day(parsed.upper_strict())
    except Exception:  # noqa: BLE001 - the edtf package raises many kinds of errors
        return None, None


_QUERY_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def query_bounds(value: str) -> tuple[str, str] | None:
    """The day bounds of a --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD), None if malformed."""
    if not _QUERY_DATE.fullmatch(value or ""):
        return None
    first, last = bounds(value)
    return (first, last) if first and last else None
