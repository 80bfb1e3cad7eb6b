"""Sentence splitting on the shapes the example article holds."""
from __future__ import annotations

import pytest

from annals.read import read_text
from annals.segment import segment


def sentences(text: str) -> list[str]:
    doc = segment(read_text(text))
    return [doc.text[s.start:s.end] for s in doc.sentences if s.kind == "prose"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On his trip, Mr. Solana visited Baku. He left.", ["On his trip, Mr. Solana visited Baku.", "He left."]),
        ("In May 2006, I. Aliyev spoke. He left.", ["In May 2006, I. Aliyev spoke.", "He left."]),
        ("Rasmussen welcomed I.Aliyev at NATO. They talked.", ["Rasmussen welcomed I.Aliyev at NATO.", "They talked."]),
        ("on March 7, 2008.Azerbaijan has completed it.", ["on March 7, 2008.", "Azerbaijan has completed it."]),
        ("inaugurated in Baku.Azerbaijan carries on.", ["inaugurated in Baku.", "Azerbaijan carries on."]),
        ("support of NATO Support Agency (former NAMSA).The second stage started.", ["support of NATO Support Agency (former NAMSA).", "The second stage started."]),
        ("an area of 64 km^{2} from land mines. At the first stage 19 km^{2} area was cleaned.", ["an area of 64 km^{2} from land mines.", "At the first stage 19 km^{2} area was cleaned."]),
        ('"We hope so," Simmons said. "It will improve."', ['"We hope so," Simmons said.', '"It will improve."']),
        ("U.S. forces left. The U.S. Army stayed.", ["U.S. forces left.", "The U.S. Army stayed."]),
        ("It costs 3.5 million. Next year more.", ["It costs 3.5 million.", "Next year more."]),
        ("Aug. 7, 1998 was hot. No. 5 won.", ["Aug. 7, 1998 was hot.", "No. 5 won."]),
    ],
)
def test_segment_splits_sentences(text, expected):
    assert sentences(text) == expected


def test_segment_list_items_are_their_own_sentences():
    doc = segment(read_text("Projects:\n- Energy security in the XXI century;\n- Cyber Defense Course.\n"))
    items = [doc.text[s.start:s.end] for s in doc.sentences if s.kind == "list"]
    assert items == ["Energy security in the XXI century;", "Cyber Defense Course."]


def test_segment_offsets_point_into_the_text(example_text):
    doc = segment(read_text(example_text))
    for s in doc.sentences:
        chunk = doc.text[s.start:s.end]
        assert chunk == chunk.strip() and chunk
    assert any(doc.text[s.start:s.end].startswith("NATO Secretary General Javier Solana paid a visit") for s in doc.sentences)
