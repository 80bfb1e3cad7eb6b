"""Which stored event each telling belongs to, decided again for every group a change touches.

Adding a document finds the stored events its tellings may tell (`regroup`):
each new telling joins every one of them it is the same event as, compared
with all their tellings, and new tellings join each other, so a telling can
bring two stored events together. Removing a document clusters what is left
of each event it told anew (`split`, annals/merge/clusters.py), so an event
that only its telling held together comes apart. Each group keeps the stored
event of its first telling (in key order) where it can.

A telling's key is (document hash, source, offset, date, type): the same
whatever the order of adding.

Stored tellings come a kind at a time (`Stored`): the tellings of one event
that differ only in their documents (one sentence in copies of one article),
so that comparing costs the same however many copies an event has.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from annals.merge import (
    Telling,
    content_words,
    near,
    object_key,
    other_states,
    reachable,
    same_event,
    types_may_agree,
)
from annals.resolve.gazetteer import fold, gazetteer

__all__ = ["FrameCache", "Grouped", "Stored", "acronym_head", "as_told_by", "folded", "frame_telling", "owned_body", "regroup",
           "same_pair", "split", "stored_actors"]

# A name's lookup key (gazetteer.fold), kept: framing and the actor ids ask it of the same names again and again.
folded = lru_cache(maxsize=65536)(fold)
# Whether two stored tellings are one event (`same_event`, a function of the two alone), kept: a change compares
# the tellings of the events it touches, and the next change that touches them compares the same pairs again.
same_pair = lru_cache(maxsize=32768)(same_event)


def as_told_by(telling: Telling, document: object) -> Telling:
    """The same telling, of `document` (NamedTuple._replace costs a dozen calls; this one)."""
    return tuple.__new__(Telling, (document, *telling[1:]))


class Stored(NamedTuple):
    """Tellings already in the corpus that one event holds and merging cannot tell apart but by their
    documents (the same date, type, sentence, actors and object): their evidence rows, their event,
    the first key among them, the telling of that key as merging compares it, their documents, and
    the names of their sources (which order a collective act's member tellings).

    `same_event` and `regroup` compare a telling's document only for equality with another's, so the
    first key's telling with the set of documents answers for every one of them; `tie` orders tellings
    of one key as the rows were read before (event, evidence id)."""

    evidence: tuple[int, ...]
    event: int
    key: tuple
    telling: Telling
    documents: frozenset
    tie: tuple = ()
    members: tuple[str, ...] = ()  # the names of their sources, in the order their actors list them


class Grouped(NamedTuple):
    """One event after regrouping: its stored event id (None: a new event), its stored tellings
    (evidence ids), the new tellings (indexes into the new list), its first key, and the stored
    tellings that were told of another event before (evidence ids)."""

    event: int | None
    evidence: tuple[int, ...]
    new: tuple[int, ...]
    first_key: tuple
    moved: tuple[int, ...] = ()


@lru_cache(maxsize=65536)
def stored_actors(actors_json: str) -> tuple[tuple[str, str, str, bool], ...]:
    return tuple((a["name"], a.get("kind", "other"), a.get("part") or "", bool(a.get("inferred")))
                 for a in json.loads(actors_json))


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def acronym_head(name: str, kind: str) -> str | None:
    """The acronym an organisation's name begins with, where more words follow ("NCO" of "NCO
    Ministerial Council"): the body that it names is part of that organisation."""
    head, _, rest = name.partition(" ")
    return head if kind == "organization" and rest and _ACRONYM.fullmatch(head) else None


# "the Ministerial Council of the Northern Concord Organisation": a body's name, then its organisation's
_BODY_OF = re.compile(r"((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+of\s+(?:the\s+)?(.+)")


def owned_body(name: str, kind: str, identity: Callable[[str], str]) -> str | None:
    """One key for a body of an organisation the corpus knows, however a document names it: "the NCO
    Ministerial Council" (with the organisation's acronym) and "the Ministerial Council of the Northern
    Concord Organisation" are both the ministerial council of the organisation's identity."""
    head = acronym_head(name, kind)
    if head is not None:
        body, owner = name.partition(" ")[2], head
    else:
        found = _BODY_OF.fullmatch(name) if kind == "organization" else None
        if found is None:
            return None
        body, owner = found.groups()
    whole = identity(folded(owner))
    return f"{folded(body)} of {whole}" if whole != folded(owner) else None


def frame_telling(document: object, date: str, type_: str, actors: Iterable[tuple[str, str, str, bool]],
                  text: str, obj: str | None, identity: Callable[[str], str]) -> Telling:
    """A telling as merging compares it. `actors` are (name, kind, part, inferred); `identity` maps a
    folded name to the actor's corpus identity (aliases and acronyms resolved); `obj` is the object's
    name. An actor the document only infers is shared with no other telling; as a state, it still
    keeps the telling from another state's events."""
    everyone, persons, sources, states, targets, assumed, bodies = set(), set(), set(), set(), set(), set(), set()
    target_words: frozenset[str] = frozenset()
    actors = list(actors)
    countries = {name for name, kind, _, _ in actors if kind == "country"}
    for name, kind, part, inferred in actors:
        if inferred:
            assumed.add(identity(folded(name)))
            if part == "source" and kind == "country":
                states.add(identity(folded(name)))  # shared with no one, yet another state's act is not its own
            continue
        who = identity(folded(name))
        everyone.add(who)
        if kind == "person":
            persons.add(who)
        elif kind == "organization":
            bodies.add(object_key(name))
        # (and the body under the one key its organisation's bodies have in the corpus)
        owned = owned_body(name, kind, identity)
        if owned is not None:
            everyone.add(owned)
            if part == "source":
                sources.add(owned)
            elif part == "target":
                targets.add(owned)
        # "the NCO Ministerial Council" names the NCO, and acts for it (where the corpus knows the acronym)
        head = acronym_head(name, kind)
        whole = identity(folded(head)) if head else None
        if whole is not None and whole != folded(head):
            everyone.add(whole)
            if part == "source":
                sources.add(whole)
        if part == "source":
            sources.add(who)
            if kind == "country":
                states.add(who)
            elif kind == "organization":
                # a body acts for its organisation: the North Atlantic Council's act is NATO's too
                entry = gazetteer().lookup(name)
                if entry is not None and entry.parent:
                    sources.add(identity(folded(entry.parent)))
                # and a state's body for its state: "Parliament of Chile" acts for Chile
                state = next((c for c in countries if name.endswith((f" of {c}", f" of the {c}"))), None)
                if state is not None:
                    sources.add(identity(folded(state)))
                    states.add(identity(folded(state)))
        elif part == "target":
            targets.add(who)
            target_words |= content_words(name)
    return Telling(document, date, type_, frozenset(everyone), frozenset(persons), content_words(text),
                   frozenset(sources), frozenset(states), frozenset(targets), object_key(obj),
                   frozenset(identity(folded(name)) for name in countries), frozenset(assumed), target_words,
                   frozenset(bodies))


class FrameCache:
    """Stored tellings framed once for all the transactions of a corpus (`frame_telling` is most of
    what reading a candidate event costs). An entry is found by everything the frame is made of (the
    telling's document, date, type, actors, sentence and object, as stored) and used only while every
    corpus identity it took (`identity`, aliases learned since) is still the same."""

    def __init__(self, size: int = 32768) -> None:
        self.size = size
        self.items: dict[tuple, tuple[Telling, tuple[tuple[str, str], ...]]] = {}

    def frame(self, content: tuple, actors: tuple[tuple[str, str, str, bool], ...], identity: Callable[[str], str]
              ) -> Telling:
        """The telling of `content` (document, date, type, actors JSON, text, object name), framed
        with `actors` (its stored actors) and `identity`, or as framed before with the same identities."""
        hit = self.items.get(content)
        if hit is not None and all(identity(key) == who for key, who in hit[1]):
            return hit[0]
        used: list[tuple[str, str]] = []

        def recorded(key: str) -> str:
            who = identity(key)
            used.append((key, who))
            return who

        document, date, type_, _, text, obj = content
        telling = frame_telling(document, date, type_, actors, text, obj, recorded)
        if len(self.items) >= self.size:
            self.items.clear()  # (a corpus larger than the cache: framed again as they are read)
        self.items[content] = (telling, tuple(used))
        return telling


def regroup(stored: list[Stored], new: list[Telling], new_keys: list[tuple]) -> list[Grouped]:
    """The events of `stored` and `new` tellings together, decided again for all of them at once.

    The tellings are clustered from scratch, whatever events they were stored in, so that the
    result depends on the set of tellings only, not on the order they came in: each distinct kind
    of telling (copies of one sentence are one) is compared with every other; the pairs that are
    one event are joined closest first (the same date, then the most words in common, then key
    order), except where a document keeps two events apart or the groups are about different
    states; then groups that a near contradicting date links are joined where all their dates are
    near. A stored event is kept by the group that holds its first telling (in key order).
    """
    # (the stored tellings of one key in the order they were read, then the new ones in theirs)
    entries: list[tuple[tuple, Telling, Stored | None, int, frozenset]] = \
        [(s.key, s.telling, s, -1, s.documents) for s in sorted(stored, key=lambda s: (s.key, s.tie))] + \
        [(new_keys[i], t, None, i, frozenset((t.document,))) for i, t in enumerate(new)]
    entries.sort(key=lambda entry: entry[0])
    # Each kind of telling once: copies of one article tell it in the same words.
    kinds: dict[Telling, int] = {}
    node_of: list[int] = []
    reps: list[Telling] = []
    was_stored: list[bool] = []  # (whether a kind's telling is a stored one: its pairs come again in later changes)
    documents: list[set] = []
    for _, telling, told, _, told_by in entries:
        kind = as_told_by(telling, None)
        node = kinds.get(kind)
        if node is None:
            node = kinds[kind] = len(reps)
            reps.append(telling)
            was_stored.append(told is not None)
            documents.append(set(told_by))
        else:
            documents[node] |= told_by
        node_of.append(node)
    joins, conflicts = [], []
    for a in range(len(reps)):
        old = reps[a]
        for b in range(a + 1, len(reps)):
            new = reps[b]
            # (most pairs: types that never agree, or dates neither compatible nor near, of which
            # same_event would say no)
            if not types_may_agree(new.type, old.type) or not reachable(new.date, old.date):
                continue
            same, conflict = (same_pair if was_stored[a] and was_stored[b] else same_event)(new, old)
            if same and not conflict:
                joins.append((reps[a].date != reps[b].date, -len(reps[a].words & reps[b].words), a, b))
            elif same:
                conflicts.append((a, b))
    groups = _Union(len(reps), [frozenset(d) for d in documents], [[r] for r in reps])
    for _, _, a, b in sorted(joins):
        # (two tellings of one document that are one event: same_event's rule within a document)
        groups.join(a, b, within=reps[a].document == reps[b].document)
    for a, b in conflicts:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        both = {reps[n].date for n in range(len(reps)) if groups.find(n) in (ra, rb)}
        if all(near(x, y) for x in both for y in both):
            groups.join(ra, rb)
    members: dict[int, list[int]] = {}
    for position, node in enumerate(node_of):
        members.setdefault(groups.find(node), []).append(position)  # entries in key order
    # Each stored event stays with the group of its first telling (the group's earliest such event).
    keeper: dict[int, int] = {}
    for position, (_, _, told, _, _) in enumerate(entries):
        if told is not None:
            keeper.setdefault(told.event, groups.find(node_of[position]))
    out = []
    for root, positions in members.items():
        event = next((entries[p][2].event for p in positions
                      if entries[p][2] is not None and keeper[entries[p][2].event] == root), None)
        kept = [entries[p][2] for p in positions if entries[p][2] is not None]
        fresh = tuple(sorted(entries[p][3] for p in positions if entries[p][2] is None))
        out.append(Grouped(event, tuple(i for s in kept for i in s.evidence), fresh, entries[positions[0]][0],
                           tuple(i for s in kept if s.event != event for i in s.evidence)))
    return sorted(out, key=lambda g: g.first_key)


def split(stored: list[Stored]) -> list[Grouped]:
    """The events that the tellings of stored events make once some of their tellings are gone."""
    return regroup(stored, [], [])


class _Union:
    """Union-find over nodes; the smaller root wins. Two groups that hold tellings of one document
    are not joined, nor two that hold tellings about different states (`other_states`)."""

    def __init__(self, size: int, documents: list[frozenset], tellings: list[list[Telling]]) -> None:
        self.parent = list(range(size))
        self.documents = list(documents)
        self.tellings = tellings

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, *, within: bool = False) -> None:
        """Join the groups of a and b, unless they hold tellings of one document (`within`: two
        tellings of one document that are one event)."""
        a, b = self.find(a), self.find(b)
        if a != b and (within or not (self.documents[a] & self.documents[b])) and not any(
                other_states(x, y) for x in self.tellings[a] for y in self.tellings[b]):
            low, high = min(a, b), max(a, b)
            self.parent[high] = low
            self.documents[low] = self.documents[low] | self.documents[high]
            self.tellings[low] = self.tellings[low] + self.tellings[high]
