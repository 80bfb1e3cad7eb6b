"""The corpus: documents in, merged and sourced events out.

    corpus = Corpus("annals.db")            # or postgresql://..., or ANNALS_DB
    corpus.add("article.txt")               # one transaction per document
    corpus.events(Query(actors=("Azerbaijan",), types=("visit",)))

Adding a document whose bytes are already in the corpus changes nothing;
adding a new version of the same source replaces that source's tellings and
nothing else. Each telling (sentence, date) joins the event it tells (see
annals/resolve/merge.py) or starts a new one; an event's date, actors,
places and quantities are derived again from its tellings after each change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, column, delete, func, insert, literal_column, or_, select, table, update
from sqlalchemy.engine import Connection

from annals.model import Document, Event, Quantity
from annals.query import Query, decode_cursor, encode_cursor
from annals.resolve.gazetteer import fold
from annals.resolve.merge import Telling, choose_date, content_words, same_event
from annals.store import schema as t
from annals.store.database import in_transaction, open_engine
from annals.store.dates import bounds

__all__ = ["Corpus", "AddResult"]

_CANDIDATE_YEARS = 4


@dataclass
class AddResult:
    source: str
    status: str  # added | unchanged | replaced | failed
    events_new: int = 0
    events_merged: int = 0
    reason: str | None = None


@dataclass
class _Telling:
    """An event as one document tells it, ready to be stored."""

    event: Event
    telling: Telling
    actors: list[dict] = field(default_factory=list)


def _telling(doc: Document, event: Event) -> _Telling:
    actors = [a.to_dict() for a in event.actors]
    return _Telling(
        event,
        Telling(
            document=doc.sha256,
            date=event.date_value,
            type=event.type,
            actors=frozenset(fold(a.name) for a in event.actors),
            persons=frozenset(fold(a.name) for a in event.actors if a.kind == "person"),
            words=content_words(event.evidence_text),
        ),
        actors,
    )


class _ActorIds:
    """Actor ids by canonical name, created on first use, cached for one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.cache: dict[str, int] = {}

    def preload(self, names: set[str]) -> None:
        """Look up many names at once (one query, not one per actor)."""
        keys = sorted({fold(n) for n in names} - self.cache.keys())
        for chunk in _chunks(keys, 500):
            for row in self.conn.execute(select(t.actors.c.key, t.actors.c.id).where(t.actors.c.key.in_(chunk))):
                self.cache[row.key] = row.id
            for row in self.conn.execute(
                select(t.actor_aliases.c.key, t.actor_aliases.c.actor_id).where(t.actor_aliases.c.key.in_(chunk))
            ):
                self.cache.setdefault(row.key, row.actor_id)

    def get(self, name: str, kind: str) -> int:
        key = fold(name)
        if key not in self.cache:
            conn = self.conn
            row = conn.execute(select(t.actors.c.id).where(t.actors.c.key == key)).first()
            if row is None:
                row = conn.execute(select(t.actor_aliases.c.actor_id.label("id")).where(t.actor_aliases.c.key == key)).first()
            if row is None:
                row = conn.execute(insert(t.actors).values(name=name, key=key, kind=kind).returning(t.actors.c.id)).first()
            self.cache[key] = row.id
        return self.cache[key]


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Corpus:
    """A corpus of documents and their events in SQLite or PostgreSQL."""

    def __init__(self, url: str | os.PathLike | None = None) -> None:
        self.engine = open_engine(url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------------ adding
    def add(self, source: str | os.PathLike | Document, *, reader: str = "auto") -> AddResult:
        """Extract a file (or take an extracted Document) and store it in one transaction."""
        from annals.pipeline import extract

        doc = source if isinstance(source, Document) and source.events else extract(source, reader=reader)
        return self.add_document(doc)

    def add_document(self, doc: Document) -> AddResult:
        return in_transaction(self.engine, lambda conn: self._add(conn, doc))

    def _add(self, conn: Connection, doc: Document) -> AddResult:
        if conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == doc.sha256)).first():
            return AddResult(doc.source, "unchanged")
        status = "added"
        old = conn.execute(select(t.documents.c.id).where(t.documents.c.source == doc.source)).first()
        if old:
            self._remove(conn, old.id)
            status = "replaced"
        document_id = conn.execute(
            insert(t.documents).values(
                source=doc.source, title=doc.title, sha256=doc.sha256, reader=doc.reader, dct=doc.dct,
                added_at=dt.datetime.now(dt.timezone.utc), text=doc.text, n_events=len(doc.events),
            ).returning(t.documents.c.id)
        ).scalar_one()
        actor_ids = _ActorIds(conn)
        actor_ids.preload({a.name for e in doc.events for a in e.actors} | {c for c, _ in doc.aliases})
        self._aliases(conn, doc, actor_ids)
        result = AddResult(doc.source, status)
        tellings = [_telling(doc, e) for e in doc.events]
        matches = self._matches(conn, tellings)
        # Tellings of this same document may tell one event twice (an article that repeats itself).
        # A telling that matches no stored event starts one, unless an earlier telling of this same
        # document starts it (an article that repeats itself); new events are written together.
        owner: list[int | None] = []
        for i, (told, event_id) in enumerate(zip(tellings, matches)):
            first = None
            if event_id is None:
                first = next((j for j in range(i) if matches[j] is None and owner[j] is None
                              and same_event(told.telling, tellings[j].telling)[0]), None)
            owner.append(first)
        fresh = [i for i, (event_id, first) in enumerate(zip(matches, owner)) if event_id is None and first is None]
        new_ids = dict(zip(fresh, self._new_events(conn, doc, [tellings[i] for i in fresh])))
        placed: list[tuple[_Telling, int]] = []
        for i, told in enumerate(tellings):
            event_id = matches[i] if matches[i] is not None else new_ids.get(i, new_ids.get(owner[i]))
            placed.append((told, event_id))
        result.events_new = len(fresh)
        result.events_merged = len(tellings) - len(fresh)
        self._insert_evidence(conn, document_id, placed)
        self._extend(conn, placed, actor_ids)
        return result

    def _matches(self, conn: Connection, tellings: list[_Telling]) -> list[int | None]:
        """For each telling, the stored event it tells, if any (a few tellings of each candidate are read)."""
        if not tellings:
            return []
        windows = []
        for told in tellings:
            first, last = bounds(told.telling.date)
            if first and last:
                windows.append((f"{max(1, int(first[:4]) - _CANDIDATE_YEARS):04d}",
                                f"{min(9999, int(last[:4]) + _CANDIDATE_YEARS):04d}-12-31"))
            else:
                windows.append(None)
        e = t.events
        types = sorted({told.telling.type for told in tellings})
        dated = [w for w in windows if w]
        conditions = [e.c.date.in_([told.telling.date for told, w in zip(tellings, windows) if w is None])]
        if dated:
            conditions.append(and_(e.c.date_start <= max(w[1] for w in dated), e.c.date_end >= min(w[0] for w in dated)))
        candidates = conn.execute(
            select(e.c.id, e.c.type, e.c.date, e.c.date_start, e.c.date_end).where(e.c.type.in_(types), or_(*conditions))
        ).all()
        if not candidates:
            return [None] * len(tellings)
        by_date: dict[tuple[str, str], list] = defaultdict(list)
        by_type: dict[str, list] = defaultdict(list)
        for c in candidates:
            by_date[(c.type, c.date)].append(c)
            by_type[c.type].append(c)
        stored: dict[int, list[Telling]] = {}

        def tellings_of(ids: list[int]) -> None:
            missing = [i for i in ids if i not in stored]
            if missing:
                stored.update({i: [] for i in missing})
                stored.update(self._tellings(conn, missing))

        exact = [by_date.get((told.telling.type, told.telling.date), []) for told in tellings]
        tellings_of(sorted({c.id for group in exact for c in group}))
        found: list[int | None] = [self._best(told, group, stored) for told, group in zip(tellings, exact)]
        # Compatible or conflicting dates nearby, for what found no event told on the same date.
        nearby = [
            [] if hit is not None or window is None else [
                c for c in by_type.get(told.telling.type, ())
                if c.date != told.telling.date and c.date_start and c.date_start <= window[1] and c.date_end >= window[0]
            ]
            for told, window, hit in zip(tellings, windows, found)
        ]
        tellings_of(sorted({c.id for group in nearby for c in group}))
        return [hit if hit is not None else self._best(told, group, stored)
                for told, group, hit in zip(tellings, nearby, found)]

    @staticmethod
    def _best(told: _Telling, group: list, stored: dict[int, list[Telling]]) -> int | None:
        best = None
        for c in group:
            for old in stored.get(c.id, ()):
                same, conflict = same_event(told.telling, old)
                if same:
                    score = (not conflict, len(told.telling.words & old.words))
                    if best is None or score > best[0]:
                        best = (score, c.id)
        return best[1] if best else None

    def _tellings(self, conn: Connection, event_ids: list[int]) -> dict[int, list[Telling]]:
        """The first and the latest telling of each event: enough to recognise it, however often it was told."""
        found: dict[int, list[Telling]] = defaultdict(list)
        ev = t.evidence
        for chunk in _chunks(event_ids, 500):
            # One index probe each (evidence is indexed by event and id), however many tellings there are.
            e = t.events
            firsts = select(select(func.min(ev.c.id)).where(ev.c.event_id == e.c.id).scalar_subquery()).where(e.c.id.in_(chunk))
            lasts = select(select(func.max(ev.c.id)).where(ev.c.event_id == e.c.id).scalar_subquery()).where(e.c.id.in_(chunk))
            rows = conn.execute(
                select(ev.c.event_id, ev.c.date, ev.c.type, ev.c.text, ev.c.actors, t.documents.c.sha256)
                .join(t.documents, t.documents.c.id == ev.c.document_id)
                .where(or_(ev.c.id.in_(firsts), ev.c.id.in_(lasts)))
            )
            for row in rows:
                actors = json.loads(row.actors)
                found[row.event_id].append(
                    Telling(
                        document=row.sha256, date=row.date, type=row.type,
                        actors=frozenset(fold(a["name"]) for a in actors),
                        persons=frozenset(fold(a["name"]) for a in actors if a.get("kind") == "person"),
                        words=content_words(row.text),
                    )
                )
        return found

    def _new_events(self, conn: Connection, doc: Document, tellings: list[_Telling]) -> list[int]:
        """Write new events (one statement); their ids in the same order."""
        if not tellings:
            return []
        rows = []
        for told in tellings:
            event = told.event
            uid = hashlib.sha256(
                f"{doc.sha256}:{event.evidence_start}:{event.date_value}:{event.type}".encode()
            ).hexdigest()[:16]
            first, last = bounds(event.date_value)
            rows.append({"uid": uid, "date": event.date_value, "date_text": event.date_text, "date_start": first,
                         "date_end": last, "type": event.type, "conflicts": "[]"})
        result = conn.execute(insert(t.events).returning(t.events.c.id, sort_by_parameter_order=True), rows)
        return [row.id for row in result]

    def _insert_evidence(self, conn: Connection, document_id: int, placed: list[tuple[_Telling, int]]) -> None:
        rows = []
        for told, event_id in placed:
            event = told.event
            rows.append(dict(
                event_id=event_id, document_id=document_id, start=event.evidence_start, end=event.evidence_end,
                text=event.evidence_text, date=event.date_value, date_text=event.date_text, type=event.type,
                trigger=event.trigger, section=json.dumps(list(event.section), ensure_ascii=False),
                citation=event.citation, actors=json.dumps(told.actors, ensure_ascii=False),
                places=json.dumps(list(event.places), ensure_ascii=False),
                quantities=json.dumps([q.to_dict() for q in event.quantities], ensure_ascii=False),
            ))
        if rows:
            conn.execute(insert(t.evidence), rows)

    def _aliases(self, conn: Connection, doc: Document, actor_ids: _ActorIds) -> None:
        kinds = {a.name: a.kind for e in doc.events for a in e.actors}
        wanted = [(canonical, alias) for canonical, alias in doc.aliases if canonical in kinds]
        if not wanted:
            return
        ids = {canonical: actor_ids.get(canonical, kinds[canonical]) for canonical, _ in wanted}
        existing = {(r.actor_id, r.key) for r in conn.execute(
            select(t.actor_aliases.c.actor_id, t.actor_aliases.c.key).where(t.actor_aliases.c.actor_id.in_(set(ids.values()))))}
        rows = {}
        for canonical, alias in wanted:
            key = (ids[canonical], fold(alias))
            if key not in existing and key not in rows:
                rows[key] = {"actor_id": key[0], "alias": alias, "key": key[1]}
        if rows:
            conn.execute(insert(t.actor_aliases), list(rows.values()))

    def _extend(
        self, conn: Connection, placed: list[tuple[_Telling, int]], actor_ids: _ActorIds, *, all_dates: bool = False
    ) -> None:
        """Bring the touched events up to date: date and conflicts, and the new actors, places, quantities.

        An event's date is chosen again only where a new telling gives another date than the one it
        has (another telling of the chosen date cannot change the choice), unless `all_dates`.
        """
        touched = sorted({event_id for _, event_id in placed})
        current = {}
        for chunk in _chunks(touched, 500):
            current.update({r.id: r.date for r in conn.execute(select(t.events.c.id, t.events.c.date).where(t.events.c.id.in_(chunk)))})
        redate = sorted({event_id for told, event_id in placed if all_dates or told.event.date_value != current.get(event_id)})
        for chunk in _chunks(redate, 500):
            dates: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
            for r in conn.execute(
                select(t.evidence.c.event_id, t.evidence.c.date, func.min(t.evidence.c.date_text).label("text"),
                       func.count().label("n"))
                .where(t.evidence.c.event_id.in_(chunk)).group_by(t.evidence.c.event_id, t.evidence.c.date)
            ):
                dates[r.event_id].append((r.date, r.text, r.n))
            updates = []
            for event_id in chunk:
                values = dates[event_id]
                chosen, contradicting = choose_date([v for v, _, _ in values], weights=[n for _, _, n in values])
                text_of = next(text for value, text, _ in values if value == chosen)
                conflicts = self._conflicts(conn, event_id, [values[i][0] for i in contradicting]) if contradicting else []
                first, last = bounds(chosen)
                updates.append({"_id": event_id, "date": chosen, "date_text": text_of, "date_start": first,
                                "date_end": last, "conflicts": json.dumps(conflicts, ensure_ascii=False)})
            conn.execute(
                update(t.events).where(t.events.c.id == bindparam("_id")).values(
                    date=bindparam("date"), date_text=bindparam("date_text"), date_start=bindparam("date_start"),
                    date_end=bindparam("date_end"), conflicts=bindparam("conflicts")),
                updates,
            )
        for chunk in _chunks(touched, 500):
            have_actors = defaultdict(dict)
            for r in conn.execute(select(t.event_actors).where(t.event_actors.c.event_id.in_(chunk))):
                have_actors[r.event_id][r.actor_id] = r.position
            have_places = {(r.event_id, r.place) for r in conn.execute(
                select(t.event_places).where(t.event_places.c.event_id.in_(chunk)))}
            have_quantities = {(r.event_id, r.value, r.unit) for r in conn.execute(
                select(t.event_quantities).where(t.event_quantities.c.event_id.in_(chunk)))}
            new_actors, new_places, new_quantities = [], [], []
            wanted = set(chunk)
            for told, event_id in placed:
                if event_id not in wanted:
                    continue
                for actor in told.actors:
                    actor_id = actor_ids.get(actor["name"], actor["kind"])
                    if actor_id not in have_actors[event_id]:
                        have_actors[event_id][actor_id] = len(have_actors[event_id])
                        new_actors.append({"event_id": event_id, "actor_id": actor_id, "role": actor.get("role"),
                                           "position": have_actors[event_id][actor_id]})
                for place in told.event.places:
                    if (event_id, place) not in have_places:
                        have_places.add((event_id, place))
                        new_places.append({"event_id": event_id, "place": place})
                for q in told.event.quantities:
                    if (event_id, float(q.value), q.unit) not in have_quantities:
                        have_quantities.add((event_id, float(q.value), q.unit))
                        new_quantities.append({"event_id": event_id, "value": q.value, "unit": q.unit, "text": q.text})
            for table_, rows in ((t.event_actors, new_actors), (t.event_places, new_places),
                                 (t.event_quantities, new_quantities)):
                if rows:
                    conn.execute(insert(table_), rows)

    def _conflicts(self, conn: Connection, event_id: int, values: list[str]) -> list[dict]:
        rows = conn.execute(
            select(t.evidence.c.date, t.evidence.c.date_text, t.documents.c.source)
            .join(t.documents, t.documents.c.id == t.evidence.c.document_id)
            .where(t.evidence.c.event_id == event_id, t.evidence.c.date.in_(values)).order_by(t.evidence.c.id)
        )
        return [{"value": r.date, "text": r.date_text, "source": r.source} for r in rows]

    def _derive(self, conn: Connection, event_id: int) -> None:
        """Everything of an event again from its remaining tellings (after a document left); no tellings, no event."""
        rows = conn.execute(select(t.evidence).where(t.evidence.c.event_id == event_id).order_by(t.evidence.c.id)).all()
        for table_ in (t.event_actors, t.event_places, t.event_quantities):
            conn.execute(delete(table_).where(table_.c.event_id == event_id))
        if not rows:
            conn.execute(delete(t.events).where(t.events.c.id == event_id))
            return
        placed = []
        for row in rows:
            event = Event(row.date, row.date_text, row.type, row.start, row.end, row.text,
                          places=tuple(json.loads(row.places)),
                          quantities=tuple(Quantity(**q) for q in json.loads(row.quantities)))
            placed.append((_Telling(event, None, json.loads(row.actors)), event_id))  # type: ignore[arg-type]
        self._extend(conn, placed, _ActorIds(conn), all_dates=True)

    # ------------------------------------------------------------------ removing
    def remove(self, source: str) -> bool:
        """Take a document (by its source name) and its tellings out; False if it is not there."""

        def work(conn: Connection) -> bool:
            row = conn.execute(select(t.documents.c.id).where(t.documents.c.source == source)).first()
            if row is None:
                return False
            self._remove(conn, row.id)
            return True

        return in_transaction(self.engine, work)

    def _remove(self, conn: Connection, document_id: int) -> None:
        touched = [r.event_id for r in conn.execute(
            select(t.evidence.c.event_id).where(t.evidence.c.document_id == document_id).distinct())]
        conn.execute(delete(t.evidence).where(t.evidence.c.document_id == document_id))
        conn.execute(delete(t.documents).where(t.documents.c.id == document_id))
        for event_id in touched:
            self._derive(conn, event_id)

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("documents", t.documents), ("events", t.events), ("evidence", t.evidence),
                                    ("actors", t.actors))
            }

    def _filtered(self, query: Query):
        e = t.events
        statement = select(e.c.id, e.c.date_start)
        conditions = []
        if query.types:
            conditions.append(e.c.type.in_(query.types))
        if query.actors:
            keys = [fold(a) for a in query.actors]
            with self.engine.connect() as conn:
                actor_ids = sorted({r[0] for r in conn.execute(
                    select(t.actors.c.id).where(t.actors.c.key.in_(keys)).union(
                        select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.key.in_(keys))))})
            # EXISTS lets the database walk the date index and stop at a page, instead of sorting
            # every event of a busy actor.
            conditions.append(select(t.event_actors.c.event_id).where(
                t.event_actors.c.event_id == e.c.id, t.event_actors.c.actor_id.in_(actor_ids or [-1])).exists())
        if query.since_day:
            conditions.append(e.c.date_end >= query.since_day)
        if query.until_day:
            conditions.append(e.c.date_start <= query.until_day)
        if query.sources:
            conditions.append(e.c.id.in_(
                select(t.evidence.c.event_id).join(t.documents, t.documents.c.id == t.evidence.c.document_id)
                .where(t.documents.c.source.in_(query.sources))))
        if query.text:
            conditions.append(e.c.id.in_(self._text_search(query.text)))
        if conditions:
            statement = statement.where(and_(*conditions))
        return statement

    def _text_search(self, words: str):
        if self.dialect == "sqlite":
            # Every word quoted: FTS5 syntax in a user's text is searched for, not obeyed.
            terms = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
            fts = table("evidence_fts", column("rowid"))
            matching = select(fts.c.rowid).where(literal_column("evidence_fts").op("MATCH")(terms))
            return select(t.evidence.c.event_id).where(t.evidence.c.id.in_(matching))
        vector = func.to_tsvector("english", t.evidence.c.text)
        return select(t.evidence.c.event_id).where(vector.op("@@")(func.plainto_tsquery("english", words)))

    def event_ids(self, query: Query) -> tuple[list[int], str | None]:
        """One page of event ids in date order, and the cursor of the next page (None at the end)."""
        e = t.events
        statement = self._filtered(query)
        sort_date = func.coalesce(e.c.date_start, "9999-99-99")
        if query.cursor:
            after_date, after_id = decode_cursor(query.cursor)
            after_date = after_date or "9999-99-99"
            statement = statement.where(or_(sort_date > after_date, and_(sort_date == after_date, e.c.id > after_id)))
        statement = statement.order_by(sort_date, e.c.id)
        if query.limit is not None:
            statement = statement.limit(query.limit + 1)
        with self.engine.connect() as conn:
            rows = conn.execute(statement).all()
        following = None
        if query.limit is not None and len(rows) > query.limit:
            rows = rows[: query.limit]
            following = encode_cursor(rows[-1].date_start, rows[-1].id)
        return [r.id for r in rows], following

    def events(self, query: Query | None = None, **filters: Any) -> dict[str, Any]:
        """{"events": [...], "next": cursor}: each event in the contract's shape, with id, sources, conflicts."""
        query = query or Query(**filters)
        ids, following = self.event_ids(query)
        return {"events": self.load_events(ids), "next": following}

    def iter_events(self, query: Query | None = None, *, page: int = 500):
        """Every matching event, a page at a time (bounded memory)."""
        base = query or Query()
        cursor = None
        while True:
            ids, cursor = self.event_ids(Query(**{**_fields(base), "limit": page, "cursor": cursor}))
            yield from self.load_events(ids)
            if cursor is None:
                return

    def event(self, uid: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.events.c.id).where(t.events.c.uid == uid)).first()
        return self.load_events([row.id])[0] if row else None

    def load_events(self, ids: list[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        with self.engine.connect() as conn:
            events = {r.id: r for r in conn.execute(select(t.events).where(t.events.c.id.in_(ids)))}
            actors = defaultdict(list)
            for r in conn.execute(
                select(t.event_actors.c.event_id, t.event_actors.c.role, t.actors.c.name, t.actors.c.kind)
                .join(t.actors, t.actors.c.id == t.event_actors.c.actor_id)
                .where(t.event_actors.c.event_id.in_(ids)).order_by(t.event_actors.c.position)
            ):
                actor = {"name": r.name, "kind": r.kind}
                if r.role:
                    actor["role"] = r.role
                actors[r.event_id].append(actor)
            places = defaultdict(list)
            for r in conn.execute(select(t.event_places).where(t.event_places.c.event_id.in_(ids))):
                places[r.event_id].append(r.place)
            quantities = defaultdict(list)
            for r in conn.execute(select(t.event_quantities).where(t.event_quantities.c.event_id.in_(ids))
                                  .order_by(t.event_quantities.c.id)):
                value = int(r.value) if float(r.value).is_integer() else r.value
                quantities[r.event_id].append({"value": value, "unit": r.unit, "text": r.text})
            sources = defaultdict(list)
            for r in conn.execute(
                select(t.evidence, t.documents.c.source, t.documents.c.title, t.documents.c.sha256)
                .join(t.documents, t.documents.c.id == t.evidence.c.document_id)
                .where(t.evidence.c.event_id.in_(ids)).order_by(t.evidence.c.id)
            ):
                source = {
                    "document": {"source": r.source, "title": r.title, "sha256": r.sha256},
                    "evidence": {"text": r.text, "start": r.start, "end": r.end},
                    "date": {"value": r.date, "text": r.date_text},
                    "section": json.loads(r.section),
                }
                if r.citation:
                    source["citation"] = r.citation
                sources[r.event_id].append(source)
        out = []
        for event_id in ids:
            row = events[event_id]
            first = sources[event_id][0] if sources[event_id] else {}
            out.append({
                "id": row.uid,
                "date": {"value": row.date, "text": row.date_text},
                "type": row.type,
                "actors": actors[event_id],
                "places": places[event_id],
                "quantities": quantities[event_id],
                "section": first.get("section", []),
                "evidence": first.get("evidence"),
                "sources": sources[event_id],
                "conflicts": json.loads(row.conflicts),
            })
        return out

    def actors(self, name: str | None = None) -> list[dict[str, Any]]:
        """Actors with their aliases and event counts, most events first."""
        with self.engine.connect() as conn:
            statement = (
                select(t.actors.c.id, t.actors.c.name, t.actors.c.kind, func.count(t.event_actors.c.event_id).label("n"))
                .join(t.event_actors, t.event_actors.c.actor_id == t.actors.c.id, isouter=True)
                .group_by(t.actors.c.id, t.actors.c.name, t.actors.c.kind)
                .order_by(func.count(t.event_actors.c.event_id).desc(), t.actors.c.name)
            )
            if name:
                key = fold(name)
                statement = statement.where(or_(
                    t.actors.c.key == key,
                    t.actors.c.id.in_(select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.key == key))))
            rows = conn.execute(statement).all()
            aliases = defaultdict(list)
            for r in conn.execute(select(t.actor_aliases).order_by(t.actor_aliases.c.alias)):
                aliases[r.actor_id].append(r.alias)
        return [{"name": r.name, "kind": r.kind, "aliases": aliases[r.id], "events": r.n} for r in rows]

    def type_counts(self) -> dict[str, int]:
        """How many events of each type the corpus holds."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)).all())

    def document(self, source: str) -> dict[str, Any] | None:
        """One document with its text, by source name; None if it is not in the corpus."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.source == source)).first()
        if row is None:
            return None
        return {"source": row.source, "title": row.title, "sha256": row.sha256, "reader": row.reader, "date": row.dct,
                "added_at": row.added_at.isoformat() if row.added_at else None, "events": row.n_events, "text": row.text}

    def documents(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(
                t.documents.c.source, t.documents.c.title, t.documents.c.sha256, t.documents.c.reader,
                t.documents.c.dct, t.documents.c.added_at, t.documents.c.n_events).order_by(t.documents.c.id)).all()
        return [{"source": r.source, "title": r.title, "sha256": r.sha256, "reader": r.reader, "date": r.dct,
                 "added_at": r.added_at.isoformat() if r.added_at else None, "events": r.n_events} for r in rows]

    def to_pandas(self, query: Query | None = None):
        """Matching events as a pandas DataFrame, one row per event (needs pandas)."""
        from annals.errors import MissingDependency

        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover
            raise MissingDependency("pandas", "Corpus.to_pandas()") from exc
        rows = [{
            "id": e["id"], "date": e["date"]["value"], "type": e["type"],
            "actors": [a["name"] for a in e["actors"]], "places": e["places"],
            "evidence": e["evidence"]["text"] if e["evidence"] else "", "sources": len(e["sources"]),
            "conflicts": len(e["conflicts"]),
        } for e in self.iter_events(query)]
        return pd.DataFrame(rows, columns=["id", "date", "type", "actors", "places", "evidence", "sources", "conflicts"])


def _fields(query: Query) -> dict[str, Any]:
    return {"actors": query.actors, "types": query.types, "since": query.since, "until": query.until,
            "text": query.text, "sources": query.sources}
