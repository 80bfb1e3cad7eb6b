"""The parser's repairs (annals/parse_repairs.py) on the exact misreadings they mend, written out as tokens."""
from __future__ import annotations

import re

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


def test_parse_repairs_a_second_person_read_as_the_object_of_the_first_persons_of():
    """"President A of X and President B of Y met", read as "A of [X-modified B]": A's "of" is X, B is
    joined to A."""
    text = "President Ana Vidal of Chile and President Luis Mora of Peru met in 2002 ."
    tokens = _tokens(text, "President:PROPN:NNP:compound:2: Ana:PROPN:NNP:compound:2:PERSON "
                           "Vidal:PROPN:NNP:nsubj:11:PERSON of:ADP:IN:prep:2: Chile:PROPN:NNP:nmod:8:GPE "
                           "and:CCONJ:CC:cc:4: President:PROPN:NNP:compound:8: Luis:PROPN:NNP:compound:8:PERSON "
                           "Mora:PROPN:NNP:pobj:3:PERSON of:ADP:IN:prep:8: Peru:PROPN:NNP:pobj:9:GPE "
                           "met:VERB:VBD:ROOT:11: in:ADP:IN:prep:11: 2002:NUM:CD:pobj:12:DATE .:PUNCT:.:punct:11:")
    mend(tokens, 0, text)
    assert (tokens[4].dep, tokens[4].head) == ("pobj", 3)
    assert (tokens[8].dep, tokens[8].head) == ("conj", 2)
    assert tokens[5].head == 2


def test_parse_repairs_a_second_person_joined_to_the_first_persons_state():
    text = "President Ana Vidal of Chile and President Luis Mora of Peru met in 2002 ."
    tokens = _tokens(text, "President:PROPN:NNP:compound:2: Ana:PROPN:NNP:compound:2:PERSON "
                           "Vidal:PROPN:NNP:nsubj:11:PERSON of:ADP:IN:prep:2: Chile:PROPN:NNP:pobj:3:GPE "
                           "and:CCONJ:CC:cc:4: President:PROPN:NNP:compound:8: Luis:PROPN:NNP:compound:8:PERSON "
                           "Mora:PROPN:NNP:conj:4:PERSON of:ADP:IN:prep:8: Peru:PROPN:NNP:pobj:9:GPE "
                           "met:VERB:VBD:ROOT:11: in:ADP:IN:prep:11: 2002:NUM:CD:pobj:12:DATE .:PUNCT:.:punct:11:")
    mend(tokens, 0, text)
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
