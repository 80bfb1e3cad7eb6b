"""Repairs of the small parser's known slips, made on the tokens of one parsed sentence.

spaCy's small English model misreads a few shapes that the events' texts use
often: a chronology's present tense ("Belgian police arrest X", read as one
name), a capital opening a clause ("Kigali expels ...", read as an
adjective), a name just after an opening date ("On 2 May 2019 HMAS Ballarat
intercepted her", read as the date's object), a clause opened by "after"
("after A, who had ..., took office", read as "after A" and a verb with no
subject), a subject after an opening phrase ("In a hall in Oslo, A and B
signed", read as "Oslo, A and B"), a second name joined to the verb instead
of to the first ("opened by the President of A, X, and the President of B,
Y"), a name's head noun read as a clause's verb ("captured the Haji Pir
pass"), a second titled person hung on the first's "of". Each repair below
rewrites the arcs of one such shape and nothing else.
"""
from __future__ import annotations

from dataclasses import replace

from annals.model import Token

__all__ = ["mend"]

_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_FINITE = frozenset({"VBZ", "VBD", "VBP"})
_NAMED = frozenset({"PERSON", "ORG", "GPE"})


def mend(tokens: list[Token], first: int, text: str) -> None:
    """Repair, in place, the tokens of the sentence that starts at index `first`."""
    _mend_headline_verb(tokens, first)
    _mend_subject(tokens, first, text)
    _mend_subject_after_date(tokens, first)
    _mend_root_in_date_phrase(tokens, first)
    _mend_clause_read_as_phrase(tokens, first)
    _mend_subject_joined_to_phrase(tokens, first)
    _mend_name_joined_to_verb(tokens, first)
    _mend_noun_read_as_clause(tokens, first)
    _mend_person_read_as_of_phrase(tokens, first)


def _rearc(tokens: list[Token], k: int, **changes) -> None:
    """Token k with some of its fields changed: its arc (`dep`, `head`), its part of speech (`pos`, `tag`)."""
    tokens[k] = replace(tokens[k], **changes)


def _mend_headline_verb(tokens: list[Token], first: int) -> None:
    """A root noun with a direct object (or a name the parser hung on it) after it and a noun before it
    is a verb in the present, the noun before its subject ("Belgian police arrest X": "arrest" a noun
    of "police arrest" to the parser)."""
    for i in range(first, len(tokens)):
        tok = tokens[i]
        if tok.head != i or tok.pos != "NOUN":
            continue
        kids = [k for k in range(first, len(tokens)) if tokens[k].head == i and k != i]
        subject = max((k for k in kids if k < i and tokens[k].dep == "compound"
                       and tokens[k].pos in ("NOUN", "PROPN")), default=None)
        done_to = any(k > i and (tokens[k].dep == "dobj" or (tokens[k].dep == "npadvmod" and tokens[k].ent in _NAMED))
                      for k in kids)
        if not done_to or (subject is None and not any(tokens[k].dep == "dobj" for k in kids)):
            continue
        _rearc(tokens, i, pos="VERB", tag="VBZ" if tok.tag == "NNS" else "VBP")
        if subject is not None:
            _rearc(tokens, subject, dep="nsubj")
            for k in kids:
                if k < subject and tokens[k].dep in ("amod", "compound", "det"):
                    _rearc(tokens, k, head=subject)  # "Belgian" of "Belgian police", hung on the verb


def _mend_subject(tokens: list[Token], first: int, text: str) -> None:
    """A capitalised word that opens a clause and that the parser made a modifier of the finite verb
    after it, which has no subject, is that verb's subject ("Kigali expels two diplomats": "Kigali" an
    adjective of "expels")."""
    for i in range(first, len(tokens)):
        tok = tokens[i]
        head = tokens[tok.head]
        if tok.dep not in _MODIFIERS or tok.head <= i or not text[tok.start:tok.start + 1].isupper() \
                or head.pos not in ("VERB", "AUX") or head.tag not in _FINITE:
            continue
        if any(t.dep in ("nsubj", "nsubjpass", "expl") and t.head == tok.head for t in tokens[first:]):
            continue
        if any(tokens[k].head != i and tokens[k].dep not in ("compound", "det", "punct")
               for k in range(first, i)):
            continue  # not at the clause's start
        _rearc(tokens, i, pos="PROPN" if tok.pos == "ADJ" else tok.pos, tag="NNP" if tok.pos == "ADJ" else tok.tag,
               dep="nsubj")


