"""The parse's named entities joined with the names found by rule, and the roles that make a name an actor.

spaCy's small model finds people and organisations that no list holds
("Prime Minister Manmohan Singh"), and it tells a person from a place where
the capitalised-run rules cannot ("New Delhi", "Global Stability"). Both
ways are joined here, for the sentences that were parsed:

- a name the rules took for a person is kept only if the model agrees (or a
  title, an honorific or the gazetteer vouches for it); else it is a place (a
  city, a GPE) or nothing;
- a PERSON, ORG or GPE entity that the rules missed becomes a name, after
  its shape is checked: months, weekdays, offices alone, programme and
  document names ("... Plan", "... Summit") are no actors.

A demonym or a capital names its state only in a political role
(`political_role`): "Chinese troops", "the Australian government", "Moscow
expelled", "Ankara's bid"; "a Portuguese colony" or "talks in Moscow" do not.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from annals.data import check_keys, load
from annals.model import Document, Entity, Token
from annals.resolve.gazetteer import Gazetteer, fold
from annals.resolve.names import NAME_PARTICLES, Name, as_written, inner_names

__all__ = ["LEADER_OF_BEFORE", "Parse", "join_entities"]

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
_LEADERS = frozenset({"president", "leader", "ruler", "dictator", "monarch", "king", "queen", "emperor", "premier",
                      "minister", "chancellor", "general", "chairman", "sultan", "emir", "shah", "head"})
_GOVERNMENTS = frozenset({"government", "administration", "cabinet", "regime"})  # "the government of A": A leads
# "the leader of the Revolutionary United Front, Foday Sankoh,": the name after a leader's title, whatever
# the parser hung it on
LEADER_OF_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_LEADERS)) + r")\s+of\s+(?:the\s+)?[A-Z][^,;.()]{0,80},\s*\Z")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_PERSON_ENTITY = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT",
                                "LANGUAGE", "DATE"})


class Parse:
    """The tokens and entities of a document, looked up by offset."""

    def __init__(self, doc: Document) -> None:
        self.tokens: tuple[Token, ...] = doc.tokens
        self.starts = [t.start for t in self.tokens]
        self.entities: tuple[Entity, ...] = tuple(sorted(doc.entities, key=lambda e: e.start))
        self.entity_starts = [e.start for e in self.entities]

    def parsed(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.tokens) and self.tokens[i].start < end

    def token_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def entities_in(self, start: int, end: int) -> list[Entity]:
        i = bisect.bisect_left(self.entity_starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].start < end:
            out.append(self.entities[i])
            i += 1
        return out

    def _lift(self, i: int) -> int:
        """Up through conjuncts and compounds to the word that bears the role: "Chinese and Russian troops"."""
        seen = 0
        while self.tokens[i].dep in ("conj", "compound", "flat", "nmod") and self.tokens[i].head != i and seen < 6:
            head = self.tokens[i].head
            if self.tokens[i].dep != "conj" and self.tokens[head].pos != "PROPN":
                break
            i = head
            seen += 1
        return i

    def people_act(self, start: int, end: int, acts: frozenset[str]) -> bool:
        """Whether the name at text[start:end] is the subject of one of `acts` ("Venezuelans voted")."""
        i = self.token_at(max(start, end - 1))
        if i is None:
            return False
        tok = self.tokens[i]
        return tok.dep == "nsubj" and tok.head != i and self.tokens[tok.head].lemma.casefold() in acts

    def political_role(self, start: int, end: int, gaz: Gazetteer, *, as_modifier: bool) -> bool | None:
        """Whether the name at text[start:end] acts for its state; None if the sentence was not parsed.

        `as_modifier`: a demonym, political when it modifies a noun of government, force or act
        (data/actors/demonyms.yaml political_heads), or a leader's name; any name, when it is the
        subject, the agent or the possessor of its clause.
        """
        first = self.token_at(start)
        if first is None:
            return None
        # the name's own head word: the last of its tokens
        last = self.token_at(max(start, end - 1))
        i = last if last is not None else first
        if self.tokens[i].dep == "case" and i != first:
            i = self.tokens[i].head  # "Beijing's offer": the name, not its possessive ending
        tok = self.tokens[i]
        j = self._lift(i) if tok.dep == "conj" else i
        role = self.tokens[j]
        if role.dep in gaz.political_roles:
            return True
        if role.dep == "pobj" and role.head != j and self.tokens[role.head].dep == "agent":
            return True  # "was signed by Moscow"
        if role.dep == "pobj" and role.head != j and self.tokens[role.head].lemma.casefold() in ("with", "against"):
            # "Cairo signed a pact with Mogadishu", "Ankara's talks with Baghdad": the other party of an act
            over = self.tokens[self.tokens[role.head].head]
            if over.pos in ("VERB", "AUX") or (over.pos == "NOUN" and over.dep in ("dobj", "nsubj", "nsubjpass")
                                                and self.tokens[over.head].pos in ("VERB", "AUX")):
                return True
        if as_modifier and role.dep in ("amod", "compound", "nmod", "npadvmod") and role.head != j:
            head = self.tokens[role.head]
            if head.lemma.casefold() in gaz.political_heads or self._hyphened(role.head) in gaz.political_heads \
                    or head.start < end:
                return True
            if head.ent == "PERSON" or (head.pos == "PROPN" and head.head != role.head
                                        and self.tokens[head.head].ent == "PERSON"):
                return True  # "Turkish Prime Minister X"
            # "the Turkish foreign ministry": an adjective before another modifier of the head
            if any(self.tokens[k].lemma.casefold() in gaz.political_heads
                   for k in range(j + 1, role.head + 1) if 0 <= k < len(self.tokens)):
                return True
        return False

    def _hyphened(self, i: int) -> str:
        """The word a parser cut at its hyphen ("counter - attack"), else the token's lemma."""
        tokens = self.tokens
        if i + 2 < len(tokens) and tokens[i + 1].lemma == "-" and tokens[i + 1].start == tokens[i].end \
                and tokens[i + 2].start == tokens[i + 1].end:
            return f"{tokens[i].lemma}-{tokens[i + 2].lemma}".casefold()
        return tokens[i].lemma.casefold()


