"""Which date a merged event keeps, and which of its tellings' dates contradict it."""
from __future__ import annotations

from annals.merge.dates import compatible

__all__ = ["choose_date"]


def _precision(value: str) -> int:
    return len(value.split("/")[0].replace("X", ""))


def choose_date(values: list[str], *, weights: list[int] | None = None) -> tuple[str, list[int]]:
    """The date a merged event keeps, and the indexes of the values that contradict it.

    The most precise value that agrees with the most tellings (`weights` counts how many tellings
    give each value, one each by default); ties go to the value that sorts first, so that the
    choice does not depend on the order the tellings came in.
    """
    weights = weights or [1] * len(values)
    best_index, best_key = 0, None
    for i, value in enumerate(values):
        agreeing = sum(w for other, w in zip(values, weights) if compatible(value, other))
        key = (agreeing, _precision(value), _Reverse(value))
        if best_key is None or key > best_key:
            best_index, best_key = i, key
    chosen = values[best_index]
    return chosen, [i for i, value in enumerate(values) if not compatible(chosen, value)]


class _Reverse(str):
    """A string that compares the other way round (the earlier value wins a tie)."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)
