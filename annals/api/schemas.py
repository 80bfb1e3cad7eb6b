"""Response shapes for the OpenAPI document (the routes return plain dicts of these shapes).

Objects accept more fields than listed: the event contract lets fields be added, never dropped.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = [
    "Actor",
    "ActorEntry",
    "ActorList",
    "AddedDocument",
    "Comparison",
    "DocumentEntry",
    "DocumentList",
    "DocumentText",
    "Error",
    "ErrorBody",
    "EventDetail",
    "EventPage",
    "Timeline",
    "TypeList",
]


class ErrorBody(BaseModel):
    code: str = Field(description="E0xx for annals errors, else a word: not_found, invalid_parameter...")
    message: str


class Error(BaseModel):
    error: ErrorBody


class Date(BaseModel):
    value: str = Field(description="EDTF: 1994-05-04, 1997-11, 1999/2008, 2009-02/.., XXXX-11-06")
    text: str = Field(description="the date as the text writes it")


class Actor(BaseModel):
    name: str
    kind: str
    role: str | None = None
    part: str | None = Field(None, description="source (who acted), target (on whom) or other")
    inferred: bool | None = Field(None, description="true where the sentence does not name it: the document's "
                                                    "subject, added where the sentence names no one")


class EventObject(BaseModel):
    name: str = Field(description="canonical: Partnership for Peace")
    text: str = Field(description="as written: the PfP programme")
    kind: str = Field(description="programme, document, institution, operation, meeting or other")


class Quantity(BaseModel):
    value: float
    unit: str
    text: str


class Evidence(BaseModel):
    text: str
    start: int
    end: int


class DocumentRef(BaseModel):
    source: str
    title: str
    sha256: str


class Highlight(BaseModel):
    start: int = Field(description="offset into the sentence, in characters (code points)")
    end: int
    kind: str = Field(description="date or actor")
    label: str


class Source(BaseModel):
    document: DocumentRef
    evidence: Evidence
    date: Date
    section: list[str]
    citation: str | None = None
    headline: str | None = Field(None, description="what this telling says happened")
    highlights: list[Highlight] | None = Field(None, description="in GET /api/events/{id} only")


class Conflict(BaseModel):
    value: str
    text: str
    source: str


class Event(BaseModel):
    id: str
    date: Date
    type: str
    headline: str | None = Field(None, description="Azerbaijan joins the Partnership for Peace")
    object: EventObject | None = None
    actors: list[Actor]
    places: list[str]
    quantities: list[Quantity]
    section: list[str]
    evidence: Evidence | None
    sources: list[Source]
    conflicts: list[Conflict]


class EventPage(BaseModel):
    events: list[Event]
    next: str | None = Field(description="pass as `cursor` for the next page; null at the end")


class EventDetail(Event):
    """An event with every sentence that tells it, the date and actors marked in each."""


class ActorEntry(BaseModel):
    name: str
    kind: str
    aliases: list[str]
    events: int


class ActorList(BaseModel):
    actors: list[ActorEntry]


class DocumentEntry(BaseModel):
    source: str
    title: str
    sha256: str
    reader: str
    date: str | None
    added_at: str | None
    events: int


class DocumentList(BaseModel):
    documents: list[DocumentEntry]


class DocumentText(DocumentEntry):
    text: str


class TimelineItem(BaseModel):
    id: str
    type: str
    date: Date
    start: str = Field(description="ISO day where the item is drawn")
    end: str | None = Field(description="ISO day where a bar ends; null for a point")
    open: str | None = Field(description="start or end when that end of the span is open (since, until)")
    precision: str = Field(description="day, month, year, period (season, quarter...) or span")
    label: str


class Lane(BaseModel):
    actor: Actor
    items: list[TimelineItem]
    undated: int = Field(description="events of this actor whose year is unknown (not drawn)")
    truncated: bool = Field(description="true when the lane holds more events than were sent")


class Timeline(BaseModel):
    lanes: list[Lane]
    years: list[int] | None


class TypeEntry(BaseModel):
    type: str
    events: int


class TypeList(BaseModel):
    types: list[TypeEntry]


class AddedDocument(BaseModel):
    source: str
    status: str = Field(description="added, unchanged or replaced")
    events_new: int
    events_merged: int


class MilestoneCell(BaseModel):
    date: str = Field(description="EDTF: the earliest date at which the actor was a source of such an event")
    event: str = Field(description="the event's id (GET /api/events/{id} gives its sources)")
    sources: int = Field(description="how many of that event's sentences name the actor as its source")
    conflict: bool = Field(description="true when a source dates this actor's milestone elsewhere")


class Milestone(BaseModel):
    object: str = Field(description="what the milestone is about: Partnership for Peace")
    type: str = Field(description="the kind of act: membership, agreement...")
    cells: dict[str, MilestoneCell | None] = Field(description="by actor; null where it did not reach it")


class Comparison(BaseModel):
    actors: list[str] = Field(description="canonical names, in the order asked, each once")
    milestones: list[Milestone] = Field(description="in the order they were first reached")
