"""The predicate of each date: the verb or event noun it belongs to, read from the dependency tree.

From the date's head the tree is climbed (through prepositions, noun
modifiers, appositions, relative and "when" clauses, conjunctions and
passives) to the first verb or event noun. Then:

- a "when" clause on the date or on an aspectual verb names what happened
  ("dates back to 1994, when it joined": `joined`);
- an event noun that only frames the verb ("At the summit in 2010, the
  leaders welcomed ...") gives way to the verb; an event noun that is the
  object of a light verb ("paid a visit") or the subject of a framing one
  ("the accession took place") is where the meaning is, but the verb is
  kept as the predicate's word and the noun decides the type;
- a date whose climb ends at a root that is neither ("12 March 1999:
  Poland joins NATO") takes the nearest predicate in the tree.

A date is unreal (no event) when its predicate is asked about, negated, carries a
modal auxiliary, is itself a word of planning or expecting, or hangs as
an infinitive under one ("plans to join in 2010").
"""
from __future__ import annotations

from dataclasses import dataclass

from annals.events.lexicon import Lexicon, lexicon
from annals.events.tree import NOUNS, VERBS, Tree
from annals.model import TimeMention

__all__ = ["FIXED_OBJECTS", "Reading", "in_force", "key_of", "read_date", "verb_lemma", "verb_like"]

_FRAME_PREPS = frozenset({"at", "during", "on", "in", "after", "before", "following", "ahead", "amid", "on the sidelines of"})
# The phrases that name the means of an act: "according to the decree", "by a decision", "under the law".
_MEANS_PREPS = frozenset({"according", "due", "based", "pursuant", "under", "by", "following", "through"})
# Object nouns that make one predicate with their verb: "take place", "take part", "take office";
# and prepositional ones: "come into force", "rise to power".
FIXED_OBJECTS = frozenset({"place", "part", "office", "power", "effect", "shape", "way"})
_PARTICLES = frozenset({"out", "up", "off", "down", "back"})
_VERB_PREP_OBJECTS = frozenset({"force", "effect", "power", "office", "war", "being", "existence", "polls"})


@dataclass(frozen=True)
class Reading:
    """What one date belongs to: the predicate's token, the token whose meaning decides the type
    (the same, or the event noun of a light verb), whether it is unreal, and the event noun that
    framed the verb ("at the summit"), if any."""

    token: int
    meaning: int
    unreal: bool
    frame: int | None = None


def verb_lemma(tree: Tree, i: int) -> str:
    """The token's lemma, "found" where the tagger read the present of "to found" as "find"
    ("five states found the Organisation")."""
    lemma = tree.lemma(i)
    if lemma == "find" and tree.word(i).lower() == "found" and any(
            tree.tokens[k].pos == "PROPN" for k in tree.children(i, "dobj")):
        return "found"
    lex = lexicon()
    if tree.word(i).lower() == f"{lemma}ed" and lemma not in lex.verbs and f"{lemma}e" in lex.verbs:
        return f"{lemma}e"  # ("staged": "stage", not the tagger's "stag")
    if tree.word(i).lower() == f"{lemma}d" and lemma.endswith("te") and lemma not in lex.verbs \
            and (lemma[:-1] in lex.verbs or (lemma.startswith("re") and lemma[2:-1] in lex.verbs)):
        return lemma[:-1]  # ("reappointed": "reappoint", not the tagger's "reappointe")
    return lemma


def key_of(tree: Tree, i: int) -> str:
    """The lexicon key of a predicate: its lemma, with its particle or its fixed object."""
    lemma = verb_lemma(tree, i)
    if tree.tokens[i].pos in VERBS:
        for k in tree.children(i, "prt"):
            return f"{lemma} {tree.lemma(k)}"
        for k in tree.children(i, "prep"):  # "pulled out of": a particle parsed as a preposition
            if tree.lemma(k) in _PARTICLES and tree.children(k, "prep"):
                return f"{lemma} {tree.lemma(k)}"
        for k in tree.children(i, "dobj"):
            if tree.lemma(k) in FIXED_OBJECTS:
                return f"{lemma} {tree.lemma(k)}"
        for prep in tree.children(i, "prep"):
            for k in tree.children(prep, "pobj", "pcomp"):  # ("came into being": a gerund's place)
                word = tree.lemma(k) if tree.lemma(k) in _VERB_PREP_OBJECTS else tree.word(k).lower()
                if word in _VERB_PREP_OBJECTS:
                    return f"{lemma} {tree.lemma(prep)} {word}"
    return lemma


