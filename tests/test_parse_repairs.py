"""The parser's repairs (annals/parse_repairs.py) on the exact misreadings they mend, written out as tokens."""
from __future__ import annotations

import re

import pytest

from annals.model import Token
from annals.parse_repairs import mend


def _tokens(text: str, arcs: str) -> list[Token]:
    """Tokens of `text` (one a word or mark) from arcs "word:POS:TAG:dep:head:ENT" separated by spaces."""
    words = [m for m in re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text)]
    out = []
    for m, arc in zip(words, arcs.split(), strict=True):
        word, pos, tag, dep, head, ent = arc.split(":")
        assert word == m.group()
        out.append(Token(m.start(), m.end(), word.lower(), pos, tag, dep, int(head), ent))
    return out


_TWO_PRESIDENTS = "President Ana Vidal of Chile and President Luis Mora of Peru met in 2002 ."
_FIRST = "President:PROPN:NNP:compound:2: Ana:PROPN:NNP:compound:2:PERSON Vidal:PROPN:NNP:nsubj:11:PERSON of:ADP:IN:prep:2: "
_LAST = ("President:PROPN:NNP:compound:8: Luis:PROPN:NNP:compound:8:PERSON {mora} of:ADP:IN:prep:8: "
         "Peru:PROPN:NNP:pobj:9:GPE met:VERB:VBD:ROOT:11: in:ADP:IN:prep:11: 2002:NUM:CD:pobj:12:DATE .:PUNCT:.:punct:11:")


@pytest.mark.parametrize("misread", [
    # B the object of A's "of", X a modifier of B
    "Chile:PROPN:NNP:nmod:8:GPE and:CCONJ:CC:cc:4: " + _LAST.format(mora="Mora:PROPN:NNP:pobj:3:PERSON"),
    # B joined to X, the object of A's "of"
    "Chile:PROPN:NNP:pobj:3:GPE and:CCONJ:CC:cc:4: " + _LAST.format(mora="Mora:PROPN:NNP:conj:4:PERSON"),
])
def test_parse_repairs_a_second_titled_person_is_joined_to_the_first(misread):
    """"President A of X and President B of Y met": A's "of" is X, and B is joined to A."""
    tokens = _tokens(_TWO_PRESIDENTS, _FIRST + misread)
    mend(tokens, 0, _TWO_PRESIDENTS)
    assert (tokens[4].dep, tokens[4].head) == ("pobj", 3)
    assert (tokens[8].dep, tokens[8].head) == ("conj", 2)
    assert tokens[5].head == 2


def test_parse_repairs_a_list_of_states_after_a_person_is_left_alone():
    """"President A of Chile and Peru": no second person, nothing to mend."""
    text = "President Ana Vidal of Chile and Peru met in 2002 ."
    arcs = ("President:PROPN:NNP:compound:2: Ana:PROPN:NNP:compound:2:PERSON Vidal:PROPN:NNP:nsubj:7:PERSON "
            "of:ADP:IN:prep:2: Chile:PROPN:NNP:pobj:3:GPE and:CCONJ:CC:cc:4: Peru:PROPN:NNP:conj:4:GPE "
            "met:VERB:VBD:ROOT:7: in:ADP:IN:prep:7: 2002:NUM:CD:pobj:8:DATE .:PUNCT:.:punct:7:")
    tokens = _tokens(text, arcs)
    mend(tokens, 0, text)
    assert tokens == _tokens(text, arcs)
