"""One document into the corpus, or out of it, inside one transaction.

    DocumentWriter(conn).add(doc)            -> AddResult
    DocumentWriter(conn).remove(document_id)

Each telling (sentence, date) of a document joins the stored events it tells
(annals/merge: the same frame and compatible dates) or starts one. The stored
events it may tell are found by their type and dates near its own, kept
only where they name one of its actors (or hold a telling on its date of the
same object or in the same words, or one that names no one told in its words:
`_sharing`) and hold a telling of a date compatible with its own or near it
(`_dated`), before any telling is read and framed; it is then compared with
every telling of those (each kind once, whichever was stored first) and the groups are settled by annals/store/regroup.py, so
that the corpus does not depend on the order documents were added in. The
events a change touches are derived again from their tellings: dates and
conflicts, actors with their parts, places, quantities, object, headline, id.

Stored tellings are read a group at a time (annals/store/cells.py): those of
one event that merging, or deriving, cannot tell apart but by their documents
and offsets, so that adding the fortieth copy of an article costs about what
the second did.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import (
    CompoundSelect,
    Insert,
    Select,
    String,
    and_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from annals.merge import (
    Telling,
    bare_same,
    candidate_types,
    choose_date,
    content_words,
    object_key,
    reachable,
    same_event,
)
from annals.merge import event_id as uid_of
from annals.merge.members import each_member
from annals.model import Actor, Document, Event
from annals.store import schema as t
from annals.store.bulk import insert_rows
from annals.store.cells import rows_of, told_by
from annals.store.dates import bounds
from annals.store.driver import rows as rows_from
from annals.store.driver import run
from annals.store.lists import any_of, one_of, values_of
from annals.store.regroup import (
    FrameCache,
    Grouped,
    Stored,
    acronym_head,
    as_told_by,
    folded,
    frame_telling,
    regroup,
    split,
    stored_actors,
)
from annals.store.sentences import insert_sentences, with_sentences

__all__ = ["AddResult", "DocumentWriter"]

CANDIDATE_YEARS = 4
_PART_RANK = {"source": 3, "target": 2, "other": 1}


def _uid(text: str) -> str:
    """An event's stable id: 16 hex digits of the SHA-256 of `text`."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


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
    """A stored event that a telling may tell."""

    id: int
    type: str
    date: str
    date_start: str | None
    date_end: str | None


_START = attrgetter("date_start")


@lru_cache(maxsize=65536)
def _json(items: tuple) -> str:
    """A stored list column: strings as they are, actors and quantities as their dicts."""
    return json.dumps([item if isinstance(item, str) else item.to_dict() for item in items], ensure_ascii=False)


@lru_cache(maxsize=65536)
def _parsed(column: str) -> tuple:
    """A stored list column (`_json`) read back: its items (dicts or strings), not to be changed."""
    return tuple(json.loads(column))


@lru_cache(maxsize=65536)
def _actor_dicts(actors: tuple[Actor, ...]) -> tuple[dict, ...]:
    """The actors as stored."""
    return tuple(a.to_dict() for a in actors)


def _told(event: Event, document_id: int, identity) -> _Told:
    actors = _actor_dicts(event.actors)
    return _Told(
        event,
        frame_telling(document_id, event.date_value, event.type, [(a.name, a.kind, a.part or "", a.inferred) for a in event.actors],
                      event.evidence_text, event.object.name if event.object else None, identity),
        actors,
        frozenset(event.places),
        frozenset((float(q.value), q.unit) for q in event.quantities),
    )


def _acronym_key(key: str) -> bool:
    """A folded name short and single enough to be an acronym ("nco", "ots")."""
    return " " not in key and len(key) <= 6


@lru_cache(maxsize=65536)
def _sources_of(actors_json: str) -> tuple[str, ...]:
    return tuple(a["name"] for a in json.loads(actors_json) if a.get("part") == "source")


def _reach(telling: Telling) -> frozenset[int] | None:
    """The actor ids through which a telling may tell a stored event: every actor it names or its
    document infers (same_event shares no event without one of them, but for a copy of the sentence
    or one named object on one day); None where it names none, or one the corpus has no id for."""
    names = telling.actors | telling.assumed
    if not names or any(not name.startswith("#") for name in names):
        return None
    return frozenset(int(name[1:]) for name in names)


@lru_cache(maxsize=65536)
def _object_name(object_json: str | None) -> str | None:
    """A stored telling's object's name."""
    return json.loads(object_json)["name"] if object_json else None


@lru_cache(maxsize=65536)
def _object_of(object_json: str | None) -> str | None:
    """A stored telling's object as merging compares it (object_key)."""
    return object_key(_object_name(object_json))


@lru_cache(maxsize=65536)
def _year_span(date: str) -> tuple[int, int] | None:
    """The first and last years a date may mean; None where unknown (no year, malformed)."""
    first, last = bounds(date)
    return (int(first[:4]), int(last[:4])) if first and last else None


def _far(a: str, b: str) -> bool:
    """Dates whose days lie a whole calendar year or more apart (more than 365 days): never compatible
    (compatible dates overlap) nor near, so `reachable` need not be asked."""
    span_a, span_b = _year_span(a), _year_span(b)
    return span_a is not None and span_b is not None and (span_a[0] - span_b[1] >= 2 or span_b[0] - span_a[1] >= 2)


@lru_cache(maxsize=65536)
def _in_reach(a: str, b: str) -> bool:
    """`reachable` where the dates are not `_far` apart (one look-up a pair: copies of a world meet the same dates)."""
    return not _far(a, b) and reachable(a, b)


def _tells(item: Telling, stored: Stored) -> bool:
    """Whether `item` is the same event as one of the `stored` tellings. They differ only in their
    documents, which same_event compares with the item's for equality only: one telling of another
    document answers for all of those, and one of the item's own document for that."""
    telling, documents = stored.telling, stored.documents
    if item.document in documents and same_event(item, as_told_by(telling, item.document))[0]:
        return True
    if telling.document == item.document:
        other = next((d for d in documents if d != item.document), None)
        if other is None:
            return False
        telling = as_told_by(telling, other)
    return same_event(item, telling)[0]


@lru_cache(maxsize=65536)
def _bare_telling(date: str, type_: str, text: str) -> Telling:
    """A stored telling that names no actor, as far as `bare_same` compares it."""
    return Telling(None, date, type_, frozenset(), frozenset(), content_words(text))


