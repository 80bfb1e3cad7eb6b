"""Locators: where a time rule's regex can match, found as fast as re can skip.

Python's re tries a pattern at every position of the text, one
by one, unless the pattern begins with a literal or a character set: then
it skips in C to the positions that hold one. Rule patterns mostly begin
with a group, an optional word or a lookbehind, so they get tried
everywhere. A rule's locator is

    [^<ASCII characters no match of the rule begins with>](?<![<ASCII characters no match follows>][\\s\\S])(?<=(?=<rule>)[\\s\\S])

It begins with a set, and matches (one character long) at exactly the
positions where the rule's own regex matches: the lookbehind steps back
over that character and the lookahead runs the whole rule there, on the
whole text, so its lookarounds and \\b see the real neighbours. The
characters a match can begin with come from re's own parse of the pattern,
and re itself says which ASCII characters each part matches (under the
part's flags); every non-ASCII character is let in, as case-insensitive
matching lets a few of them stand for ASCII letters (ſ for s, K for k).

The middle part, where the rule has one, is a cheap test before the whole
rule runs: the characters that cannot stand before a match, from the
rule's own one-character negative lookbehinds ahead of what it first
consumes (`(?<!\\w)`, `(?<![\\d.,])`) on every way into the pattern. Most
positions inside a word fail there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from re import _constants as _sre  # re's own parser and its names for the parts of a pattern (Python 3.11+)
from re import _parser

__all__ = ["locator", "locator_source", "matches"]


def matches(regex: re.Pattern, locator: re.Pattern | None, text: str) -> Iterator[re.Match]:
    """What `regex.finditer(text)` gives, `regex` being one that never matches the empty string.

    finditer takes the leftmost match from where the last one ended; the
    locator finds that same position (it skips only positions where no match
    begins), and `regex` itself then matches there.
    """
    if locator is None:
        yield from regex.finditer(text)
        return
    search, match = locator.search, regex.match
    pos = 0
    while (hit := search(text, pos)) is not None:
        m = match(text, hit.start())
        if m is None or m.end() == m.start():  # cannot happen; if it did, the plain way decides
            yield from regex.finditer(text, pos)
            return
        yield m
        pos = m.end()


def locator(regex: re.Pattern) -> re.Pattern | None:
    """The locator of `regex` (see the module's docstring); None when what its matches begin with is not known."""
    source = locator_source(regex.pattern, regex.flags)
    if source is None:
        return None
    try:
        return re.compile(source, regex.flags)
    except re.error:  # e.g. a conditional group, which may not stand in a lookbehind
        return None


def locator_source(pattern: str, flags: int, parsed: _parser.SubPattern | None = None) -> str | None:
    """The pattern of the locator of `pattern` compiled with `flags` (`parsed`: re's parse of it, where
    the caller has one); None where what its matches begin with is not known. It may still not
    compile (a conditional group in the lookbehind)."""
    try:
        parsed = parsed or _parser.parse(pattern, flags)
    except re.error:
        return None
    first = _first_chars(pattern, flags, parsed)
    if first is None or len(first) == len(_ASCII):
        return None
    others = "".join(_escape(ord(c)) for c in _ASCII if c not in first)
    before = _not_before(parsed, flags)
    guard = rf"(?<![{''.join(_escape(ord(c)) for c in sorted(before))}][\s\S])" if before else ""
    return rf"[^{others}]{guard}(?<=(?={pattern})[\s\S])"


def _not_before(parsed: _parser.SubPattern, flags: int) -> frozenset[str]:
    """The ASCII characters that no match of the parsed pattern follows, by its own lookbehinds (empty
    where unknown, or where the locator's flags would read its set otherwise: case-insensitive)."""
    top = parsed.state.flags | flags
    if top & re.IGNORECASE:
        return frozenset()
    try:
        consumed, _ = _before(parsed.data, top & _CHAR_FLAGS, frozenset())
    except Exception:  # noqa: BLE001 - a part this does not know: no such test
        return frozenset()
    return consumed or frozenset()


def _meet(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return b if a is None else a if b is None else a & b


def _before(items: list, flags: int, guard: frozenset[str]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """What cannot stand before a match of the sequence `items` (`guard`: what cannot, by what came
    before it): over every way that consumes within it, and over every way through it that consumes
    nothing (None where there is no such way). Only one-character negative lookbehinds add to it."""
    consumed = None
    for op, av in items:
        if op in _CONSUMING:
            return _meet(consumed, guard), None
        if op is _sre.ASSERT_NOT and av[0] == -1 and len(av[1].data) == 1 and av[1].data[0][0] in _CONSUMING \
                and av[1].getwidth() == (1, 1):
            guard = guard | _one_char(*av[1].data[0], flags)
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av
            inner, through = _before(sub.data, (flags | add) & ~remove & _CHAR_FLAGS, guard)
        elif op is _sre.BRANCH:
            inner, through = None, None
            for alternative in av[1]:
                one, passed = _before(alternative.data, flags, guard)
                inner, through = _meet(inner, one), _meet(through, passed)
        elif op in _REPEATS:
            low, _, sub = av
            inner, through = _before(sub.data, flags, guard)
            through = _meet(through, guard) if low == 0 else through
        elif op is _sre.ATOMIC_GROUP:
            inner, through = _before(av.data, flags, guard)
        else:
            raise _Unknown(op)
        consumed = _meet(consumed, inner)
        if through is None:
            return consumed, None
        guard = through
    return consumed, guard


class _Unknown(Exception):
    """A part of a parsed pattern that _first does not know."""


_ASCII = tuple(map(chr, range(128)))
_CHAR_FLAGS = re.IGNORECASE | re.DOTALL | re.ASCII  # the flags that change what one character matches


def _first_chars(pattern: str, flags: int, parsed: _parser.SubPattern | None = None) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can begin with; None if unknown or if it can be empty."""
    try:
        parsed = parsed or _parser.parse(pattern, flags)
        first, can_be_empty = _first(parsed.data, parsed.state.flags & _CHAR_FLAGS)
    except Exception:  # noqa: BLE001 - a pattern or a parser this does not know: the rule runs plainly
        return None
    return None if can_be_empty else first


def _first(items: list, flags: int) -> tuple[frozenset[str], bool]:
    """What a match of the parsed sequence `items` can begin with (ASCII), and whether it can be empty.

    A zero-width part (a lookaround, a word boundary) is passed over, but a
    lookahead that must consume narrows what the part after it can begin with.
    """
    chars: set[str] = set()
    for i, (op, av) in enumerate(items):
        if op in _CONSUMING:
            return frozenset(chars | _one_char(op, av, flags)), False
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av
            first, can_be_empty = _first(sub.data, (flags | add) & ~remove & _CHAR_FLAGS)
        elif op is _sre.BRANCH:
            first, can_be_empty = frozenset(), False
            for alternative in av[1]:
                one, empty = _first(alternative.data, flags)
                first, can_be_empty = first | one, can_be_empty or empty
        elif op in _REPEATS:
            low, _, sub = av
            first, can_be_empty = _first(sub.data, flags)
            can_be_empty = can_be_empty or low == 0
        elif op is _sre.ATOMIC_GROUP:
            first, can_be_empty = _first(av.data, flags)
        elif op is _sre.ASSERT and av[0] == 1:
            ahead, ahead_can_be_empty = _first(av[1].data, flags)
            rest, rest_can_be_empty = _first(items[i + 1:], flags)
            if ahead_can_be_empty or rest_can_be_empty:
                return frozenset(chars | rest), rest_can_be_empty
            return frozenset(chars | (ahead & rest)), False
        elif op in _ZERO_WIDTH:
            continue
        else:
            raise _Unknown(op)
        chars |= first
        if not can_be_empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _one_char(op, av, flags: int) -> frozenset[str]:
    """The ASCII characters one consuming item (a literal, a set, .) matches, as re matches them."""
    if op is _sre.LITERAL:
        source = _escape(av)
    elif op is _sre.NOT_LITERAL:
        source = f"[^{_escape(av)}]"
    elif op is _sre.ANY:
        source = "."
    else:
        source = "[" + "".join(_set_item(kind, value) for kind, value in av) + "]"
    return _ascii_matched(source, flags)


def _set_item(kind, value) -> str:
    if kind is _sre.NEGATE:
        return "^"
    if kind is _sre.LITERAL:
        return _escape(value)
    if kind is _sre.RANGE:
        return f"{_escape(value[0])}-{_escape(value[1])}"
    if kind is _sre.CATEGORY and value in _CATEGORIES:
        return _CATEGORIES[value]
    raise _Unknown(kind)


@cache
def _ascii_matched(source: str, flags: int) -> frozenset[str]:
    regex = re.compile(source, flags)
    return frozenset(c for c in _ASCII if regex.fullmatch(c))


_CONSUMING = frozenset({_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN})
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})
_ZERO_WIDTH = frozenset({_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT})
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
