"""When two tellings are one event: the same frame, compatible dates.

A telling is one sentence and one date of a document, with its event's
frame: type, who acted (`sources`), on whom (`targets`), what about
(`object`). Two tellings from different documents are one event when

- their types are the same, or kindred (`KINDRED`: one act that registers type
  differently, "a ministerial council met" as a meeting, "the council session"
  as a summit; a generic `political` act on the same named object as any type;
  a generic act whose words name the other's kind of act, by the same named
  source on compatible dates: "a member since 9 March 1995, Morvath ..." and
  "Morvath joined on 9 March 1995", `cued_types`);
- they share an actor that both name (what a document only infers, its
  subject added where a sentence names no one, is shared within that
  document only), unless they are the same sentence on the same date (a copy),
  or one of them names no one at all and tells the other's act in the same
  words (`bare_same`);
- they share a source (actors compared by corpus identity: the caller gives
  canonical keys), and their source states are not disjoint: "Moldova joined
  PfP in 1994" and "Azerbaijan joined PfP in 1994" are two events; where a
  telling names no source, they share an actor and many words instead;
- where both name states, in any part, they name one in common ("the Council
  approved Azerbaijan's plan" and "Kazakhstan agreed its plan" are two events),
  unless both tell one named body's founding or session, where the states
  named besides its founders or members are observers, chairs, proposers
  (`_one_body`: the body the object of both, or the object of one and named
  by the other, or what one's act was done to and who acted in the other,
  "C chairs the Council" / "the Council held on 4 December adopted B's
  proposal", `_session_of`; states acting still part them);
- they name the same object where both name one (`same_object`: through the
  words of its name, "border talks" and "border negotiations", "the Council"
  and "the Council for Maritime Cooperation"), and the same target where both
  name one (an object named as the other's target counts as the same; a
  telling that names nothing it was about stands for its document's inferred
  subject, where that is no state: "Morvath joined on 9 March 1995" on the
  organisation's own page; a body's founding or session names it as object
  in one telling and as actor in the other);
- their dates are compatible (merge/dates.py); on one exact day, one type by
  a source both name, where neither names anything the act was about, is one
  act whatever words they share.

A war between the same states (`ONE_AT_A_TIME`: each document's own state
counts where it only infers it) on compatible dates is one war, within one
document or across documents, whatever words each telling uses.

Where frames agree and the dates contradict but are near (within a year),
the tellings are one event with a date conflict, if they also name the same
object or the shorter telling has no word the longer lacks; otherwise the same wording on
another date is another event (an annual meeting, a second visit). Within
one document only the same date merges (an article that repeats itself), or
an act with the open span it began, told by the same frame ("joined on 9 March
1995" and "a member since 1995").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from annals.events.lexicon import DEFAULT_TYPE, TYPES, lexicon
from annals.merge.dates import compatible, near

__all__ = ["KINDRED", "Telling", "bare_same", "candidate_types", "content_words", "cued_types", "kindred_types", "object_key",
           "other_states", "same_event", "same_object", "types_may_agree"]

# Acts done together, that each party's telling may name as its own.
JOINT = frozenset({"agreement", "meeting", "summit", "conflict"})
# Types that registers give one act: a council session is a meeting in one text, a summit in another.
KINDRED = (frozenset({"meeting", "summit"}),)
# Types that tell one act as another where both name the same object on the same date: a treaty ratified is a
# parliament's decision or an agreement approved; `political` is what a sentence gets whose
# predicate says little ("ended with the signing of the Treaty").
KINDRED_ON_OBJECT = (frozenset({"agreement", "decision"}),)
GENERIC = DEFAULT_TYPE
# Acts that the same states are in one of at a time: a war told at its year, its day, its span.
ONE_AT_A_TIME = frozenset({"conflict"})
# Acts a state does once, whatever date each telling gives: joining a body.
ONCE = frozenset({"membership"})
# Acts of a body itself, that its name as object or as actor tells: its founding, its sessions.
BODY_ACTS = frozenset({"establishment", "meeting", "summit"})
CORROBORATED_WORDS = 0.5
SAME_DATE_WORDS = 0.12
SAME_DATE_WORDS_FEW_ACTORS = 0.2
COMPATIBLE_WORDS = 0.25
CONFLICT_WORDS = 1.0  # every word of the shorter telling in the longer ("Tarvo" against "Halvard" is another office)
SAME_DOCUMENT_WORDS = 0.3

_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had its his her their "
    "this that these those it he she they which who after before during since until between into over under "
    "also than then there when where while about against among within without per via "
    "january february march april may june july august september october november december".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'-]*")
# Words that name one thing in different registers, folded to one.
_SAME_WORD = {"negotiation": "talk", "session": "meeting"}


def _word(token: str) -> str:
    """A token as compared: casefolded, without a possessive, a plural folded ("talks", "talk")."""
    word = token.casefold()
    word = word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")
    if word in _STOP:
        return ""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _SAME_WORD.get(word, word)


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in map(_word, _TOKEN.findall(text)) if len(w) > 1)


@lru_cache(maxsize=128)
def kindred_types(type_: str, *, on_object: bool = False) -> frozenset[str]:
    """The types a telling of `type_` may share an event with (itself included); `on_object`: on the
    same date and object too, where kindred acts (`KINDRED_ON_OBJECT`) and the generic type go with
    any."""
    out = {type_}
    for group in KINDRED + (KINDRED_ON_OBJECT if on_object else ()):
        if type_ in group:
            out |= group
    if on_object:
        out |= set(TYPES) if type_ == GENERIC else {GENERIC}
    return frozenset(out)


@lru_cache(maxsize=1)
def _type_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """The words that name each type's kind of act, as `content_words` gives them: the lexicon's
    event nouns of that type ("accession", "treaty") and its class of the type's name ("member")."""
    found: dict[str, set[str]] = {}
    lex = lexicon()
    for noun, entry in lex.nouns.items():
        found.setdefault(entry.type, set()).add(_word(noun))
    for name, words in lex.classes.items():
        if name in TYPES:
            found.setdefault(name, set()).update(_word(w) for w in words)
    return tuple((type_, frozenset(w for w in words if w)) for type_, words in sorted(found.items())
                 if type_ != GENERIC)


