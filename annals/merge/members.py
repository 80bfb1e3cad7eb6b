"""A collective act told once ("Varnia, Kesh and Morvath joined on 9 March 1995") is each member's
own act: for merging and storing, the sentence is one telling per member state, each with that state
as its source, so that each state's event keeps its own sources and dates. Joint acts (signing,
meeting, fighting, founding together) stay one telling: they are one act of all their parties."""
from __future__ import annotations

from dataclasses import replace

from annals.events.headline import join_names, present
from annals.model import Event

__all__ = ["EACH_MEMBER", "each_member"]

# The types of act that each state does for itself, however many a sentence lists.
EACH_MEMBER = frozenset({"membership", "withdrawal", "deployment", "deployment_end", "visit"})


def each_member(event: Event) -> list[Event]:
    """The event as each of its source states' own telling (the event itself where it is not collective)."""
    states = [a.name for a in event.actors if a.part == "source" and a.kind == "country" and not a.inferred]
    if event.type not in EACH_MEMBER or len(states) < 2:
        return [event]
    kinds = {a.name: a.kind for a in event.actors}
    together = join_names([a.name for a in event.actors if a.part == "source"], kinds) + " "
    out = []
    for state in states:
        actors = tuple(replace(a, part="other") if a.part == "source" and a.name != state else a for a in event.actors)
        headline = event.headline
        if headline and headline.lower().startswith(together.lower()):
            verb, _, rest = headline[len(together):].partition(" ")
            line = f"{join_names([state], kinds)} {'is' if verb == 'are' else present(verb)} {rest}".strip()
            headline = line[:1].upper() + line[1:]
        out.append(replace(event, actors=actors, headline=headline))
    return out