@cache
def _person_verbs() -> tuple[frozenset[str], frozenset[str]]:
    data = load("actors/person_verbs.yaml")
    check_keys("actors/person_verbs.yaml", data, required={"subject_of", "object_of"}, allowed=set())
    return frozenset(data["subject_of"]), frozenset(data["object_of"])


def _plain_name(name: Name, gaz: Gazetteer) -> bool:
    """Two or more capitalised words that no list knows and none of which names a kind of body,
    place or thing ("Working Groups", "Border Post")."""
    bare = _clean(name.text)
    words = [w for w in bare.split() if w not in NAME_PARTICLES]
    kinds = gaz.org_words | gaz.generic_words | gaz.place_words | gaz.programme_words | gaz.office_words
    return len(words) >= 2 and not any(w in kinds or w.rstrip("s") in kinds for w in words) and \
        gaz.lookup(bare) is None and not gaz.is_city(bare) and bare not in gaz.demonyms


def _acts_as_person(parse: Parse, name: Name) -> bool:
    """Whether a name is the subject of a verb of human action or the object of one done to a
    person (data/actors/person_verbs.yaml): "Tarun Mehra and Karim signed", "succeeded Ilse Born"."""
    last = parse.token_at(max(name.start, name.end - 1))
    if last is None:
        return False
    i = parse._lift(last)
    tok = parse.tokens[i]
    head = parse.tokens[tok.head]
    subject_of, object_of = _person_verbs()
    lemma = head.lemma.casefold()
    return (tok.dep == "nsubj" and (lemma in subject_of or _his_or_hers(parse, tok.head))) or \
        (tok.dep == "dobj" and lemma in object_of)


def _his_or_hers(parse: Parse, verb: int) -> bool:
    """Whether what a verb was done to is the subject's own as a person's: "took his party out of the
    coalition", "resigned her seat"."""
    return any(parse.tokens[j].dep == "poss" and parse.tokens[j].lemma.casefold() in ("his", "her")
               and parse.tokens[parse.tokens[j].head].head == verb
               for j in range(verb + 1, min(len(parse.tokens), verb + 6)))