@lru_cache(maxsize=65536)
def cued_types(words: frozenset[str]) -> frozenset[str]:
    """The types whose kind of act a telling's words name ("A member since 1995, ..." names a membership)."""
    return frozenset(type_ for type_, cues in _type_words() if cues & words)


def candidate_types(telling: Telling, *, same_date: bool = False) -> frozenset[str]:
    """The types of the stored events a telling may tell (`same_date`: on its own date, where a
    named object lets kindred acts and the generic type go with any)."""
    kin = kindred_types(telling.type, on_object=same_date and bool(telling.object))
    if telling.type == GENERIC:
        return kin | cued_types(telling.words)
    return kin | {GENERIC}


def _cued(generic: Telling, other: Telling) -> bool:
    """A generic telling whose words name the other's kind of act, by a source both name, on compatible dates."""
    return generic.type == GENERIC and other.type in cued_types(generic.words) and \
        bool(generic.sources & other.sources) and compatible(generic.date, other.date)


@lru_cache(maxsize=1024)
def types_may_agree(a: str, b: str) -> bool:
    """Whether tellings of these two types can ever be one event (`_types_agree` for some dates,
    objects and words): the same type, kindred ones, or one of them the generic type."""
    return a == b or GENERIC in (a, b) or any(a in group and b in group for group in KINDRED + KINDRED_ON_OBJECT)


def _types_agree(new: Telling, old: Telling) -> bool:
    if not types_may_agree(new.type, old.type):
        return False
    if new.type == old.type or any(new.type in group and old.type in group for group in KINDRED):
        return True
    if _cued(new, old) or _cued(old, new):
        return True
    if new.date != old.date or not (new.object and old.object and same_object(new.object, old.object)):
        return False
    return GENERIC in (new.type, old.type) or any(new.type in group and old.type in group for group in KINDRED_ON_OBJECT)


@lru_cache(maxsize=65536)
def _object_parts(key: str) -> tuple[str, frozenset[str], bool]:
    """An object's head word ("treaty" of "treaty of lindmark" and of "border treaty"), its words, and
    whether it has a complement of its own ("of lindmark")."""
    head, of, _ = key.partition(" of ")
    words = content_words(key)
    heads = [w for w in map(_word, _TOKEN.findall(head)) if w]
    return (heads[-1] if heads else ""), words, bool(of)


@lru_cache(maxsize=65536)
def same_object(a: str, b: str) -> bool:
    """Whether two objects' names (object_key) can name one thing: the same name; the words of one
    within the other's ("the Council", "the Council for Maritime Cooperation"); or the same head
    noun where at most one has a complement of its own ("the Treaty of Lindmark", "the border
    treaty"; not "the Treaty of Lindmark" and "the Treaty of Aldrun")."""
    if a == b:
        return True
    (head_a, words_a, of_a), (head_b, words_b, of_b) = _object_parts(a), _object_parts(b)
    if not (words_a and words_b):
        return False
    if words_a <= words_b or words_b <= words_a:
        return True
    return bool(head_a) and head_a == head_b and not (of_a and of_b)