def _years(dates: Iterable[str]) -> list[str] | None:
    """The years that a stored point compatible with one of `dates` (of a month or a day, as
    `bare_same` compares) may begin with: each end's year, and the unknown year; None where a date's
    own year is unknown (then any)."""
    out = {"XXXX"}
    for date in dates:
        if len(date) < 7:
            continue
        for end in date.split("/"):
            if end.startswith("XXXX"):
                return None
            if end not in ("", ".."):
                out.add(end[:4])
    return sorted(out)


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


class _Group(NamedTuple):
    """Tellings of one event that deriving cannot tell apart (`_derived_columns`): those columns,
    the hash, source, offset and document of the first in key order, and the sort keys of the first and last."""

    event_id: int
    date: str
    type: str
    actors: str
    places: str
    quantities: str
    object: str | None
    headline: str | None
    sha256: str
    source: str
    start: int
    document_id: int
    first: tuple
    last: tuple


class _Statements(NamedTuple):
    """The statements of the add path, built once per database dialect (their SQL then comes from cache)."""

    same_document: Select
    insert_document: Insert
    actors: CompoundSelect
    candidates: Select
    cells: Select
    cells_on: Select
    named: Select
    said: CompoundSelect
    said_any_year: CompoundSelect
    dated: Select
    documents: Select
    clear: tuple
    derived: Select
    redate: Select
    siblings: Select
    move: object
    uids: Select
    insert_events: Insert
    insert_actors: Insert
    delete_events: object
    conflicts: Select
    set_uid: object
    set_frame: object
    set_date: object


def _candidate_columns() -> list:
    e = t.events
    return [e.c.id, e.c.type, e.c.date, e.c.date_start, e.c.date_end]


@lru_cache(maxsize=4)
def _statements(dialect: str) -> _Statements:
    d, e, ev, a, aa, ea = t.documents, t.events, t.evidence, t.actors, t.actor_aliases, t.event_actors
    return _Statements(
        same_document=select(d.c.id, d.c.source, d.c.sha256).where(one_of(d.c.source, "sources", dialect)),
        insert_document=insert(d).returning(d.c.id),
        actors=select(a.c.key, a.c.id, literal(0).label("alias")).where(one_of(a.c.key, "keys", dialect)).union_all(
            select(aa.c.key, aa.c.actor_id, literal(1)).where(one_of(aa.c.key, "keys", dialect))),
        # (by the index of their first days: an event of an unknown year has none, and its date is
        # among "dates"; SQLite is kept from the index of types, which lists most of the events)
        candidates=select(*_candidate_columns()).where(
            or_(one_of(e.c.date_start, "starts", dialect),
                and_(e.c.date_start.is_(None), one_of(e.c.date, "dates", dialect))),
            one_of(e.c.type.concat(literal_column("''")) if dialect == "sqlite" else e.c.type, "types", dialect)),
        cells=select(*_cell_columns(), told_by()).select_from(with_sentences())
        .where(one_of(ev.c.event_id, "ids", dialect)).group_by(*_cell_columns()),
        # (every telling of the events "whole", and of the others only those of some dates: "pairs" are
        # "event id|date"; "ids" are both)
        cells_on=select(*_cell_columns(), told_by()).select_from(with_sentences())
        .where(one_of(ev.c.event_id, "ids", dialect),
               or_(one_of(ev.c.event_id, "whole", dialect),
                   one_of(cast(ev.c.event_id, String).concat("|").concat(ev.c.date), "pairs", dialect)))
        .group_by(*_cell_columns()),
        # (by the index of events only: SQLite would probe every (event, actor) pair, twice the time)
        named=select(ea.c.event_id, ea.c.actor_id).where(
            one_of(ea.c.event_id, "ids", dialect),
            one_of(ea.c.actor_id + literal_column("0") if dialect == "sqlite" else ea.c.actor_id, "actors", dialect)),
        # the tellings of these events on these dates, and those that name no one (of these years)
        said=_said(dialect, by_year=True),
        said_any_year=_said(dialect, by_year=False),
        dated=select(ev.c.event_id, ev.c.date).distinct().where(one_of(ev.c.event_id, "ids", dialect)),
        documents=select(d.c.id, d.c.sha256, d.c.source).where(one_of(d.c.id, "ids", dialect)),
        clear=tuple(delete(table).where(one_of(table.c.event_id, "ids", dialect))
                    for table in (t.event_actors, t.event_places, t.event_quantities)),
        derived=select(*_derived_columns(), told_by()).where(one_of(ev.c.event_id, "ids", dialect))
        .group_by(*_derived_columns()),
        redate=select(ev.c.event_id, ev.c.date, func.min(ev.c.date_text).label("text"), func.count().label("n"))
        .where(one_of(ev.c.event_id, "ids", dialect)).group_by(ev.c.event_id, ev.c.date),
        siblings=select(ev.c.document_id, ev.c.start, ev.c.date, ev.c.type, ev.c.actors).where(
            one_of(ev.c.document_id, "documents", dialect), one_of(ev.c.start, "starts", dialect)),
        move=update(ev).where(one_of(ev.c.id, "ids", dialect)).values(event_id=bindparam("event")),
        uids=select(e.c.id, e.c.uid).where(one_of(e.c.uid, "uids", dialect)),
        insert_events=insert(e).returning(e.c.id, e.c.uid),
        insert_actors=insert(a).returning(a.c.id, a.c.key),
        delete_events=delete(e).where(one_of(e.c.id, "ids", dialect)),
        # (the tellings of each event on the dates that contradict its own: "pairs" are "event id|date")
        conflicts=select(ev.c.event_id, ev.c.date, ev.c.date_text, d.c.source).join(d, d.c.id == ev.c.document_id)
        .where(one_of(ev.c.event_id, "ids", dialect),
               one_of(cast(ev.c.event_id, String).concat("|").concat(ev.c.date), "pairs", dialect)).order_by(ev.c.id),
        set_uid=update(e).where(e.c.id == bindparam("_id")).values(uid=bindparam("tmp")),
        set_frame=update(e).where(e.c.id == bindparam("_id")).values(
            uid=bindparam("uid"), type=bindparam("type"), object=bindparam("object"),
            object_name=bindparam("object_name"), headline=bindparam("headline"), date=bindparam("date"),
            date_text=bindparam("date_text"), date_start=bindparam("date_start"), date_end=bindparam("date_end"),
            conflicts=bindparam("conflicts")),
        set_date=update(e).where(e.c.id == bindparam("_id")).values(
            date=bindparam("date"), date_text=bindparam("date_text"), date_start=bindparam("date_start"),
            date_end=bindparam("date_end"), conflicts=bindparam("conflicts")),
    )


