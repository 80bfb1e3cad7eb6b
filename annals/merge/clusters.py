"""Which tellings are one event, decided for a whole group at once, whatever order they came in.

    groups = cluster(tellings, keys)

`keys` give each telling a stable identity (its document's hash, its offset,
its date and type): the tellings are taken in the order of their keys, so the
result depends on the set of tellings only, not on the order in which
documents were added. Two steps:

1. tellings that are the same event with agreeing dates (`same_event`) are
   joined, transitively;
2. two groups that a contradicting date links (a conflict) are joined only if
   all their dates lie within a year of each other, so that a chain of yearly
   meetings never becomes one event.

Each group is returned with its members in key order; groups in the order of
their first key.
"""
from __future__ import annotations

from collections.abc import Sequence

from annals.merge.dates import near
from annals.merge.frames import Telling, same_event

__all__ = ["cluster"]


class _Groups:
    """Union-find over indexes; the smaller root wins, so the result is order-free."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def cluster(tellings: Sequence[Telling], keys: Sequence[tuple]) -> list[list[int]]:
    """Groups of indexes into `tellings` that tell one event (see the module's docstring)."""
    order = sorted(range(len(tellings)), key=lambda i: keys[i])
    rank = {i: r for r, i in enumerate(order)}
    ranked = [tellings[i] for i in order]
    groups = _Groups(len(ranked))
    conflicts: list[tuple[int, int]] = []
    for a in range(len(ranked)):
        for b in range(a + 1, len(ranked)):
            same, conflict = same_event(ranked[b], ranked[a])
            if same and not conflict:
                groups.join(a, b)
            elif same:
                conflicts.append((a, b))
    for a, b in conflicts:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        dates = [ranked[i].date for i in range(len(ranked)) if groups.find(i) in (ra, rb)]
        if all(near(x, y) for x in dates for y in dates):
            groups.join(ra, rb)
    members: dict[int, list[int]] = {}
    for r in range(len(ranked)):
        members.setdefault(groups.find(r), []).append(order[r])
    out = sorted(members.values(), key=lambda group: rank[group[0]])
    return out