def _person_words(doc: Document) -> frozenset[str]:
    """The last words of what the model took for people anywhere in the document (their surnames)."""
    found = _PERSON_WORDS.get(doc.text)
    if found is None:
        found = frozenset(words[-1] for e in doc.entities if e.label == "PERSON"
                          for words in [_clean(doc.text[e.start:e.end]).split()] if words)
        _PERSON_WORDS.clear()  # one document at a time (another thread's is only computed again)
        _PERSON_WORDS[doc.text] = found
    return found


_PERSON_WORDS: dict[str, frozenset[str]] = {}


def _clean(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return _POSSESSIVE.sub("", text).strip(" ,.;:")


def _words_ok(words: list[str]) -> bool:
    return bool(words) and all(
        (w[:1].isupper() or w in NAME_PARTICLES or w in ("of", "for", "and", "the", "on", "in"))
        and not any(c.isdigit() for c in w) and fold(w).rstrip(".") not in _MONTHS
        for w in words
    )


def _person(text: str, start: int, gaz: Gazetteer) -> Name | None:
    words = text.split()
    owned = [k for k, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)]
    if owned:
        words = words[owned[-1] + 1:]  # "Britain's Prime Minister Boris Johnson": the possessor is not the name
    # sentence openers, titles and honorifics that the model took into the name: "And Obote", "President Bill Clinton"
    while words and (words[0] in gaz.function_words or words[0].rstrip(".") in gaz.honorifics or words[0] in gaz.honorifics
                     or words[0] in gaz.office_words or words[0] + "." in gaz.honorifics
                     or words[0] in ("Prime", "Minister", "Foreign", "Defence", "Defense", "Deputy", "Vice")):
        words = words[1:]
    if not words or not _words_ok(words):
        return None
    if any(w.isupper() and len(w) > 1 for w in (words[:-1] if words[-1] in gaz.regnal_numbers else words)):
        return None  # an acronym; "Hassan II" is a monarch
    if any(w in gaz.org_words or w in gaz.programme_words or w in gaz.place_words for w in words):
        return None
    canonical = as_written(" ".join(words))
    if gaz.lookup(canonical) is not None or canonical in gaz.demonyms or gaz.is_city(canonical):
        return None
    offset = text.index(words[0])
    name = Name(start + offset, start + offset + len(canonical), canonical, "person", canonical)
    if len([w for w in words if w not in NAME_PARTICLES]) == 1:
        name.surname_only = True
    return name


def _organization(text: str, start: int, gaz: Gazetteer, known: dict, *, acting: bool = False) -> Name | None:
    words = text.split()
    if not _words_ok(words):
        return None
    entry = known.get(text) or gaz.lookup(text)
    if entry is not None:
        if entry.kind not in ("organization", "country"):
            return None
        return Name(start, start + len(text), text, entry.kind, entry.name, parent=entry.parent)
    if (len(words) < 2 and not (acting and text[:1].isupper() and not text.isupper())) \
            or any(w in gaz.programme_words for w in words):
        return None  # (one word only where it acts: "Petrovia bought", "signed with Petrovia")
    content = [w for w in words if w not in ("of", "for", "and", "the", "on", "in")]
    if all(w in gaz.org_words or w in gaz.generic_words or w in gaz.office_words for w in content):
        return None
    if not any(w in gaz.org_words for w in content) and not (acting and all(w[:1].isupper() for w in content)):
        # Without an organisation word the small model's ORG is too often a title or a thing; one
        # that acts ("used by Goldman Sachs", "Gazprom cut supplies") is a body.
        return None
    return Name(start, start + len(text), text, "organization", text)


_STATE_FORM = re.compile(r"^(?:[Tt]he\s+)?(?:(?:Federal|Democratic|People's|Islamic|Socialist|United)\s+)*"
                         r"(?:Republic|Kingdom|Principality|Grand Duchy|Sultanate|Emirate|State|Federation)\s+of\s+")


