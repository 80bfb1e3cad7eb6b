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
# The predicates that each party, state or body, does for itself, whatever the type.
EACH_PARTY = frozenset({"ratify"})


def each_member(event: Event) -> list[Event]:
    """The event as each of its source states' own telling (the event itself where it is not collective)."""
    states = [a.name for a in event.actors if a.part == "source" and a.kind == "country" and not a.inferred]
    each_party = event.predicate is not None and event.predicate.lemma in EACH_PARTY
    if each_party:
        states = [a.name for a in event.actors if a.part == "source" and a.kind in ("country", "organization")
                  and not a.inferred]
    elif event.type not in EACH_MEMBER:
        return [event]
    if len(states) < 2:
        return [event]
    kinds = {a.name: a.kind for a in event.actors}
    together = join_names([a.name for a in event.actors if a.part == "source"], kinds) + " "
    out = []
    for state in states:
        actors = tuple(replace(a, part="other") if a.part == "source" and a.name != state else a for a in event.actors)
        if each_party:
            # (not the other parties, nor the states their names are of: "the National Assembly of A"
            # is no part of B's parliament's ratification)
            others = [name for name in states if name != state]
            actors = tuple(a for a in actors if a.name not in others and not (
                a.part != "source" and a.kind == "country" and any(name.endswith(f" of {a.name}") for name in others)))
        headline = event.headline
        if headline and headline.lower().startswith(together.lower()):
            verb, _, rest = headline[len(together):].partition(" ")
            line = f"{join_names([state], kinds)} {'is' if verb == 'are' else present(verb)} {rest}".strip()
            headline = line[:1].upper() + line[1:]
        out.append(replace(event, actors=actors, headline=headline))
    return out

