"""One document into the corpus, or out of it, inside one transaction.

    DocumentWriter(conn).add(doc)            -> AddResult
    DocumentWriter(conn).remove(document_id)

Each telling (sentence, date) of a document joins the stored event it tells
(annals/resolve/merge.py) or starts one. Only what a telling can change is
read: the stored events it may tell (its type, dates near its own), the first
and the latest telling of each (enough to recognise an event however often it
was told), and an event's actors, places and quantities only where the new
telling brings some that those tellings lack. So adding costs the same for
the thousandth telling of an event as for the second.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import (
    CompoundSelect,
    Insert,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from annals.model import Actor, Document, Event, Quantity
from annals.resolve.gazetteer import fold
from annals.resolve.merge import Telling, choose_date, content_words, same_event
from annals.store import schema as t
from annals.store.bulk import insert_rows
from annals.store.dates import bounds
from annals.store.lists import any_of, one_of, values_of

__all__ = ["AddResult", "DocumentWriter"]

CANDIDATE_YEARS = 4


@dataclass
class AddResult:
    source: str
    status: str  # added | unchanged | replaced | failed
    events_new: int = 0
    events_merged: int = 0
    reason: str | None = None


@dataclass(frozen=True)
class _Told:
    """An event as one telling gives it: what matching compares, and the rows it stores."""

    event: Event
    telling: Telling
    actors: tuple[dict, ...]
    places: frozenset[str]
    quantities: frozenset[tuple[float, str]]


class _Candidate(NamedTuple):
    """A stored event that a telling may tell, with its first and latest telling (evidence ids)."""

    id: int
    type: str
    date: str
    date_start: str | None
    date_end: str | None
    first: int | None
    last: int | None


@dataclass
class _Known:
    """What the tellings read of one stored event hold (a lower bound of the event's own links)."""

    tellings: list[Telling] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    quantities: set[tuple[float, str]] = field(default_factory=set)


@lru_cache(maxsize=65536)
def _stored_actors(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(actor keys, person keys) of an evidence row's actors column."""
    actors = json.loads(text)
    return (frozenset(fold(a["name"]) for a in actors),
            frozenset(fold(a["name"]) for a in actors if a.get("kind") == "person"))


@lru_cache(maxsize=65536)
def _stored_quantities(text: str) -> frozenset[tuple[float, str]]:
    return frozenset((float(q["value"]), q["unit"]) for q in json.loads(text))


@lru_cache(maxsize=65536)
def _stored_places(text: str) -> frozenset[str]:
    return frozenset(json.loads(text))


@lru_cache(maxsize=65536)
def _json(items: tuple) -> str:
    """A stored list column: strings as they are, actors and quantities as their dicts."""
    return json.dumps([item if isinstance(item, str) else item.to_dict() for item in items], ensure_ascii=False)


@lru_cache(maxsize=65536)
def _actor_keys(actors: tuple[Actor, ...]) -> tuple[tuple[dict, ...], frozenset[str], frozenset[str]]:
    """(the actors as stored, their keys, the keys of the persons among them)."""
    return (tuple(a.to_dict() for a in actors), frozenset(fold(a.name) for a in actors),
            frozenset(fold(a.name) for a in actors if a.kind == "person"))


def _told(event: Event, document_id: int) -> _Told:
    actors, keys, persons = _actor_keys(event.actors)
    return _Told(
        event,
        Telling(document_id, event.date_value, event.type, keys, persons, content_words(event.evidence_text)),
        actors,
        frozenset(event.places),
        frozenset((float(q.value), q.unit) for q in event.quantities),
    )


def _window(date: str) -> tuple[str, str] | None:
    """The days whose events a telling of `date` may tell (its dates, widened by a few years)."""
    first, last = bounds(date)
    if not (first and last):
        return None
    return (f"{max(1, int(first[:4]) - CANDIDATE_YEARS):04d}", f"{min(9999, int(last[:4]) + CANDIDATE_YEARS):04d}-12-31")


def _merged(windows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping windows joined, so that one range condition covers each run of them."""
    out: list[tuple[str, str]] = []
    for low, high in sorted(windows):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


class _Statements(NamedTuple):
    """The statements of the add path, built once per database dialect (their SQL then comes from cache)."""

    same_document: Select
    insert_document: Insert
    actors: CompoundSelect
    candidates: Select
    tellings: Select


def _candidate_columns() -> list:
    e, ev = t.events, t.evidence
    return [
        e.c.id, e.c.type, e.c.date, e.c.date_start, e.c.date_end,
        # One index probe each (evidence is indexed by event and id), however often the event was told.
        select(func.min(ev.c.id)).where(ev.c.event_id == e.c.id).scalar_subquery(),
        select(func.max(ev.c.id)).where(ev.c.event_id == e.c.id).scalar_subquery(),
    ]


@lru_cache(maxsize=4)
def _statements(dialect: str) -> _Statements:
    d, e, ev, a, aa = t.documents, t.events, t.evidence, t.actors, t.actor_aliases
    return _Statements(
        same_document=select(d.c.id, d.c.sha256).where(or_(d.c.sha256 == bindparam("sha256"),
                                                            d.c.source == bindparam("source"))),
        insert_document=insert(d).returning(d.c.id),
        actors=select(a.c.key, a.c.id, literal(0).label("alias")).where(one_of(a.c.key, "keys", dialect)).union_all(
            select(aa.c.key, aa.c.actor_id, literal(1)).where(one_of(aa.c.key, "keys", dialect))),
        candidates=select(*_candidate_columns()).where(
            one_of(e.c.type, "types", dialect),
            or_(one_of(e.c.date_start, "starts", dialect), one_of(e.c.date, "dates", dialect))),
        tellings=select(ev.c.event_id, ev.c.document_id, ev.c.date, ev.c.type, ev.c.text, ev.c.actors, ev.c.places,
                        ev.c.quantities).where(one_of(ev.c.id, "ids", dialect)),
    )


class ActorIds:
    """Actor ids by canonical name for one transaction: looked up together, created together."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.ids: dict[str, int] = {}
        self.alias_pairs: set[tuple[int, str]] = set()

    def load(self, names: dict[str, str], alias_keys: Iterable[str] = ()) -> None:
        """Ids of `names` (name -> kind), creating the actors not yet stored; the stored aliases of `alias_keys`."""
        keys = {fold(name) for name in names} - self.ids.keys()
        wanted = sorted(keys | {fold(a) for a in alias_keys})
        by_alias: dict[str, int] = {}
        found = self.conn.execute(_statements(self.dialect).actors, {"keys": values_of(wanted, self.dialect)}).all()
        for key, actor_id, alias in found:
            if alias:
                by_alias.setdefault(key, actor_id)
                self.alias_pairs.add((actor_id, key))
            else:
                self.ids[key] = actor_id
        for key, actor_id in by_alias.items():
            self.ids.setdefault(key, actor_id)
        missing: dict[str, dict] = {}
        for name, kind in names.items():
            key = fold(name)
            if key not in self.ids and key not in missing:
                missing[key] = {"name": name, "key": key, "kind": kind}
        if missing:
            rows = list(missing.values())
            result = self.conn.execute(insert(t.actors).returning(t.actors.c.id, sort_by_parameter_order=True), rows)
            for row, created in zip(rows, result):
                self.ids[row["key"]] = created.id

    def __getitem__(self, name: str) -> int:
        return self.ids[fold(name)]


class DocumentWriter:
    """Adds or removes documents through one open transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.actor_ids = ActorIds(conn)

    def any_of(self, column, values):
        return any_of(column, values, self.dialect)

    # ------------------------------------------------------------------ adding
    def add(self, doc: Document) -> AddResult:
        conn, sql = self.conn, _statements(self.dialect)
        same = conn.execute(sql.same_document, {"sha256": doc.sha256, "source": doc.source}).all()
        if any(row.sha256 == doc.sha256 for row in same):
            return AddResult(doc.source, "unchanged")
        for row in same:  # the same source with other bytes: a new version replaces it
            self.remove(row.id)
        result = AddResult(doc.source, "replaced" if same else "added")
        document_id = conn.execute(sql.insert_document, {
            "source": doc.source, "title": doc.title, "sha256": doc.sha256, "reader": doc.reader, "dct": doc.dct,
            "added_at": dt.datetime.now(dt.UTC), "text": doc.text, "n_events": len(doc.events),
        }).scalar_one()
        kinds = {a.name: a.kind for e in doc.events for a in e.actors}
        aliases = [(canonical, alias) for canonical, alias in doc.aliases if canonical in kinds]
        self.actor_ids.load(kinds, (alias for _, alias in aliases))
        self._aliases(aliases)
        told = [_told(e, document_id) for e in doc.events]
        matches, current, known = self._match(told)
        # A telling that matches no stored event starts one, unless an earlier telling of this same
        # document started it (an article that repeats itself).
        starter: list[int | None] = []
        for i, (item, event_id) in enumerate(zip(told, matches)):
            first = None
            if event_id is None:
                first = next((j for j in range(i) if matches[j] is None and starter[j] is None
                              and same_event(item.telling, told[j].telling)[0]), None)
            starter.append(first)
        fresh = [i for i, (event_id, first) in enumerate(zip(matches, starter)) if event_id is None and first is None]
        new_ids = dict(zip(fresh, self._new_events(doc, [told[i] for i in fresh])))
        placed = [(item, matches[i] if matches[i] is not None else new_ids[i if starter[i] is None else starter[i]])
                  for i, item in enumerate(told)]
        result.events_new = len(fresh)
        result.events_merged = len(told) - len(fresh)
        self._insert_evidence(document_id, placed)
        for item, event_id in placed:
            current.setdefault(event_id, item.event.date_value)
        self._redate(sorted({event_id for item, event_id in placed if item.event.date_value != current[event_id]}))
        self._link(placed, known, fresh_ids=set(new_ids.values()))
        return result

    def _aliases(self, aliases: list[tuple[str, str]]) -> None:
        rows = {}
        for canonical, alias in aliases:
            pair = (self.actor_ids[canonical], fold(alias))
            if pair not in self.actor_ids.alias_pairs and pair not in rows:
                rows[pair] = {"actor_id": pair[0], "alias": alias, "key": pair[1]}
        if rows:
            self.conn.execute(insert(t.actor_aliases), list(rows.values()))
            self.actor_ids.alias_pairs |= rows.keys()

    def _match(self, told: list[_Told]) -> tuple[list[int | None], dict[int, str], dict[int, _Known]]:
        """For each telling the stored event it tells (or None); the dates and known tellings of those read."""
        if not told:
            return [], {}, {}
        e = t.events
        candidates: dict[int, _Candidate] = {}
        known: dict[int, _Known] = {}

        def read(statement, parameters=None) -> list[_Candidate]:
            rows = [_Candidate(*row) for row in self.conn.execute(statement, parameters).all()]
            candidates.update((row.id, row) for row in rows)
            return rows

        def best(item: _Told, group: Iterable[_Candidate]) -> int | None:
            found = None
            for candidate in group:
                for old in known[candidate.id].tellings:
                    same, conflict = same_event(item.telling, old)
                    if same:
                        score = (not conflict, len(item.telling.words & old.words))
                        if found is None or score > found[0]:
                            found = (score, candidate.id)
            return found[1] if found else None

        # First the events told on the same dates.
        types = sorted({item.telling.type for item in told})
        starts = sorted({s for s in (bounds(item.telling.date)[0] for item in told) if s})
        undated = sorted({item.telling.date for item in told if not bounds(item.telling.date)[0]})
        by_date: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
        for row in read(_statements(self.dialect).candidates, {"types": values_of(types, self.dialect),
                        "starts": values_of(starts, self.dialect), "dates": values_of(undated, self.dialect)}):
            by_date[(row.type, row.date)].append(row)
        groups = [by_date.get((item.telling.type, item.telling.date), []) for item in told]
        self._read_tellings([c for group in groups for c in group], known)
        matches = [best(item, group) for item, group in zip(told, groups)]
        # Then, for what found none, the events of compatible or contradicting dates nearby.
        windows = {i: _window(item.telling.date) for i, item in enumerate(told) if matches[i] is None}
        windows = {i: w for i, w in windows.items() if w}
        if windows:
            by_type: dict[str, list[_Candidate]] = defaultdict(list)
            for row in read(select(*_candidate_columns()).where(
                    self.any_of(e.c.type, sorted({told[i].telling.type for i in windows})),
                    or_(*(and_(e.c.date_start <= high, e.c.date_end >= low) for low, high in _merged(windows.values()))))):
                by_type[row.type].append(row)
            for rows in by_type.values():
                rows.sort(key=lambda row: row.date_start)
            nearby = {}
            for i, (low, high) in windows.items():
                item = told[i]
                rows = by_type.get(item.telling.type, [])
                last = bisect.bisect_right(rows, high, key=lambda row: row.date_start)
                nearby[i] = [row for row in rows[:last] if row.date_end >= low and row.date != item.telling.date]
            self._read_tellings([c for group in nearby.values() for c in group if c.id not in known], known)
            for i, group in nearby.items():
                matches[i] = best(told[i], group)
        return matches, {row.id: row.date for row in candidates.values()}, known

    def _read_tellings(self, rows: list[_Candidate], known: dict[int, _Known]) -> None:
        """The first and latest tellings of these stored events, into `known`."""
        ids = sorted({i for row in rows if row.id not in known for i in (row.first, row.last) if i is not None})
        for row in rows:
            known.setdefault(row.id, _Known())
        if not ids:
            return
        found = self.conn.execute(_statements(self.dialect).tellings, {"ids": values_of(ids, self.dialect)}).all()
        for event_id, document_id, date, type_, text, actors_json, places_json, quantities_json in found:
            actors, persons = _stored_actors(actors_json)
            entry = known[event_id]
            entry.tellings.append(Telling(document_id, date, type_, actors, persons, content_words(text)))
            entry.actors |= actors
            entry.places |= _stored_places(places_json)
            entry.quantities |= _stored_quantities(quantities_json)

    def _new_events(self, doc: Document, told: list[_Told]) -> list[int]:
        """Write new events (one statement); their ids in the same order."""
        if not told:
            return []
        rows = []
        for item in told:
            event = item.event
            uid = hashlib.sha256(f"{doc.sha256}:{event.evidence_start}:{event.date_value}:{event.type}".encode()).hexdigest()[:16]
            first, last = bounds(event.date_value)
            rows.append({"uid": uid, "date": event.date_value, "date_text": event.date_text, "date_start": first,
                         "date_end": last, "type": event.type, "conflicts": "[]"})
        result = self.conn.execute(insert(t.events).returning(t.events.c.id, sort_by_parameter_order=True), rows)
        return [row.id for row in result]

    def _insert_evidence(self, document_id: int, placed: list[tuple[_Told, int]]) -> None:
        rows = []
        for item, event_id in placed:
            event = item.event
            rows.append({
                "event_id": event_id, "document_id": document_id, "start": event.evidence_start,
                "end": event.evidence_end, "text": event.evidence_text, "date": event.date_value,
                "date_text": event.date_text, "type": event.type, "trigger": event.trigger,
                "section": _json(event.section), "citation": event.citation, "actors": _json(event.actors),
                "places": _json(event.places), "quantities": _json(event.quantities),
            })
        insert_rows(self.conn, t.evidence, rows)

    def _redate(self, event_ids: list[int]) -> None:
        """Choose each event's date again from all its tellings, and its conflicts."""
        if not event_ids:
            return
        ev = t.evidence
        dates: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        for row in self.conn.execute(
            select(ev.c.event_id, ev.c.date, func.min(ev.c.date_text).label("text"), func.count().label("n"))
            .where(self.any_of(ev.c.event_id, event_ids)).group_by(ev.c.event_id, ev.c.date)
        ):
            dates[row.event_id].append((row.date, row.text, row.n))
        updates = []
        for event_id in event_ids:
            values = dates[event_id]
            chosen, contradicting = choose_date([v for v, _, _ in values], weights=[n for _, _, n in values])
            text_of = next(text for value, text, _ in values if value == chosen)
            conflicts = self._conflicts(event_id, [values[i][0] for i in contradicting]) if contradicting else []
            first, last = bounds(chosen)
            updates.append({"_id": event_id, "date": chosen, "date_text": text_of, "date_start": first,
                            "date_end": last, "conflicts": json.dumps(conflicts, ensure_ascii=False)})
        self.conn.execute(
            update(t.events).where(t.events.c.id == bindparam("_id")).values(
                date=bindparam("date"), date_text=bindparam("date_text"), date_start=bindparam("date_start"),
                date_end=bindparam("date_end"), conflicts=bindparam("conflicts")),
            updates,
        )

    def _conflicts(self, event_id: int, values: list[str]) -> list[dict]:
        rows = self.conn.execute(
            select(t.evidence.c.date, t.evidence.c.date_text, t.documents.c.source)
            .join(t.documents, t.documents.c.id == t.evidence.c.document_id)
            .where(t.evidence.c.event_id == event_id, self.any_of(t.evidence.c.date, values)).order_by(t.evidence.c.id)
        )
        return [{"value": r.date, "text": r.date_text, "source": r.source} for r in rows]

    def _link(self, placed: list[tuple[_Told, int]], known: dict[int, _Known], *, fresh_ids: set[int]) -> None:
        """Add the actors, places and quantities that the tellings bring to their events.

        A new event has none yet; a stored event has at least those of its tellings that were read,
        so only where a telling brings more are the event's own links read.
        """
        unsure = sorted({
            event_id for item, event_id in placed if event_id not in fresh_ids and (
                not item.telling.actors <= known[event_id].actors or not item.places <= known[event_id].places
                or not item.quantities <= known[event_id].quantities)
        })
        have_actors: dict[int, dict[int, int]] = defaultdict(dict)
        have_places: set[tuple[int, str]] = set()
        have_quantities: set[tuple[int, float, str]] = set()
        if unsure:
            for r in self.conn.execute(select(t.event_actors).where(self.any_of(t.event_actors.c.event_id, unsure))):
                have_actors[r.event_id][r.actor_id] = r.position
            have_places = {(r.event_id, r.place) for r in self.conn.execute(
                select(t.event_places).where(self.any_of(t.event_places.c.event_id, unsure)))}
            have_quantities = {(r.event_id, r.value, r.unit) for r in self.conn.execute(
                select(t.event_quantities).where(self.any_of(t.event_quantities.c.event_id, unsure)))}
        wanted = fresh_ids | set(unsure)
        new_actors, new_places, new_quantities = [], [], []
        for item, event_id in placed:
            if event_id not in wanted:
                continue
            for actor in item.actors:
                actor_id = self.actor_ids[actor["name"]]
                if actor_id not in have_actors[event_id]:
                    have_actors[event_id][actor_id] = len(have_actors[event_id])
                    new_actors.append({"event_id": event_id, "actor_id": actor_id, "role": actor.get("role"),
                                       "position": have_actors[event_id][actor_id]})
            for place in item.event.places:
                if (event_id, place) not in have_places:
                    have_places.add((event_id, place))
                    new_places.append({"event_id": event_id, "place": place})
            for q in item.event.quantities:
                if (event_id, float(q.value), q.unit) not in have_quantities:
                    have_quantities.add((event_id, float(q.value), q.unit))
                    new_quantities.append({"event_id": event_id, "value": q.value, "unit": q.unit, "text": q.text})
        for table, rows in ((t.event_actors, new_actors), (t.event_places, new_places), (t.event_quantities, new_quantities)):
            insert_rows(self.conn, table, rows)

    # ------------------------------------------------------------------ removing
    def remove(self, document_id: int) -> None:
        """Take a document and its tellings out; its events are derived again from what is left."""
        ev = t.evidence
        touched = sorted(r.event_id for r in self.conn.execute(
            select(ev.c.event_id).where(ev.c.document_id == document_id).distinct()))
        self.conn.execute(delete(ev).where(ev.c.document_id == document_id))
        self.conn.execute(delete(t.documents).where(t.documents.c.id == document_id))
        if touched:
            self._derive(touched)

    def _derive(self, event_ids: list[int]) -> None:
        """Everything of these events again from their remaining tellings; an event with none is deleted."""
        ev = t.evidence
        for table in (t.event_actors, t.event_places, t.event_quantities):
            self.conn.execute(delete(table).where(self.any_of(table.c.event_id, event_ids)))
        rows = self.conn.execute(select(ev.c.event_id, ev.c.date, ev.c.date_text, ev.c.type, ev.c.actors, ev.c.places,
                                        ev.c.quantities).where(self.any_of(ev.c.event_id, event_ids)).order_by(ev.c.id)).all()
        kept = {row.event_id for row in rows}
        gone = [i for i in event_ids if i not in kept]
        if gone:
            self.conn.execute(delete(t.events).where(self.any_of(t.events.c.id, gone)))
        placed = []
        names: dict[str, str] = {}
        for row in rows:
            actors = tuple(json.loads(row.actors))
            names.update((a["name"], a.get("kind", "other")) for a in actors)
            event = Event(row.date, row.date_text, row.type, 0, 0, "", places=tuple(json.loads(row.places)),
                          quantities=tuple(Quantity(**q) for q in json.loads(row.quantities)))
            placed.append((_Told(event, None, actors, frozenset(), frozenset()), row.event_id))  # type: ignore[arg-type]
        self.actor_ids.load(names)
        self._redate(sorted(kept))
        self._link(placed, {}, fresh_ids=kept)