class Telling(NamedTuple):
    """What sameness compares of one telling (a tuple: the store makes thousands per document).

    Actor fields hold canonical keys; `states` are the keys of the source actors that are states.
    """

    document: object  # which document tells it (compared for equality only)
    date: str
    type: str
    actors: frozenset[str]
    persons: frozenset[str]
    words: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    object: str | None = None
    countries: frozenset[str] = frozenset()  # every state the telling names, whatever its part
    assumed: frozenset[str] = frozenset()  # actors the document only infers (its subject), not named
    target_words: frozenset[str] = frozenset()  # the words of the targets' names
    bodies: frozenset[str] = frozenset()  # the organisations it names (not only infers), as object_key gives them


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _about(telling: Telling) -> frozenset[str]:
    """What an act was about: its object and its targets."""
    return telling.targets | ({telling.object} if telling.object else frozenset())


def _about_same(new: Telling, old: Telling) -> bool:
    """Whether two tellings name something in common that the act was about: a target, an object
    (compared by `same_object`), or an object that is the other's target ("joined the Council",
    "joined the Council for Maritime Cooperation")."""
    if new.targets & old.targets:
        return True
    if new.object and old.object:
        return same_object(new.object, old.object)
    for one, other in ((new, old), (old, new)):
        if one.object and other.target_words and _object_parts(one.object)[1] <= other.target_words:
            return True
        # a body's own session or founding: "Ostrelia chairs the Council" and "the Council met"
        if one.object and one.type in BODY_ACTS and one.object in other.bodies:
            return True
        if _session_of(one, other):
            return True
        # a telling that names nothing it was about: its document's inferred subject, where no state
        # (an organisation's page: "Morvath joined on 9 March 1995" is joining the organisation)
        if not _about(one) and (one.assumed - one.countries) & other.targets:
            return True
    return False


def _objects_differ(new: Telling, old: Telling) -> bool:
    return bool(new.object and old.object and not same_object(new.object, old.object))


def other_states(new: Telling, old: Telling) -> bool:
    """Whether two tellings are about different states: each names states, none in common (unless
    both tell one named body's founding or session, `_one_body`), or each has a state acting that the
    other does not name. Such tellings are never in one event, not even through a third."""
    if new.countries and old.countries and not (new.countries & old.countries) and not _one_actor_told(new, old) \
            and not _one_body(new, old) and not _bystander_apart(new, old):
        return True
    return bool(new.states and old.states and not (new.states & (old.actors | old.assumed))
                and not (old.states & (new.actors | new.assumed)))


def _involved(telling: Telling) -> frozenset[str]:
    """The states a telling names, in any part, and its document's own state where it only infers it
    as acting: not a state added as a bystander ("the Council met in Aldrun" on a state's page)."""
    return telling.countries - (telling.assumed - telling.actors - telling.states)


def _bystander_apart(new: Telling, old: Telling) -> bool:
    """Whether what parts two tellings is, on one side, only its document's own state added as a
    bystander (inferred, not acting), and both tell one named body's own founding or session, by a
    source that is no state: "the NCO Ministerial Council meets in Aldrun" on one state's page, "NCO
    ministers met in Aldrun, where B proposed ..." in a report. (Not a visit: whom a person visited
    may be the page's own state.)"""
    if new.type not in BODY_ACTS or old.type not in BODY_ACTS or not (new.sources & old.sources) - new.states - old.states:
        return False
    return not (_involved(new) and _involved(old))


def _one_actor_told(new: Telling, old: Telling) -> bool:
    """Whether the states that part two tellings are only what their documents infer (each page's
    own state), and both tell one named non-state actor's act, the shorter in words all within the
    longer's: "Foreign Minister Druve visited Tarvo in May 2013" on one state's page and on the other's."""
    named_new, named_old = new.countries - (new.assumed - new.actors), old.countries - (old.assumed - old.actors)
    if named_new and named_old and not (named_new & named_old):
        return False
    if not (new.sources & old.sources) - new.states - old.states:
        return False
    return bool(new.words and old.words) and (new.words <= old.words or old.words <= new.words)