WINDOW_CLAUSES = 8  # a window statement's clauses come in multiples of this (fewer statements to build)


@lru_cache(maxsize=32)
def _window_statement(dialect: str, clauses: int) -> Select:
    """The stored events of some types ("types") whose dates meet one of `clauses` windows, each of one
    type ("type0", "low0", "high0", ...): one statement per number of clauses, built once."""
    e = t.events
    return select(*_candidate_columns()).where(
        one_of(e.c.type, "types", dialect),
        or_(*(and_(e.c.type == bindparam(f"type{n}", type_=String),
                   e.c.date_start <= bindparam(f"high{n}", type_=String), e.c.date_end >= bindparam(f"low{n}", type_=String))
              for n in range(clauses))))


def _said(dialect: str, *, by_year: bool) -> CompoundSelect:
    """`_sharing`'s tellings of events ("ids") on dates ("dates"), and those that name no one: of the
    years "years" or spans (`by_year`), or of any date. Two statements in one, each read from its
    index (schema.py: the tellings by event and date, and those that name no one), not every
    telling's row of those events."""
    ev = t.evidence
    columns = (ev.c.event_id, ev.c.date, ev.c.type, ev.c.object, ev.c.actors, t.sentences.c.text)
    # (on SQLite the dates are tested in the index of each event's tellings, not looked up one by one)
    date = ev.c.date.concat(literal_column("''")) if dialect == "sqlite" else ev.c.date
    on_dates = select(*columns).select_from(with_sentences()).where(one_of(ev.c.event_id, "ids", dialect),
                                                                    one_of(date, "dates", dialect))
    # (the condition of the index of tellings that name no one, schema.UNNAMED: a literal, not a parameter)
    unnamed = [one_of(ev.c.event_id, "ids", dialect), ev.c.actors == literal_column("'[]'")]
    if by_year:
        unnamed.append(or_(one_of(func.substr(ev.c.date, 1, 4, type_=String), "years", dialect),
                           ev.c.date.contains("/")))
    return on_dates.union(select(*columns).select_from(with_sentences()).where(*unnamed))


def _cell_columns() -> list:
    """What tellings of one event that merging cannot tell apart but by document share (`Stored`)."""
    ev = t.evidence
    return [ev.c.event_id, ev.c.date, ev.c.type, t.sentences.c.text, ev.c.actors, ev.c.object]


def _derived_columns() -> list:
    """What deriving an event reads of its tellings but their keys (`_derive`)."""
    ev = t.evidence
    return [ev.c.event_id, ev.c.date, ev.c.type, ev.c.actors, ev.c.places, ev.c.quantities, ev.c.object, ev.c.headline]


