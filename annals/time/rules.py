"""Time rules (data/time/rules.yaml), each compiled the first time a text can use it.

What each rule's pattern expands to (the word lists of words.yaml put in)
and what its matches need (time/needs.py) are kept in the data cache
(annals/data/__init__.py), keyed by the two data files and the modules that
derive them and the interpreter's version, with the code re's compiler
makes of each pattern. A process that finds them there builds no word
list and parses no pattern: a rule becomes a regex (`_sre.compile` of its
kept code, what re.compile ends with) the first time a text it tags has
the rule's needs (#15). Where the cache misses, every pattern is parsed at
once, so a pattern that does not compile fails as it always did.
"""
from __future__ import annotations

import _sre
import re
import sys
from array import array
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from re import (
    _compiler,  # re's own code generator and parser (Python 3.11+), as time/locate.py uses them
    _parser,
)

from annals.data import check_keys, load, remember, text_of
from annals.errors import DataError
from annals.time.needs import Need

__all__ = ["TYPES", "Rule", "rules"]

TYPES = ("DATE", "TIME", "DURATION", "SET")
_ANCHORS = (None, "dct", "narrative", "report")
_KEYS = {"pattern", "type", "value", "anchor", "case", "examples", "negatives", "shift", "inside_word"}
# What every rule's match begins with unless the rule says it may begin inside a word ("FY2010"): no
# letter, digit or underscore just before it. Locators (time/locate.py) test it before the rule runs.
_WORD_START = r"(?<!\w)"


@dataclass(frozen=True)
class Rule:
    name: str
    order: int
    pattern: str
    source: str = field(repr=False)  # the pattern with its word lists put in: what is compiled
    type: str
    value: str | None = None
    anchor: str | None = None
    examples: tuple[dict, ...] = ()
    negatives: tuple[str, ...] = ()
    needs: tuple[Need, ...] = field(default=(), repr=False, compare=False)  # what every match contains (time/needs.py)
    compiled: tuple | None = field(default=None, repr=False, compare=False)  # what re.compile gives _sre.compile
    # the rule's locator (time/locate.py): its pattern, None where it has none, and its kept code
    locator_source: str | None = field(default=None, repr=False, compare=False)
    locator_compiled: tuple | None = field(default=None, repr=False, compare=False)

    @cached_property
    def regex(self) -> re.Pattern:
        return _kept(self.source, self.compiled) or _compile_source(self.name, self.source)

    @cached_property
    def locator(self) -> re.Pattern | None:
        """The regex that finds, in C, where this rule can match (time/locate.py); None where there is none."""
        if self.locator_source is None:
            return None
        return _kept(self.locator_source, self.locator_compiled) or re.compile(self.locator_source, self.regex.flags)


def _kept(source: str, compiled: tuple | None) -> re.Pattern | None:
    """The regex of `source` made from its kept code; None where there is none or this interpreter's re refuses it."""
    if compiled is None:
        return None
    flags, code, *groups = compiled
    try:
        return _sre.compile(source, flags, array(_CODE_TYPE, code).tolist(), *groups)
    except (TypeError, ValueError, RuntimeError, OverflowError):  # not what this interpreter's re makes: compile it
        return None


def _compile_source(name: str, source: str) -> re.Pattern:
    try:
        return re.compile(source)
    except re.error as exc:
        raise DataError(f"time/rules.yaml:{name}: pattern does not compile: {exc}") from exc


def _checked(order: int, entry: dict) -> str:
    name = entry.get("name", f"#{order}")
    where = f"time/rules.yaml:{name}"
    check_keys(where, entry, required={"name", "pattern", "type"}, allowed=_KEYS)
    if entry["type"] not in TYPES:
        raise DataError(f"{where}: type must be one of {', '.join(TYPES)}")
    if entry.get("anchor") not in _ANCHORS:
        raise DataError(f"{where}: anchor must be dct, narrative or report")
    for example in entry.get("examples", ()):
        check_keys(f"{where} example", example, required={"text", "value"}, allowed={"match", "edtf", "dct", "type"})
    return name


