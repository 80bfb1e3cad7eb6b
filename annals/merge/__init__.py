"""Corpus level: which tellings of the stored documents are one event, and the date it keeps.

    frames.py    same_event(new, old): the same frame and compatible dates
    dates.py     compatible(a, b), near(a, b): EDTF dates that can name one happening
    clusters.py  cluster(tellings, keys): the events of a group of tellings, order-free
    choose.py    choose_date(values): the date an event keeps, and its conflicts
    ids.py       event_id(...): an event's id, from its first telling
    members.py   each_member(event): a collective act as each member state's own telling

The store (annals/store/writing.py) calls it; the extraction core knows nothing of it.
"""
from annals.merge.choose import choose_date
from annals.merge.clusters import cluster
from annals.merge.dates import compatible, near, reachable
from annals.merge.frames import (
           Telling,
           bare_same,
           candidate_types,
           content_words,
           cued_types,
           kindred_types,
           object_key,
           other_states,
           same_event,
           same_object,
           types_may_agree,
)
from annals.merge.ids import event_id

__all__ = ["Telling", "bare_same", "candidate_types", "choose_date", "cluster", "compatible", "content_words", "cued_types",
           "event_id", "kindred_types", "near", "object_key", "other_states", "reachable", "same_event", "same_object",
           "types_may_agree"]