def _polity(text: str, entity: Entity, parse: Parse, names: list[Name], gaz: Gazetteer, known: dict) -> Name | None:
    """A place the lists do not know that the text treats as a state: it acts ("Varnia joined",
    "signed by Ostrelia"), or is named as one ("the Republic of Varnia"). Once found, the document
    knows it (`known`), so its other mentions resolve too."""
    clash = [n for n in names if n.start < entity.end and entity.start < n.end]
    if any(n.kind not in ("unknown", "place") for n in clash):
        return None
    raw = text[entity.start:entity.end]
    formal = _STATE_FORM.match(raw)
    bare = _POSSESSIVE.sub("", raw[formal.end():] if formal else re.sub(r"^[Tt]he\s+", "", raw)).strip()
    words = bare.split()
    if formal and gaz.lookup(_POSSESSIVE.sub("", re.sub(r"^[Tt]he\s+", "", raw)).strip()) is not None:
        return None  # "the Republic of Korea": a state the lists know by its formal name
    if not words or not _words_ok(words) or len(words) > 3 or gaz.lookup(bare) is not None or gaz.is_city(bare) \
            or bare in gaz.demonyms or gaz.region(bare):
        return None
    if not formal and not _acting(parse, entity) and bare not in known:
        return None
    from annals.resolve.gazetteer import Entry

    known.setdefault(bare, Entry(bare, "country"))
    # "the Republic of Quovia": the name spans the whole phrase, so that it heads it
    offset = entity.start + (len(raw) - len(re.sub(r"^[Tt]he\s+", "", raw)))
    end = entity.start + raw.find(bare) + len(bare)
    for n in clash:
        names.remove(n)
    return Name(offset, end, text[offset:end], "country", bare)


def _done_to_person(parse: Parse, name: Name) -> bool:
    """Whether a name is the object of a verb only done to people ("appointed X", "succeeded X")."""
    last = parse.token_at(max(name.start, name.end - 1))
    if last is None:
        return False
    tok = parse.tokens[parse._lift(last)]
    return tok.dep == "dobj" and parse.tokens[tok.head].lemma.casefold() in _person_verbs()[1]


def _named_leader(parse: Parse, name: Name) -> bool:
    """Whether a name stands in apposition to a word for leaders ("the two prime ministers, A and B",
    "its president, A"), itself or as the second of a pair, or names who leads a government ("the
    government of A")."""
    i = parse.token_at(name.end - 1)
    if i is None:
        return False
    tok = parse.tokens[i]
    if tok.dep == "conj" and tok.head != i:
        tok = parse.tokens[tok.head]
    head = parse.tokens[tok.head]
    if tok.dep == "pobj" and head.lemma.casefold() == "of" and head.head != tok.head:
        # "the government of A": who leads it
        return parse.tokens[head.head].lemma.casefold() in _GOVERNMENTS
    return tok.dep == "appos" and head.lemma.casefold() in _LEADERS


def _acting(parse: Parse, entity: Entity, *, listed: bool = True) -> bool:
    """Whether an entity is the subject of a verb or the agent of a passive (`listed`: or one of a list
    that is)."""
    last = parse.token_at(entity.end - 1)
    if last is None:
        return False
    tok = parse.tokens[last]
    while listed and tok.dep == "conj" and parse.tokens[tok.head] is not tok:  # "by Varnia, Ilvenia and Sarnholm"
        tok = parse.tokens[tok.head]
    head = parse.tokens[tok.head]
    if tok.dep == "pobj" and head.lemma.casefold() == "with":
        return parse.tokens[head.head].pos == "VERB"  # "signed with Petrovia": the other party of an act
    return tok.dep == "nsubj" and head.pos in ("VERB", "AUX") or (tok.dep == "pobj" and head.dep == "agent")


def _a_persons_name(word: str, persons: dict, surnames: frozenset[str]) -> bool:
    """Whether a word is the surname of a person the text named ("Tarabi" of "Omar al-Tarabi")."""
    return word in surnames or any(word in p.split()[-1].split("-") for p in persons if " " in p)


def _plural(parse: Parse, entity: Entity) -> bool:
    """Whether an entity ends in a plural proper noun (a people: "the Basques voted")."""
    last = parse.token_at(entity.end - 1)
    return last is not None and parse.tokens[last].tag == "NNPS"


