"""When two tellings are one event: the same frame, compatible dates.

A telling is one sentence and one date of a document, with its event's
frame: type, who acted (`sources`), on whom (`targets`), what about
(`object`). Two tellings from different documents are one event when

- their types are the same;
- they share an actor that both name (what a document only infers, its
  subject added where a sentence names no one, is shared within that
  document only), unless they are the same sentence on the same date (a copy);
- they share a source (actors compared by corpus identity: the caller gives
  canonical keys), and their source states are not disjoint: "Moldova joined
  PfP in 1994" and "Azerbaijan joined PfP in 1994" are two events; where a
  telling names no source, they share an actor and many words instead;
- where both name states, in any part, they name one in common ("the Council
  approved Azerbaijan's plan" and "Kazakhstan agreed its plan" are two events);
- they name the same object where both name one, and the same target where
  both name one;
- their dates are compatible (merge/dates.py).

Where frames agree and the dates contradict but are near (within a year),
the tellings are one event with a date conflict, if they also name the same
object or tell it in largely the same words; otherwise the same wording on
another date is another event (an annual meeting, a second visit). Within
one document only the same date merges (an article that repeats itself), or
an act with the open span it began, told by the same frame ("joined on 9 March
1995" and "a member since 1995").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from annals.merge.dates import compatible, near

__all__ = ["Telling", "content_words", "object_key", "other_states", "same_event"]

# Acts done together, that each party's telling may name as its own.
JOINT = frozenset({"agreement", "meeting", "summit", "conflict"})
SAME_DATE_WORDS = 0.12
SAME_DATE_WORDS_FEW_ACTORS = 0.2
COMPATIBLE_WORDS = 0.25
CONFLICT_WORDS = 0.65
SAME_DOCUMENT_WORDS = 0.3

_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had its his her their "
    "this that these those it he she they which who after before during since until between into over under "
    "also than then there when where while about against among within without per via "
    "january february march april may june july august september october november december".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.casefold().rstrip("'s") for t in _TOKEN.findall(text)) if w not in _STOP and len(w) > 1)


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


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _about(telling: Telling) -> frozenset[str]:
    """What an act was about: its object and its targets."""
    return telling.targets | ({telling.object} if telling.object else frozenset())


def other_states(new: Telling, old: Telling) -> bool:
    """Whether two tellings are about different states: each names states, none in common, or each
    has a state acting that the other does not name. Such tellings are never in one event, not even
    through a third."""
    if new.countries and old.countries and not (new.countries & old.countries):
        return True
    return bool(new.states and old.states and not (new.states & (old.actors | old.assumed))
                and not (old.states & (new.actors | new.assumed)))


def _conflict_free(new: Telling, old: Telling) -> bool:
    """No two states' acts, no two objects, nothing else done: only who is named as acting differs."""
    if other_states(new, old):
        return False
    if new.object and old.object and new.object != old.object:
        return False
    about_new, about_old = _about(new), _about(old)
    return not (about_new and about_old and not (about_new & about_old))


def _frames_agree(new: Telling, old: Telling) -> bool | None:
    """True where the frames agree on who acted, False where they differ, None where a telling
    names no source (then actors and words decide)."""
    if other_states(new, old):
        return False  # "Azerbaijan's plan was approved", "Kazakhstan agreed its plan": two states' events
    if new.object and old.object and new.object != old.object:
        return False
    about_new, about_old = _about(new), _about(old)
    if about_new and about_old and not (about_new & about_old) and not (new.targets & old.sources) \
            and not (old.targets & new.sources):
        return False  # joined the programme, joined the alliance: two acts
    if not new.sources or not old.sources:
        # a telling whose source is only its document's subject agrees with one that names that
        # subject as acting, where both name the same thing done
        # (of a joint act, as any of its parties)
        theirs, mine = (old.actors, new.actors) if new.type in JOINT else (old.sources, new.sources)
        if new.object and new.object == old.object and ((new.assumed & theirs) or (old.assumed & mine)):
            return True
        return None
    if new.type in JOINT:
        # a joint act told by each party: "Varnia signed with Ostrelia", "Ostrelia signed the treaty"
        return bool((new.sources | new.targets) & (old.sources | old.targets) & (new.sources | old.sources))
    return bool(new.sources & old.sources)


def same_event(new: Telling, old: Telling) -> tuple[bool, bool]:
    """(same event, with a date conflict)."""
    if new.type != old.type:
        return False, False
    # What a document only infers is shared within that document (its own subject), not across
    # documents; a copy of the same sentence on the same date is one event whoever it names.
    within = new.document == old.document
    mine, theirs = (new.actors | new.assumed, old.actors | old.assumed) if within else (new.actors, old.actors)
    copy = new.date == old.date and bool(new.words) and new.words == old.words
    # ... or the one a document assumes is named by the other, about the same named thing
    named = bool(new.object) and new.object == old.object and bool((new.assumed & old.actors) or (old.assumed & new.actors))
    if not (mine & theirs) and not copy and not named:
        return False, False
    if new.persons and old.persons and not (new.persons & old.persons):
        return False, False
    agree = _frames_agree(new, old)
    named_same = bool(new.object) and new.object == old.object
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
            return opened and agree is True and new.object == old.object, False
        day = len(new.date) == 10 and shared >= 2
        return words >= (SAME_DATE_WORDS if day else SAME_DOCUMENT_WORDS), False
    # The same source acting on the same thing: the frame alone says it is one event.
    strong = (agree is not None) and bool(_about(new) & _about(old))
    if new.date == old.date:
        if strong:
            return True, False
        return words >= (SAME_DATE_WORDS if shared >= 2 else SAME_DATE_WORDS_FEW_ACTORS), False
    if compatible(new.date, old.date):
        return strong or (bool(agree) and words >= SAME_DATE_WORDS) or words >= COMPATIBLE_WORDS, False
    if not near(new.date, old.date) or agree is None:
        return False, False
    common = len(new.words & old.words) / min(len(new.words), len(old.words)) if new.words and old.words else 0.0
    if agree and (named_same or common >= CONFLICT_WORDS):
        return True, True
    return False, False


_KIND_WORDS = re.compile(r"\s+(?:project|programme|program)$")


def object_key(name: str | None) -> str | None:
    """What an object is compared by: its name folded, without a trailing "project" or "programme"
    ("Saloglu Trust Fund Project" is the Saloglu Trust Fund)."""
    if not name:
        return None
    from annals.resolve.gazetteer import fold

    return _KIND_WORDS.sub("", fold(name))
