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
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from annals.merge import Telling, cluster, content_words, near, object_key, other_states, same_event
from annals.resolve.gazetteer import fold, gazetteer

__all__ = ["Grouped", "Stored", "frame_telling", "regroup", "split", "stored_telling"]


class Stored(NamedTuple):
    """A telling already in the corpus: its evidence row, its event, its key and what merging compares."""

    evidence: int
    event: int
    key: tuple
    telling: Telling


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
def _actors(actors_json: str) -> tuple[tuple[str, str, str, bool], ...]:
    return tuple((a["name"], a.get("kind", "other"), a.get("part") or "", bool(a.get("inferred")))
                 for a in json.loads(actors_json))


def frame_telling(document: object, date: str, type_: str, actors: Iterable[tuple[str, str, str, bool]],
                  text: str, obj: str | None, identity: Callable[[str], str]) -> Telling:
    """A telling as merging compares it. `actors` are (name, kind, part, inferred); `identity` maps a
    folded name to the actor's corpus identity (aliases and acronyms resolved); `obj` is the object's
    name. An actor the document only infers is shared with no other telling; as a state, it still
    keeps the telling from another state's events."""
    everyone, persons, sources, states, targets, assumed = set(), set(), set(), set(), set(), set()
    target_words: frozenset[str] = frozenset()
    actors = list(actors)
    countries = {name for name, kind, _, _ in actors if kind == "country"}
    for name, kind, part, inferred in actors:
        if inferred:
            assumed.add(identity(fold(name)))
            if part == "source" and kind == "country":
                states.add(identity(fold(name)))  # shared with no one, yet another state's act is not its own
            continue
        who = identity(fold(name))
        everyone.add(who)
        if kind == "person":
            persons.add(who)
        if part == "source":
            sources.add(who)
            if kind == "country":
                states.add(who)
            elif kind == "organization":
                # a body acts for its organisation: the North Atlantic Council's act is NATO's too
                entry = gazetteer().lookup(name)
                if entry is not None and entry.parent:
                    sources.add(identity(fold(entry.parent)))
                # and a state's body for its state: "Parliament of Chile" acts for Chile
                state = next((c for c in countries if name.endswith((f" of {c}", f" of the {c}"))), None)
                if state is not None:
                    sources.add(identity(fold(state)))
                    states.add(identity(fold(state)))
        elif part == "target":
            targets.add(who)
            target_words |= content_words(name)
    return Telling(document, date, type_, frozenset(everyone), frozenset(persons), content_words(text),
                   frozenset(sources), frozenset(states), frozenset(targets), object_key(obj),
                   frozenset(identity(fold(name)) for name in countries), frozenset(assumed), target_words)


def stored_telling(evidence: int, event: int, sha256: str, source: str, start: int, date: str, type_: str,
                   text: str, actors_json: str, object_json: str | None, document: int,
                   identity: Callable[[str], str]) -> Stored:
    obj = json.loads(object_json)["name"] if object_json else None
    telling = frame_telling(document, date, type_, _actors(actors_json), text, obj, identity)
    return Stored(evidence, event, (sha256, source, start, date, type_), telling)


def regroup(stored: list[Stored], new: list[Telling], new_keys: list[tuple]) -> list[Grouped]:
    """The events of `stored` and `new` tellings together, each keeping a stored event where it can.

    A stored event stays whole: it is one unit, joined to a new telling that is the same event as
    any of its tellings, and to another stored event only through a new telling. So adding costs
    the new tellings against the tellings of the events they may tell, not every pair.
    """
    by_event: dict[int, list[Stored]] = {}
    for s in stored:
        by_event.setdefault(s.event, []).append(s)
    units = [sorted(tellings, key=lambda s: s.key) for _, tellings in sorted(by_event.items())]
    unit_keys = [members[0].key for members in units]
    # A document that tells two events apart keeps them apart: two groups that hold tellings of one
    # document are never joined (identical copies of an article add a source to each event).
    documents = [frozenset(s.telling.document for s in members) for members in units] + \
        [frozenset({t.document}) for t in new]
    # Each stored event's tellings as merging compares them, each kind once (copies of one article
    # tell it in the same words).
    compared = [list(dict.fromkeys(s.telling._replace(document=None) for s in members)) for members in units]
    groups = _Union(len(units) + len(new), documents, [list(c) for c in compared] + [[t] for t in new])
    conflicts: list[tuple[int, int]] = []
    order = sorted(range(len(new)), key=lambda i: new_keys[i])
    for rank, i in enumerate(order):
        node = len(units) + i
        # The stored events it tells, the closest first (the same date, then the most words in
        # common, then the first told): where a document keeps two of them apart, it joins that one.
        joined = []
        for u, tellings in enumerate(compared):
            if any(other_states(new[i], telling) for telling in tellings):
                continue  # another state's event, whichever of its tellings the new one resembles
            verdicts = [(same_event(new[i], telling), telling) for telling in tellings]
            strict = [telling for (same, conflict), telling in verdicts if same and not conflict]
            if strict:
                best = max((telling.date == new[i].date, len(telling.words & new[i].words)) for telling in strict)
                joined.append(((not best[0], -best[1], unit_keys[u]), u))
            elif any(same for (same, _), _ in verdicts):
                conflicts.append((u, node))
        for _, u in sorted(joined):
            groups.join(u, node)
        for j in order[:rank]:
            same, conflict = same_event(new[i], new[j])
            if same and not conflict:
                # an article that tells one event twice (same_event's rule within a document)
                groups.join(len(units) + j, node, within=new[i].document == new[j].document)
            elif same:
                conflicts.append((len(units) + j, node))
    dates = [[s.telling.date for s in members] for members in units] + [[t.date] for t in new]
    for a, b in conflicts:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        both = {d for n in range(len(dates)) if groups.find(n) in (ra, rb) for d in dates[n]}
        if all(near(x, y) for x in both for y in both):
            groups.join(ra, rb)
    members: dict[int, list[int]] = {}
    for n in range(len(dates)):
        members.setdefault(groups.find(n), []).append(n)
    out = []
    for nodes in members.values():
        unit_nodes = sorted((n for n in nodes if n < len(units)), key=lambda n: unit_keys[n])
        fresh = tuple(sorted(n - len(units) for n in nodes if n >= len(units)))
        keys = [unit_keys[n] for n in unit_nodes] + [new_keys[i] for i in fresh]
        event = units[unit_nodes[0]][0].event if unit_nodes else None
        evidence = tuple(s.evidence for n in unit_nodes for s in units[n])
        moved = tuple(s.evidence for n in unit_nodes for s in units[n] if s.event != event)
        out.append(Grouped(event, evidence, fresh, min(keys), moved))
    return sorted(out, key=lambda g: g.first_key)


def split(stored: list[Stored]) -> list[Grouped]:
    """The events that the tellings of one stored event make once some of its tellings are gone."""
    groups = cluster([s.telling for s in stored], [s.key for s in stored])
    out = []
    for n, members in enumerate(groups):
        chosen = [stored[i] for i in members]
        evidence = tuple(s.evidence for s in chosen)
        out.append(Grouped(stored[0].event if n == 0 else None, evidence, (), min(s.key for s in chosen),
                           () if n == 0 else evidence))
    return out


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
