"""What a time rule's match must contain, so that a process compiles only the rules a text can use.

Compiling all the rules of data/time/rules.yaml takes longer than
tagging a sentence with them: `annals times` on one line spent most of its
time there (#15). A rule's *needs* are read from re's own parse of its
pattern: one or two sets of short strings (at most three characters,
ASCII), and every match of the rule contains one string of each set. A
match of `(?P<day>...)\\s+(?P<month>%month)...` contains "Jan", "Feb", ...
or "JAN", ...; one of `(?i:the)\\s+...` contains "the" in any case. A text
in which a rule's needs are missing cannot hold a match, so the rule is
neither compiled nor run on it; the matches are the same.

How: a consuming part of the pattern is *exact* when it matches one of a
few known strings (a literal, a small ASCII set, an optional or an
alternation of such); exact parts side by side multiply out; a repeat at
least once, a group, an alternation whose every branch needs something
pass their needs up. Anything else (`.`, `\\w`, a negated set, a
back-reference) needs nothing. Lookarounds and `\\b` consume nothing: they
are passed over. Each string is cut to its first three characters, and a
text is looked at as the set of its pieces of one to three characters
(`Text`), as it is and lower-cased (for the case-insensitive parts).

What re lets stand for ASCII makes the rest: under IGNORECASE a few other
characters match ASCII letters (ſ for s, K for k, İ and ı for i) and `\\d`
matches every decimal digit (Arabic-Indic ones too). A text holding such
a character is one these needs say nothing about: every rule runs on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from re import _constants as _sre  # re's own parser and its names for the parts of a pattern (Python 3.11+)
from re import _parser

__all__ = ["FOLDS_TO_ASCII", "Need", "Text", "needs"]

# The non-ASCII characters that IGNORECASE lets match an ASCII letter (tests/test_time_needs.py checks it against re).
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")

_CUT = 3  # the longest piece of a needed string that is kept
_EXACT_MOST = 64  # the most strings an exact part may stand for
_KEEP = 2  # needs kept per rule (each must be met)

Need = tuple[frozenset[str], frozenset[str]]  # (strings as written, lower-cased strings to find in any case)


@dataclass(frozen=True, slots=True)
class _Part:
    """What one parsed part of a pattern matches: exactly one of `exact` (when known), or text holding each of `needs`."""

    exact: frozenset[str] | None
    folded: bool  # exact strings are lower-cased: matched in any case
    needs: tuple[Need, ...]


_NOTHING = _Part(None, False, ())
_EMPTY = _Part(frozenset({""}), False, ())  # the empty sequence


def needs(pattern: str | _parser.SubPattern, flags: int = 0) -> tuple[Need, ...]:
    """The needs of a match of `pattern` (or of what re's parser made of it; see the module's docstring); () when nothing is known."""
    try:
        parsed = _parser.parse(pattern, flags) if isinstance(pattern, str) else pattern
        part = _sequence(list(parsed.data), parsed.state.flags)
    except (re.error, RecursionError):
        return ()
    return _best(_needs_of(part))


class Text:
    """A text as its pieces of one to three characters, to ask whether a rule's needs are met in it."""

    __slots__ = ("_lower", "_pieces", "any")

    def __init__(self, text: str) -> None:
        extra = {c for c in text if c > "\x7f"} if not text.isascii() else set()
        # a character that re may read as ASCII where str.lower() does not: nothing can be ruled out
        self.any = bool(extra & FOLDS_TO_ASCII) or any(c.isdecimal() for c in extra)
        self._pieces = _pieces(text) if not self.any else frozenset()
        self._lower = _pieces(text.lower()) if not self.any else frozenset()

    def has(self, rule_needs: tuple[Need, ...]) -> bool:
        """Whether every need is met: one of its strings, as written, or one of its folded ones in any case."""
        if self.any:
            return True
        return all(not written.isdisjoint(self._pieces) or not folded.isdisjoint(self._lower)
                   for written, folded in rule_needs)


def _pieces(text: str) -> frozenset[str]:
    # every run of 1 to _CUT characters, joined in C from the text's shifted copies (about twice as fast as slicing)
    return frozenset(chain.from_iterable(map("".join, zip(*(text[k:] for k in range(n)))) for n in range(1, _CUT + 1)))


