"""The corpus: documents in, merged and sourced events out.

    corpus = Corpus("annals.db")            # or postgresql://..., or ANNALS_DB
    corpus.add("article.txt")               # one transaction per document
    corpus.events(Query(actors=("Azerbaijan",), types=("visit",)))

A document is its source (a file's normalised absolute path when `annals
add` stores it; see annals/store/sources.py). Adding a source whose bytes
are already stored under it changes nothing; adding a new version of the
same source replaces that source's tellings and nothing else; another source
with the same bytes is another document. Each telling (sentence, date) joins the events it tells (see
annals/merge and annals/store/regroup.py) or starts a new one; an event's date, actors, places,
quantities and frame are derived again from its tellings after each change.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Self

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from annals.collector import collector_paused
from annals.errors import UsageError
from annals.model import Document
from annals.query import Query
from annals.resolve.gazetteer import fold
from annals.store import reading
from annals.store import schema as t
from annals.store.database import StoreError, describe_url, first_line, in_transaction, open_engine
from annals.store.regroup import FrameCache
from annals.store.sources import printable, readable_name
from annals.store.writing import AddResult, DocumentWriter

__all__ = ["AddResult", "Corpus"]


class Corpus:
    """A corpus of documents and their events in SQLite or PostgreSQL.

    `mode` is how the database is opened (annals/store/database.py): "create" (made if missing),
    "write" (must exist), "read" (must exist; read-only, no lock, no migration) or "auto" (the
    default: create, or read for a SQLite file this user cannot write).
    `on_wait` is called once when a write has to wait for another process's lock (it then waits
    as long as it takes). A database error is a StoreError of one line, never the SQL.
    """

    def __init__(self, url: str | os.PathLike | None = None, *, mode: str = "auto",
                 on_wait: Callable[[], None] | None = None) -> None:
        self.name = describe_url(url)
        self.mode = mode
        self.engine = open_engine(url, mode=mode, on_wait=on_wait)
        self._frames = FrameCache()  # stored tellings as merging compares them, for every add and remove

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """A database error as one line naming the corpus (the driver's message, not the SQL or its values)."""
        try:
            yield
        except DBAPIError as exc:
            raise StoreError(f"cannot {doing} {self.name}: {first_line(exc.orig)}") from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------------ adding
    def add(self, source: str | os.PathLike | Document, *, reader: str = "auto") -> AddResult:
        """Extract a file (or take an extracted Document) and store it in one transaction."""
        from annals.pipeline import extract

        doc = source if isinstance(source, Document) and source.events else extract(source, reader=reader)
        return self.add_document(doc)

    def add_document(self, doc: Document, *, former: Iterable[str] = ()) -> AddResult:
        """Store an extracted document in one transaction (the cycle collector waits: nothing cyclic is made).

        `former`: other names the same document may be stored under (see DocumentWriter.add).
        """
        former = tuple(former)
        _check_text("source", doc.source)
        with collector_paused(), self._errors("write to"):
            return in_transaction(self.engine, lambda conn: DocumentWriter(conn, cache=self._frames).add(doc, former=former))

    # ------------------------------------------------------------------ removing
    def remove(self, source: str) -> bool:
        """Take a document (by its source name) and its tellings out; False if it is not there."""
        _check_text("source", source)

        def work(conn: Connection) -> bool:
            row = conn.execute(select(t.documents.c.id).where(t.documents.c.source == source)).first()
            if row is None:
                return False
            DocumentWriter(conn, cache=self._frames).remove(row.id)
            return True

        with self._errors("write to"):
            return in_transaction(self.engine, work)

    def find_source(self, names: Iterable[str]) -> str | None:
        """The first of `names` that a stored document has as its source, or None."""
        names = [name for name in names if readable_name(name)]
        if not names:
            return None
        with self._errors("read"), self.engine.connect() as conn:
            found = set(conn.execute(select(t.documents.c.source).where(t.documents.c.source.in_(names))).scalars())
        return next((name for name in names if name in found), None)

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        with self._errors("read"), self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("documents", t.documents), ("events", t.events), ("evidence", t.evidence),
                                    ("actors", t.actors))
            }

    def event_ids(self, query: Query) -> tuple[list[int], str | None]:
        """One page of event ids in date order, and the cursor of the next page (None at the end)."""
        _check_query(query)
        with self._errors("read"), self.engine.connect() as conn:
            return reading.event_ids(conn, query)

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
        if not readable_name(uid):
            return None
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(select(t.events.c.id).where(t.events.c.uid == uid)).first()
        return self.load_events([row.id])[0] if row else None

    def tellings(self, uids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Each event's tellings, by event id, in the order they were stored: the date each gives
        ({"value", "text"}) and its actors with their parts, as that telling's document has them."""
        if not uids:
            return {}
        from annals.store.lists import any_of

        out: dict[str, list[dict[str, Any]]] = {uid: [] for uid in uids}
        with self._errors("read"), self.engine.connect() as conn:
            rows = conn.execute(
                select(t.events.c.uid, t.evidence.c.date, t.evidence.c.date_text, t.evidence.c.actors)
                .join(t.evidence, t.evidence.c.event_id == t.events.c.id)
                .where(any_of(t.events.c.uid, uids, self.dialect))
                .order_by(t.evidence.c.event_id, t.evidence.c.id)).all()
        for uid, value, text, actors in rows:
            out[uid].append({"date": {"value": value, "text": text}, "actors": json.loads(actors)})
        return out

    def load_events(self, ids: list[int]) -> list[dict[str, Any]]:
        """Events by row id, in that order, in the shape `events()` gives them."""
        if not ids:
            return []
        with self._errors("read"), self.engine.connect() as conn:
            return reading.load_events(conn, ids)

    def actors(self, name: str | None = None) -> list[dict[str, Any]]:
        """Actors with their aliases and event counts, most events first."""
        if name:
            _check_text("actor", name)
        with self._errors("read"), self.engine.connect() as conn:
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
        with self._errors("read"), self.engine.connect() as conn:
            return dict(conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)).all())

    def document(self, source: str) -> dict[str, Any] | None:
        """One document with its text, by source name; None if it is not in the corpus."""
        if not readable_name(source):
            return None
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.source == source)).first()
        if row is None:
            return None
        return {"source": row.source, "title": row.title, "sha256": row.sha256, "reader": row.reader, "date": row.dct,
                "added_at": row.added_at.isoformat() if row.added_at else None, "events": row.n_events, "text": row.text}

    def documents(self) -> list[dict[str, Any]]:
        with self._errors("read"), self.engine.connect() as conn:
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


def _check_text(what: str, value: str | None) -> None:
    """A UsageError for text that is not valid Unicode (an argument of undecodable bytes), before any SQL."""
    if value is not None and not readable_name(value):
        raise UsageError(f"the {what} '{printable(value)}' is not valid UTF-8")


def _check_query(query: Query) -> None:
    for what, values in (("actor", query.actors), ("type", query.types), ("object", query.objects),
                         ("source", query.sources)):
        for value in values:
            _check_text(what, value)
    _check_text("text", query.text)


def _fields(query: Query) -> dict[str, Any]:
    return {"actors": query.actors, "types": query.types, "objects": query.objects, "since": query.since,
            "until": query.until, "text": query.text, "sources": query.sources}