def _kind_named(parse: Parse, entity: Entity) -> bool:
    """Whether an entity is the name of a thing of a kind the text gives before it ("the gunboat Zarya")."""
    first = parse.token_at(entity.start)
    last = parse.token_at(entity.end - 1)
    if first is None or last is None:
        return False
    return any(t.dep == "compound" and t.head == last and t.pos == "NOUN" and t.end <= parse.tokens[first].start
               for t in parse.tokens[max(0, first - 3):first])


def join_entities(doc: Document, parse: Parse, start: int, end: int, names: list[Name], *,
                  gaz: Gazetteer, known: dict, persons: dict) -> list[Name]:
    """The names of text[start:end] with the model's entities joined in (see the module's docstring)."""
    if not parse.parsed(start, end):
        return names
    text = doc.text
    entities = parse.entities_in(start, end)
    surnames = _surnames(persons, gaz)
    for name in names:
        # "Hasina visited Delhi" after "Sheikh Hasina": the model's GPE is the person named before
        bare = _clean(name.text)
        if name.kind in ("place", "unknown", "country") and bare in surnames and gaz.lookup(bare) is None:
            name.kind, name.canonical, name.surname_only, name.initial = "person", bare, True, None
    for name in names:
        if name.kind != "person" or name.role or name.surname_only:
            continue
        before = text[max(start, name.start - 12):name.start].split()
        if before and (before[-1] in gaz.honorifics or before[-1].rstrip(".") in gaz.honorifics):
            continue
        if fold(name.canonical or "") in gaz.people or (name.canonical in persons) or \
                name.text.split()[0] in gaz.name_honorifics:
            continue
        overlapping = [e for e in entities if e.start < name.end and name.start < e.end]
        if gaz.is_city(_clean(name.text)) and re.search(r"\b(?:in|at|to|from|near|outside)\s+$",
                                                        text[max(start, name.start - 8):name.start]):
            name.kind, name.canonical = "place", _clean(name.text)  # "meeting in Siem Reap": a city, not a person
            continue
        if any(e.label == "PERSON" for e in overlapping):
            continue
        if _plain_name(name, gaz) and not any(e.label == "ORG" for e in overlapping) and _acts_as_person(parse, name):
            continue  # "Tarun Mehra signed" taken for a GPE: people sign, places do not
        if _plain_name(name, gaz) and _clean(name.text).split()[-1] in _person_words(doc):
            continue  # "Jean-Bertrand Aristide" an ORG to the model, "Aristide" elsewhere a PERSON: a person
        if _plain_name(name, gaz) and (_named_leader(parse, name) or _done_to_person(parse, name)
                                       or LEADER_OF_BEFORE.search(text, max(start, name.start - 120), name.start)):
            continue  # "the two prime ministers, Ivica Dačić and Hashim Thaçi", "appointed Miroslav Lajčák":
            # people, whatever the model saw
        if not overlapping and re.search(r"\s(?:and|of|for|on|the)\s", name.text) is None and \
                not any(w in gaz.generic_words for w in (name.canonical or "").split()):
            continue  # the model saw nothing there: a plain "First Last" stays a person
        bare = _clean(name.text)
        if any(e.label in ("GPE", "LOC", "FAC") for e in overlapping) or gaz.is_city(bare):
            name.kind, name.canonical = "place", bare
        else:
            name.kind, name.canonical = "unknown", None
    for name in names:
        # "Elizabeth II visited": a monarch's name that the model took for an event
        words = _clean(name.text).split()
        if name.kind == "unknown" and 2 <= len(words) <= 3 and words[-1] in gaz.regnal_numbers and \
                _person(" ".join(words), name.start, gaz) is not None and _acts_as_person(parse, name):
            name.kind, name.canonical = "person", as_written(" ".join(words))
    for name in names:
        # "Clinton nominated": a single word the rules took for a place or left unknown, a person to the model
        if name.kind in ("place", "unknown") and name.canonical and " " not in name.canonical:
            i = parse.token_at(name.start)
            tok = parse.tokens[i] if i is not None else None
            person = any(e.label == "PERSON" and e.start <= name.start and name.end <= e.end for e in entities)
            titled = tok is not None and tok.dep == "appos" and parse.tokens[tok.head].lemma.casefold() in _LEADERS
            if titled or (person and gaz.lookup(name.canonical) is None and not gaz.capital_of(name.canonical)):
                name.kind = "person"
                name.surname_only = not titled
    added: list[Name] = []
    for entity in entities:
        if entity.label == "GPE":
            found = None if _clean(text[entity.start:entity.end]) in surnames else \
                _polity(doc.text, entity, parse, names, gaz, known)
            if found is not None:
                added.append(found)
            continue
        if entity.label not in ("PERSON", "ORG"):
            continue
        clash = [n for n in names if n.start < entity.end and entity.start < n.end]
        # (one word only on its own, not one of a list: "Chile, Quelmark and Ostravia joined" are states)
        one_word = " " not in _clean(text[entity.start:entity.end])
        if one_word and (re.search(r"\b[Tt]he\s+$", text[max(start, entity.start - 5):entity.start])
                         or _a_persons_name(_clean(text[entity.start:entity.end]), persons, surnames)):
            one_word_named = False  # ("the Applicant", "the Secretariat": a part or a body's short name;
            # "Tarabi" after "Omar al-Tarabi": the person)
        else:
            one_word_named = True
        acting = entity.label == "ORG" and one_word_named and _acting(parse, entity, listed=not one_word) \
            and not _kind_named(parse, entity) \
            and not _plural(parse, entity) \
            and gaz.demonym(_clean(text[entity.start:entity.end])) is None  # (not a people: "the Basques")
        if any(n.kind not in ("unknown",) or (n.canonical and not acting) for n in clash):
            continue  # (a name no rule knows that the model calls an organisation, acting: "with Petrovia")
        raw = text[entity.start:entity.end]
        lead = len(raw) - len(raw.lstrip())
        cleaned = _clean(raw)
        offset = entity.start + raw.find(cleaned) if cleaned else entity.start + lead
        found = (_person(cleaned, offset, gaz) if entity.label == "PERSON"
                 else _organization(cleaned, offset, gaz, known, acting=acting))
        if found is None:
            continue
        if found.kind == "person" and found.surname_only:
            i = parse.token_at(found.start)
            tok = parse.tokens[i] if i is not None else None
            # "Indonesia's first president, Sukarno,": a single name in apposition to an office
            if tok is not None and tok.dep == "appos" and parse.tokens[tok.head].lemma.casefold() in _LEADERS:
                found.surname_only = False
        for n in clash:
            names.remove(n)
        added.append(found)
    _states_in_a_list(text, parse, names + added, gaz, known, surnames)
    return sorted(names + added, key=lambda n: n.start)