def _part(op, av, flags: int) -> _Part:
    fold = bool(flags & _sre.SRE_FLAG_IGNORECASE)
    if op is _sre.LITERAL:
        if av > 0x7F:
            return _NOTHING
        char = chr(av)
        return _Part(frozenset({char.lower() if fold else char}), fold, ())
    if op is _sre.IN:
        return _char_set(av, fold)
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = av
        return _sequence(list(sub.data), (flags | add) & ~remove)
    if op is _sre.ATOMIC_GROUP:
        return _sequence(list(av.data), flags)
    if op is _sre.BRANCH:
        return _branch([_sequence(list(alternative.data), flags) for alternative in av[1]])
    if op in _REPEATS:
        low, high, sub = av
        inner = _sequence(list(sub.data), flags)
        if low == 1 and high == 1:
            return inner
        if inner.exact is not None and high == 1:  # optional: the strings or nothing
            return _Part(inner.exact | {""}, inner.folded, ())
        if low >= 1:
            return _Part(None, False, _needs_of(inner))
        return _NOTHING
    return _NOTHING  # anything else (a back-reference, a conditional group) matches what is not known here


def _char_set(items, fold: bool) -> _Part:
    chars: set[str] = set()
    for kind, value in items:
        if kind is _sre.LITERAL and value <= 0x7F:
            chars.add(chr(value))
        elif kind is _sre.RANGE and value[1] <= 0x7F:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:  # other decimal digits: Text.any
            chars.update("0123456789")
        else:
            return _NOTHING
    if fold:
        chars = {c.lower() for c in chars}
    return _Part(frozenset(chars), fold, ()) if len(chars) <= _EXACT_MOST else _NOTHING


def _sequence(items: list, flags: int) -> _Part:
    """Exact parts side by side multiply out; a run that grows too big, or is broken, becomes a need."""
    found: list[Need] = []
    run = _EMPTY
    exact = True  # every part so far exact, and the run never cut
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        part = _part(op, av, flags)
        if part.exact is not None:
            joined = _join(run, part)
            if joined is not None:
                run = joined
                continue
        exact = False
        found.extend(_needs_of(run))
        found.extend(part.needs)
        run = part if part.exact is not None else _EMPTY
    if exact:
        return run
    found.extend(_needs_of(run))
    return _Part(None, False, _best(found))


def _join(left: _Part, right: _Part) -> _Part | None:
    if left is _EMPTY:
        return right
    if len(left.exact) * len(right.exact) > _EXACT_MOST:
        return None
    folded = left.folded or right.folded
    a = {s.lower() for s in left.exact} if folded else left.exact
    b = {s.lower() for s in right.exact} if folded else right.exact
    return _Part(frozenset(x + y for x in a for y in b), folded, ())


def _branch(alternatives: list[_Part]) -> _Part:
    if all(a.exact is not None for a in alternatives):
        folded = any(a.folded for a in alternatives)
        strings = frozenset(s.lower() if folded else s for a in alternatives for s in a.exact)
        if len(strings) <= _EXACT_MOST:
            return _Part(strings, folded, ())
    written: set[str] = set()
    lowered: set[str] = set()
    for alternative in alternatives:
        best = _best(_needs_of(alternative))
        if not best:
            return _NOTHING
        written |= best[0][0]
        lowered |= best[0][1]
    return _Part(None, False, ((frozenset(written), frozenset(lowered)),))


def _needs_of(part: _Part) -> tuple[Need, ...]:
    if part.exact is None:
        return part.needs
    if "" in part.exact:
        return ()
    cut = frozenset(s[:_CUT] for s in part.exact)
    return ((frozenset(), cut),) if part.folded else ((cut, frozenset()),)


def _best(found) -> tuple[Need, ...]:
    """The needs that rule out most: longest shortest string first, then fewest strings."""
    def score(need: Need) -> tuple[int, int]:
        strings = need[0] | need[1]
        return (-min(map(len, strings)), len(strings))

    unique = sorted(set(found), key=lambda n: (score(n), sorted(n[0]), sorted(n[1])))
    return tuple(unique[:_KEEP])


_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})
_ZERO_WIDTH = frozenset({_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT})
