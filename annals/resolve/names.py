"""Find the names in a sentence and say what each one is.

A name is a run of capitalised words (with "of", "for", "de"... inside),
read from the left against what the gazetteer knows (countries, bodies,
offices, honorifics, demonyms) and what the document itself defines
(acronyms, people's full names). What is left is classified by its words:
"... Fund" is an organisation, "... Project" a programme, two to four
plain capitalised words a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from annals.resolve.gazetteer import Gazetteer, fold

__all__ = ["CONNECTORS", "NAME_PARTICLES", "Name", "Token", "as_written", "find_names", "inner_names", "tokens"]

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]|[-–.&/](?=[^\W\d_]))*|\d+(?:[.,]\d+)*|\S")
_COMPOUND = re.compile(r"[-–/]")
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in"})
NAME_PARTICLES = frozenset({"de", "del", "van", "von", "der", "den", "da", "du", "la", "le", "al", "el", "bin", "ibn", "dos",
                            "di", "das"})
_POSSESSIVE = re.compile(r"['’]s$")
_BODY_PEOPLE = frozenset({"Leaders", "Members", "Ministers", "members"})
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|ad-din)-[A-Z]")


def inner_names(name: str) -> list[str]:
    """The names inside a full name of three words or more, which a later mention may take alone where none
    is the last word ("Lula" of "Luiz Inácio Lula da Silva"): capitalised, not an initial."""
    words = name.split()
    return [w for w in words[1:-1] if len(words) >= 3 and w[:1].isupper() and len(w) > 2 and not w.endswith(".")]


def surname_key(name: str) -> str:
    """The part of a surname a later mention uses: "al-Bashir" is "Bashir"."""
    return _ARTICLE_NAME.sub(lambda m: m.group(0)[-1], name, count=1) if _ARTICLE_NAME.match(name) else name


# Offices whose holder's portfolio may follow with "for" ("Minister for Trade and Tourism").
_PORTFOLIO_OFFICES = frozenset({"Minister", "Secretary", "Commissioner"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return _POSSESSIVE.sub("", self.text)

    @property
    def capitalised(self) -> bool:
        """Written with a capital, an Arabic article before one included ("al-Bashir", "el-Sisi")."""
        return self.text[:1].isupper() or bool(_ARTICLE_NAME.match(self.text))


@dataclass
class Name:
    """One name in a sentence: offsets into the document, what it is and who."""

    start: int
    end: int
    text: str
    kind: str  # person | organization | programme | country | place | office | unknown
    canonical: str | None = None
    role: str | None = None
    parent: str | None = None
    office: tuple[str, str | None] | None = None  # (title, of whom) for an office held
    surname_only: bool = False
    initial: str | None = None
    possessive: bool = False
    extras: list[str] = field(default_factory=list)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


_INITIAL = re.compile(r"[A-Z]\.")
_SURNAME = re.compile(r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?")
_DASHES = frozenset({"–", "—", "-"})
# words whose possessive is inside a name ("the Tigray People's Liberation Front", "the Workers' Party")
_INNER_POSSESSIVES = frozenset({"People", "Peoples", "Workers", "Women", "Children", "Men", "Nations", "Farmers",
                                "Veterans", "Citizens", "Writers", "Teachers", "Soldiers", "Martyrs"})
_OPEN_QUOTES = frozenset({'"', "“", "'", "‘", "«"})
_CLOSE_QUOTES = frozenset({'"', "”", "'", "’", "»"})


_NICKNAME = re.compile(r"\s[\"“'‘«][^\"”'’»\s]{1,20}[\"”'’»](?=\s)")


def _runs(toks: list[Token], masked: list[tuple[int, int]], text: str = "", dashed: tuple[str, ...] = ()) -> list[list[Token]]:
    """Runs of capitalised tokens, joined across connectors and name particles (not across "and
    the", which joins two names), and across a dash inside a name the text defined ("the
    Revolutionary Armed Forces of Colombia – People's Army (FARC-EP)")."""

    def is_masked(tok: Token) -> bool:
        return any(a <= tok.start < b for a, b in masked)

    runs: list[list[Token]] = []
    current: list[Token] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.capitalised and tok.text[0].isalpha() and not is_masked(tok):
            current.append(tok)
            if current[:-1] and _POSSESSIVE.search(tok.text) and _POSSESSIVE.sub("", tok.text) not in _INNER_POSSESSIVES:
                # "Willy Brandt's Ostpolitik": the owner's name ends at its possessive
                runs.append(current)
                current = []
                i += 1
                continue
            # An honorific or an initial may carry its period: "Mr. Solana", "I. Aliyev".
            if (i + 2 < len(toks) and toks[i + 1].text == "." and toks[i + 1].start == tok.end
                    and len(tok.text) <= 4 and toks[i + 2].capitalised):
                current.append(toks[i + 1])
                i += 1
            i += 1
            continue
        # A nickname in quotes inside a name ('Douglas "Pete" Peterson') is no part of it.
        if current and tok.text in _OPEN_QUOTES and i + 3 < len(toks) and toks[i + 1].capitalised \
                and toks[i + 2].text in _CLOSE_QUOTES and toks[i + 3].capitalised and not is_masked(toks[i + 3]):
            i += 3
            continue
        lowered = tok.text
        if current and tok.text in _DASHES and i + 1 < len(toks) and toks[i + 1].capitalised \
                and any(text.startswith(name, current[0].start) and current[0].start + len(name) > tok.end for name in dashed):
            current.append(tok)
            i += 1
            continue
        if current and (lowered in CONNECTORS or lowered in NAME_PARTICLES):
            j = i
            while j < len(toks) and (toks[j].text in CONNECTORS or toks[j].text in NAME_PARTICLES):
                j += 1
            if j < len(toks) and toks[j].capitalised and not is_masked(toks[j]) and j - i <= 2 \
                    and [t.text for t in toks[i:j]] != ["and", "the"]:
                current.extend(toks[i:j])
                i = j
                continue
        if current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


class _Parser:
    """Reads one run of capitalised tokens from the left."""

    def __init__(self, text: str, gaz: Gazetteer, known: dict[str, object]) -> None:
        self.text = text
        self.gaz = gaz
        self.known = known  # acronyms and long forms the document defines: text -> Entry

    def span(self, run: list[Token], i: int, j: int) -> str:
        return self.text[run[i].start:run[j - 1].end]

    def entity_at(self, run: list[Token], i: int):
        """The longest known entity starting at token i: (end, entry) or None."""
        for j in range(min(len(run), i + 9), i, -1):
            if run[j - 1].text in CONNECTORS or run[j - 1].text in NAME_PARTICLES or run[j - 1].text == ".":
                continue
            chunk = self.span(run, i, j)
            bare = _POSSESSIVE.sub("", chunk)
            entry = self.known.get(bare) or self.gaz.lookup(bare)
            if entry is not None and not (j - i == 1 and bare in self.gaz.function_words):
                return j, entry
        return None

    def office_at(self, run: list[Token], i: int):
        """The longest office title starting at token i: (end, title) or None."""
        for size, folded, office in self.gaz.offices_by_word.get(fold(run[i].bare), ()):
            if i + size <= len(run) and fold(" ".join(t.bare for t in run[i:i + size])) == folded:
                return self._portfolio(run, i + size, office)
        return None

    def _portfolio(self, run: list[Token], end: int, office: str) -> tuple[int, str]:
        """An office with the portfolio that follows it ("Minister for Trade and Tourism")."""
        if office.split()[-1] not in _PORTFOLIO_OFFICES or end >= len(run) or run[end].text != "for":
            return end, office
        j, last = end + 1, None
        while j < len(run) and (run[j].capitalised or (run[j].text in ("and", "&", ",") and last is not None)):
            if run[j].capitalised:
                last = j
            j += 1
        if last is None:
            return end, office
        return last + 1, f"{office} {self.span(run, end, last + 1)}"

    def _government_of(self, run: list[Token], i: int):
        """A state's government named before it ("Government of Colombia"), where the run ends with
        the state: (end, the state's entry) or None."""
        if run[i].bare not in self.gaz.government_words or i + 2 >= len(run) or run[i + 1].text != "of":
            return None
        found = self.entity_at(run, i + 2)
        if found is None or found[1].kind != "country" or found[0] != len(run):
            return None
        return found

    def _person_name(self, written: str, end: int) -> str:
        """A person's name as the text writes it in full, middle initials kept ("John F. Kennedy"), a
        generation's suffix with its period ("Ferdinand R. Marcos Jr.")."""
        words = written.split()
        if words[-1] in self.gaz.name_suffixes and self.text[end:end + 1] == ".":
            words[-1] += "."
        return " ".join(words)

    def _ends_in_body(self, run: list[Token], i: int) -> bool:
        """Whether the run from token i is a body's name: its last word an org word or its plural
        ("Joint Boundary Working Groups")."""
        last = run[-1].bare if i < len(run) else ""
        return i < len(run) - 1 and (last in self.gaz.org_words or _plural_of(last, self.gaz.org_words))

    def honorific_at(self, run: list[Token], i: int):
        tok = run[i]
        if tok.text in self.gaz.honorifics or tok.text + "." in self.gaz.honorifics:
            end = i + 1
            if end < len(run) and run[end].text == ".":
                end += 1
            return end
        return None

    def parse(self, run: list[Token]) -> list[Name]:
        names: list[Name] = []
        pending: list[Token] = []
        title: list[str] = []
        honorific = False
        peer: str | None = None
        i = 0

        def flush() -> None:
            nonlocal pending, honorific, peer
            if pending:
                found = self.classify(pending, title=" ".join(title) or None, honorific=honorific)
                for name in found:
                    if peer and name.kind == "person" and name.surname_only and " " not in (name.canonical or " "):
                        # "Lord Cameron": the peer's title and surname, the name a reader uses
                        name.canonical, name.surname_only = f"{peer} {name.canonical}", False
                names.extend(found)
            pending = []
            peer = None

        while i < len(run):
            tok = run[i]
            initial = i + 1 < len(run) and run[i + 1].text == "." and run[i + 1].start == tok.end  # ("A. N. R. Robinson")
            if not pending and tok.text in self.gaz.function_words and tok.text not in self.gaz.honorifics and not initial \
                    and not (tok.text in self.gaz.name_openers and self._ends_in_body(run, i + 1)):
                i += 1
                continue
            if tok.text in CONNECTORS and not pending:
                i += 1
                continue
            state = self._government_of(run, i) if not pending else None
            if state is not None:
                # "the Government of Colombia": the state
                end, entry = state
                names.append(Name(run[i].start, run[end - 1].end, self.span(run, i, end), "country", entry.name))
                i = end
                continue
            region = None if pending else next(
                ((k, found) for k in (3, 2) if i + k <= len(run) and all(t.capitalised for t in run[i:i + k])
                 and (found := self.gaz.region(self.span(run, i, i + k)))), None) or self._compass_place(run, i) \
                or self._city_of_another_state(run, i)
            if region is not None:
                # "Latin America", "South America": a region, though its last word is a state's alias;
                # "South Georgia", "Northern Ireland": a place of its own, not the state it ends with
                size, place = region
                names.append(Name(run[i].start, run[i + size - 1].end, self.span(run, i, i + size), "place", place))
                i += size
                continue
            found = self.entity_at(run, i)
            if found is not None and pending and found[0] - i == 1 and tok.bare in self.gaz.org_words:
                found = None  # "the Green Alliance": the end of a name of its own, not NATO's alias
            if found is not None:
                end, entry = found
                rest = self._org_tail(run, end)
                if pending and rest is not None and entry.kind == "country" and not title and not honorific \
                        and all(t.capitalised and t.text not in CONNECTORS for t in pending):
                    # "the Southern Sudan Liberation Movement": a body whose name holds a state's
                    org = Name(pending[0].start, run[rest - 1].end, self.text[pending[0].start:run[rest - 1].end],
                               "organization")
                    org.canonical = _POSSESSIVE.sub("", org.text)
                    names.append(org)  # (the state it holds is no actor of its own)
                    pending = []
                    i = rest
                    continue
                flush()
                # "NATO Political Committee": a known body and a name of its own.
                if rest is not None and entry.kind == "country" and all(
                        t.bare in self.gaz.government_words for t in run[end:rest]):
                    # "the ROK Government": the state
                    names.append(Name(run[i].start, run[end - 1].end, self.span(run, i, end), "country", entry.name))
                    i = rest
                    continue
                if rest is not None and entry.kind == "organization" and entry.parent and run[end].text == "of":
                    # "the AU Assembly of Heads of State and Government": a known body, its title in full
                    names.append(Name(run[i].start, run[rest - 1].end, self.span(run, i, rest), "organization",
                                      entry.name, parent=entry.parent))
                    i = rest
                    continue
                tail = " ".join(t.bare for t in run[end:rest] if t.text != ".") if rest is not None else ""
                if entry.kind == "country" and tail in self.gaz.service_words:
                    # "the U.S. Navy": a state's armed service, a body of its own named with the state's name
                    service = self._org(run, i, rest, parent=None)
                    service.canonical = f"{entry.name} {tail}"
                    names.append(service)
                    i = rest
                    continue
                if rest is not None and entry.kind in ("organization", "country"):
                    names.append(self._org(run, i, rest, parent=entry.name if entry.kind == "organization" else None))
                    if entry.kind == "country":
                        names.append(Name(run[i].start, run[end - 1].end, self.span(run, i, end), "country", entry.name))
                    i = rest
                    continue
                text = self.span(run, i, end)
                names.append(
                    Name(run[i].start, run[end - 1].end, text, entry.kind, entry.name, parent=entry.parent,
                         possessive=bool(_POSSESSIVE.search(text)))
                )
                if title:
                    names[-1].extras.append("office-of")
                i = end
                continue
            service = self._demonym_service(run, i) if not pending else None
            if service is not None:
                # "the Sudanese Armed Forces": a state's service, named as the text names it
                names.append(Name(tok.start, run[service - 1].end, self.span(run, i, service), "organization",
                                  self.span(run, i, service)))
                i = service
                continue
            pair = f"{tok.text} {run[i + 1].bare}" if i + 1 < len(run) else ""
            if pair in self.gaz.regional:  # "Latin American leaders": no state
                flush()
                rest = self._regional_body_end(run, i + 2)
                if rest is not None:
                    # "the Central American Court of Justice": a body of the region, named as the text names it
                    names.append(self._org(run, i, rest, parent=None))
                    i = rest
                    continue
                i += 2
                continue
            if tok.bare in self.gaz.demonyms and i + 1 < len(run) and run[i + 1].bare in self.gaz.place_words:
                # "the Indian Ocean", "the Arabian Peninsula": a place named after a people, no state
                flush()
                names.append(Name(tok.start, run[i + 1].end, self.span(run, i, i + 2), "place",
                                  self.span(run, i, i + 2)))
                i += 2
                continue
            if pair in self.gaz.demonyms:  # "South Sudanese troops", "South African"
                flush()
                names.append(Name(tok.start, run[i + 1].end, self.span(run, i, i + 2), "country", self.gaz.demonyms[pair]))
                i += 2
                continue
            compound = self._compound(tok)
            if compound is not None and not pending:
                names.extend(compound)
                i += 1
                rest = self._org_tail(run, i, allow_start=True)
                if rest is not None:
                    names.append(self._org(run, i - 1, rest, parent=next((n.canonical for n in compound
                                                                         if n.kind == "organization"), None)))
                    i = rest
                continue
            if tok.bare in self.gaz.demonyms or (self.gaz.demonym(tok.bare) and not pending
                                                 and (i + 1 == len(run) or not run[i + 1].capitalised)):
                flush()  # (and the people, in the plural: "Venezuelans voted")
                names.append(Name(tok.start, tok.end, tok.text, "country", self.gaz.demonym(tok.bare)))
                i += 1
                continue
            demonym = tok.text.split("-")[0]
            if "-" in tok.text and demonym in self.gaz.demonyms:
                flush()
                names.append(Name(tok.start, tok.end, tok.text, "country", self.gaz.demonyms[demonym]))
                i += 1
                continue
            office = self.office_at(run, i)
            if office is not None and not pending:
                end, label = office
                title = [label]
                names.append(Name(run[i].start, run[end - 1].end, self.span(run, i, end), "office", role=label,
                                  possessive=bool(_POSSESSIVE.search(run[end - 1].text))))
                i = end
                continue
            if tok.text in self.gaz.name_honorifics and not pending and i + 1 < len(run) and run[i + 1].capitalised:
                honorific = True  # "Sheikh Hasina": it vouches for a person and stays in the name
                pending.append(tok)
                i += 1
                continue
            honor = self.honorific_at(run, i)
            if honor is not None and not pending:
                honorific = True
                peer = tok.text if tok.text in self.gaz.peerage else None
                i = honor
                continue
            if tok.text in CONNECTORS and not pending:
                i += 1
                continue
            if tok.text == "and" and pending and not any(t.bare in self.gaz.org_words for t in pending) and (
                    title or any(t.bare.rstrip("s") in self.gaz.office_words for t in pending)):
                flush()  # "Prime Minister A and Commission President B": two people
                last = names[-1] if names else None
                if last is not None and last.kind == "person" and (last.role or "").endswith("s"):
                    title = [last.role]  # "Prime Ministers A and B": the title vouches for each
                i += 1
                continue
            if tok.text in ("of", "for", "and", "on") and pending:
                # "National Security and Defence Council of Ukraine", "Ministry of Defence": one name.
                ahead = self._name_continues(run, pending, i)
                if ahead is not None:
                    pending.extend(run[i:ahead])
                    i = ahead
                    continue
                flush()
                i += 1
                continue
            if tok.text == "in" and pending and pending[-1].bare in self.gaz.org_words:
                flush()  # "the Concord Organisation in Aldrun": where the body is, not its name
                i += 1
                continue
            if tok.text == "in" and pending and not any(
                    t.bare in self.gaz.org_words or t.bare in self.gaz.programme_words for t in pending):
                # "met Marta Bosch in Lisbon", "signed by Biya in Annan's presence": no one's name goes on
                # across "in" (a body's may: "Co-operation in Europe")
                flush()
                i += 1
                continue
            pending.append(tok)
            i += 1
        flush()
        return names

    def _compass_place(self, run: list[Token], i: int) -> tuple[int, str] | None:
        """The size and name of a place a compass word and a state's name make, where the two are no
        known entity themselves ("South Georgia"; not "South Sudan", nor "South Sudanese")."""
        if run[i].text not in self.gaz.compass or i + 1 >= len(run) or f"{run[i].text} {run[i + 1].bare}" in self.gaz.demonyms:
            return None
        after = self.entity_at(run, i + 1)
        if after is None or after[1].kind != "country" or self.entity_at(run, i) is not None \
                or self._org_tail(run, after[0]) is not None:
            return None  # (nor "the Southern Sudan Liberation Movement": a body's name)
        return after[0] - i, self.span(run, i, after[0])

    def _city_of_another_state(self, run: list[Token], i: int) -> tuple[int, str] | None:
        """The size and name of a city whose name ends in another state's ("Port of Spain" is Trinidad's,
        not Spain)."""
        for k in (3, 2):
            if i + k > len(run) or not (run[i].capitalised and run[i + k - 1].capitalised):
                continue
            city = self.span(run, i, i + k)
            state = self.gaz.country_of_city(city)
            last = self.entity_at(run, i + k - 1)
            if state and last is not None and last[1].kind == "country" and last[1].name != state \
                    and self.entity_at(run, i) is None:
                return k, city
        return None

    def _demonym_service(self, run: list[Token], i: int) -> int | None:
        """Where "Sudanese Armed Forces", "Ethiopian National Defense Force" end: a demonym and words
        ending in an armed service's name."""
        if run[i].text not in self.gaz.demonyms or i + 1 >= len(run):
            return None
        rest = self._org_tail(run, i + 1, allow_start=True)
        tail = " ".join(t.bare for t in run[i + 1:rest]) if rest is not None else ""
        return rest if tail and any(tail == w or tail.endswith(f" {w}") for w in self.gaz.service_words) else None

    def _regional_body_end(self, run: list[Token], start: int) -> int | None:
        """Where the name of a region's body ends ("Court of Justice" after "Central American"): at the end of
        its capitalised words ("Bank for Economic Integration"); None if none of them is an org word."""
        end, named = start, False
        while end < len(run) and not (run[end].text in CONNECTORS and not (end + 1 < len(run) and run[end + 1].capitalised)):
            named = named or run[end].bare in self.gaz.org_words
            end += 1
        return end if named and run[end - 1].text not in CONNECTORS else None

    def _org_tail(self, run: list[Token], end: int, *, allow_start: bool = False) -> int | None:
        """After a known body, unknown words (joined by "and", "of"...) ending in an org word: their end."""
        if end > 0 and not allow_start and _POSSESSIVE.search(run[end - 1].text):
            return None  # "NATO's Euro-Atlantic ... Centre" is a body of its own
        j = end
        found = None
        while j < len(run) and self.entity_at(run, j) is None:
            if run[j].text in CONNECTORS:
                if j + 1 < len(run) and run[j + 1].capitalised:
                    j += 1
                    continue
                break
            if run[j].bare in self.gaz.org_words:
                found = j + 1
            j += 1
        return found

    def _name_continues(self, run: list[Token], pending: list[Token], i: int) -> int | None:
        """Where a name goes on after a connector at i, if it ends in an org word (or names its country)."""
        has_org_word = any(t.bare in self.gaz.org_words for t in pending)
        j = i + 1
        while j < len(run) and run[j].text in CONNECTORS:
            j += 1
        k = j
        while k < len(run) and run[k].capitalised and self.entity_at(run, k) is None:
            if run[k].bare in self.gaz.org_words:
                last = k + 1
                while last < len(run) and run[last].capitalised and run[last].bare in self.gaz.org_words:
                    last += 1
                return last
            k += 1
        if has_org_word and run[i].text == "of" and j < len(run):
            found = self.entity_at(run, j)
            if found is not None and found[1].kind == "country":
                return found[0]
        if has_org_word and run[i].text in ("of", "on") and j == i + 1 and 0 < len(run) - j <= 2 and all(
                run[m].text not in CONNECTORS and self.entity_at(run, m) is None for m in range(j, len(run))):
            return len(run)  # "the Court of Arbitration", "the Commission of Inquiry": the rest of the run
        return None

    def _compound(self, tok: Token) -> list[Name] | None:
        """"NATO-Azerbaijan", "NATO–Ukraine": each part a known country or body."""
        parts = _COMPOUND.split(tok.bare)
        if len(parts) < 2:
            return None
        names, offset = [], tok.start
        for part in parts:
            entry = self.known.get(part) or self.gaz.lookup(part)
            if entry is None and part in self.gaz.demonyms:
                entry = self.gaz.lookup(self.gaz.demonyms[part])
            if entry is None or entry.kind not in ("country", "organization"):
                return None
            names.append(Name(offset, offset + len(part), part, entry.kind, entry.name, parent=entry.parent))
            offset += len(part) + 1
        return names

    def _org(self, run: list[Token], i: int, end: int, *, parent: str | None) -> Name:
        name = Name(run[i].start, run[end - 1].end, self.span(run, i, end), "organization")
        name.canonical = _POSSESSIVE.sub("", name.text)
        name.parent = parent
        return name

    def _office_then_person(self, toks: list[Token]) -> list[Name] | None:
            """"Ostrelian Foreign Minister Anselm Druve", "Commission President Marta Bosch": an office,
            then the person who holds it."""
            offices = [k for k, t in enumerate(toks) if t.bare.rstrip("s") in self.gaz.office_words
                       or t.bare in self.gaz.office_words]
            if not offices:
                return None
            last = offices[-1]
            holder = toks[last + 1:]
            word = holder[0].bare if len(holder) == 1 else ""
            if _SURNAME.fullmatch(word) and not self.entity_at(holder, 0) and word not in self.gaz.function_words \
                    and not any(word in words for words in (self.gaz.org_words, self.gaz.programme_words,
                                                            self.gaz.place_words, self.gaz.office_words)):
                # "Secretary Galvez", "Minister Brende": an office and the surname of who holds it
                role = self.text[toks[0].start:toks[last].end]
                return [Name(toks[0].start, toks[last].end, role, "office", role=role),
                        Name(holder[0].start, holder[0].end, holder[0].bare, "person", holder[0].bare, role=role,
                             surname_only=True)]
            if len(holder) < 2 or not _looks_like_person(holder, False) or any(
                    t.bare in self.gaz.org_words or t.bare in self.gaz.programme_words for t in holder):
                return None
            role = self.text[toks[0].start:toks[last].end]
            office = Name(toks[0].start, toks[last].end, role, "office", role=role)
            written = self.text[holder[0].start:holder[-1].end]
            return [office, Name(holder[0].start, holder[-1].end, written, "person",
                                 self._person_name(as_written(written), holder[-1].end), role=role)]

    def _surname_in_capitals(self, words: list[str], *, titled: bool) -> str | None:
        """A name whose surname a page writes in capitals ("KISHIDA Fumio", "YOON Suk Yeol",
        "Emmanuel MACRON", "Prime Minister ISHIBA"), as English writes it: "Fumio Kishida", "Yoon
        Suk Yeol", "Emmanuel Macron", "Ishiba"."""
        caps = [k for k, w in enumerate(words) if len(w) >= 2 and w.replace("-", "").isalpha() and w.isupper()
                and w not in self.gaz.regnal_numbers]
        if len(caps) != 1 or not 1 <= len(words) <= 4 or (len(words) == 1 and not titled):
            return None
        k = caps[0]
        if k not in (0, len(words) - 1) or self.known.get(words[k]) or self.gaz.lookup(words[k]):
            return None  # an acronym ("NATO Summit")
        given = words[:k] + words[k + 1:]
        if any(not w[:1].isupper() or w.isupper() or w in self.gaz.org_words or w in self.gaz.programme_words
               for w in given):
            return None
        surname = words[k][:1] + words[k][1:].lower()
        if not given:
            return surname
        if k == 0 and surname not in self.gaz.surname_first:
            return " ".join([*given, surname])  # "KISHIDA Fumio": Fumio Kishida
        return " ".join([surname, *given] if k == 0 else [*given, surname])

    def classify(self, toks: list[Token], *, title: str | None, honorific: bool) -> list[Name]:
        while toks and (toks[-1].text in CONNECTORS or toks[-1].text in NAME_PARTICLES):
            toks = toks[:-1]
        if not toks:
            return []
        text = self.text[toks[0].start:toks[-1].end]
        bare = _POSSESSIVE.sub("", text)
        words = [t.bare for t in toks if t.text not in CONNECTORS and t.text != "."]
        name = Name(toks[0].start, toks[-1].end, text, "unknown", possessive=bare != text)
        held = self._office_then_person(toks)
        if held is not None:
            return held
        if len(words) >= 2 and words[-1] in _BODY_PEOPLE:
            return [name]  # "Forum Leaders": a body's people, no one person (the resolver finds the body)
        plural_body = len(words) >= 2 and _plural_of(words[-1], self.gaz.org_words)
        if len(words) >= 2 and words[0] in self.gaz.ship_prefixes:
            # "USS Carl Vinson called at Da Nang": a warship stands for the state whose navy it is
            name.kind, name.canonical = "country", self.gaz.ship_prefixes[words[0]]
            return [name]
        if len(words) == 2 and words[0] in self.gaz.org_words and words[1] in self.gaz.office_words:
            return [name]  # "the Commission President": an office of a body, its holder found by the resolver
        if any(w in self.gaz.programme_words for w in words):
            name.kind, name.canonical = "programme", bare
        elif any(w in self.gaz.org_words for w in words) or plural_body:
            generic = all(w in self.gaz.org_words or w in self.gaz.generic_words or _plural_of(w, self.gaz.org_words)
                          for w in words)  # ("International Missions": no body of that name)
            name.kind, name.canonical = ("unknown" if generic else "organization"), bare
            if plural_body:
                name.canonical = bare[:-1]  # "Joint Boundary Working Groups meet": each is the Group
        elif self.gaz.names_a_place([t.bare for t in toks if t.text != "."]):
            name.kind, name.canonical = "place", bare
        elif self.gaz.region(bare):
            name.kind, name.canonical = "place", self.gaz.region(bare)
        elif any(w.rstrip("s") in self.gaz.office_words or w in self.gaz.office_words for w in words):
            name.kind, name.role = "office", bare
        elif (written := self._surname_in_capitals(words, titled=honorific or bool(title))) is not None:
            name.kind, name.role, name.canonical = "person", title, written
            name.surname_only = " " not in written
        elif len(words) >= 2 and not (honorific or title) and self.gaz.is_city(bare):
            name.kind, name.canonical = "place", bare  # "La Paz", "Rio de Janeiro": a city, not a person
        elif len(words) == 1 and words[0] in self.gaz.state_forms:
            name.kind, name.canonical = "unknown", words[0]  # "the President of the Republic": no one called Republic
        elif _looks_like_person(toks, honorific or bool(title), regnal=self.gaz.regnal_numbers if title else ()):
            name.kind = "person"
            name.role = title
            initial = re.match(r"^([A-Z])\.\s*([A-Z][^\s.]+)$", bare)
            if initial:
                name.initial, name.canonical = initial.group(1), initial.group(2)
                name.surname_only = True
            elif len(words) == 1:
                name.surname_only = title not in self.gaz.one_name_titles  # ("Emperor Naruhito": all his name)
                name.canonical = words[0]
            else:
                name.canonical = self._person_name(as_written(_NICKNAME.sub(" ", bare)), toks[-1].end)
        elif len(words) == 1 and self.gaz.is_city(words[0]):
            name.kind, name.canonical = "place", words[0]
        elif len(words) == 1 and "/" in words[0] and any(self.gaz.is_city(w) for w in words[0].split("/")):
            name.kind, name.canonical = "place", words[0]  # a dateline's "HAVANA/WASHINGTON"
        elif len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
            name.kind, name.canonical = "acronym", words[0]
        elif len(words) == 1:
            name.kind, name.canonical = "unknown", words[0]
        return [name]


def as_written(text: str) -> str:
    """A name with single spaces and its possessive dropped: "H. D.  Deve Gowda's" -> "H. D. Deve Gowda"."""
    return _POSSESSIVE.sub("", " ".join(text.split()))


def _plural_of(word: str, words: frozenset[str]) -> bool:
    """Whether a word is the plural of one of `words`, not one of them itself ("Groups", not "Forces")."""
    return word not in words and word.endswith("s") and word[:-1] in words


def _looks_like_person(toks: list[Token], titled: bool, *, regnal: frozenset[str] | tuple = ()) -> bool:
    words = [t.bare for t in toks if t.text != "."]
    if len(words) >= 2 and words[-1] in regnal:
        words = words[:-1]  # "King Hassan II": a monarch's numeral
    if any(w.isupper() and len(w) > 1 and not re.fullmatch(r"[A-Z]\.[A-Z]\w*", w) for w in words):
        return False
    content = [w for w in words if w not in NAME_PARTICLES]
    if titled:
        return 1 <= len(content) <= 4
    if re.fullmatch(r"[A-Z]\.\s*[A-Z]\w+", " ".join(words)):
        return True
    return 2 <= len(content) <= 4


def find_names(text: str, start: int, end: int, *, gaz: Gazetteer, known: dict, masked: list[tuple[int, int]]) -> list[Name]:
    """The names in text[start:end] (offsets into `text`), parts of time expressions left out."""
    parser = _Parser(text, gaz, known)
    names: list[Name] = []
    dashed = tuple(name for name in known if any(f" {dash} " in name for dash in _DASHES))
    for whole in _runs(tokens(text, start, end), masked, text, dashed):
        titled = _paired_title(whole, parser)
        if titled is not None:
            # "the Japan–Republic of Korea Joint Declaration": a document the pair made, one name
            names.append(Name(whole[0].start, whole[titled - 1].end, parser.span(whole, 0, titled), "programme",
                              parser.span(whole, 0, titled)))
            whole = whole[titled:]
        for run in _split_pairs(whole, parser):
            names.extend(_body_with_owner(parser.parse(run), text))
    return names


def _body_with_owner(names: list[Name], text: str) -> list[Name]:
    """An organisation written just before one of its own bodies is part of the body's name ("the U.N.
    Security Council" is the United Nations Security Council, one name, not the UN and the Council)."""
    out: list[Name] = []
    for name in names:
        owner = out[-1] if out else None
        if owner is not None and owner.kind in ("organization", "acronym") and name.kind == "organization" \
                and owner.canonical and name.canonical and name.canonical.startswith(f"{owner.canonical} ") \
                and re.fullmatch(r"[.\s]*", text[owner.end:name.start]):
            out[-1] = replace(name, start=owner.start, text=text[owner.start:name.end])
            continue
        if name.kind == "unknown" and not name.canonical and re.fullmatch(r"\.", name.text):
            continue  # the full stop of "U.N."
        out.append(name)
    return out


def _paired_title(run: list[Token], parser: _Parser) -> int | None:
    """Where the title of a document two parties made ends, when a run opens with their names joined
    by a dash and the second is more than one word ("Japan–Republic of Korea Joint Declaration",
    "Canada-European Union Comprehensive Economic and Trade Agreement"): after its last programme word."""
    if not run or len(_COMPOUND.split(run[0].text)) != 2 or parser._compound(run[0]) is not None:
        return None
    left = _COMPOUND.split(run[0].text)[0]
    if not (parser.known.get(left) or _known_party(parser.gaz, left)):
        return None
    ends = [k + 1 for k, t in enumerate(run) if k > 0 and t.bare in parser.gaz.programme_words]
    return ends[-1] if ends else None


def _split_pairs(run: list[Token], parser: _Parser) -> list[list[Token]]:
    """A dash between two names that a run holds as one word ("Greece–North Macedonia", "North
    Macedonia–Greece"): two runs, split at the dash, where one side is a known state or body and the
    word is not a name of its own ("Guinea-Bissau") nor a pair of known names that opens the run
    (`_Parser._compound`: "NATO-Azerbaijan"), and not inside the name of a body or a programme."""
    gaz = parser.gaz
    if any(t.bare in gaz.programme_words or t.bare in gaz.org_words for t in run):
        return [run]  # "the Canada-European Union Comprehensive Economic and Trade Agreement": one name
    for i, tok in enumerate(run):
        parts = _COMPOUND.split(tok.text)
        if len(parts) != 2 or not all(parts) or (i == 0 and parser._compound(tok) is not None) \
                or parser.known.get(tok.bare) or parser.gaz.lookup(tok.bare):
            continue
        if not any(parser.known.get(part) or _known_party(parser.gaz, part) for part in parts):
            continue
        cut = tok.start + len(parts[0])
        left, right = Token(tok.start, cut, parts[0]), Token(cut + 1, tok.end, parts[1])
        return [[*run[:i], left], *_split_pairs([right, *run[i + 1:]], parser)]
    return [run]


def _known_party(gaz: Gazetteer, word: str) -> bool:
    entry = gaz.lookup(word)
    return entry is not None and entry.kind in ("country", "organization")
