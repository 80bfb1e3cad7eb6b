"""Issue 14: ordinary prose stays linear: the work per sentence does not grow with the document."""
from __future__ import annotations

import pytest

import annals
from annals.events.tree import Tree

pytestmark = pytest.mark.issue(14)

PARAGRAPH = "Chile opened an embassy in Lima in {year}. The two countries signed a trade agreement on 3 May {year}.\n\n"


def tree_steps(monkeypatch, copies: int) -> int:
    """How many times the parse tree is walked (Tree.head) to extract `copies` paragraphs."""
    steps = [0]
    head = Tree.head

    def counted(self, i):
        steps[0] += 1
        return head(self, i)

    monkeypatch.setattr(Tree, "head", counted)
    doc = annals.extract("".join(PARAGRAPH.format(year=1900 + i) for i in range(copies)))
    assert any(e.object and e.object.name == "Embassy of Chile in Lima" for e in doc.events)
    return steps[0]


@pytest.mark.parametrize("copies", [10])
def test_events_hostile_a_post_in_a_city_takes_work_that_grows_linearly(monkeypatch, copies):
    ratio = tree_steps(monkeypatch, 4 * copies) / tree_steps(monkeypatch, copies)
    assert ratio < 6, ratio  # linear: 4; a scan of every earlier token per sentence: 16