def _mend_subject_after_date(tokens: list[Token], first: int) -> None:
    """A name just before a finite verb without a subject, that the parser hung in the date's phrase
    before it, is the verb's subject ("On 2 May 2019 HMAS Ballarat intercepted her": "Ballarat" the
    object of "On")."""
    for v in range(first + 1, len(tokens)):
        verb, name = tokens[v], tokens[v - 1]
        if verb.pos not in ("VERB", "AUX") or verb.tag not in _FINITE or name.pos != "PROPN" \
                or name.dep not in ("pobj", "appos", "npadvmod") or name.ent in ("DATE", "TIME") or name.head >= v - 1:
            continue
        if any(t.dep in ("nsubj", "nsubjpass", "expl", "csubj") and t.head == v for t in tokens[first:]):
            continue
        if not any(tokens[k].ent in ("DATE", "TIME") for k in range(max(first, name.head), v - 1)):
            continue  # not a date's phrase ("the cooperation with Peru began": no repair wanted)
        _rearc(tokens, v - 1, dep="nsubj", head=v)


def _mend_root_in_date_phrase(tokens: list[Token], first: int) -> None:
    """A sentence the parser rooted in its opening date's preposition, with the names after the date for
    that preposition's object and the verb hung on them ("On 14 October 1993 President A and President
    B signed ...": "On" the root, "signed" a clause on B): the verb is the root, the names its subject,
    a name's apposition after the verb its object."""
    root = next((k for k in range(first, len(tokens)) if tokens[k].head == k), None)
    if root is None or tokens[root].pos != "ADP" or root != first:
        return
    name = next((k for k in range(root + 1, len(tokens)) if tokens[k].head == root and tokens[k].dep == "pobj"), None)
    if name is not None and tokens[name].ent in ("DATE", "TIME"):
        # "On 16 August 2010 our Minister of Energy, A, and her counterpart, B, signed": the names hung on
        # the date as its apposition
        name = next((k for k in range(name + 1, len(tokens)) if tokens[k].head == name and tokens[k].dep == "appos"
                     and tokens[k].pos in ("PROPN", "NOUN") and tokens[k].ent not in ("DATE", "TIME")), None)
    if name is None or tokens[name].pos != "PROPN" or tokens[name].ent in ("DATE", "TIME") \
            or not any(tokens[k].ent in ("DATE", "TIME") for k in range(root + 1, name)):
        return
    verb = next((k for k in range(name + 1, len(tokens)) if tokens[k].dep in ("acl", "relcl")
                 and tokens[k].pos == "VERB" and tokens[k].tag in ("VBD", "VBN") and _descends(tokens, k, name)
                 and not any(tokens[j].dep in ("nsubj", "nsubjpass") and tokens[j].head == k for j in range(first, k))),
                None)
    if verb is None or any(t.dep in ("nsubj", "nsubjpass") and t.head == verb for t in tokens[first:]):
        return

    _rearc(tokens, verb, tag="VBD", dep="ROOT", head=verb)
    _rearc(tokens, name, dep="nsubj", head=verb)
    _rearc(tokens, root, dep="prep", head=verb)
    for k in range(verb + 1, len(tokens)):
        if tokens[k].head == name and tokens[k].dep == "appos":
            _rearc(tokens, k, dep="dobj", head=verb)  # ("... signed in Suva a fisheries accord")
    for k in range(first, len(tokens)):
        if tokens[k].head == root and tokens[k].dep == "punct" and k > verb:
            _rearc(tokens, k, head=verb)


_CLAUSE_OPENERS = frozenset({"after", "before", "until", "till", "since", "once"})


