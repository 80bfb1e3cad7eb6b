"""Word lists of time expressions (data/time/words.yaml) as regex pieces and values."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial

from annals.data import check_keys, load
from annals.errors import DataError

__all__ = ["Lexicon", "canonical_word", "lexicon"]

_REF = re.compile(r"%(<?)([a-z_0-9]+)")


def canonical_word(text: str) -> str:
    """The key a word list is looked up by: case-folded, one space, no final period."""
    return re.sub(r"[\s\-]+", " ", text.casefold()).strip().rstrip(".")


_SEP = "\x00"


def _tokens(word: str) -> list[str]:
    return [_SEP if c in " -" else c for c in re.sub(r"[\s\-]+", lambda m: "-" if "-" in m.group() else " ", word)]


def _trie_regex(words: list[str], *, after_digit: bool = False) -> str:
    """One regex for many words, their common prefixes factored out (a trie).

    Python's re tries alternatives one by one; a trie makes a miss cost one
    character comparison instead of one per word. Longer words come first;
    a word that ends in a letter or digit must end at a word boundary. It
    must start at one too, unless `after_digit`: then a digit may come right
    before it ("6May" as scraped text glues it), a letter may not.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[""] = r"(?!\w)" if word[-1].isalnum() else ""

    def emit(node: dict) -> str:
        branches = []
        for token in sorted((t for t in node if t), key=lambda t: (-_depth(node[t]), t)):
            piece = r"[\s\-]+" if token == _SEP else re.escape(token)
            branches.append(piece + emit(node[token]))
        if "" in node:
            branches.append(node[""])
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return (r"(?<![^\W\d])" if after_digit else r"(?<!\w)") + emit(trie)


def _depth(node: dict) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)


@dataclass(frozen=True)
class WordList:
    name: str
    build: Callable[[], str] = field(repr=False, compare=False)  # makes the regex, when a pattern first needs it
    values: dict[str, object] = field(default_factory=dict)
    forms: tuple[str, ...] = ()

    @cached_property
    def regex(self) -> str:
        return self.build()

    def preceded_by(self) -> str:
        """A lookbehind: "preceded by one of these words and a space" (%<name in rules)."""
        checks = [f"(?<=(?<!\\w){re.escape(w)}\\s)" for w in self.forms]
        return "(?:" + "|".join(checks) + ")"


def _word_regex(forms: list[str], words: list[str], case: str) -> str:
    if case == "title":
        return f"(?:{_trie_regex(sorted(set(forms)), after_digit=True)})"
    return f"(?i:{_trie_regex(sorted({w.casefold() for w in words}))})"


class Lexicon:
    """All word lists, each usable as `%name` in a rule pattern.

    A list's regex is built the first time a pattern uses it (time/rules.py
    keeps the expanded patterns, so a process may never need one); what the
    lists refer to is checked at once.
    """

    def __init__(self, data: dict) -> None:
        self.lists: dict[str, WordList] = {}
        raw: dict[str, str] = {}
        for name, entry in data.items():
            if "regex" in entry:
                check_keys(f"time/words.yaml:{name}", entry, required={"regex"}, allowed=set())
                raw[name] = entry["regex"]
                continue
            check_keys(f"time/words.yaml:{name}", entry, required={"case", "words"}, allowed=set())
            if entry["case"] not in ("title", "any"):
                raise DataError(f"time/words.yaml:{name}: case must be title or any")
            words = [str(w) for w in entry["words"]]
            forms = words + [w.upper() for w in words]
            forms += [w.capitalize() for w in words] if entry["case"] == "any" else []
            values = {canonical_word(w): v for w, v in entry["words"].items()}
            build = partial(_word_regex, forms, words, entry["case"])
            self.lists[name] = WordList(name, build, values, tuple(sorted(set(forms))))
        for name, pattern in raw.items():
            self.lists[name] = WordList(name, partial(self._expand, pattern, raw, {name}))
        for name, pattern in raw.items():
            self._check(pattern, raw, {name})

    def _check(self, pattern: str, raw: dict[str, str], seen: set[str]) -> None:
        """What _expand would raise for `pattern`, without building a regex."""
        for _, name in _REF.findall(pattern):
            if name in seen:
                raise DataError(f"time/words.yaml: %{name} refers to itself")
            if name in raw:
                self._check(raw[name], raw, seen | {name})
            elif name not in self.lists:
                raise DataError(f"time pattern refers to unknown list %{name}")

    def _expand(self, pattern: str, raw: dict[str, str], seen: set[str]) -> str:
        def sub(match: re.Match) -> str:
            name = match.group(2)
            if name in seen:
                raise DataError(f"time/words.yaml: %{name} refers to itself")
            if name in raw:
                return self._expand(raw[name], raw, seen | {name})
            if name not in self.lists:
                raise DataError(f"time pattern refers to unknown list %{name}")
            return self.lists[name].regex

        return _REF.sub(sub, pattern)

    def expand(self, pattern: str) -> str:
        """Replace every %name in a rule pattern by its list's regex, %<name by a lookbehind."""

        def sub(match: re.Match) -> str:
            name = match.group(2)
            if name not in self.lists:
                raise DataError(f"time pattern refers to unknown list %{name}")
            if match.group(1):
                return self.lists[name].preceded_by()
            return self.lists[name].regex

        return _REF.sub(sub, pattern)

    def value(self, names: tuple[str, ...], text: str) -> object | None:
        """The value of `text` in the first of the lists `names` that has it."""
        key = canonical_word(text)
        for name in names:
            found = self.lists[name].values.get(key)
            if found is not None:
                return found
        return None


@cache
def lexicon() -> Lexicon:
    return Lexicon(load("time/words.yaml"))
