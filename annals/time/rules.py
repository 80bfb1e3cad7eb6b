"""Time rules (data/time/rules.yaml), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.time.lexicon import lexicon

__all__ = ["TYPES", "Rule", "rules"]

TYPES = ("DATE", "TIME", "DURATION", "SET")
_ANCHORS = (None, "dct", "narrative", "report")
_KEYS = {"pattern", "type", "value", "anchor", "case", "examples", "negatives", "shift"}


@dataclass(frozen=True)
class Rule:
    name: str
    order: int
    pattern: str
    regex: re.Pattern = field(repr=False, compare=False)
    type: str
    value: str | None = None
    anchor: str | None = None
    examples: tuple[dict, ...] = ()
    negatives: tuple[str, ...] = ()


def _compile(order: int, entry: dict) -> Rule:
    name = entry.get("name", f"#{order}")
    where = f"time/rules.yaml:{name}"
    check_keys(where, entry, required={"name", "pattern", "type"}, allowed=_KEYS)
    if entry["type"] not in TYPES:
        raise DataError(f"{where}: type must be one of {', '.join(TYPES)}")
    if entry.get("anchor") not in _ANCHORS:
        raise DataError(f"{where}: anchor must be dct, narrative or report")
    source = lexicon().expand(entry["pattern"])
    try:
        regex = re.compile(source)
    except re.error as exc:
        raise DataError(f"{where}: pattern does not compile: {exc}") from exc
    for example in entry.get("examples", ()):
        check_keys(f"{where} example", example, required={"text", "value"}, allowed={"match", "edtf", "dct", "type"})
    return Rule(
        name=name,
        order=order,
        pattern=entry["pattern"],
        regex=regex,
        type=entry["type"],
        value=entry.get("value"),
        anchor=entry.get("anchor"),
        examples=tuple(entry.get("examples", ())),
        negatives=tuple(entry.get("negatives", ())),
    )


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule, in the file's order (which breaks ties between equal matches)."""
    data = load("time/rules.yaml")
    compiled = tuple(_compile(i, entry) for i, entry in enumerate(data["rules"]))
    names = [r.name for r in compiled]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise DataError(f"time/rules.yaml: duplicate rule names {', '.join(sorted(duplicates))}")
    return compiled
