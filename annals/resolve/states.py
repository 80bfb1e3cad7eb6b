"""States that the text itself declares: "the Republic of X", "X is a small state", "founded by three
states: X, Y and Z". A state no list holds is then a state wherever the document names it."""
from __future__ import annotations

import re
from functools import cache

from annals.data import check_keys, load
from annals.resolve.gazetteer import Gazetteer

__all__ = ["declared_states"]

_NAME = r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
_WORD = r"(?P<name>[A-Z][a-z]{2,})(?![\w-]|[ -][A-Z])"
_ONE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_FORMAL = re.compile(r"(?:Republic|Kingdom|Principality|Grand Duchy|Sultanate|Emirate|Federation|Confederation) of ")
_LIST = rf"{_ONE}(?:,\s+{_ONE})*(?:,?\s+and\s+{_ONE})"


@cache
def _cues() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...], frozenset[str], frozenset[str], frozenset[str]]:
    data = load("actors/state_cues.yaml")
    check_keys("actors/state_cues.yaml", data, required={"cues", "names", "words"}, allowed={"endings", "prefixes"})
    cues = tuple(re.compile(c.replace("%name", _NAME).replace("%word", _WORD), re.MULTILINE) for c in data["cues"])
    lists = tuple(re.compile(c.replace("%list", _LIST), re.MULTILINE) for c in data["names"])
    return cues, lists, frozenset(data["words"]), frozenset(data.get("endings") or ()), \
        frozenset(w.casefold() for w in data.get("prefixes") or ())


def declared_states(text: str, gaz: Gazetteer) -> dict[str, str]:
    """The names that `text` declares to be states and that no list knows as anything, each as
    written (a formal name whole: "Republic of Quovia") with the state's name ("Quovia")."""
    cues, lists, words, endings, prefixes = _cues()
    found = [(m.group(0), m.group("name")) for cue in cues for m in cue.finditer(text)]
    for cue in lists:
        for match in cue.finditer(text):
            found += [(name, name) for name in re.findall(_ONE, match.group(1))]
    out: dict[str, str] = {}
    for written, name in found:
        if name.split()[0].casefold() not in words and not _known(name, gaz) \
                and not (_FORMAL.match(written) and _known_formal(written, gaz)) \
                and not any(w in gaz.programme_words or w in gaz.org_words or w in endings for w in name.split()) \
                and not _a_person(name, text, gaz) and not _a_surname(name, text, gaz, words | prefixes) \
                and not all(w in gaz.compass for w in name.split()):  # ("the South's president": "the South")
            out.setdefault(name, name)
            if _FORMAL.match(written):
                out.setdefault(written, name)
    return out


def _a_person(name: str, text: str, gaz: Gazetteer) -> bool:
    """Whether the text writes the name after a title, as a person's ("President Yahya Jammeh", "Mr
    Jammeh"): then "Jammeh's government" is his, not a state's."""
    return re.search(rf"\b(?:{_titles(gaz)})\s+(?:[A-Z][\w'’-]+\s+){{0,2}}{re.escape(name)}\b", text) is not None


def _a_surname(name: str, text: str, gaz: Gazetteer, not_given: frozenset[str]) -> bool:
    """Whether the text writes a one-word name after a given name, as a person's surname ("David
    Lange ... Lange's government"): a capitalised word before it that is no function word, no
    state's prefix ("South") and no name the lists know whole with it."""
    if " " in name:
        return False
    for match in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b(?![ -][A-Z])", text):
        first = match.group(1)
        if first.casefold() not in not_given and first not in gaz.function_words and gaz.lookup(match.group(0)) is None \
                and getattr(gaz.lookup(first), "kind", None) != "country":
            return True
    return False


@cache
def _titles(gaz: Gazetteer) -> str:
    """The gazetteer's honorifics and offices as one alternation, longest first."""
    return "|".join(re.escape(t) for t in sorted({*gaz.honorifics, *gaz.offices}, key=len, reverse=True))


def _known_formal(written: str, gaz: Gazetteer) -> bool:
    """Whether a formal name the lists know begins the text ("Republic of Korea Relations"); not
    "Republic" alone, which is also a town."""
    words = written.split()
    return any(gaz.lookup(" ".join(words[:k])) is not None for k in range(3, len(words) + 1))


def _known(name: str, gaz: Gazetteer) -> bool:
    """Whether the lists know the name or how it begins ("Azerbaijan Ilham Aliyev" after "Republic of")."""
    words = name.split()
    return any(gaz.lookup(" ".join(words[:k])) is not None or gaz.is_city(" ".join(words[:k]))
               or " ".join(words[:k]) in gaz.demonyms or gaz.region(" ".join(words[:k]))
               for k in range(1, len(words) + 1))