def _one_body(new: Telling, old: Telling) -> bool:
    """Whether both tellings tell one named body's own founding or session, so that the states each
    names besides its founders or members do not part them ("the Council was founded by A and B",
    "the Council is founded; C attends as an observer"; "C chairs the Council", "the Council met; B's
    proposal was adopted"): the types are such acts, and the object of one is the other's object
    and a body one of them names as an actor, or a body the other names as an actor. The states
    acting still part them (`other_states`)."""
    if new.type not in BODY_ACTS or old.type not in BODY_ACTS:
        return False
    for one, other in ((new, old), (old, new)):
        if one.object and (one.object in other.bodies
                           or (one.object == other.object and one.object in one.bodies)):
            return True
        if _session_of(one, other):
            return True
    return False


def _session_of(one: Telling, other: Telling) -> bool:
    """Whether `one` names a body as what its act was done to and `other` names it as who acted, both
    telling a body's own founding or session ("C chairs the Council" / "the Council held on 4 December
    adopted B's proposal"), where the body met no state ("the Council met B" is B's meeting)."""
    if one.type not in BODY_ACTS or other.type not in BODY_ACTS or other.targets & other.countries:
        return False
    return bool((one.targets & other.sources) - one.countries - other.countries - one.persons - other.persons)


def _conflict_free(new: Telling, old: Telling) -> bool:
    """No two states' acts, no two objects, nothing else done: only who is named as acting differs."""
    if other_states(new, old):
        return False
    if _objects_differ(new, old):
        return False
    return not (_about(new) and _about(old) and not _about_same(new, old))


def _frames_agree(new: Telling, old: Telling) -> bool | None:
    """True where the frames agree on who acted, False where they differ, None where a telling
    names no source (then actors and words decide)."""
    if other_states(new, old):
        return False  # "Azerbaijan's plan was approved", "Kazakhstan agreed its plan": two states' events
    if _objects_differ(new, old):
        return False
    if _about(new) and _about(old) and not _about_same(new, old) and not (new.targets & old.sources) \
            and not (old.targets & new.sources):
        return False  # joined the programme, joined the alliance: two acts
    if not new.sources or not old.sources:
        # a telling whose source is only its document's subject agrees with one that names that
        # subject as acting, where both name the same thing done
        # (of a joint act, as any of its parties)
        theirs, mine = (old.actors, new.actors) if (new.type in JOINT or old.type in JOINT) else (old.sources, new.sources)
        if new.object and old.object and same_object(new.object, old.object) and \
                ((new.assumed & theirs) or (old.assumed & mine)):
            return True
        return None
    if (new.type in JOINT or old.type in JOINT):
        # a joint act told by each party: "Varnia signed with Ostrelia", "Ostrelia signed the treaty"
        return bool((new.sources | new.targets) & (old.sources | old.targets) & (new.sources | old.sources))
    return bool(new.sources & old.sources)


def bare_same(new: Telling, old: Telling) -> bool:
    """Whether one of two tellings names no actor at all, not even one its document infers, and
    tells the other's act in the same words on a compatible date of at least a month: half of their
    words in common ("A joint border crossing at Lindmark opened in June 2020", "17 June 2020: A and
    B open a joint border crossing at Lindmark"), or a quarter on the same day, told as the same
    type ("Negotiations opened on 15 September 1999", "15 September 1999: border talks with A
    opened"). Such a telling adds no actor to the event, nor any date but one its event has."""
    if (new.actors or new.assumed) and (old.actors or old.assumed):
        return False
    if len(new.date) < 7 or len(old.date) < 7:
        return False
    day = new.date == old.date and len(new.date) == 10 and new.type == old.type
    # (the words first: most pairs share too few, and compatible dates cost more to tell)
    return _overlap(new.words, old.words) >= (COMPATIBLE_WORDS if day else CORROBORATED_WORDS) and \
        compatible(new.date, old.date)


def _one_act_that_day(new: Telling, old: Telling) -> bool:
    """Two tellings of one type on one exact day by a source both name, neither naming anything the
    act was about: one act ("Fighting with A began on 7 August 2008", "the war with A, which began on
    7 August 2008")."""
    return new.type == old.type and len(new.date) == 10 and new.date == old.date and \
        bool(new.sources & old.sources) and not _about(new) and not _about(old)


def _one_war(new: Telling, old: Telling) -> bool:
    """Two tellings of a conflict between the same two or more states, counting each document's own
    state where it only infers it, on compatible dates, about no different things: one war ("A fought
    a short war with B in 2008" and "Fighting with B began on 7 August 2008" on A's page; "the war of
    7-12 August 2008 with A" on B's)."""
    return new.type in ONE_AT_A_TIME and old.type == new.type and len(new.countries) >= 2 and \
        new.countries == old.countries and compatible(new.date, old.date) and not _objects_differ(new, old)