def _mend_clause_read_as_phrase(tokens: list[Token], first: int) -> None:
    """A finite verb with no subject, hung on the verb before it, right after an "after" (or "before",
    "until", "since") phrase of that verb, has the phrase's noun for subject, "after" its clause's opener
    ("talks began after Ana Ruiz, who had promised them, took office": Ruiz took office)."""
    for v in range(first + 1, len(tokens)):
        verb = tokens[v]
        if verb.pos != "VERB" or verb.tag not in _FINITE or verb.dep != "advcl" or verb.head >= v:
            continue
        if any(t.dep in ("nsubj", "nsubjpass", "expl", "csubj") and t.head == v for t in tokens[first:]):
            continue
        opener = next((k for k in range(v - 1, verb.head, -1) if tokens[k].head == verb.head and tokens[k].dep == "prep"
                       and tokens[k].lemma.lower() in _CLAUSE_OPENERS), None)
        noun = next((k for k in range(opener + 1, v) if tokens[k].head == opener and tokens[k].dep == "pobj"), None) \
            if opener is not None else None
        if noun is None or tokens[noun].pos not in ("PROPN", "NOUN", "PRON") or tokens[noun].ent in ("DATE", "TIME"):
            continue
        reach = noun
        for k in range(noun + 1, v):  # the noun's phrase, with its clause, runs up to the verb
            h = k
            while h != tokens[h].head and h != noun and first <= h:
                h = tokens[h].head
            if h == noun:
                reach = k
        if any(tokens[k].pos != "PUNCT" for k in range(reach + 1, v)):
            continue
        _rearc(tokens, opener, pos="SCONJ", dep="mark", head=v)
        _rearc(tokens, noun, dep="nsubj", head=v)


def _descends(tokens: list[Token], k: int, top: int) -> bool:
    """Whether token k lies under token `top` (or is it)."""
    seen = 0
    while k != top and tokens[k].head != k and seen < 64:
        k, seen = tokens[k].head, seen + 1
    return k == top


def _mend_subject_joined_to_phrase(tokens: list[Token], first: int) -> None:
    """A finite verb with no subject, right after a name that the parser joined ("conj") to the noun of
    an opening phrase across a comma, has that name for subject ("In a hall in Oslo, Minister A and
    his counterpart B signed": A and B signed, not "Oslo, A and B")."""
    for v in range(first + 1, len(tokens)):
        verb = tokens[v]
        if verb.pos != "VERB" or verb.tag not in _FINITE or verb.head != v:
            continue
        if any(t.dep in ("nsubj", "nsubjpass", "expl", "csubj") and t.head == v for t in tokens[first:]):
            continue
        for k in range(first, v):
            tok = tokens[k]
            if tok.dep != "conj" or tok.head >= k or tokens[tok.head].dep != "pobj" or tok.ent not in _NAMED \
                    or tokens[tok.head].ent == tok.ent:
                continue  # (a list of names of one kind is one phrase: "On 2 May A, B and C signed")
            if any(tokens[j].ent in ("DATE", "TIME") and tokens[j].head == tok.head for j in range(first, tok.head)):
                continue  # (a name right after a date, taken for the date's: another repair's)
            if not _descends(tokens, tok.head, v):
                continue
            phrase = [j for j in range(tok.head + 1, v) if _descends(tokens, j, k)]
            opening = min(phrase, default=k)
            if opening <= first or tokens[opening - 1].pos != "PUNCT" or max(phrase, default=k) != v - 1:
                continue
            _rearc(tokens, k, dep="nsubj", head=v)
            break


def _mend_name_joined_to_verb(tokens: list[Token], first: int) -> None:
    """A name that the parser joined ("conj") to a verb, after "and", belongs to the last name the verb
    governs before it ("opened by the President of A, X, and the President of B, Y": both presidents
    opened it). Not a gapped clause ("and Peru about 200", "and B in 1994")."""
    for k in range(first + 1, len(tokens)):
        tok = tokens[k]
        if tok.dep != "conj" or tok.pos != "PROPN" or tok.head >= k or tokens[tok.head].pos not in ("VERB", "AUX"):
            continue
        verb = tok.head
        kids = [j for j in range(first, len(tokens)) if tokens[j].head == k and j != k]
        if any(tokens[j].dep in ("nummod", "nsubj", "dobj") for j in kids) \
                or any(tokens[j].head == verb and tokens[j].dep in ("prep", "npadvmod", "advmod") for j in range(k + 1, len(tokens))):
            continue  # (a gapped clause: "made peace with A in 1979 and B in 1994")
        governed = [o for j in range(verb + 1, k) if tokens[j].head == verb and tokens[j].dep in ("agent", "prep", "dobj")
                    for o in ([j] if tokens[j].dep == "dobj" else
                              [m for m in range(j + 1, k) if tokens[m].head == j and tokens[m].dep == "pobj"])]
        named = [o for o in governed if tokens[o].pos == "PROPN"]
        cc = [j for j in range(verb + 1, k) if tokens[j].head == verb and tokens[j].dep == "cc"]
        if not named or not cc or cc[-1] < named[-1]:
            continue
        _rearc(tokens, k, head=named[-1])
        _rearc(tokens, cc[-1], head=named[-1])