def _surnames(persons: dict, gaz: Gazetteer) -> frozenset[str]:
    """The last words of the full names the document has given so far ("Hasina" of "Sheikh Hasina"), and the
    inner names of full names of three words or more ("Lula" of "Luiz Inácio Lula da Silva")."""
    last = {p.split()[-1] for p in persons if " " in p and p.split()[-1] not in gaz.regnal_numbers}
    inner = {w for p in persons for w in inner_names(p)}
    return frozenset(last | inner)


def _states_in_a_list(text: str, parse: Parse, names: list[Name], gaz: Gazetteer, known: dict,
                      surnames: frozenset[str] = frozenset()) -> None:
    """"Varnia, Kesh and Morvath joined": single unknown words listed together with a state are
    states too (the lists cannot hold every state a text names, the recogniser mislabels them), but
    not the surname of a person the text named ("Presidents A of Chile and Obasanjo")."""
    countries = [n for n in names if n.kind == "country"]
    if not countries:
        return
    for name in names:
        if name.kind not in ("unknown", "person") or " " in name.text.strip() or name.role or \
                (name.kind == "person" and not name.surname_only) or not name.text[:1].isupper():
            continue
        i = parse.token_at(name.start)
        if i is None or parse.tokens[i].dep != "conj":
            continue
        head = parse._lift(i)
        if not any(c.start <= parse.tokens[head].start < c.end for c in countries):
            continue
        bare = _POSSESSIVE.sub("", name.text).strip()
        if gaz.lookup(bare) is not None or fold(bare) in gaz.people or bare in surnames:
            continue
        from annals.resolve.gazetteer import Entry

        known.setdefault(bare, Entry(bare, "country"))
        name.kind, name.canonical, name.surname_only = "country", bare, False