def same_event(new: Telling, old: Telling) -> tuple[bool, bool]:
    """(same event, with a date conflict)."""
    if not _types_agree(new, old):
        return False, False
    if _one_war(new, old):
        return True, False
    # What a document only infers is shared within that document (its own subject), not across
    # documents; a copy of the same sentence on the same date is one event whoever it names.
    within = new.document == old.document
    mine, theirs = (new.actors | new.assumed, old.actors | old.assumed) if within else (new.actors, old.actors)
    copy = new.date == old.date and bool(new.words) and new.words == old.words
    # ... or the one a document assumes is named by the other, about the same named thing, or on the
    # same day in largely the same words
    named = bool((new.assumed & old.actors) or (old.assumed & new.actors)) and not within and (
        (bool(new.object) and bool(old.object) and same_object(new.object, old.object))
        or (new.date == old.date and _overlap(new.words, old.words) >= CORROBORATED_WORDS))
    # ... or both name one thing by the same name, done on one day, and one of them names who
    one_thing = not within and new.date == old.date and len(new.date) == 10 and bool(new.object) and \
        new.object == old.object and bool(new.actors or old.actors)
    # ... or one names no one at all, and tells it in the same words on a compatible date
    bare = not within and bare_same(new, old)
    if not (mine & theirs) and not copy and not named and not one_thing and not bare:
        return False, False
    if new.persons and old.persons and not (new.persons & old.persons):
        return False, False
    agree = _frames_agree(new, old)
    named_same = bool(new.object) and bool(old.object) and same_object(new.object, old.object)
    exact_same = bool(new.object) and new.object == old.object
    if agree is False and not (named_same and _conflict_free(new, old) and new.date == old.date
                               and new.document != old.document):
        # Who acted differs, unless both name one thing done on one day ("the Treaty was signed on
        # 2 May 2001 by the two presidents" and "Ostrelia signed the Treaty on 2 May 2001").
        return False, False
    words = _overlap(new.words, old.words)
    shared = len(new.actors & old.actors)
    if new.document == old.document:
        # An article that tells an event twice: the same date, and for a day the same actors suffice;
        # or the act and the state it began ("joined on 9 March 1995", "a member since 1995").
        if new.date != old.date:
            opened = new.date.endswith("/..") != old.date.endswith("/..") and compatible(new.date, old.date)
            # or one thing, named in both, told at its year and at its day ("the border treaty of
            # 2001", "the Treaty was signed on 2 May 2001")
            twice = named_same and new.type == old.type and agree is not False and compatible(new.date, old.date)
            # or one state's joining, told at its year and at its day, about nothing named ("B followed in
            # 2011", "B joined on 14 April 2011 after six years in the Partnership"): a state joins once
            once = new.type == old.type and new.type in ONCE and agree is True and len(new.states | old.states) == 1 \
                and not _about(new) and not _about(old) and compatible(new.date, old.date)
            return (opened and agree is True and new.object == old.object) or twice or once, False
        day = len(new.date) == 10 and shared >= 2
        return words >= (SAME_DATE_WORDS if day else SAME_DOCUMENT_WORDS), False
    # The same source acting on the same thing: the frame alone says it is one event.
    strong = (agree is not None) and _about_same(new, old)
    if new.date == old.date:
        if strong or (one_thing and agree is None) or (agree and _one_act_that_day(new, old)):
            return True, False
        return words >= (SAME_DATE_WORDS if shared >= 2 else SAME_DATE_WORDS_FEW_ACTORS), False
    if compatible(new.date, old.date):
        return strong or (bool(agree) and words >= SAME_DATE_WORDS) or words >= COMPATIBLE_WORDS, False
    if not near(new.date, old.date) or agree is None:
        return False, False
    common = len(new.words & old.words) / min(len(new.words), len(old.words)) if new.words and old.words else 0.0
    if agree and (exact_same or common >= CONFLICT_WORDS):
        return True, True
    return False, False


_KIND_WORDS = re.compile(r"\s+(?:project|programme|program)$")


@lru_cache(maxsize=65536)
def object_key(name: str | None) -> str | None:
    """What an object is compared by: its name folded, without a trailing "project" or "programme"
    ("Saloglu Trust Fund Project" is the Saloglu Trust Fund)."""
    if not name:
        return None
    from annals.resolve.gazetteer import fold

    return _KIND_WORDS.sub("", fold(name))
