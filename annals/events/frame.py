"""Who did what to whom: each actor's part, the object, and a headline, read from the predicate's tree.

- source: the subject of the predicate (or of the verb it is conjoined with or
  hangs from), the agent of a passive ("signed by Azerbaijan"), the passive
  subject of an act a state undergoes as its own ("was admitted", "was granted"),
  the possessor or "of" phrase of an event noun ("its accession", "the accession
  of Montenegro"); all conjoined subjects of a joint act;
- target: the object, and the "to", "into", "with" phrases (the organisation
  joined, the country visited, the person received);
- other: every other actor the sentence names. Where the sentence names no
  source, the actor the document adds for it (its subject) is the source.
- object: the named programme, document, institution, operation or meeting the
  predicate is about, canonical ("PfP Framework Document" reads as "Partnership
  for Peace Framework Document"); none when it names no such thing.
- headline: "<source> <predicate in the present> <object or target>", at most
  80 characters.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from annals.events.anaphora import Antecedents, anaphor_kind
from annals.events.headline import HEADLINE_WIDTH, fitted, headline, join_names, phrase
from annals.events.lexicon import Lexicon
from annals.events.naming import (
    ARTICLE,
    listed_object,
    named_earlier,
    negotiated,
    object_of,
    office_object,
    serial_object,
)
from annals.events.parts import (
    JOINT,
    OWN_PASSIVES,
    actors_in,
    dashed_parties,
    demonym_state,
    go_between,
    in_force,
    one_sided,
    owners,
    parties_of,
    passive_subjects,
    subjects,
    targets,
    with_conj,
)
from annals.events.posts import post_object
from annals.events.predicate import key_of
from annals.events.tree import NOUNS, VERBS, Tree
from annals.model import Actor, EventObject
from annals.resolve.entities import LEADER_OF_BEFORE
from annals.resolve.gazetteer import gazetteer

__all__ = ["HEADLINE_WIDTH", "Frame", "read_frame"]



@dataclass(frozen=True, slots=True)
class Frame:
    """The frame of one event: its actors with their parts, its object, its headline."""

    actors: tuple[Actor, ...]
    object: EventObject | None
    headline: str | None


# Acts that states and bodies do together with others ("set up with Iceland"), beside the joint ones.
_TOGETHER = frozenset({"establishment", "project", "exercise", "summit"})
# Nouns of a relationship itself: its parties are those the text is about.
_RELATIONSHIP = frozenset({"relation", "relations", "tie", "ties", "relationship", "dialogue", "partnership", "cooperation",
                           "negotiation", "negotiations", "talk", "talks"})
# Nouns of belonging: what one is a member of is the act's target.
_BELONGING = frozenset({"member", "part", "party", "signatory", "observer", "partner", "participant"})
# "the Republic joined": a state's form of government, which refers back to the state, not a name
_POLITY_WORDS = frozenset({"Republic", "Kingdom", "Principality", "Federation", "Confederation", "Sultanate",
                           "Emirate", "Duchy", "Realm"})


# Nouns of a state's part that its name follows ("the region of Wallonia", "the island of Anjouan").
_TERRITORY_WORDS = frozenset({"region", "island", "province", "territory", "canton", "emirate", "islands", "state"})


def _unknown_subject(tree: Tree, lex: Lexicon, p: int, placed: list[tuple[int, Actor]]) -> Actor | None:
    """The actor a verb's subject names where no list or rule knows it: a name ("Séléka", "the Houthi
    movement"; of "Séléka fighters", the name alone), a person where the recogniser says so, else a body; not a
    place, a date, nor a programme or an operation ("Operation Crossroads opens")."""
    if tree.tokens[p].pos not in VERBS:
        return None
    subject = tree.subject_of(p)
    if len(subject) != 1 or tree.tokens[subject[0]].dep != "nsubj":
        return None
    k = subject[0]
    if tree.lemma(k) in _TERRITORY_WORDS:
        # "the Belgian region of Wallonia withheld": the territory the phrase names
        k = next((o for prep in tree.children(k, "prep") if tree.lemma(prep) == "of" for o in tree.children(prep, "pobj")
                  if tree.tokens[o].pos == "PROPN"), k)
    lo, hi = tree.extent(k)
    if any(lo <= offset < hi for offset, _ in placed) or any(tree.tokens[d].pos == "PRON" for d in tree.children(k, "poss")) \
            or any(tree.lemma(d) in ("a", "an") for d in tree.children(k, "det")):
        return None  # (nor "His Majesty": a title that refers back; nor "a Finn": one of many)
    own = sorted([c for c in tree.children(k, "compound") if c < k] + [k])
    named = [c for c in own if tree.tokens[c].pos == "PROPN" and tree.word(c)[:1].isupper()]
    gaz = gazetteer()
    if len(named) == 1 and named[0] == k and tree.tokens[k].ent == "GPE" and tree.tokens[k].tag == "NNP" \
            and not tree.children(k, "det", "nummod", "amod") and not gaz.is_city(tree.word(k)) \
            and not gaz.region(tree.word(k)):  # (not "the two States")
        # "Wallonia withheld its approval": a state's region or territory that no list knows acts of its
        # own (no city, nor a region of the map: "the Caucasus")
        return Actor(tree.word(k), "other", part="source")
    if not named or any(tree.tokens[c].ent in ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT") for c in own):
        return None
    head = tree.lemma(k).casefold()
    if (head in gaz.political_heads and head not in lex.classes["force"]) or head in lex.classes["post"]:
        return None  # ("the Heads of State", "the new Sandinista government", "the Tarvo liaison office": its owner's)
    people = head in lex.classes["force"]
    words = [tree.word(c) for c in (named if people else own)]
    if any(w in gaz.programme_words or w in gaz.place_words or w in gaz.office_words for w in words) \
            or any(gaz.demonym(tree.word(c)) for c in named) or all(w in gaz.org_words or w in gaz.compass for w in words) \
            or (len(words) == 1 and words[0] in _POLITY_WORDS):
        return None  # (nor a people, "Belarusians", nor a body's short name, "the Association", nor "the North",
        # nor "the Republic")
    kind = "person" if all(tree.tokens[c].ent == "PERSON" for c in named) else "organization"
    return Actor(" ".join(words), kind, part="source")


def _brokered(tree: Tree, k: int) -> bool:
    """Whether token k names who brokered a thing ("Russian-brokered"), not who led it ("a Saudi-led
    coalition intervened": the state acts through it)."""
    return go_between(tree, k) and not (k + 2 < len(tree.tokens) and tree.lemma(k + 2) == "lead") \
        and not tree.word(k).endswith("-led")


def _named(tree: Tree, heads: list[int], *pos: str) -> list[int]:
    """The names among `heads` (or of `pos`), and a common noun's name in apposition ("his Chilean
    counterpart, General X")."""
    return [k for h in heads for k in ([h] if tree.tokens[h].pos in ("PROPN", *pos) else
                                       [a for a in tree.children(h, "appos") if tree.tokens[a].pos == "PROPN"]
                                       if tree.tokens[h].pos == "NOUN" else [])]


def _partners(tree: Tree, heads: list[int], preps: tuple[str, ...] = ("with",)) -> list[int]:
    """The names "with" whom (or after `preps`) the heads tell an act was done: "with Georgia", not
    "with the support of Prime Minister X" nor "with X as witness"."""
    return [o for h in heads for k in tree.children(h, "prep") if tree.lemma(k) in preps
            for o in _named(tree, tree.children(k, "pobj"), "PRON")
            if not any(tree.lemma(a) == "as" for a in tree.children(o, "prep"))]


def _kinds_of(placed: list[tuple[int, Actor]]) -> dict[str, str]:
    """Each placed actor's kind, by name."""
    return {a.name: a.kind for _, a in placed}


def _fought_with(tree: Tree, predicate: int, meaning: int | None, placed: list[tuple[int, Actor]]) -> list[str]:
    """Who a fight was with: "fought a war with Morvath", "the war of 2008 with Kesh", "Fighting with
    Peru began"."""
    fought = [predicate, *tree.children(predicate, "csubj")] + ([meaning] if meaning is not None else [])
    partners = [o for k in fought for prep in tree.children(k, "prep") if tree.lemma(prep) == "with"
                for o in tree.children(prep, "pobj")]
    partners += [o for d in tree.children(predicate, "dobj") for prep in tree.children(d, "prep")
                 if tree.lemma(prep) == "with" for o in tree.children(prep, "pobj")]
    # "Morvath, with which it fought a war": the name the relative clause hangs on
    partners = [tree.head(predicate) if tree.lemma(o) == "which" and tree.tokens[predicate].dep == "relcl"
                and not tree.is_root(predicate) else o for o in partners]
    return actors_in(tree, partners, placed)


def _respectively(tree: Tree, predicate: int, sources: list[str], date_at: int | None) -> list[str]:
    """"Finland and Sweden joined in 2023 and 2024 respectively": each date's own one of the sources,
    in order."""
    if date_at is None or len(sources) < 2:
        return sources
    lo, hi = tree.extent(tree.sentence_root(predicate))
    marker = next((k for k in tree.span(lo, hi) if tree.word(k).lower() == "respectively"), None)
    if marker is None:
        return sources
    spans: list[list[int]] = []
    for k in tree.span(tree.tokens[predicate].end, tree.tokens[marker].start):
        if tree.tokens[k].ent in ("DATE", "TIME"):
            if spans and spans[-1][-1] == k - 1:
                spans[-1].append(k)
            else:
                spans.append([k])
    at = next((n for n, run in enumerate(spans) if tree.tokens[run[0]].start <= date_at < tree.tokens[run[-1]].end), None)
    return [sources[at]] if at is not None and len(spans) == len(sources) else sources


def _parties(focus: tuple[Actor, ...], kinds: tuple[str, ...]) -> list[Actor]:
    """The parties the text is about, of these kinds; an organisation and its own body ("X" and "X
    Secretariat") are one party."""
    return [a for a in focus if a.kind in kinds and not any(b.name != a.name and a.name.startswith(f"{b.name} ")
                                                           for b in focus)]


def _purpose_object(tree: Tree, lex: Lexicon, p: int, type_: str, actors: list[Actor], expand) -> EventObject | None:
    """What a visit was for ("visited Brussels to present the Presentation Document"; "during the
    trip of X to Brussels, the Plan was reviewed"): a document or programme, not a body."""
    acts = [k for k in [p, *tree.children(p, "advcl", "xcomp")]
            if tree.tokens[k].dep in ("advcl", "xcomp") and tree.children(k, "aux")]  # the date may hang on it
    if tree.tokens[p].dep == "pobj" and not tree.is_root(p) and tree.lemma(tree.head(p)) == "during" \
            and not tree.is_root(tree.head(p)):
        acts.append(tree.head(tree.head(p)))
    for k in acts:
        if tree.tokens[k].pos in VERBS:
            found = object_of(tree, lex, k, None, "agreement", {a.name for a in actors}, expand)
            if found is not None and found.kind in ("document", "programme"):
                return found
    return None


def _mission_owner(lex: Lexicon, name: str) -> str | None:
    """The organisation whose mission, force or operation an actor is ("UNMIL", the United Nations
    Mission in Liberia: the United Nations), which acts through it."""
    gaz = gazetteer()
    entry = gaz.lookup(name)
    full = entry.name if entry is not None else name
    if not set(full.lower().split()) & (lex.classes["operation"] | {"force"}):
        return None
    owner = entry.parent if entry is not None else None
    if owner is None:  # "the African Union Mission in Somalia": the organisation its name begins with
        words = full.split()
        owner = next((" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)
                      if getattr(gaz.lookup(" ".join(words[:n])), "kind", None) == "organization"), None)
    known = gaz.lookup(owner) if owner else None
    return known.name if known is not None and known.kind == "organization" and known.name != full else None


def _document_owners(tree: Tree, p: int) -> list[int]:
    """The subjects of the clause whose object (or whose "in", "with", "by" phrase) is the document a
    reduced participle p tells of ("drew a border in the Treaty of Z, signed on ...")."""
    if tree.tokens[p].dep not in ("acl", "advcl") or tree.tokens[p].tag != "VBN" or tree.is_root(p) \
            or tree.children(p, "agent", "nsubj", "nsubjpass", "aux", "auxpass"):
        return []
    if tree.tokens[p].dep == "advcl":  # (the parser's: "X and Y drew a border in the Treaty, signed on ...")
        verb = tree.head(p)
        return with_conj(tree, tree.children(verb, "nsubj")) if tree.tokens[verb].pos in VERBS and verb < p else []
    noun = tree.head(p)
    if tree.is_root(noun):
        return []
    if tree.tokens[noun].dep == "pobj" and tree.lemma(tree.head(noun)) in ("in", "with", "by"):
        noun = tree.head(noun)
        # ("settled the question in a treaty signed ...": the phrase the parser hung on the verb's object)
        if not tree.is_root(noun) and tree.tokens[tree.head(noun)].dep == "dobj":
            noun = tree.head(noun)
    elif tree.tokens[noun].dep != "dobj":
        return []
    if tree.is_root(noun):
        return []
    verb = tree.head(noun)
    if tree.tokens[verb].pos not in VERBS:
        return []
    return with_conj(tree, tree.children(verb, "nsubj"))


def _led_by_the_person_named(tree: Tree, sources: list[str], placed: list[tuple[int, Actor]]) -> list[str]:
    """"the leader of the Revolutionary United Front, Foday Sankoh, signed": the person acts, the body he
    leads is only named to say who he is."""
    people = [(offset, a) for offset, a in placed if a.kind == "person" and a.name in sources]
    dropped = {a.name for offset, a in placed if a.kind == "organization" and a.name in sources
               for at, _ in people if offset < at and LEADER_OF_BEFORE.search(tree.text, max(0, offset - 30), at)}
    return [n for n in sources if n not in dropped] if len(dropped) < len(sources) else sources


def _issuer(tree: Tree, lex: Lexicon, p: int) -> str | None:
    """The body whose act a noun told by its number and by no one is ("resolution 678"): the first of
    the lexicon's `issuers` that the text names; None if the noun has an owner of its own."""
    if tree.tokens[p].pos in VERBS:
        # "Resolution 1509, adopted on 19 September 2003", "resolution 1510 was adopted", "Resolution 687
        # required Iraq to ...": the act's noun
        nouns = tree.children(p, "nsubjpass", "nsubj") or ([tree.head(p)] if tree.tokens[p].dep == "acl" else [])
        if len(nouns) != 1:
            return None
        p = nouns[0]
    pairs = lex.issuers.get(tree.lemma(p).lower())
    numbered = p + 1 < len(tree.tokens) and tree.tokens[p + 1].pos == "NUM" or tree.children(p, "nummod")
    owned = [o for k in tree.children(p, "prep") if tree.lemma(k) in ("of", "by")
             for o in tree.children(k, "pobj") if tree.tokens[o].ent not in ("DATE", "TIME")]
    if not pairs or not numbered or owned or tree.children(p, "poss", "compound", "amod"):
        return None
    return next((body for said, body in pairs if said in tree.text), None)


def _reduced(tree: Tree, p: int) -> bool:
    """Whether p is a participle on the noun it was done to ("a trade agreement signed in Hanoi in 2000")."""
    return tree.tokens[p].dep == "acl" and tree.tokens[p].tag in ("VBN", "VBD") \
        and not tree.children(p, "agent", "nsubj", "nsubjpass")


def _for_what(tree: Tree, noun: int) -> bool:
    """Whether an event noun is what a light verb made way for ("opened the way for Serbia's
    conference"): its own parties act, not the verb's subject."""
    return tree.tokens[noun].dep == "pobj" and not tree.is_root(noun) and tree.lemma(tree.head(noun)) == "for"


def _in_other_clauses(tree: Tree, predicate: int, placed: list[tuple[int, Actor]]) -> set[str]:
    """The actors named only inside a clause of another verb under the predicate ("Ties were restored
    in 1988, in a thaw that led A, B and C to found the Union": A, B and C restored nothing)."""
    spans = [tree.extent(k) for k in tree.subtree(predicate) if k != predicate
             and tree.tokens[k].dep in ("relcl", "acl", "advcl", "ccomp", "xcomp") and tree.tokens[k].pos in VERBS]
    inside = {a.name for offset, a in placed if any(lo <= offset < hi for lo, hi in spans)}
    outside = {a.name for offset, a in placed if not any(lo <= offset < hi for lo, hi in spans)}
    return inside - outside


def read_frame(tree: Tree, lex: Lexicon, predicate: int | None, frame_noun: int | None, type_: str,
               actors: list[Actor], placed: list[tuple[int, Actor]], *, meaning: int | None = None,
               expand=None, focus: tuple[Actor, ...] = (), antecedents: Antecedents | None = None,
               date_at: int | None = None, first: EventObject | None = None,
               process: tuple[Actor, ...] = (), before: tuple[Actor, ...] = ()) -> Frame:
    """The frame of one event: its actors with their parts, its object and its headline (`first`:
    the object of an earlier date on the same predicate; `before`: the states and bodies the sentence
    before, in the same paragraph, named as who acted)."""
    if predicate is None:
        if type_ == "meeting":
            # A caption that shows people together ("A (left) with B in May 2005"): they met.
            people = [a.name for a in actors if a.kind == "person"]
            if len(people) >= 2:
                parted = tuple(replace(a, part="source" if a.name in people else "other") for a in actors)
                line = f"{join_names(people)} meet"
                return Frame(parted, None, line if len(line) <= HEADLINE_WIDTH else None)
        return Frame(tuple(actors), None, None)
    # "The accession of Chile took place in 2001": the event noun's own source first.
    heads = []
    entry = lex.verbs.get(key_of(tree, predicate))
    if meaning is not None and meaning != predicate and tree.tokens[meaning].pos in NOUNS \
            and entry is not None and (entry.frame or (entry.light and _for_what(tree, meaning))):
        heads = subjects(tree, meaning, type_)
    heads = heads or subjects(tree, predicate, type_)
    # A region does not act ("the Caucasus", "Central Asia"): states and bodies and people do.
    regions = {a.name for a in actors if a.kind == "other"}
    sources = [n for n in actors_in(tree, heads, placed, actors, focus) if n not in regions]
    if not sources:
        sources = [n for n in actors_in(tree, owners(tree, heads), placed, actors, focus) if n not in regions]
    for name in sources:  # a party the sentence refers to ("they") joins the event's actors
        if all(a.name != name for a in actors):
            known = next((a for a in focus if a.name == name), None)
            if known is not None:
                actors = [*actors, known]
    if not sources:
        # "the Azerbaijani offensive": a state named by its adjective.
        gaz = gazetteer()
        # "Chinese troops", "a group of Kazakh engineers": the adjective of a word that names the
        # state's people in office or arms (not "Belgian tourists"), anywhere in the phrase.
        roles = gaz.political_heads | lex.classes["force"]
        # (not in a clause on the phrase, nor who brokered it: "a war that ended with a Russian-brokered truce")
        told = {i for k in heads for c in tree.children(k, "relcl") for i in tree.subtree(c)}
        words = [i for k in heads for i in tree.subtree(k)
                 if (tree.tokens[i].dep != "amod" or tree.lemma(tree.head(i)) in roles
                     or tree.word(tree.head(i)).lower() in roles) and i not in told and not _brokered(tree, i)]
        for k in words:
            state = demonym_state(tree, k)  # ("South African" first; "Latin American leaders": no state)
            if state and state not in sources:
                sources.append(state)
                if all(a.name != state for a in actors):
                    actors = [*actors, Actor(state, "country")]
    if (type_ in JOINT or type_ in _TOGETHER) and sources and tree.tokens[predicate].pos in VERBS:
        spoken_to = ("to",) if tree.lemma(predicate) in lex.conversing else ()
        partners = _partners(tree, [predicate], ("with", *spoken_to)) + _partners(tree, tree.children(predicate, "dobj"))
        kinds = _kinds_of(placed)
        for name in actors_in(tree, partners, placed):
            # "set up the scheme with Iceland": states and bodies that did it together
            if name not in sources and (type_ in JOINT or kinds.get(name) in ("country", "organization")):
                sources.append(name)
    if sources and tree.tokens[predicate].pos in VERBS and key_of(tree, predicate) not in lex.severing \
            and tree.lemma(predicate) not in lex.severing:
        # "X established relations with Y", "made peace with Y": a bond both made, whatever the type
        bonds = [d for d in tree.children(predicate, "dobj") if tree.lemma(d) in lex.bonds]
        bonds += [o for k in tree.children(predicate, "prep") if tree.lemma(k) == "with"
                  for o in tree.children(k, "pobj") if tree.lemma(o) in lex.bonds]  # "followed with agreements with Y"
        partners = _partners(tree, bonds)
        if type_ not in JOINT and any(tree.tokens[d].dep == "dobj" for d in bonds):
            partners += _partners(tree, [predicate])  # ("made peace with Y", the parser's "with" on the verb)
        sources += [n for n in actors_in(tree, partners, placed) if n not in sources]
    if sources and tree.tokens[predicate].pos in VERBS:
        # "X announced, together with Y, ...": Y did it too, whatever the act
        along = [o for k in tree.children(predicate, "prep") if tree.lemma(k) == "with"
                 and any(tree.lemma(a) in lex.together for a in tree.children(k, "advmod"))
                 for o in tree.children(k, "pobj")]
        sources += [n for n in actors_in(tree, along, placed) if n not in sources]
    joined_in = next((g for k in tree.children(predicate, "prep") if tree.lemma(k) == "in"
                      for g in tree.children(k, "pcomp") if tree.tokens[g].tag == "VBG"), None) \
        if sources and tree.lemma(predicate) == "join" and tree.tokens[predicate].pos in VERBS else None
    if joined_in is not None:
        # "Oman joined Kuwait and Qatar in founding the Council": they founded it together
        sources += [n for n in actors_in(tree, tree.children(predicate, "dobj"), placed) if n not in sources]
    mutual: list[str] = []  # who did it with the subject, told as the verb's object ("met Y")
    if sources and tree.lemma(predicate) in lex.mutual and tree.tokens[predicate].pos in VERBS:
        # "X met President Y" (in Y's capital or elsewhere): both met; not "met the ministers
        # separately" (a noun, no name)
        met = _named(tree, tree.children(predicate, "dobj"))
        mutual = [n for n in actors_in(tree, met, placed) if n not in sources]
        sources += mutual
    # A target is named for itself ("joined NATO"), not as a modifier of a common noun ("hosted
    # NATO exercises": NATO takes part, the exercises are what was hosted).
    target_heads = []
    for k in targets(tree, predicate):
        if tree.tokens[k].pos != "NOUN" or tree.tokens[k].ent:
            target_heads.append(k)
        else:  # "paid visits to Azerbaijan", "held talks with the president": the noun's own phrase
            joined = ("of",) if tree.lemma(k) in _BELONGING else ()  # "became a member of the NCO"
            target_heads += [o for prep in tree.children(k, "prep") if tree.lemma(prep) in ("to", "with", "into", *joined)
                             for o in tree.children(prep, "pobj")]
    target_names = [n for n in actors_in(tree, target_heads, placed) if n not in sources]
    # (a body is an actor under its short name too: "the Ministerial Council" of the NCO's)
    names = {a.name for a in actors} | {a.name.split(" of the ")[0] for a in actors
                                         if a.kind == "organization" and " of the " in a.name}
    obj = object_of(tree, lex, predicate, frame_noun, type_, names, expand)
    if date_at is not None:
        obj = listed_object(tree, lex, date_at) or obj  # "the declarations from Lima (2004), Quito (2006)"
        if first is not None:  # "the Summit in Chicago in 2012, in Wales in 2014": the Wales Summit
            obj = serial_object(tree, first, date_at) or obj
    if obj is not None and type_ == "visit" and obj.kind in ("institution", "other"):
        obj = None  # a visit is to someone, not about a body ("the Chairman of the Committee visited")
    purpose = _purpose_object(tree, lex, predicate, type_, actors, expand) if obj is None and type_ == "visit" else None
    office = office_object(tree, lex, predicate) if obj is None and type_ == "appointment" else None
    obj = obj or purpose or office  # "visited Brussels to present the Document", "nominated X as ambassador"
    if obj is not None and type_ == "decision" and tree.tokens[predicate].pos in NOUNS and obj.name in sources \
            and any(a.name == obj.name and a.kind == "organization" for a in actors):
        obj = None  # "the judgment of the Court of Arbitration": the body that made it, not what it was about
    if obj is not None:  # the thing opened or held is no actor of its own opening
        sources = [n for n in sources if n != obj.name]
    undergone = passive_subjects(tree, predicate) if type_ not in OWN_PASSIVES else []
    for k in undergone:
        held = ARTICLE.sub("", tree.text[slice(*tree.extent(k))]).strip()  # nor a thing held
        entry = gazetteer().lookup(held)
        held_names = {held, entry.name} if entry is not None else {held}
        if held_names & set(sources):
            # "Secretariat set up": a body is set up by the organisation it belongs to
            sources = [n for n in sources if n not in held_names]
            if entry is not None and entry.parent and not sources:
                sources = [entry.parent]
                if all(a.name != entry.parent for a in actors):
                    actors = [*actors, Actor(entry.parent, "organization")]
    # "Kuwait was invaded", "Fiji suspended from the Commonwealth": who underwent the act
    actors_undergoing = [k for k in undergone if obj is None or obj.text not in tree.text[slice(*tree.extent(k))]]
    own_forces = [k for k in actors_undergoing if type_ in ("deployment", "deployment_end") and tree.tokens[k].pos == "NOUN"
                  and tree.lemma(k) in lex.classes["force"]]
    if own_forces and not sources:
        # "Most British forces were withdrawn in 1994": a state moves its own forces
        kinds = _kinds_of(placed)
        sources = [n for n in actors_in(tree, own_forces, placed) if kinds.get(n) == "country"]
    target_names += [n for n in actors_in(tree, actors_undergoing, placed) if n not in sources and n not in target_names]
    if obj is None and antecedents is not None:
        # "Since 2007 it has been renewed": the agreement named before, and (if no one else is
        # named) its parties.
        earlier = antecedents.recall(anaphor_kind(tree, lex, predicate))
        if earlier is not None:
            obj = earlier.object
            # a treaty takes effect for its states, not for the people who signed it
            signers = (in_force(tree, predicate) or tree.lemma(predicate) == "apply") \
                and any(a.kind == "person" for a in earlier.sources)  # ("has been applied since 2017")
            if not sources and not signers:
                sources = [a.name for a in earlier.sources]
                actors = [*actors, *(replace(a, part=None) for a in earlier.sources
                                     if all(b.name != a.name for b in actors))]
    talked = None
    if obj is None:  # "the corridor was opened" after "the Tin Bigha Corridor"; talks on what was named
        talked = negotiated(tree, heads)
        obj = named_earlier(tree, lex, predicate, {a.name for a in actors}) or talked
    if not sources and type_ == "agreement":
        sources = parties_of(tree, predicate, placed)
    if not sources and type_ in JOINT:
        # "X and Y drew a border in the Treaty of Z, signed on 7 February 1855": a document's reduced
        # participle names no one; the clause the document belongs to says whose it is
        sources = [n for n in actors_in(tree, _document_owners(tree, predicate), placed, actors, focus)
                   if _kinds_of(placed).get(n) in ("country", "organization", "person")]
    if not sources and type_ == "summit":
        # "Negotiations were launched at the AU summit": the body whose summit it was
        scenes = [frame_noun] if frame_noun is not None else [
            o for k in tree.children(predicate, "prep") if tree.lemma(k) in ("at", "during")
            for o in tree.children(k, "pobj") if tree.lemma(o) in lex.frames]
        sources = [n for k in scenes if tree.tokens[k].pos in NOUNS
                   for n in actors_in(tree, subjects(tree, k, type_), placed) if _kinds_of(placed).get(n) == "organization"]
    if not sources and type_ in JOINT and (undergone or _reduced(tree, predicate)):
        # "a free trade agreement with the EEC was signed", "an agreement concluded with the United
        # States": the party it was made with, and the one the text is about
        partners = actors_in(tree, [o for k in [*undergone, predicate] for prep in tree.children(k, "prep")
                                    if tree.lemma(prep) == "with" for o in tree.children(prep, "pobj")], placed)
        own = [a for a in focus if a.kind in ("country", "organization") and a.name not in partners][:1]
        if partners and own:
            sources = [own[0].name, *partners]
            target_names = [n for n in target_names if n not in sources]
            actors = [*actors, *(replace(a, inferred=True) for a in own if all(b.name != a.name for b in actors))]
    if not sources and undergone:
        # "Fiji was suspended from the Commonwealth": the organisation it was put out of
        left = [o for prep in tree.children(predicate, "prep") if tree.lemma(prep) == "from"
                for o in tree.children(prep, "pobj")]
        organisations = {a.name for a in actors if a.kind == "organization"}
        sources = [n for n in actors_in(tree, left, placed) if n in organisations]
        target_names = [n for n in target_names if n not in sources]
    named = {a.name for _, a in placed}
    # "..., though it expired in October": a thing's own act (the pronoun is the thing); no one did it
    thing = type_ not in JOINT and any(tree.word(k).lower() == "it" for k in heads)
    if type_ in ("summit", "meeting") and not [n for n in sources if n in named]:
        # "At the sixth EU–AU summit, held in Brussels, leaders agreed": the two a dash joins met
        paired = actors_in(tree, dashed_parties(tree, predicate), placed)
        sources = paired if len(paired) >= 2 else sources
    if not sources and any(tree.lemma(k) in ("leader", "head") and tree.tokens[k].tag == "NNS"
                           and not tree.children(k, "poss", "compound")
                           and all(tree.lemma(a).lower() in lex.classes["bloc_adjective"] for a in tree.children(k, "amod"))
                           and all(tree.lemma(o) in ("state", "government") and not tree.children(o, "prep")
                                   for q in tree.children(k, "prep") for o in tree.children(q, "pobj") or [q])
                           for k in heads):
        # "At the 46th summit, the leaders declared", "regional leaders approved", "the heads of state
        # inaugurated": on a page about an organisation, its leaders
        bodies = [a for a in focus if a.kind == "organization"]
        if bodies:
            sources = [bodies[0].name]
            actors = [*actors, *(a for a in bodies[:1] if all(b.name != a.name for b in actors))]
    if not sources and not thing and predicate is not None:
        # "On 2 August the cabinet in Tokyo votes to remove ...", parsed with no subject: the one body
        # of a state that the sentence names before the act
        gaz = gazetteer()
        owned = {a.name for offset, a in placed if a.kind == "organization" and offset < tree.tokens[predicate].start
                 and " of " in a.name and getattr(gaz.lookup(a.name.split(" of ", 1)[1]), "kind", None) == "country"}
        if len(owned) == 1:
            sources = list(owned)
    if not sources and not thing and undergone and not named and before and type_ not in JOINT \
            and not any(tree.lemma(k) in _RELATIONSHIP for k in undergone):
        # "China imposed duties on barley. Duties on wine were announced in November": a passive that
        # names no one goes on with who acted in the sentence before
        sources = [a.name for a in before]
        actors = [*actors, *(a for a in before if all(b.name != a.name for b in actors))]
    if not sources and type_ == "decision" and tree.lemma(predicate) in lex.own_dates and tree.tokens[predicate].pos in NOUNS:
        # "The judgment of 6 June upheld ...": the court the resolver found for the noun
        sources = [a.name for offset, a in placed if a.kind == "organization"
                   and tree.tokens[predicate].start <= offset < tree.tokens[predicate].end][:1]
    issuer = _issuer(tree, lex, predicate) if not thing and predicate is not None else None
    if issuer is not None:
        # "Acting under resolution 678 of 29 November 1990": the body whose numbered act it is
        sources = [issuer]
        actors = actors if any(a.name == issuer for a in actors) else [*actors, Actor(issuer, "organization")]
    unknown = _unknown_subject(tree, lex, predicate, placed) if not sources and not thing else None
    if unknown is not None:
        # "Séléka launched its offensive": a name no list knows, the verb's subject, acted (not the text's subject)
        sources = [unknown.name]
        actors = [*actors, unknown]
    if not sources and not thing:
        # The document's own subject, added where the sentence names none; else the one state the
        # sentence names.
        inferred = [a for a in actors if a.name not in named]
        brokers = {a.name for offset, a in placed if any(go_between(tree, k) for k in tree.span(offset, offset + 1))}
        states = [a.name for a in actors if a.kind == "country" and a.name not in target_names and a.name not in brokers]
        # a joint act that names no party: every party the document is about
        joint = (type_ in JOINT or type_ == "exercise") and not one_sided(tree, predicate)
        sources = [a.name for a in inferred if joint or a.kind == "country"][:None if joint else 1]
        bodies = [a.name for a in actors if a.kind == "organization" and a.name not in target_names]
        if type_ == "summit" and tree.tokens[predicate].pos in NOUNS and len(bodies) == 1:
            # "5 April 2014: Second Summit, Ho Chi Minh City" on a page about a body: the body's summit
            sources = bodies[:1]
        if joint and len(process) == 2 and not (named & {a.name for a in actors if a.kind == "country"}):
            # "Exploratory talks were held in Havana": the two parties of the process the text tells,
            # not the page's publisher that its title names
            sources = [a.name for a in process]
            kept = [a for a in actors if a.name in sources or a.name in named]
            actors = kept + [replace(a, inferred=True) for a in process if all(b.name != a.name for b in kept)]
        # "Indonesia tears up the 1995 security agreement", "the Battle of X in 2016", "a protocol was
        # signed in 2019": a joint act (or a fight between states) that names no party, in a text
        # about two that names no other
        # (the two parties of the process the text tells, where its first joint act names them, else
        # those it is about)
        about = process if len(process) == 2 else focus
        parties = [a.name for a in _parties(about, ("country",) if type_ == "conflict" else ("country", "organization"))
                   if a.name not in brokers]  # (who brokered it is no party: "a Russian-brokered truce")
        # "Relations were raised to a strategic partnership", "The dialogue was formalised": the
        # relationship the text is about is both parties'
        # (also what a passive was done to: "Negotiations were launched at the summit")
        shared = any(tree.lemma(k) in _RELATIONSHIP for k in [*heads, *undergone] if tree.tokens[k].pos == "NOUN"
                     and not tree.children(k, "poss"))
        if (joint or type_ == "conflict" or shared) and len(parties) >= 2 \
                and (tree.tokens[predicate].pos in NOUNS or shared or (joint and (undergone or _reduced(tree, predicate)))
                     or (type_ == "conflict" and any(tree.lemma(k) in lex.classes["war"] and tree.lemma(k) not in
                                                     ("invasion", "offensive", "attack", "raid", "strike", "bombing")
                                                     for k in heads))) \
                and {a.name for a in actors if a.kind == "country"} - brokers - _in_other_clauses(tree, predicate, placed) \
                <= set(parties):
            sources = parties
            actors = [*actors, *(replace(a, inferred=True) for a in about if a.name in parties
                                 and all(b.name != a.name for b in actors))]
        if not sources and type_ == "conflict" and len(states) == 1 and states[0] in _fought_with(tree, predicate, meaning, placed):
            # "Fighting with Morvath began" in a text about Kesh: Kesh and Morvath fought
            own = [a for a in focus if a.kind == "country" and a.name != states[0]][:1]
            if own:
                sources = [own[0].name, *states]
                actors = [*actors, *(replace(a, inferred=True) for a in own if all(b.name != a.name for b in actors))]
        # (not a state only named in what was done: "gunmen killed twenty Cameroonian soldiers")
        done_to = [tree.extent(m) for k in tree.children(predicate, "dobj") for m in tree.children(k, "amod", "compound")] \
            if tree.tokens[predicate].pos in VERBS else []
        undergoing = {a.name for offset, a in placed if any(lo <= offset < hi for lo, hi in done_to)}
        if not sources and len(states) == 1 and type_ in ("conflict", "political", "deployment", "project") \
                and states[0] not in undergoing:
            sources = states
        if not sources and len(states) >= 2 and type_ == "exercise":
            sources = states  # "the exercise brought together Filipino and American troops": theirs
        sources = sources or [a.name for a in inferred][:1]
        # "Secretariat set up", "Declaration adopted": the organisation the document is about, named
        # through a body or a document of its own, did it.
        own = {a.name for a in focus if a.kind == "organization"}
        sources = sources or [a.name for a in actors if a.name in own and a.name not in target_names][:1]
    if type_ == "conflict" and sources:
        # "fought a war with Morvath", "the war of 2008 with Kesh", "Fighting with Peru began": a
        # fight is both sides' act
        kinds = _kinds_of(placed)
        for name in _fought_with(tree, predicate, meaning, placed):
            if name not in sources and kinds.get(name) in ("country", "organization"):
                sources.append(name)
                target_names = [n for n in target_names if n != name]
    pair = _parties(process if len(process) == 2 else focus, ("country", "organization"))
    pair_names = {a.name for a in pair}
    # (not where the act names a party as what it was for or done to: "expanded to strengthen Moldova's
    # resilience"; a summit only where its sentence names both: "the EU–Mercosur summit")
    argued = [(lo, hi) for k in tree.children(predicate, "xcomp", "advcl", "dobj", "dative", "agent")
              for lo, hi in [tree.extent(k)]]
    aimed = any(a.name in pair_names and any(lo <= offset < hi for lo, hi in argued) for offset, a in placed)
    both = pair_names <= {a.name for _, a in placed}
    if (type_ in JOINT or (type_ == "summit" and both)) and not aimed and len(sources) == 1 and len(pair) == 2 \
            and sources[0] in pair_names and not one_sided(tree, predicate) \
            and not tree.children(predicate, "nsubj", "agent") \
            and not actors_in(tree, [h for h in heads if not any(h in tree.subtree(k) for k in passive_subjects(tree, predicate))],
                              placed) \
            and {a.name for _, a in placed if a.kind in ("country", "organization")} <= pair_names:
        # "CETA has been provisionally applied since 2017", "talks were relaunched at a summit": an act
        # of the two parties the text is about, where the sentence names no one who did it alone
        sources = [a.name for a in pair]
        target_names = [n for n in target_names if n not in sources]
        actors = [*actors, *(replace(a, inferred=True) for a in pair if all(b.name != a.name for b in actors))]
    sources = _respectively(tree, predicate, sources, date_at)
    sources = _led_by_the_person_named(tree, sources, placed)
    # "The British parliament enacted": the parliament acted; its state is named through it.
    bodies = [n for n in sources if any(a.name == n and a.kind == "organization" for a in actors)]
    sources = [n for n in sources if not any(b.endswith((f" of {n}", f" of the {n}")) for b in bodies)]
    post = None
    if (obj is None or " " not in obj.name) and type_ == "establishment" and len(sources) == 1:
        obj = post_object(tree, predicate, sources[0], placed) or obj  # "opened an embassy in Lima"
    elif obj is None and len(sources) == 1 and tree.tokens[predicate].pos in VERBS:
        # "received permission to open a consulate in Da Nang": the post the act was about
        opening = [g for k in tree.children(predicate, "xcomp", "dobj")
                   for g in ([k] if tree.tokens[k].dep == "xcomp" else tree.children(k, "acl"))
                   if tree.tokens[g].pos in VERBS and tree.lemma(g) in lex.transitive | {"open"}]
        obj = post = next((found for g in opening if (found := post_object(tree, g, sources[0], placed))), None)
    if obj is not None and obj.kind == "institution" and " in " in obj.name and len(sources) == 1:
        # "Cuba reopened its embassy in Washington": the state it sits in is who it was opened to
        gaz = gazetteer()
        place = obj.name.rsplit(" in ", 1)[1]
        host = gaz.capital_of(place) or gaz.country_of_city(place)
        if host and host != sources[0] and getattr(gaz.lookup(host), "kind", None) == "country":
            target_names = [*target_names, host] if host not in target_names else target_names
            actors = [*actors, Actor(host, "country")] if all(a.name != host for a in actors) else actors
    for name in list(sources):
        # "UNMIL handed over security", "the mission lowered its flag": its organisation acted, and
        # the mission is what the act was about
        owner = _mission_owner(lex, name)
        if owner is None:
            continue
        sources = list(dict.fromkeys(owner if n == name else n for n in sources))
        if obj is None or name.startswith(obj.name):  # ("the mission": the one its source is)
            obj = EventObject(name, obj.text if obj is not None else name, "operation")
        if all(a.name != owner for a in actors):
            actors = [*actors, Actor(owner, "organization")]
    if joined_in is not None:
        target_names = [n for n in actors_in(tree, tree.children(joined_in, "dobj"), placed) if n not in sources]
    parted = []
    for actor in actors:
        part = "source" if actor.name in sources else "target" if actor.name in target_names else "other"
        parted.append(replace(actor, part=part))
    line = headline(tree, lex, predicate, predicate if meaning is None else meaning, type_,
                    list(dict.fromkeys(n for n in sources if any(a.name == n for a in actors) and n not in mutual)),
                    [n for n in [*target_names, *mutual] if any(a.name == n for a in actors)],
                    None if obj is not None and obj in (office, purpose, talked, post) else obj, placed)  # who, not what for
    if joined_in is not None and tree.children(joined_in, "dobj"):
        done = phrase(tree, tree.children(joined_in, "dobj")[0], article=True)
        line = fitted(f"{join_names(list(dict.fromkeys(sources)), _kinds_of(placed))} {tree.lemma(joined_in)} {done}")
    return Frame(tuple(parted), obj, line)
