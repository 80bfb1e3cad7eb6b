"""The lexicon of data/events/lexicon.yaml: predicates, their argument classes and event types."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError

__all__ = ["DEFAULT_TYPE", "TYPES", "Entry", "Lexicon", "lexicon"]

TYPES = (
    "membership", "withdrawal", "agreement", "establishment", "appointment", "visit", "meeting", "summit",
    "deployment", "deployment_end", "project", "exercise", "decision", "statement", "conflict", "political",
)
DEFAULT_TYPE = "political"
_FILE = "events/lexicon.yaml"


@dataclass(frozen=True)
class Entry:
    """What one predicate means: its own type, the types its argument classes make, and its kind."""

    type: str
    with_: tuple[tuple[str, str], ...] = ()
    light: bool = False
    frame: bool = False


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, frozenset[str]]
    verbs: dict[str, Entry]
    nouns: dict[str, Entry]
    modal: frozenset[str]
    frames: frozenset[str]
    governing: frozenset[str] = frozenset()
    fallback: Entry = Entry(DEFAULT_TYPE)
    deliberation: frozenset[str] = frozenset()
    subjects: tuple[tuple[str, frozenset[str], str], ...] = ()
    aspiration: frozenset[str] = frozenset()
    transitive: frozenset[str] = frozenset()
    signing: frozenset[str] = frozenset()
    mutual: frozenset[str] = frozenset()
    commanding: frozenset[str] = frozenset()
    together: frozenset[str] = frozenset()
    examples: tuple[dict, ...] = field(default=())
    bonds: frozenset[str] = frozenset()
    severing: frozenset[str] = frozenset()
    conversing: frozenset[str] = frozenset()
    issuers: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    own_dates: frozenset[str] = frozenset()
    taking_part: frozenset[str] = frozenset()
    ergative: frozenset[str] = frozenset()

    def classes_of(self, words: list[str]) -> set[str]:
        """The classes any of `words` (lemmas, entity labels as "ent:ORG") belongs to."""
        found: set[str] = set()
        words = words + [w[:-1] for w in words if len(w) > 3 and w.endswith("s")]
        for word in words:
            found.update(self._class_index().get(word, ()))
            if word.startswith("ent:"):
                found.update(_ENTITY_CLASSES.get(word[4:], ()))
        return found

    def _class_index(self) -> dict[str, tuple[str, ...]]:
        """Each word to the classes it belongs to (built once)."""
        index = self.__dict__.get("_index")
        if index is None:
            built: dict[str, list[str]] = {}
            for name, members in self.classes.items():
                for word in members:
                    built.setdefault(word, []).append(name)
            index = {word: tuple(names) for word, names in built.items()}
            object.__setattr__(self, "_index", index)
        return index


_ENTITY_CLASSES = {"ORG": ("organisation",), "GPE": ("state",), "NORP": ("state",), "PERSON": ("person",)}


def _entry(where: str, raw, classes: dict) -> Entry:
    if isinstance(raw, str):
        raw = {"type": raw}
    if not isinstance(raw, dict):
        raise DataError(f"{_FILE}: {where}: expected a type or a mapping")
    check_keys(f"{_FILE}: {where}", raw, required={"type"}, allowed={"with", "light", "frame"})
    types = [raw["type"], *(raw.get("with") or {}).values()]
    for type_ in types:
        if type_ not in TYPES:
            raise DataError(f"{_FILE}: {where}: unknown type {type_!r}")
    for name in raw.get("with") or {}:
        if name not in classes:
            raise DataError(f"{_FILE}: {where}: unknown class {name!r}")
    return Entry(raw["type"], tuple((raw.get("with") or {}).items()), bool(raw.get("light")), bool(raw.get("frame")))


@cache
def lexicon() -> Lexicon:
    data = load(_FILE)
    check_keys(_FILE, data, required={"classes", "verbs", "nouns", "modal", "frames"}, allowed={"examples", "governing", "fallback", "deliberation", "subjects", "aspiration",
                                                 "transitive", "signing", "mutual", "commanding",
                                                 "together", "bonds", "severing", "conversing", "issuers",
                                                 "own_dates", "taking_part", "ergative"})
    classes = {name: frozenset(str(w).lower() for w in words) for name, words in data["classes"].items()}
    verbs = {str(lemma): _entry(f"verbs.{lemma}", raw, classes) for lemma, raw in data["verbs"].items()}
    nouns = {str(lemma): _entry(f"nouns.{lemma}", raw, classes) for lemma, raw in data["nouns"].items()}
    fallback = _entry("fallback", data.get("fallback") or DEFAULT_TYPE, classes)
    subjects = []
    for name, rule in (data.get("subjects") or {}).items():
        check_keys(f"{_FILE}: subjects.{name}", rule, required={"types", "type"}, allowed=set())
        if name not in classes or rule["type"] not in TYPES or not set(rule["types"]) <= set(TYPES):
            raise DataError(f"{_FILE}: subjects.{name}: unknown class or type")
        subjects.append((name, frozenset(rule["types"]), rule["type"]))
    for example in data.get("examples") or ():
        check_keys(f"{_FILE}: examples", example, required={"text", "date", "type"}, allowed=set())
    return Lexicon(classes, verbs, nouns, frozenset(data["modal"]), frozenset(data["frames"]),
                   frozenset(data.get("governing") or ()), fallback,
                   frozenset(data.get("deliberation") or ()), tuple(subjects), frozenset(data.get("aspiration") or ()),
                   frozenset(data.get("transitive") or ()), frozenset(data.get("signing") or ()),
                   frozenset(data.get("mutual") or ()), frozenset(data.get("commanding") or ()),
                   frozenset(data.get("together") or ()), tuple(data.get("examples") or ()),
                   bonds=frozenset(data.get("bonds") or ()), severing=frozenset(data.get("severing") or ()),
                   conversing=frozenset(data.get("conversing") or ()), own_dates=frozenset(data.get("own_dates") or ()),
                   taking_part=frozenset(data.get("taking_part") or ()), ergative=frozenset(data.get("ergative") or ()),
                   issuers={str(noun): tuple((str(said), str(body)) for said, body in pairs)
                            for noun, pairs in (data.get("issuers") or {}).items()})