def _purpose_of(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """"recalled its ambassador for consultations on 18 July": the verb whose purpose the event noun
    after "for" is owns the date."""
    if not _is_event_noun(tree, lex, i) or tree.tokens[i].dep != "pobj" or tree.is_root(i):
        return None
    prep = tree.head(i)
    if tree.lemma(prep) != "for" or tree.is_root(prep):
        return None
    verb = tree.head(prep)
    entry = lex.verbs.get(key_of(tree, verb))
    return verb if tree.tokens[verb].pos == "VERB" and entry is not None and not (entry.light or entry.frame) else None


def _is_event_noun(tree: Tree, lex: Lexicon, i: int) -> bool:
    return tree.tokens[i].pos in NOUNS and tree.lemma(i) in lex.nouns


_MAIN = frozenset({"ROOT", "ccomp", "conj", "parataxis", "dep"})
_AFTER_VERB = frozenset({"DET", "PROPN", "ADP", "NUM", "PRON", "ADV"})


def verb_like(tree: Tree, lex: Lexicon, i: int) -> bool:
    """A verb, or a verb of the lexicon that the tagger took for a noun in a headline-style clause
    ("Turkey and the EEC sign an agreement": a noun, not an event noun, between a name and what
    a verb takes next)."""
    tok = tree.tokens[i]
    if tok.pos == "VERB":
        return True
    if tok.pos != "NOUN" or tree.lemma(i) not in lex.verbs or tree.lemma(i) in lex.nouns:
        return False
    b, a = i - 1, i + 1
    while b >= 0 and (tree.tokens[b].pos == "PUNCT" or tree.tokens[b].pos == "ADV"):
        b -= 1
    while a < len(tree.tokens) and tree.tokens[a].pos == "PUNCT" and tree.word(a) in "\"“”'‘’":
        a += 1
    before = tree.tokens[b] if b >= 0 else None
    after = tree.tokens[a] if a < len(tree.tokens) else None
    return (before is not None and before.pos in ("PROPN", "NOUN") and before.ent != ""
            and after is not None and after.pos in (*_AFTER_VERB, "ADJ"))


def _prepositional(tree: Tree, i: int) -> bool:
    """A verb form that works as a preposition: "following the invasion", "including the battle"."""
    tok = tree.tokens[i]
    return tok.dep == "prep" or (tok.tag == "VBG" and bool(tree.children(i, "pobj")) and not tree.children(i, "dobj"))


def _is_predicate(tree: Tree, lex: Lexicon, i: int) -> bool:
    tok = tree.tokens[i]
    if _prepositional(tree, i):  # "including", "following": prepositions tagged as verbs
        return False
    if tree.word(i)[:1].isupper() and i > 0 and tree.tokens[i - 1].dep != "punct" and not tree.is_root(i) and (
            tok.ent in ("PERSON", "GPE", "NORP")
            or (tok.dep in ("conj", "appos", "compound") and tree.tokens[tree.head(i)].pos == "PROPN")):
        return False  # a name, not a verb: "Sadat and Begin sign"
    if verb_like(tree, lex, i):
        return True
    if tok.pos == "AUX":
        return tok.dep not in ("aux", "auxpass")
    return _is_event_noun(tree, lex, i)


def _when_clause(tree: Tree, i: int) -> int | None:
    """A clause introduced by "when" that hangs on token i ("1994, when the latter joined")."""
    for k in tree.children(i, "relcl", "advcl", "acl"):
        if any(tree.lemma(w) == "when" for w in tree.children(k, "advmod")):
            return k
    return None


def _known(tree: Tree, lex: Lexicon, i: int) -> bool:
    return key_of(tree, i) in lex.verbs or tree.lemma(i) in lex.verbs


def _subordinate(tree: Tree, i: int) -> bool:
    """A verb that only qualifies what is above it: a participle on a noun ("a unit composed of"),
    a purpose ("to develop"), an infinitive complement."""
    tok = tree.tokens[i]
    if tok.dep == "acl":
        return True
    if tok.dep in ("advcl", "xcomp"):
        return any(tree.lemma(k) == "to" for k in tree.children(i, "aux"))
    return False


# Participles that only give a thing's date ("a letter dated 5 May"): never the predicate.
_DATING = frozenset({"date"})


def _climb(tree: Tree, lex: Lexicon, start: int) -> int | None:
    """The first predicate at or above `start` (the date's own head is skipped unless an event noun).

    A subordinate verb the lexicon does not know gives way to a predicate above it; a known one
    too when it is a purpose infinitive of a known verb ("signed the document to develop ...")
    or the infinitive of a verb that governs it ("was invited to join").
    """
    when = _when_clause(tree, start)
    if when is not None:
        return when
    if _is_event_noun(tree, lex, start):
        return start
    fallback = None
    for i in tree.ancestors(start):
        if tree.tokens[i].dep == "pcomp" and not tree.is_root(i) and not tree.is_root(tree.head(i)) \
                and key_of(tree, tree.head(tree.head(i))).endswith(f" {tree.word(i).lower()}"):
            return tree.head(tree.head(i))  # "came into being on 2 June": the phrase's verb
        purpose = _purpose_of(tree, lex, i)
        if purpose is not None:
            return purpose
        if tree.lemma(i) in _DATING and tree.tokens[i].dep in ("acl", "advcl") and not tree.is_root(i) \
                and not tree.children(i, "nsubj", "nsubjpass"):
            # "the resolution of the parliament dated 29 December 2017": the date of the resolution
            if _is_event_noun(tree, lex, tree.head(i)):
                return tree.head(i)
            continue
        if _prepositional(tree, i):
            # "Following the invasion in 2022, ...": the event noun it governs.
            nouns = [k for k in tree.children(i, "pobj") if _is_event_noun(tree, lex, k)]
            if nouns:
                return nouns[0]
        if tree.lemma(i) in lex.own_dates and tree.tokens[i].pos in NOUNS \
                and any(tree.tokens[k].dep == "prep" and tree.lemma(k) != "of" and tree.head(k) == i
                        for k in tree.ancestors(start)):
            continue  # ("revise the judgment on 2 February": the asking's date, not the judgment's)
        if _is_predicate(tree, lex, i):
            if fallback is None:
                fallback = i
            if _subordinate(tree, i) and not tree.is_root(i):
                head = tree.head(i)
                known = _known(tree, lex, i)
                # "was invited to join in 2008": the invitation; "invited X to attend the summit on
                # 14 May": the summit.
                # ("asked the Bank to appoint an expert in 2005": the asking, who was asked aside; "invited
                # X to attend the summit on 14 April": the summit)
                governs = (tree.lemma(head) in lex.governing or tree.lemma(head) in lex.aspiration) \
                    and (not tree.children(head, "dobj")
                         or not any(_is_event_noun(tree, lex, k) and tree.lemma(k) not in lex.own_dates
                                    for k in tree.children(i, "dobj")))
                if not known or governs or (tree.tokens[i].dep == "advcl" and _known(tree, lex, head)):
                    continue
            if tree.tokens[i].pos in VERBS and not _known(tree, lex, i) and tree.tokens[i].dep in ("acl", "pcomp"):
                continue  # ("an agreement on fishing on 13 July": what the agreement is about)
            return i
        when = _when_clause(tree, i)
        if when is not None and tree.tokens[i].pos in (*NOUNS, "ADP"):
            return when
    return fallback


def _distance(tree: Tree, a: int, b: int) -> int:
    up_a = [a, *tree.ancestors(a)]
    up_b = {k: n for n, k in enumerate([b, *tree.ancestors(b)])}
    for n, k in enumerate(up_a):
        if k in up_b:
            return n + up_b[k]
    return 99


def _nearest(tree: Tree, lex: Lexicon, date: int, sentence: list[int], inside: set[int]) -> int | None:
    """The predicate of the sentence nearest the date in the tree (then in the text)."""
    found = [i for i in sentence if i not in inside and _is_predicate(tree, lex, i)]
    if not found:
        return None
    return min(found, key=lambda i: (_distance(tree, date, i), abs(i - date)))


def _governing_verb(tree: Tree, noun: int) -> tuple[int, str] | None:
    """The verb a noun is an argument of, and how: ("dobj"), ("nsubj"), or the preposition's word."""
    dep = tree.tokens[noun].dep
    head = tree.head(noun)
    if head == noun:
        return None
    if dep in ("dobj", "nsubj", "nsubjpass", "attr") and tree.tokens[head].pos in VERBS:
        return head, dep
    if dep == "pobj" and tree.tokens[head].dep == "prep":
        verb = tree.head(head)
        # "according to", "due to", "based on": the preposition hangs on a word that hangs on the verb.
        if tree.tokens[verb].dep in ("prep", "advmod", "amod", "acomp") and tree.tokens[verb].pos not in NOUNS \
                and not tree.is_root(verb):
            head, verb = verb, tree.head(verb)
        elif tree.tokens[verb].pos in NOUNS and tree.tokens[verb].dep in ("dobj", "advmod", "npadvmod") \
                and not tree.is_root(verb):
            # "joined PfP at the summit": the phrase hangs on the object, the scene is the verb's.
            verb = tree.head(verb)
        if verb != head and tree.tokens[verb].pos in VERBS:
            return verb, tree.lemma(head)
    return None


def _frame_of(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The verb that a frame noun sets the scene for ("at the summit ..., leaders welcomed"), or
    that a participle on a frame noun leads to ("at the meeting held in May, ministers agreed")."""
    noun = i
    if tree.tokens[i].pos in VERBS and tree.tokens[i].dep == "acl":
        noun = tree.head(i)
        # "the meeting of the Council held in May": the participle's noun belongs to a frame noun.
        while tree.lemma(noun) not in lex.frames and tree.tokens[noun].dep == "pobj" \
                and tree.lemma(tree.head(noun)) == "of" and not tree.is_root(tree.head(noun)):
            noun = tree.head(tree.head(noun))
    if tree.lemma(noun) not in lex.frames:
        return None
    # "on the sidelines of a summit", "on the occasion of the visit": the outer frame noun.
    while tree.tokens[noun].dep == "pobj" and tree.lemma(tree.head(noun)) == "of" \
            and tree.lemma(tree.head(tree.head(noun))) in lex.frames:
        noun = tree.head(tree.head(noun))
    governing = _governing_verb(tree, noun)
    if governing is None:
        return None
    verb, how = governing
    if (how in _FRAME_PREPS or how in _MEANS_PREPS) and _known(tree, lex, verb):
        return verb
    return None


def _scene_of(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The main clause's act where a frame noun only sets the scene of a "when" clause ("When a
    delegation was seated at the summit in 1984, Morocco announced its withdrawal": announced)."""
    if tree.lemma(i) not in lex.frames:
        return None
    governing = _governing_verb(tree, i)
    if governing is None or governing[1] not in _FRAME_PREPS:
        return None
    verb = governing[0]
    if tree.tokens[verb].dep == "advcl" and not tree.is_root(verb) \
            and any(tree.lemma(k) == "when" for k in tree.children(verb, "advmod", "mark")) \
            and tree.tokens[tree.head(verb)].pos in VERBS and _known(tree, lex, tree.head(verb)):
        return tree.head(verb)
    return None


def _opening_when(tree: Tree, lex: Lexicon, i: int) -> bool:
    """Whether verb i, of no known act, opens the sentence in a "when" clause that only times the act
    of the main clause after it ("When A fled in November 2000, B made him prime minister": made)."""
    tok = tree.tokens[i]
    if tok.dep != "advcl" or tree.is_root(i) or not any(tree.lemma(k) == "when" for k in tree.children(i, "advmod", "mark")):
        return False
    main = tree.head(i)
    # (an intransitive happening, "fled", "died", before an act done to someone or of a known kind:
    # not "When A stopped the flow in 1948, B's officials feared", which only tells a mood)
    return main > i and tree.tokens[main].pos in VERBS and bool(tree.children(main, "nsubj")) \
        and tree.lemma(main) not in lex.modal and not tree.children(i, "dobj") \
        and (_known(tree, lex, main) or bool(tree.children(main, "dobj", "ccomp", "oprd")))


def _settle(tree: Tree, lex: Lexicon, i: int, date: int | None = None) -> tuple[int, int, int | None]:
    """(predicate, meaning, frame): where a verb and an event noun share the date, which speaks for it."""
    frame = _frame_of(tree, lex, i)
    if frame is not None:
        return frame, frame, i
    scene = _scene_of(tree, lex, i)
    if scene is not None:
        return scene, scene, None
    if tree.tokens[i].pos in NOUNS:
        governing = _governing_verb(tree, i)
        if governing is not None:
            verb, how = governing
            entry = lex.verbs.get(key_of(tree, verb))
            if entry is not None and (entry.light or entry.frame) and how in ("dobj", "nsubj", "nsubjpass", "attr"):
                return verb, i, None
        return i, i, None
    entry = lex.verbs.get(key_of(tree, i))
    if entry is None and _opening_when(tree, lex, i):
        return tree.head(i), tree.head(i), None
    if entry is None or entry.light or entry.frame:
        when = _when_clause(tree, i)
        # (not a "when" clause before the verb that the date is not in: "When the pandemic came, X introduced
        # controls on 16 March": X's act)
        if when is not None and (when > i or date is None or min(tree.subtree(when)) <= date < i):
            return when, when, None
    if entry is not None and entry.frame:
        for k in tree.children(i, "nsubj", "nsubjpass"):
            if _is_event_noun(tree, lex, k):
                return i, k, None
    if entry is not None and (entry.light or entry.frame) and tree.tokens[i].dep == "relcl" and not tree.is_root(i):
        # "the war with Morvath, which began on 7 August": what began is the noun the clause tells of
        told = tree.head(i)
        if tree.tokens[told].dep == "pobj" and not _is_event_noun(tree, lex, told):
            told = tree.head(tree.head(told))  # "the war with Morvath, which began": the war
        if any(tree.word(k).lower() in ("which", "that") for k in tree.children(i, "nsubj", "nsubjpass")) \
                and _is_event_noun(tree, lex, told):
            return i, told, None
    if entry is not None and (entry.light or entry.frame):
        for k in tree.children(i, "csubj"):
            # "Fighting with Peru began": the gerund that is the subject says what began
            if tree.tokens[k].tag == "VBG" and key_of(tree, k) in lex.verbs:
                return i, k, None
    if entry is not None and entry.light:
        for k in tree.children(i, "dobj", "attr", "nsubjpass"):
            if _is_event_noun(tree, lex, k):
                return i, k, None
        # ("opened the way for the conference": the noun after the fixed object's preposition)
        fixed = [k for k in tree.children(i, "dobj") if tree.lemma(k) in FIXED_OBJECTS]
        for prep in [*tree.children(i, "prep"), *(p for k in fixed for p in tree.children(k, "prep"))]:
            for k in tree.children(prep, "pobj"):
                if _is_event_noun(tree, lex, k):
                    return i, k, None
    return i, i, None


def _told_as_past(tree: Tree, i: int) -> bool:
    """A verb in the past or the perfect ("sought", "has sought"), not the present or the future."""
    return tree.tokens[i].tag == "VBD" or any(tree.lemma(a) == "have" for a in tree.children(i, "aux"))


def _unreal(tree: Tree, lex: Lexicon, i: int) -> bool:
    tok = tree.tokens[i]
    if _asked(tree, i):
        return True  # "What will the treaty change in the next decade?"
    if tok.pos in VERBS and tree.lemma(i) in lex.aspiration:
        # "has sought membership since 2002" happened; "hopes to join in 2030" has not.
        return not _told_as_past(tree, i) or any(tree.lemma(a) in lex.modal for a in tree.children(i, "aux"))
    if tok.pos in VERBS or tok.pos == "ADJ":
        if tree.lemma(i) in lex.modal and tok.dep != "amod" \
                and not (_told_as_past(tree, i) and tree.children(i, "dobj") and not tree.children(i, "xcomp", "ccomp")):
            return True  # ("proposes to join in 2030"; but "proposed a council in 1951" was done)
        if tree.children(i, "neg"):
            return True
        if any(tree.lemma(k) in lex.modal for k in tree.children(i, "aux", "auxpass")):
            return True
    else:
        if any(tree.lemma(k) in lex.modal for k in tree.children(i, "amod")):
            return True
        # "said that it would attend the 2008 summit": the clause's verb speaks for the noun.
        for k in tree.ancestors(i):
            if tree.tokens[k].pos in VERBS and tree.tokens[k].dep not in ("aux", "auxpass"):
                return any(tree.lemma(a) in lex.modal for a in tree.children(k, "aux", "auxpass")) \
                    or bool(tree.children(k, "neg"))
    # "if it joins in 2030": a condition.
    if any(tree.lemma(k) in ("if", "unless") for k in tree.children(i, "mark")):
        return True
    # "plans to join", "is expected to sign", "was due to open": the governing word, through
    # infinitives; through a clause ("hopes that it joins") only a word of planning or hoping itself.
    k = i
    while tree.tokens[k].dep in ("xcomp", "ccomp") and not tree.is_root(k):
        infinitive = tree.tokens[k].dep == "xcomp"
        k = tree.head(k)
        if tree.lemma(k) in lex.modal or (tree.lemma(k) in lex.aspiration and not _told_as_past(tree, k)):
            return True
        if infinitive and any(tree.lemma(a) in lex.modal for a in tree.children(k, "aux")):
            return True
        if not infinitive:
            break
    return False


def _asked(tree: Tree, i: int) -> bool:
    """Whether predicate i is what a direct question asks about: the root of a sentence that ends
    with a question mark."""
    return tree.is_root(i) and any(tree.text[tree.tokens[k].start:tree.tokens[k].end] == "?"
                                   for k in tree.children(i, "punct"))


_DATE_PREPS = frozenset({"on", "in"})
_DOCUMENTS = ("document", "law", "declaration", "programme")


def in_force(tree: Tree, p: int) -> bool:
    """Whether predicate p tells of something taking effect ("entered into force", "took effect")."""
    if tree.tokens[p].pos not in VERBS:
        return False
    key = key_of(tree, p)
    return key.endswith(" into force") or key == "take effect"


def _dated_on(tree: Tree, date: int) -> int | None:
    """The word an "on"/"in" date phrase hangs on ("ratified ... on 25 January": ratified), or the
    verb a bare date hangs on ("came into being on 1 May", the "on" parsed apart)."""
    if not tree.is_root(date) and tree.tokens[date].dep in ("npadvmod", "tmod") \
            and tree.tokens[tree.head(date)].pos in VERBS:
        return tree.head(date)
    if tree.is_root(date) or tree.tokens[date].dep != "pobj":
        return None
    prep = tree.head(date)
    if tree.lemma(prep) not in _DATE_PREPS or tree.is_root(prep):
        return None
    return tree.head(prep)


def _own_act(tree: Tree, lex: Lexicon, date: int) -> bool:
    """Whether the date's phrase hangs on a verb of the lexicon that tells of an act of its own (not
    a light or framing verb such as "began", "dates back")."""
    verb = _dated_on(tree, date)
    if verb is None:
        return False
    entry = lex.verbs.get(key_of(tree, verb))
    if tree.tokens[verb].pos not in VERBS or entry is None or entry.light or entry.frame:
        return False
    # an act someone did to something ("Chile joined NATO in 1999, when ..."), or a thing taking
    # effect; not a mood ("Tension rose in 2005, when ...")
    # ("Finland became the 31st member on 4 April, when ...": what it became, too)
    return in_force(tree, verb) or bool(tree.children(verb, "dobj", "attr")) \
        or key_of(tree, verb).endswith((" into being", " into existence"))


def _said_on(tree: Tree, lex: Lexicon, date: int, found: int | None) -> int | None:
    """"Angola said on Thursday it would leave": a date between a verb of saying and the subject of
    what was said dates the saying, however the parser hung it."""
    if found is None or tree.is_root(found) or tree.tokens[found].dep != "ccomp":
        return found
    said = tree.head(found)
    entry = lex.verbs.get(key_of(tree, said))
    if entry is not None and entry.type == "statement" and said < date \
            and any(k > date for k in tree.children(found, "nsubj", "nsubjpass")):
        return said
    return found


def _phrase_start(tree: Tree, span: list[int]) -> int:
    """The first word of a date's phrase: its "on" or "in", else the date's own first word."""
    return span[0] - 1 if span[0] > 0 and tree.lemma(span[0] - 1) in _DATE_PREPS else span[0]


def _fronted_in_clause(tree: Tree, lex: Lexicon, span: list[int], found: int | None) -> int | None:
    """"X endorsed it on 27 May, and on 10 November Y recognised it": a date that opens a clause
    joined by "and" or "but" dates that clause's verb, whatever the parser hung it on."""
    if found is None or not span:
        return found
    first = _phrase_start(tree, span)
    before = first - 1
    if before < 0 or tree.lemma(before) not in ("and", "but", ";") or found > first:
        return found
    after = span[-1] + 1
    while after < len(tree.tokens) and tree.word(after) == ",":
        after += 1
    if after >= len(tree.tokens):
        return found
    for k in range(after, len(tree.tokens)):
        if tree.tokens[k].dep in ("nsubj", "nsubjpass") and tree.extent(k)[0] == tree.tokens[after].start \
                and not tree.is_root(k):
            verb = tree.head(k)
            if verb > k and verb != found and tree.tokens[verb].pos in VERBS and _is_predicate(tree, lex, verb):
                return verb
    return found


def _outside_its_clause(tree: Tree, lex: Lexicon, span: list[int], found: int | None) -> int | None:
    """"In September 2001, after a freighter rescued them, Australia persuaded Nauru": a date before the
    word that opens a subordinate clause is outside that clause; it dates the clause the other hangs on."""
    if found is None or not span or tree.is_root(found) or tree.tokens[found].pos not in VERBS:
        return found
    marks = [k for k in tree.children(found, "mark") if span[-1] < k < found and tree.lemma(k) in _MARKERS]
    head = tree.head(found)
    if not marks or head < found or tree.tokens[head].pos not in VERBS or not _is_predicate(tree, lex, head):
        return found
    return head


def _after_an_aside(tree: Tree, lex: Lexicon, span: list[int], found: int | None) -> int | None:
    """"X inaugurated Phase 1A, built around the dam, on 22 January 1998": a date after the comma that
    closes a participle's aside dates the verb the aside's noun is the object of."""
    if found is None or not span or tree.tokens[found].dep != "acl" or tree.tokens[found].tag != "VBN" \
            or tree.is_root(found) or tree.children(found, "aux", "auxpass"):
        return found
    first = _phrase_start(tree, span)
    if first < 1 or tree.word(first - 1) != "," or first - 1 < found:
        return found
    noun = tree.head(found)
    if tree.is_root(noun) or tree.tokens[noun].dep != "dobj":
        return found
    verb = tree.head(noun)
    return verb if verb < noun and tree.tokens[verb].pos in VERBS and _is_predicate(tree, lex, verb) else found


# The words that open an adverbial clause whose own time a date before them is not.
_MARKERS = frozenset({"after", "before", "once", "since", "until", "because", "while", "although", "though", "as"})


def _act_on_document(tree: Tree, lex: Lexicon, date: int) -> int | None:
    """The verb whose object a date phrase hangs on, where that object is a document or a law ("the
    parliament ratified the agreement on 25 January"): a thing has no date of its own but by "of"."""
    noun = _dated_on(tree, date)
    if noun is not None and not tree.is_root(noun) and tree.tokens[noun].dep in ("pcomp", "pobj") \
            and not _is_event_noun(tree, lex, noun):
        # "signed an agreement on fishing on 13 July": the date of the document the topic is of
        about = tree.head(noun)
        if tree.lemma(about) in ("on", "about", "concerning", "regarding") and not tree.is_root(about) \
                and tree.tokens[tree.head(about)].pos == "NOUN":
            noun = tree.head(about)
    if noun is None or tree.is_root(noun) or tree.tokens[noun].pos != "NOUN" \
            or not lex.classes_of([tree.lemma(noun)]) & set(_DOCUMENTS):
        return None
    if tree.tokens[noun].dep == "pobj" and tree.lemma(tree.head(noun)) == "of" and not tree.is_root(tree.head(noun)) \
            and tree.tokens[tree.head(tree.head(noun))].dep == "dobj":
        # "notified the Court of the special agreement on 7 June": the notice's date
        verb = tree.head(tree.head(tree.head(noun)))
        if tree.tokens[verb].pos == "VERB" and not tree.is_root(tree.head(tree.head(noun))):
            entry = lex.verbs.get(key_of(tree, verb))
            return verb if entry is None or not entry.light else None
        return None
    if tree.tokens[noun].dep != "dobj":
        return None
    verb = tree.head(noun)
    entry = lex.verbs.get(key_of(tree, verb))
    if tree.tokens[verb].pos in VERBS and entry is not None and not entry.light:
        return verb
    return None


def read_date(tree: Tree, lex: Lexicon, mention: TimeMention, sentence: tuple[int, int]) -> Reading | None:
    """The predicate of one date in a parsed sentence, or None if the sentence was not parsed."""
    span = tree.span(mention.span_start, mention.end)
    if not span:
        # The date heads a chronology's entry and was left out of the parse: it dates the entry's
        # main clause ("12 May 1999: Chile joins the programme").
        clause = tree.span(mention.end, sentence[1])
        # Its first predicate that is a main clause (the parser may take a later one for the root).
        mains = [i for i in clause if tree.tokens[i].dep in _MAIN and _is_predicate(tree, lex, i)]
        found = mains[0] if mains else _nearest(tree, lex, clause[0], clause, set()) if clause else None
        if found is None:
            return None
        token, meaning, frame = _settle(tree, lex, found)
        return Reading(token, meaning, _unreal(tree, lex, token), frame)
    date = tree.head_of(span)
    # "condemned the decision the next day": a bare time phrase the parser hung on a verb's object
    # dates the verb.
    verb = None
    if tree.tokens[date].dep in ("npadvmod", "tmod") and not tree.is_root(date):
        noun = tree.head(date)
        head = tree.head(noun)
        if tree.tokens[noun].dep == "dobj" and tree.tokens[head].pos == "VERB" and key_of(tree, head) in lex.verbs \
                and not lex.verbs[key_of(tree, head)].light:
            verb = head
    # "since 1992, when Armenia entered": a "when" clause on any word of the date; but not where the
    # date hangs on an act of its own ("entered into force on 12 May, when the name took effect").
    when = next((w for w in (_when_clause(tree, i) for i in span) if w is not None), None)
    if when is not None and _own_act(tree, lex, date):
        when, verb = None, tree.head(tree.head(date))
    # "ratified the agreement on 25 January": a date the parser hung on a document the verb acts on
    verb = verb if verb is not None else _act_on_document(tree, lex, date)
    found = when if when is not None else verb if verb is not None else _climb(tree, lex, date)
    found = _said_on(tree, lex, date, found)
    found = _fronted_in_clause(tree, lex, span, found)
    found = _outside_its_clause(tree, lex, span, found)
    found = _after_an_aside(tree, lex, span, found)
    if found is None or tree.tokens[found].start < sentence[0]:
        found = _nearest(tree, lex, date, tree.span(*sentence), set(span))
    if found is None:
        return None
    token, meaning, frame = _settle(tree, lex, found, date)
    return Reading(token, meaning, _unreal(tree, lex, token), frame)