def _rule(order: int, entry: dict, source: str, needs: tuple[Need, ...], compiled: tuple | None,
          locator_source: str | None, locator_compiled: tuple | None) -> Rule:
    return Rule(
        name=entry["name"],
        order=order,
        pattern=entry["pattern"],
        source=source,
        type=entry["type"],
        value=entry.get("value"),
        anchor=entry.get("anchor"),
        examples=tuple(entry.get("examples", ())),
        negatives=tuple(entry.get("negatives", ())),
        needs=needs,
        compiled=compiled,
        locator_source=locator_source,
        locator_compiled=locator_compiled,
    )


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule, in the file's order (which breaks ties between equal matches)."""
    entries = load("time/rules.yaml")["rules"]
    names = [_checked(i, entry) for i, entry in enumerate(entries)]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise DataError(f"time/rules.yaml: duplicate rule names {', '.join(sorted(duplicates))}")
    key = _key()
    derived = _derive(entries) if key is None else remember("time/rules.derived", key, lambda: _derive(entries))
    return tuple(_rule(i, entry, *parts) for i, (entry, parts) in enumerate(zip(entries, derived, strict=True)))


# What the derived patterns and needs depend on, besides the two data files.
_MODULES = ("lexicon.py", "locate.py", "needs.py", "rules.py")


def _key() -> str | None:
    """All that the rules' sources and needs are derived from; None if a module's text cannot be read."""
    try:
        modules = [Path(__file__).with_name(name).read_text(encoding="utf-8") for name in _MODULES]
    except OSError:
        return None
    return "\0".join([sys.version, text_of("time/rules.yaml"), text_of("time/words.yaml"), *modules])


def _derive(entries: list[dict]) -> list[tuple[str, tuple[Need, ...], tuple | None, str | None, tuple | None]]:
    """Each rule's source, needs and compiled code, and its locator's source and code; a pattern that
    does not compile fails here."""
    from annals.time.lexicon import lexicon
    from annals.time.needs import needs

    derived = []
    for entry in entries:
        source = lexicon().expand(entry["pattern"])
        if not entry.get("inside_word"):
            source = _WORD_START + source
        try:
            parsed = _parser.parse(source, 0)
        except re.error as exc:
            raise DataError(f"time/rules.yaml:{entry['name']}: pattern does not compile: {exc}") from exc
        found = needs(parsed)
        flags = parsed.state.flags  # what re.compile(source).flags is
        derived.append((source, found, _compiled(source, parsed), *_locator(source, flags, parsed)))
    return derived


def _locator(source: str, flags: int, parsed: _parser.SubPattern) -> tuple[str | None, tuple | None]:
    """A rule's locator (time/locate.py): its pattern and code; (None, None) where it has none or it does not compile."""
    from annals.time.locate import locator_source

    located = locator_source(source, flags, parsed)
    if located is None:
        return None, None
    try:
        code = _compiled(located, _parser.parse(located, flags), flags)
        if code is None:  # re's compiler refused it, or this is not CPython's re: compiling it tells
            re.compile(located, flags)
    except re.error:  # e.g. a conditional group, which may not stand in a lookbehind
        return None, None
    return located, code


# re's code words as bytes: the data cache loads a few bytes objects much faster than lists of integers
_CODE_TYPE = next((kind for kind in "ILQ" if array(kind).itemsize == _sre.CODESIZE), "I")


def _compiled(source: str, parsed: _parser.SubPattern, flags: int = 0) -> tuple | None:
    """What re.compile(source) passes to _sre.compile after the pattern (compile() in re/_compiler.py), its
    code as bytes: the slow part of compiling, kept with the rules; None where this is not CPython's re
    (tests/test_time_needs.py checks that the regexes come out as re.compile makes them)."""
    if sys.implementation.name != "cpython":
        return None
    try:
        code = array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()
    except Exception:  # noqa: BLE001 - an re this does not know: the rule compiles as usual
        return None
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