def _mend_noun_read_as_clause(tokens: list[Token], first: int) -> None:
    """A present verb right after a name with "the" before it, where the name is its subject and the clause
    stands as the object of a verb with none of its own, or the name is that verb's object and the present
    verb a clause with no subject, is the object's head noun ("its troops captured the Haji Pir pass on 28
    August": the pass was captured; the phrases on it are the verb's)."""
    for v in range(first + 1, len(tokens)):
        tok = tokens[v]
        if tok.pos != "VERB" or tok.tag != "VBP" or tok.dep not in ("ccomp", "advcl") or tok.head >= v:
            continue
        verb = tok.head
        kids = [j for j in range(first, len(tokens)) if tokens[j].head == v and j != v]
        name = v - 1
        if tokens[name].pos != "PROPN" or any(tokens[j].dep in ("dobj", "nsubjpass", "aux") for j in kids):
            continue
        if tok.dep == "ccomp":  # ("the Haji Pir" the subject of "pass")
            if tokens[name].dep != "nsubj" or tokens[name].head != v \
                    or any(tokens[j].head == verb and tokens[j].dep == "dobj" for j in range(first, len(tokens))):
                continue
        elif tokens[name].dep != "dobj" or tokens[name].head != verb or any(tokens[j].dep == "nsubj" for j in kids):
            continue  # ("the Rio Tambo" the object, "pass" a clause of its own)
        if not any(tokens[j].head == name and tokens[j].dep == "det" and tokens[j].lemma.lower() == "the"
                   for j in range(first, name)):
            continue
        _rearc(tokens, v, pos="NOUN", tag="NN", dep="dobj", head=verb)
        _rearc(tokens, name, dep="compound", head=v)
        for j in range(first, name):
            if tokens[j].head == name and tokens[j].dep == "det":
                _rearc(tokens, j, head=v)
        for j in kids:
            if j > v and tokens[j].dep in ("prep", "npadvmod", "punct"):
                _rearc(tokens, j, head=verb)


def _mend_person_read_as_of_phrase(tokens: list[Token], first: int) -> None:
    """"President A of Chile and President B of Peru met": the parser makes B the object of A's "of", with
    "Chile" a modifier of B, or joins B to "Chile"; A's "of" is Chile, and B is joined to A."""
    for b in range(first + 2, len(tokens)):
        tok = tokens[b]
        if tok.dep != "pobj" or tok.ent != "PERSON" or tokens[tok.head].lemma.lower() != "of":
            continue
        of = tok.head
        a = tokens[of].head
        if a == of or tokens[a].ent != "PERSON" or a > of:
            continue
        state = next((j for j in range(of + 1, b) if tokens[j].head == b and tokens[j].dep in ("nmod", "compound")
                      and tokens[j].ent in ("GPE", "ORG")), None)
        cc = next((j for j in range(of + 1, b) if tokens[j].dep == "cc" and tokens[j].head in (state, b)), None)
        if state is None or cc is None or not state < cc:
            continue
        _rearc(tokens, state, dep="pobj", head=of)
        _rearc(tokens, b, dep="conj", head=a)
        _rearc(tokens, cc, head=a)
    for b in range(first + 2, len(tokens)):
        tok = tokens[b]  # (or B joined to "Chile": "A of [Chile and B]")
        state = tok.head
        if tok.dep != "conj" or tok.ent != "PERSON" or state >= b or tokens[state].ent not in ("GPE", "ORG") \
                or tokens[state].dep != "pobj" or tokens[tokens[state].head].lemma.lower() != "of":
            continue
        a = tokens[tokens[state].head].head
        if tokens[a].ent != "PERSON" or a > state:
            continue
        _rearc(tokens, b, head=a)
        for j in range(state + 1, b):
            if tokens[j].dep == "cc" and tokens[j].head == state:
                _rearc(tokens, j, head=a)
