"""Extracted files as compact rows (plain tuples), the form they travel in between processes.

    to_row(Extracted) -> (source, reason, document row or None)
    from_row(row) -> Extracted, equal to the one given

A document row holds what the corpus stores (annals.scale.work.for_storage keeps
no more): its text, names, date, aliases and events; each event, actor,
quantity, predicate and object is the tuple of its fields in their declared
order. The writer unpickles every document the workers send: the example
article's 103 events take it 0.9 ms as rows against 2.5-3.4 ms as pickled
dataclasses (a `__setstate__` call per object), 58 KB against 63 KB (#15).
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from annals.model import Actor, Document, Event, EventObject, Predicate, Quantity
from annals.scale.work import Extracted

__all__ = ["from_row", "to_row"]

_DOCUMENT = ("text", "source", "title", "reader", "sha256", "dct", "aliases")  # and the events
_EVENT = tuple(f.name for f in fields(Event))
_MANY = tuple((_EVENT.index(name), cls) for name, cls in (("actors", Actor), ("quantities", Quantity)))
_ONE = tuple((_EVENT.index(name), cls) for name, cls in (("predicate", Predicate), ("object", EventObject)))
_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in (Actor, Quantity, Predicate, EventObject)}


def _flat(value: Any) -> tuple:
    return tuple(getattr(value, name) for name in _NAMES[type(value)])


def _event_row(event: Event) -> tuple:
    row = [getattr(event, name) for name in _EVENT]
    for index, _ in _MANY:
        row[index] = tuple(_flat(part) for part in row[index])
    for index, _ in _ONE:
        if row[index] is not None:
            row[index] = _flat(row[index])
    return tuple(row)


def _event(row: tuple) -> Event:
    values = list(row)
    for index, cls in _MANY:
        values[index] = tuple(cls(*part) for part in values[index])
    for index, cls in _ONE:
        if values[index] is not None:
            values[index] = cls(*values[index])
    return Event(*values)


def to_row(item: Extracted) -> tuple:
    """An extracted file as nested tuples of plain values."""
    doc = item.doc
    if doc is None:
        return (item.source, item.reason, None)
    return (item.source, item.reason,
            (*(getattr(doc, name) for name in _DOCUMENT), tuple(_event_row(e) for e in doc.events)))


def from_row(row: tuple) -> Extracted:
    """The Extracted that `to_row` was given."""
    source, reason, document = row
    if document is None:
        return Extracted(source, reason=reason)
    *values, events = document
    doc = Document(**dict(zip(_DOCUMENT, values, strict=True)), events=tuple(_event(e) for e in events))
    return Extracted(source, doc, reason)