class ActorIds:
    """Actor ids by canonical name for one transaction: looked up together, created together."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.ids: dict[str, int] = {}
        self.alias_pairs: set[tuple[int, str]] = set()
        self.absent: set[str] = set()  # acronyms looked up that name no stored actor

    def load(self, names: dict[str, str], alias_keys: Iterable[str] = ()) -> None:
        """Ids of `names` (name -> kind), creating the actors not yet stored; the stored aliases of `alias_keys`."""
        keys = {folded(name) for name in names} - self.ids.keys()
        # (the acronym a body's name begins with, "NCO Ministerial Council": looked up, never created)
        heads = {folded(head) for name, kind in names.items() if (head := acronym_head(name, kind))}
        wanted = sorted(keys | ({folded(a) for a in alias_keys} | heads) - self.ids.keys() - self.absent)
        if not wanted:
            return  # (every name known in this transaction already)
        by_alias: dict[str, int] = {}
        found = rows_from(self.conn, _statements(self.dialect).actors, {"keys": values_of(wanted, self.dialect)})
        for key, actor_id, alias in found:
            if alias:
                by_alias.setdefault(key, actor_id)
                self.alias_pairs.add((actor_id, key))
            else:
                self.ids[key] = actor_id
        for key, actor_id in by_alias.items():
            # An acronym that one document left bare ("the NCO") and another defined ("Northern Concord
            # Organisation (NCO)") is the defined body, whichever document came first.
            if _acronym_key(key):
                self.ids[key] = actor_id
            else:
                self.ids.setdefault(key, actor_id)
        self.absent |= heads - self.ids.keys()
        missing: dict[str, dict] = {}
        for name, kind in names.items():
            key = folded(name)
            if key not in self.ids and key not in missing:
                missing[key] = {"name": name, "key": key, "kind": kind}
        if missing:
            # (one statement: the new actors are told apart by their keys)
            created = {key: actor_id for actor_id, key in self.conn.execute(_statements(self.dialect).insert_actors,
                                                                             list(missing.values()))}
            for key in missing:
                self.ids[key] = created[key]

    def __getitem__(self, name: str) -> int:
        return self.ids[folded(name)]


class DocumentWriter:
    """Adds or removes documents through one open transaction."""

    def __init__(self, conn: Connection, *, cache: FrameCache | None = None) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.actor_ids = ActorIds(conn)
        # Stored tellings as merging compares them: `cache` keeps them framed from one transaction to
        # the next (the corpus's); finding candidates and regrouping read many of the same.
        self.cache = cache if cache is not None else FrameCache()
        self.document_keys: dict[int, tuple[str, str]] = {}  # (hash, source) by id, in this transaction

    def any_of(self, column, values):
        return any_of(column, values, self.dialect)

    def _all(self, statement, parameters=None) -> list:
        """The rows of a statement, fetched at once (iterating a result fetches them one by one)."""
        return self.conn.execute(statement, parameters).all()

    def _rows(self, statement, parameters=None) -> list[tuple]:
        """The rows of a statement built once (`_statements`), as tuples (annals/store/driver.py)."""
        return rows_from(self.conn, statement, parameters)

    # ------------------------------------------------------------------ adding
    def add(self, doc: Document, *, former: Iterable[str] = ()) -> AddResult:
        """Store `doc` under its source: unchanged if that source holds the same bytes, else added or replaced.

        A document is its source; the hash only says whether its content changed (another source
        with the same bytes is another document). `former` are names the same file may have been
        stored under before: found under one of them, the document is renamed (and replaced if changed).
        """
        conn, sql = self.conn, _statements(self.dialect)
        names = list(dict.fromkeys([doc.source, *former]))
        held = {source: (document, sha256) for document, source, sha256 in rows_from(
            conn, sql.same_document, {"sources": values_of(names, self.dialect)})}
        name = next((name for name in names if name in held), None)
        same, sha256 = held[name] if name is not None else (None, None)
        if same is not None and sha256 == doc.sha256:
            if name != doc.source:
                self._rename(same, doc.source)
            return AddResult(doc.source, "unchanged")
        if same is not None:  # the same source with other bytes: a new version replaces it
            self.remove(same)
        result = AddResult(doc.source, "replaced" if same is not None else "added")
        document_id = conn.execute(sql.insert_document, {
            "source": doc.source, "title": doc.title, "sha256": doc.sha256, "reader": doc.reader, "dct": doc.dct,
            "added_at": dt.datetime.now(dt.UTC), "text": doc.text, "n_events": len(doc.events),
        }).scalar_one()
        self.document_keys[document_id] = (doc.sha256, doc.source)  # (deriving reads its tellings' keys)
        kinds = {a.name: a.kind for e in doc.events for a in e.actors}
        aliases = [(canonical, alias) for canonical, alias in doc.aliases if canonical in kinds]
        self.actor_ids.load(kinds, (alias for _, alias in aliases))
        learned = self._aliases(aliases)
        # "A, B and C joined on 9 March 1995": each member's own telling (annals/merge/members.py)
        tellings = [member for e in doc.events for member in each_member(e)]
        told = [_told(e, document_id, self._identity) for e in tellings]
        keys = [(doc.sha256, doc.source, e.evidence_start, e.date_value, e.type,
                 tuple(a.name for a in e.actors if a.part == "source")) for e in tellings]
        cells: dict[int, list[Stored]] = {}  # the stored tellings read in this change, by event
        related = self._related([item.telling for item in told], cells)
        if learned:
            # A name learned to be another's (an acronym defined here, used bare before): the stored
            # events that name it are grouped again, with the events they may tell.
            again = self._naming(learned)
            related |= again | self._related(list(dict.fromkeys(
                as_told_by(s.telling, d) for s in self._stored_tellings(again, cells) for d in s.documents)), cells)
        stored = self._stored_tellings(related, cells)
        groups = regroup(stored, [item.telling for item in told], keys)
        events = self._apply(groups)
        placed = [(told[i], event_id) for group, event_id in zip(groups, events) for i in group.new]
        result.events_new = sum(1 for group in groups if group.event is None)
        result.events_merged = sum(len(group.new) for group in groups if group.event is not None)
        self._insert_evidence(document_id, placed)
        # (the events regrouping left as they were keep what they hold, but where their ids change; not
        # where a name was learned here: the actors they name may be another's now)
        self._derive(sorted(set(events) | related), settled=None if learned else self._settled(groups, stored))
        return result

    def _identity(self, key: str) -> str:
        """An actor's identity in the corpus: its id where the corpus knows the name or an alias of it."""
        actor_id = self.actor_ids.ids.get(key)
        return f"#{actor_id}" if actor_id is not None else key

    def _stored_tellings(self, event_ids: Iterable[int], cells: dict[int, list[Stored]] | None = None) -> list[Stored]:
        """Every telling of these stored events, a kind at a time (`Stored`), as regrouping compares
        them; `cells` keeps them by event for the rest of the change (read before anything is written)."""
        cells = {} if cells is None else cells
        wanted = sorted(set(event_ids) - cells.keys())
        if wanted:
            for event_id in wanted:
                cells[event_id] = []
            for cell in self._read_cells(_statements(self.dialect).cells, {"ids": values_of(wanted, self.dialect)}):
                cells[cell.event].append(cell)
        return [cell for event_id in sorted(set(event_ids)) for cell in cells[event_id]]

    def _read_cells(self, statement: Select, parameters: dict) -> list[Stored]:
        """The groups of tellings that `statement` (`cells` or `cells_on`) reads, as regrouping compares them."""
        # (rows as plain tuples, `told` last: a Row's attribute costs an AttributeError raised and caught inside SQLAlchemy)
        groups = rows_from(self.conn, statement, parameters)
        told = [rows_of(group[-1]) for group in groups]
        self._load_documents({document for rows in told for _, document, _ in rows})
        self.actor_ids.load({name: kind for group in groups for name, kind, _, _ in stored_actors(group[4])})
        return [self._cell(group, rows) for group, rows in zip(groups, told)]

    def _cell(self, group: tuple, rows: list[tuple[int, int, int]]) -> Stored:
        """The tellings `rows` (evidence id, document, start) of one group of `_statements().cells`."""
        event_id, date, type_, text, actors, obj = group[:6]
        keys = self.document_keys
        first, document, start = min(rows, key=lambda row: (keys[row[1]], row[2], row[0]))
        content = (None, date, type_, actors, text, _object_name(obj))
        telling = as_told_by(self.cache.frame(content, stored_actors(actors), self._identity), document)
        return Stored(tuple(sorted(row[0] for row in rows)), event_id, (*keys[document], start, date, type_), telling,
                      frozenset(row[1] for row in rows), (event_id, first), _sources_of(actors))

    def _load_documents(self, ids: Iterable[int]) -> None:
        """The (hash, source) of these documents, into `document_keys`."""
        wanted = sorted(set(ids) - self.document_keys.keys())
        if wanted:
            self.document_keys.update((document, (sha256, source)) for document, sha256, source in self._rows(
                _statements(self.dialect).documents, {"ids": values_of(wanted, self.dialect)}))

    def _apply(self, groups: list[Grouped]) -> list[int]:
        """Each group's event id, new events created and stored tellings moved to their group's event."""
        fresh = [g for g in groups if g.event is None]
        created = iter(self._new_events(len(fresh)))
        events = [g.event if g.event is not None else next(created) for g in groups]
        for group, event_id in zip(groups, events):
            if group.moved:
                run(self.conn, _statements(self.dialect).move, {"ids": values_of(group.moved, self.dialect),
                                                                "event": event_id})
        return events

    def _naming(self, keys: list[str]) -> set[int]:
        """The stored events that name an actor by one of these folded names."""
        a, ea = t.actors, t.event_actors
        # (or by a body's name that begins with one: "NCO Ministerial Council" acts for the NCO)
        return {row.event_id for row in self._all(
            select(ea.c.event_id).join(a, a.c.id == ea.c.actor_id).where(or_(
                self.any_of(a.c.key, sorted(keys)), *(a.c.key.startswith(f"{key} ", autoescape=True) for key in sorted(keys)))))}

    def _aliases(self, aliases: list[tuple[str, str]]) -> list[str]:
        """Store the aliases not yet known; the acronyms among them (which now name the body they stand for)."""
        rows = {}
        for canonical, alias in aliases:
            pair = (self.actor_ids[canonical], folded(alias))
            if pair not in self.actor_ids.alias_pairs and pair not in rows:
                rows[pair] = {"actor_id": pair[0], "alias": alias, "key": pair[1]}
        if rows:
            self.conn.execute(insert(t.actor_aliases), list(rows.values()))
            self.actor_ids.alias_pairs |= rows.keys()
            for actor_id, key in rows:
                if _acronym_key(key):
                    self.actor_ids.ids[key] = actor_id
        return sorted(key for _, key in rows if _acronym_key(key))

    def _related(self, told: list[Telling], cells: dict[int, list[Stored]]) -> set[int]:
        """The stored events that any of these tellings may tell (by every telling of each): those
        told on the same dates, and those of compatible or contradicting dates nearby.
        `cells`: the stored tellings read in this change, by event (see `_stored_tellings`)."""
        if not told:
            return set()
        known: dict[int, list[Stored]] = {}

        def read(statement, parameters=None) -> list[_Candidate]:
            # (tuple.__new__ makes each row a _Candidate without a call of Python code)
            return [make(_Candidate, row) for row in self._rows(statement, parameters)]

        make = tuple.__new__

        def related(item: Telling, group: Iterable[_Candidate]) -> set[int]:
            return {candidate.id for candidate in group if any(_tells(item, old) for old in known[candidate.id])}

        # First the events told on the same dates.
        # (an event of a kindred type too: a council told as a meeting here, as a summit there)
        types = sorted({kin for item in told for kin in candidate_types(item, same_date=True)})
        starts = sorted({s for s in (bounds(item.date)[0] for item in told) if s})
        undated = sorted({item.date for item in told if not bounds(item.date)[0]})
        by_date: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
        for row in read(_statements(self.dialect).candidates, {"types": values_of(types, self.dialect),
                        "starts": values_of(starts, self.dialect), "dates": values_of(undated, self.dialect)}):
            by_date[(row.type, row.date)].append(row)
        groups = [[c for kin in sorted(candidate_types(item, same_date=True))
                   for c in by_date.get((kin, item.date), [])]
                  for item in told]
        # Then the events of compatible or contradicting dates nearby.
        windows = {i: _window(item.date) for i, item in enumerate(told)}
        windows = {i: w for i, w in windows.items() if w}
        nearby: dict[int, list[_Candidate]] = {}
        if windows:
            by_type: dict[str, list[_Candidate]] = defaultdict(list)
            # (each type's windows apart: the events of one type near the dates of the tellings that may
            # tell it, not near those of every telling)
            kin_windows: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for i, window in windows.items():
                for kin in candidate_types(told[i]):
                    kin_windows[kin].append(window)
            clauses = [(kin, low, high) for kin in sorted(kin_windows) for low, high in _merged(kin_windows[kin])]
            clauses += clauses[-1:] * (-len(clauses) % WINDOW_CLAUSES)
            parameters = {"types": values_of(sorted(kin_windows), self.dialect)}
            for n, (kin, low, high) in enumerate(clauses):
                parameters[f"type{n}"], parameters[f"low{n}"], parameters[f"high{n}"] = kin, low, high
            for row in read(_window_statement(self.dialect, len(clauses)), parameters):
                by_type[row.type].append(row)
            for rows in by_type.values():
                rows.sort(key=_START)
            for i, (low, high) in windows.items():
                item = told[i]
                nearby[i] = []
                for kin in sorted(candidate_types(item)):
                    rows = by_type.get(kin, [])
                    last = bisect.bisect_right(rows, high, key=_START)
                    nearby[i] += [row for row in rows[:last] if row.date_end >= low and row.date != item.date]
        # Both kinds of candidates filtered at once (a filter keeps a candidate by the telling and the
        # candidate alone): those of the same date under each telling's index, those nearby under it
        # plus the number of tellings.
        both = {**dict(enumerate(groups)), **{len(told) + i: group for i, group in nearby.items()}}
        self._sharing(told + told, both)
        in_reach = self._dated(told, nearby)
        # (every telling of every candidate that a new one may tell, so that which of them it matches
        # does not depend on which came first: those of the same date whole, those nearby on the dates
        # in reach of the tellings whose candidates they are, as no other can be the same event)
        whole = {c.id for i, group in enumerate(groups) for c in group}
        dates: dict[int, set[str]] = defaultdict(set)
        for i, group in nearby.items():
            for c in group:
                if c.id not in whole:
                    dates[c.id] |= in_reach[(told[i].date, c.id)]
        self._read_tellings(whole, dates, known, cells)
        return set().union(*(related(told[i % len(told)], group) for i, group in both.items()))

    def _sharing(self, told: list[Telling], groups: dict[int, list[_Candidate]]) -> None:
        """Keep in each telling's group of candidates only the stored events it may tell, before their
        tellings are read and framed: those that name one of its actors (`_reach`), and, of the others,
        those with a telling on its date of the same object or in the same words, or a telling that
        names no one told in its words (same_event joins no other: a copy of the sentence, one named
        thing done on one day, `bare_same`)."""
        reach = {i: _reach(told[i]) for i in groups}
        ids = sorted({c.id for i, group in groups.items() if reach[i] for c in group})
        if not ids:
            return
        sql, dialect = _statements(self.dialect), self.dialect
        by_actor: dict[int, set[int]] = defaultdict(set)  # the candidates that name each actor
        for event_id, actor_id in self._rows(sql.named, {"ids": values_of(ids, dialect), "actors": values_of(
                sorted({a for r in reach.values() if r for a in r}), dialect)}):
            by_actor[actor_id].add(event_id)
        # each telling's candidates that name one of its actors (kept), by the actors it may reach
        naming: dict[frozenset[int], set[int]] = {}
        for names in reach.values():
            if names and names not in naming:
                naming[names] = set().union(*(by_actor.get(a, ()) for a in names))
        others = sorted({c.id for i, group in groups.items() if reach[i] for c in group if c.id not in naming[reach[i]]})
        dates = sorted({told[i].date for i in groups if reach[i]})
        said: dict[int, set[tuple]] = defaultdict(set)
        bare: dict[int, list[Telling]] = defaultdict(list)  # the tellings that name no one (bare_same)
        if others:
            # (those of a year the tellings' dates name, or of any where a date has no year or is a span)
            years = _years([told[i].date for i in groups if reach[i]])
            parameters = {"ids": values_of(others, dialect), "dates": values_of(dates, dialect)}
            if years is not None:
                parameters["years"] = values_of(years, dialect)
            on_dates = set(dates)
            for event_id, date, type_, obj, actors, text in self._rows(sql.said if years is not None else sql.said_any_year,
                                                                      parameters):
                if actors == "[]":
                    bare[event_id].append(_bare_telling(date, type_, text))
                if date in on_dates:
                    said[event_id].update({(date, _object_of(obj)), (date, content_words(text))})
        nothing: frozenset = frozenset()

        def kept(item: Telling, event: int) -> bool:
            """(a candidate that names none of the telling's actors)"""
            on_date = said.get(event, nothing)
            return (item.date, item.object) in on_date or (item.date, item.words) in on_date or \
                any(bare_same(item, b) for b in bare.get(event, ()))

        for i, group in groups.items():
            if reach[i] is not None:
                item, hit = told[i], naming[reach[i]]
                group[:] = [c for c in group if c.id in hit or ((c.id in said or c.id in bare) and kept(item, c.id))]

    def _dated(self, told: list[Telling], groups: dict[int, list[_Candidate]]) -> dict[tuple[str, int], frozenset[str]]:
        """Keep in each telling's group of candidates (of other dates) only the stored events with a
        telling whose date is compatible with its own or near it (same_event joins no other), before
        their tellings are read and framed. Those dates of each candidate, by (the telling's date, the
        candidate); where they are all the candidate's dates, the key "*" takes the place of the date."""
        ids = sorted({c.id for group in groups.values() for c in group})
        if not ids:
            return {}
        dates: dict[int, list[str]] = defaultdict(list)
        for event_id, date in self._rows(_statements(self.dialect).dated, {"ids": values_of(ids, self.dialect)}):
            dates[event_id].append(date)
        answers: dict[tuple[str, int], frozenset[str]] = {}  # (a telling's date, a candidate): the dates in reach
        for i, group in groups.items():
            date, kept = told[i].date, []
            for c in group:
                key = (date, c.id)
                answer = answers.get(key)
                if answer is None:
                    reached = [other for other in dates[c.id] if _in_reach(date, other)]
                    whole = reached and len(reached) == len(dates[c.id])
                    answer = answers[key] = frozenset(("*",) if whole else reached)
                if answer:
                    kept.append(c)
            group[:] = kept
        return answers

    def _read_tellings(self, whole: set[int], dates: dict[int, set[str]], known: dict[int, list[Stored]],
                       cells: dict[int, list[Stored]]) -> None:
        """The tellings of these stored events, a kind at a time, into `known`: every telling of the
        events `whole` and of those whose `dates` are all ("*"), into `cells` too; of the others only
        those of their `dates` (a change reads the rest of an event only where it regroups it)."""
        every = whole | {event for event, on in dates.items() if "*" in on}
        for event in every | dates.keys():
            known.setdefault(event, [])
        for event in (every | dates.keys()) & cells.keys():
            known[event].extend(cells[event])  # (read whole before, in this change)
        every, some = sorted(every - cells.keys()), sorted(dates.keys() - every - cells.keys())
        if not some:
            for stored in self._stored_tellings(every, cells):
                known[stored.event].append(stored)
        elif every or some:
            # (one statement: the events read whole go into `cells`, the others only into `known`)
            for event in every:
                cells[event] = []
            pairs = sorted(f"{event}|{date}" for event in some for date in dates[event])
            for stored in self._read_cells(_statements(self.dialect).cells_on, {
                    "ids": values_of(every + some, self.dialect), "whole": values_of(every, self.dialect),
                    "pairs": values_of(pairs, self.dialect)}):
                known[stored.event].append(stored)
                if stored.event in cells:
                    cells[stored.event].append(stored)

    def _new_events(self, count: int) -> list[int]:
        """Rows for new events (one statement), filled in by `_derive`; their ids."""
        if not count:
            return []
        rows = [{"uid": f"~{uuid.uuid4().hex[:15]}", "date": "", "date_text": "", "type": "", "conflicts": "[]"}
                for _ in range(count)]
        # (the rows are told apart by their provisional uids, not by the order of RETURNING; on SQLite
        # inserted on the driver's cursor, then read back by those uids: two statements cost less than
        # SQLAlchemy's RETURNING of many rows)
        if self.dialect == "sqlite":
            insert_rows(self.conn, t.events, rows)
            found = self._rows(_statements(self.dialect).uids, {"uids": values_of([row["uid"] for row in rows], self.dialect)})
        else:
            found = self.conn.execute(_statements(self.dialect).insert_events, rows).all()
        ids = {uid: event_id for event_id, uid in found}
        return [ids[row["uid"]] for row in rows]

    def _insert_evidence(self, document_id: int, placed: list[tuple[_Told, int]]) -> None:
        """The tellings of a new document, each sentence stored once however many events it tells."""
        spans: dict[tuple[int, int], str] = {}
        for item, _ in placed:
            spans.setdefault((item.event.evidence_start, item.event.evidence_end), item.event.evidence_text)
        sentence_ids = insert_sentences(self.conn, document_id, spans)
        rows = []
        for item, event_id in placed:
            event = item.event
            rows.append({
                "event_id": event_id, "document_id": document_id,
                "sentence_id": sentence_ids[(event.evidence_start, event.evidence_end)], "start": event.evidence_start,
                "end": event.evidence_end, "date": event.date_value,
                "date_text": event.date_text, "type": event.type, "trigger": event.trigger,
                "section": _json(event.section), "citation": event.citation, "actors": _json(event.actors),
                "places": _json(event.places), "quantities": _json(event.quantities),
                "predicate": json.dumps(event.predicate.to_dict(), ensure_ascii=False) if event.predicate else None,
                "object": json.dumps(event.object.to_dict(), ensure_ascii=False) if event.object else None,
                "headline": event.headline,
            })
        insert_rows(self.conn, t.evidence, rows)

    def _redate(self, event_ids: list[int]) -> None:
        """Choose each event's date again from all its tellings, and its conflicts."""
        if not event_ids:
            return
        run(self.conn, _statements(self.dialect).set_date, self._dates(event_ids))

    def _dates(self, event_ids: list[int]) -> list[dict]:
        """Each event's date chosen again from all its tellings, and its conflicts: the columns to update."""
        dates: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        for event_id, date, text, n in self._rows(_statements(self.dialect).redate, {"ids": values_of(event_ids, self.dialect)}):
            dates[event_id].append((date, text, n))
        updates, contradicted = [], {}
        for event_id in event_ids:
            values = dates[event_id]
            chosen, contradicting = choose_date([v for v, _, _ in values], weights=[n for _, _, n in values])
            text_of = next(text for value, text, _ in values if value == chosen)
            if contradicting:
                contradicted[event_id] = [values[i][0] for i in contradicting]
            first, last = bounds(chosen)
            updates.append({"_id": event_id, "date": chosen, "date_text": text_of, "date_start": first,
                            "date_end": last, "conflicts": []})
        conflicts = self._conflicts(contradicted)
        for columns in updates:
            columns["conflicts"] = json.dumps(conflicts.get(columns["_id"], []), ensure_ascii=False)
        return updates

    def _conflicts(self, contradicted: dict[int, list[str]]) -> dict[int, list[dict]]:
        """The tellings of each event on the dates that contradict its own (one statement for all), in key order."""
        out: dict[int, list[dict]] = defaultdict(list)
        if contradicted:
            pairs = sorted(f"{event_id}|{date}" for event_id, values in contradicted.items() for date in values)
            for event_id, date, text, source in self._rows(_statements(self.dialect).conflicts, {
                    "ids": values_of(sorted(contradicted), self.dialect), "pairs": values_of(pairs, self.dialect)}):
                out[event_id].append({"value": date, "text": text, "source": source})
        return out

    def _link(self, placed: list[tuple[tuple[dict, ...], tuple[str, ...], tuple[dict, ...], int]]) -> None:
        """The actors (each with the strongest part its tellings give), places and quantities of
        events whose links `_derive` has just cleared, from all their tellings: (actors, places,
        quantities, event id) as the tellings store them, in key order."""
        have_actors: dict[int, dict[int, int]] = defaultdict(dict)
        have_places: set[tuple[int, str]] = set()
        have_quantities: set[tuple[int, float, str]] = set()
        new_actors, new_places, new_quantities = [], [], []
        rows_of: dict[tuple[int, int], dict] = {}
        for actors, places, quantities, event_id in placed:
            for actor in actors:
                actor_id = self.actor_ids[actor["name"]]
                part = actor.get("part")
                if actor_id not in have_actors[event_id]:
                    have_actors[event_id][actor_id] = len(have_actors[event_id])
                    row = {"event_id": event_id, "actor_id": actor_id, "role": actor.get("role"),
                           "position": have_actors[event_id][actor_id], "part": part}
                    rows_of[(event_id, actor_id)] = row
                    new_actors.append(row)
                elif (event_id, actor_id) in rows_of and _PART_RANK.get(part, 0) > _PART_RANK.get(
                        rows_of[(event_id, actor_id)]["part"], 0):
                    rows_of[(event_id, actor_id)]["part"] = part  # the strongest part any telling gives
            for place in places:
                if (event_id, place) not in have_places:
                    have_places.add((event_id, place))
                    new_places.append({"event_id": event_id, "place": place})
            for q in quantities:
                if (event_id, float(q["value"]), q["unit"]) not in have_quantities:
                    have_quantities.add((event_id, float(q["value"]), q["unit"]))
                    new_quantities.append({"event_id": event_id, "value": q["value"], "unit": q["unit"], "text": q["text"]})
        for table, rows in ((t.event_actors, new_actors), (t.event_places, new_places), (t.event_quantities, new_quantities)):
            insert_rows(self.conn, table, rows)

    def _rename(self, document_id: int, source: str) -> None:
        """Store a document under a new name; the conflicts that cite it name it anew."""
        self.conn.execute(update(t.documents).where(t.documents.c.id == document_id).values(source=source))
        ev = t.evidence
        self._redate(sorted(r.event_id for r in self._all(
            select(ev.c.event_id).where(ev.c.document_id == document_id).distinct())))

    # ------------------------------------------------------------------ removing
    def remove(self, document_id: int) -> None:
        """Take a document and its tellings out; its events are derived again from what is left."""
        ev = t.evidence
        touched = sorted(r.event_id for r in self._all(
            select(ev.c.event_id).where(ev.c.document_id == document_id).distinct()))
        self.conn.execute(delete(ev).where(ev.c.document_id == document_id))
        self.conn.execute(delete(t.sentences).where(t.sentences.c.document_id == document_id))
        self.conn.execute(delete(t.documents).where(t.documents.c.id == document_id))
        if touched:
            # What is left of each event may be two events now (a telling that joined them is gone).
            stored = self._stored_tellings(touched)
            by_event: dict[int, list[Stored]] = defaultdict(list)
            for item in stored:
                by_event[item.event].append(item)
            groups = [g for _, tellings in sorted(by_event.items()) for g in split(tellings)]
            events = self._apply(groups)
            self._derive(sorted(set(touched) | set(events)))

    def _later_members(self, frames: dict[int, dict]) -> set[int]:
        """The events whose first telling is one member's telling of a collective sentence (stored as
        each member's, annals/merge/members.py) but not the first member's in key order."""
        told = {f["told"] for f in frames.values()}
        siblings: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)
        for document, start, date, type_, actors in self._rows(_statements(self.dialect).siblings, {
                "documents": values_of(sorted({d for d, _, _, _ in told}), self.dialect),
                "starts": values_of(sorted({s for _, s, _, _ in told}), self.dialect)}):
            key = (document, start, date, type_)
            if key in told:
                siblings[key].append(_sources_of(actors))
        return {i for i, f in frames.items() if len(siblings[f["told"]]) > 1 and f["members"] != min(siblings[f["told"]])}

    def _derive(self, event_ids: list[int], *, settled: dict[int, dict] | None = None) -> None:
        """Everything of these events again from their remaining tellings; an event with none is deleted.

        `settled`: the frames (`_settled`) of those among them whose tellings the change left as they
        were. What they keep is what they hold already, but for their ids, which depend on the ids of
        the others: they are chosen for all of them together, and only an event whose id changes is
        written again (deriving it again from the same tellings would give what it holds).
        """
        settled = {i: frame for i, frame in (settled or {}).items() if i in set(event_ids)}
        busy = [i for i in event_ids if i not in settled]
        self._clear(busy)
        rows = self._derived(busy)
        kept = {row.event_id for row in rows}
        gone = [i for i in busy if i not in kept]
        if gone:
            run(self.conn, _statements(self.dialect).delete_events, {"ids": values_of(gone, self.dialect)})
        frames = self._frames(rows)
        if frames or settled:
            # Two sources with the same bytes whose events stay apart: the second id names its source too.
            # Each member's telling of one collective sentence: the third names its members too, and
            # is the first choice of every member but the first (so that no order of adding decides).
            every = {i: frames.get(i) or settled[i] for _, i in sorted(
                [(f["first"], i) for i, f in frames.items()] + [(f["first"], i) for i, f in settled.items()])}
            choices = {i: (f["uid"], _uid(f"{f['salt']}:{f['uid']}"),
                           _uid(f"{f['salt']}:{','.join(f['members'])}:{f['uid']}")) for i, f in every.items()}
            later = self._later_members(every)
            choices = {i: (c[2], c[0], c[1]) if i in later else c for i, c in choices.items()}
            held = {uid: event_id for event_id, uid in self._rows(_statements(self.dialect).uids, {
                "uids": values_of(sorted({u for c in choices.values() for u in c}), self.dialect)})}
            seen = {uid for uid, i in held.items() if i not in every}
            for i, frame in every.items():
                frame["uid"] = next((u for u in choices[i] if u not in seen), choices[i][-1])
                seen.add(frame["uid"])
            # (a settled event whose id changes is written again whole)
            moved = sorted(i for i in settled if held.get(settled[i]["uid"]) != i)
            if moved:
                self._clear(moved)
                again = self._derived(moved)
                for i, frame in self._frames(again).items():
                    frames[i] = {**frame, "uid": settled[i]["uid"]}
                rows = sorted(rows + again, key=lambda row: row.first)
                kept |= set(moved)
            if any(held.get(frame["uid"], i) != i for i, frame in every.items()):
                # Ids are set in two steps where one of these events takes another's, so that two
                # events that swap ids never hold the same one at once.
                run(self.conn, _statements(self.dialect).set_uid, [{"_id": i, "tmp": f"~{i}"} for i in frames])
        placed = [(_parsed(row.actors), _parsed(row.places), _parsed(row.quantities), row.event_id) for row in rows]
        names: dict[str, str] = {}
        for actors, _, _, _ in placed:
            names.update((a["name"], a.get("kind", "other")) for a in actors)
        for row in sorted(rows, key=lambda row: row.last):  # (each name's kind as its last telling gives it)
            names.update((a["name"], a.get("kind", "other")) for a in _parsed(row.actors))
        self.actor_ids.load(names)
        if frames:
            # (its frame and id, its date and conflicts, in one statement)
            for columns in self._dates(sorted(kept)):
                frames[columns["_id"]].update(columns)
            run(self.conn, _statements(self.dialect).set_frame, list(frames.values()))
        self._link(placed)

    def _clear(self, event_ids: list[int]) -> None:
        """The actors, places and quantities of these events, taken out to be derived again."""
        ids = {"ids": values_of(event_ids, self.dialect)}
        for statement in _statements(self.dialect).clear:
            run(self.conn, statement, ids)

    @staticmethod
    def _frames(rows: list[_Group]) -> dict[int, dict]:
        """Each event's frame from its rows (in key order): type, object and headline, the inputs of its
        id (the first telling's id, source, members and key), and the order of its first telling."""
        frames: dict[int, dict] = {}
        for row in rows:
            frame = frames.setdefault(row.event_id, {"_id": row.event_id, "type": row.type, "object": None,
                                                     "object_name": None, "headline": None,
                                                     "uid": uid_of(row.sha256, row.start, row.date, row.type),
                                                     "salt": row.source, "members": _sources_of(row.actors),
                                                     "told": (row.document_id, row.start, row.date, row.type),
                                                     "first": row.first})
            if frame["object"] is None and row.object:
                frame["object"], frame["object_name"] = row.object, object_key(json.loads(row.object)["name"])
            if frame["headline"] is None and row.headline:
                frame["headline"] = row.headline
        return frames

    def _settled(self, groups: list[Grouped], stored: list[Stored]) -> dict[int, dict]:
        """The stored events that regrouping left with the tellings they had (no new one, none moved in
        or out): as `_frames` gives their ids' inputs and the order of their first tellings."""
        count: dict[int, int] = defaultdict(int)
        first: dict[int, tuple[tuple, Stored]] = {}
        for item in stored:
            count[item.event] += len(item.evidence)
            # (the order `_derived` gives the event's first telling: its key, members, event and evidence id)
            order = ((*item.key, item.members), item.event, item.tie[1])
            if item.event not in first or order < first[item.event][0]:
                first[item.event] = (order, item)
        out = {}
        for group in groups:
            if group.event is not None and not group.new and not group.moved and len(group.evidence) == count[group.event]:
                order, item = first[group.event]
                sha256, source, start, date, type_ = item.key
                out[group.event] = {"_id": group.event, "uid": uid_of(sha256, start, date, type_), "salt": source,
                                    "members": item.members, "told": (item.telling.document, start, date, type_),
                                    "first": order}
        return out

    def _derived(self, event_ids: list[int]) -> list[_Group]:
        """The tellings of these events a group at a time (`_derived_columns`), in the key order of
        their first tellings, so that what an event keeps does not depend on the order of adding.

        What `_derive` keeps (an event's first telling, its first object and headline, the first
        telling that names each actor, place or quantity, each name's kind in its last) is the same
        as it would be from every telling in key order: the first (or last) telling with a value is
        the first (or last) of its group, as all of the group have it.
        """
        # (rows as plain tuples: the `_derived_columns`, then `told` last)
        groups = self._rows(_statements(self.dialect).derived, {"ids": values_of(event_ids, self.dialect)})
        told = [rows_of(group[-1]) for group in groups]
        self._load_documents({document for rows in told for _, document, _ in rows})
        keys = self.document_keys
        out = []
        for group, rows in zip(groups, told):
            event_id, date, type_, actors = group[:4]
            # (a collective act's member tellings share a sentence and a date: their source names order them;
            # tellings of one key keep the order they were read in before, by event and id)
            members = _sources_of(actors)
            first, document, start = min(rows, key=lambda row: (keys[row[1]], row[2], row[0]))
            last, last_document, last_start = max(rows, key=lambda row: (keys[row[1]], row[2], row[0]))
            out.append(_Group(*group[:8], *keys[document], start, document,
                              ((*keys[document], start, date, type_, members), event_id, first),
                              ((*keys[last_document], last_start, date, type_, members), event_id, last)))
        return sorted(out, key=lambda row: row.first)

