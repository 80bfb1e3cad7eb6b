"""Issue 14: a sentence's actors are found once, however many dated events the sentence tells."""
from __future__ import annotations

import pytest

import annals
from annals.resolve import actors as resolve_actors

pytestmark = pytest.mark.issue(14)

MANY_DATES = ("Georgia joined the IMF in 1992, the World Bank in 1993, the OSCE in 1994, the WTO in 2000, "
              "the Council of Europe in 1999, the Partnership for Peace in 1994 and the BSEC in 1995.")


class _Counting:
    """A pattern that notes each span of text it is asked to scan."""

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.spans: list[tuple[int, int]] = []

    def finditer(self, text: str, start: int, end: int):
        self.spans.append((start, end))
        return self.pattern.finditer(text, start, end)


@pytest.mark.parametrize("pattern", ["_BARE_OFFICE", "_LEGISLATURE"])
def test_resolve_hostile_a_sentence_is_scanned_once_for_all_its_events(monkeypatch, pattern):
    counting = _Counting(getattr(resolve_actors, pattern))
    monkeypatch.setattr(resolve_actors, pattern, counting)
    doc = annals.extract(MANY_DATES)
    assert len({e.evidence_start for e in doc.events}) == 1 and len(doc.events) >= 5
    assert counting.spans and len(counting.spans) == len(set(counting.spans))
