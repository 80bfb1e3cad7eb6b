"""The type of an event, from its predicate and the predicate's arguments (data/events/lexicon.yaml).

The predicate's lexicon entry gives a type of its own, refined by the
classes of its arguments (join + alliance: `membership`; join + force:
`deployment`; sign + law: `decision`). A light verb ("paid a visit",
"held talks") takes the type of its event noun. A predicate the lexicon
does not know takes the type of an event noun among its arguments, else
`political`.
"""
from __future__ import annotations

from annals.events.lexicon import DEFAULT_TYPE, TYPES, Entry, Lexicon
from annals.events.predicate import FIXED_OBJECTS, key_of
from annals.events.tree import NOUNS, Tree

__all__ = ["TYPES", "argument_words", "arguments", "type_of"]

_ARG_PREPS = frozenset({"to", "into", "from", "in", "for", "with", "on", "of", "at", "out", "as", "under", "against", "by"})


def arguments(tree: Tree, i: int) -> list[int]:
    """The arguments of predicate i, most telling first: object, complement, passive subject,
    prepositional objects, subject."""
    tok = tree.tokens[i]
    out: list[int] = []
    if tok.pos in NOUNS:
        out += tree.children(i, "compound", "amod", "poss")
        for prep in tree.children(i, "prep"):
            if tree.lemma(prep) in _ARG_PREPS:
                out += tree.children(prep, "pobj")
        return out
    out += [k for k in tree.children(i, "dobj", "dative") if tree.lemma(k) not in FIXED_OBJECTS]
    out += tree.children(i, "attr", "oprd", "acomp")
    out += tree.children(i, "nsubjpass")
    for prep in tree.children(i, "prep", "agent"):
        if tree.lemma(prep) in _ARG_PREPS or tree.tokens[prep].dep == "agent":
            out += tree.children(prep, "pobj")
    for k in tree.children(i, "xcomp", "advcl"):
        out += tree.children(k, "dobj")
    # "pulled out of the union": the particle's own phrase.
    for prt in tree.children(i, "prt", "advmod", "prep"):
        for prep in tree.children(prt, "prep"):
            out += tree.children(prep, "pobj")
    out += tree.subject_of(i)
    # A relative clause's noun is its argument: "the relations that the two states established".
    if tok.dep in ("relcl", "acl") and not tree.is_root(i):
        out.append(tree.head(i))
    # A conjoined object ("signed the plan and the law") counts too.
    for k in list(out):
        out += tree.children(k, "conj", "appos")
    return out


def _plural_antecedent(tree: Tree, i: int) -> int | None:
    """"... set the agenda for formal negotiations. These were launched in Oslo": the plural noun that
    ends the sentence right before a sentence that opens with "These" or "They"."""
    if tree.tokens[i].pos != "PRON" or tree.word(i).lower() not in ("these", "they", "those") or i == 0 \
            or tree.tokens[i - 1].pos != "PUNCT" or tree.word(i - 1) not in (".", "!", "?"):
        return None
    k = i - 2
    while k >= 0 and tree.tokens[k].pos == "PUNCT":
        k -= 1
    return k if k >= 0 and tree.tokens[k].pos == "NOUN" and tree.tokens[k].tag == "NNS" else None


def argument_words(tree: Tree, i: int, expand=None) -> list[str]:
    """The words that put argument i in a class: its lemma, its compounds and adjectives, its
    entity label, the words of an "of" phrase, and the long form of an acronym (`expand`)."""
    antecedent = _plural_antecedent(tree, i)
    if antecedent is not None:
        return argument_words(tree, antecedent, expand)  # "These were launched": the talks were
    words = [tree.lemma(i), tree.word(i).lower()]
    if tree.tokens[i].ent:
        words.append("ent:" + tree.tokens[i].ent)
    for k in tree.children(i, "compound", "amod", "nmod"):
        words.append(tree.lemma(k))
    for prep in tree.children(i, "prep"):
        if tree.lemma(prep) == "of":
            for k in tree.children(prep, "pobj"):
                words.append(tree.lemma(k))
    if expand is not None:
        long = expand(tree.word(i))
        if long:
            words += [w.lower() for w in long.split()]
    return words


_CORE = ("dobj", "attr", "oprd", "nsubjpass")
# A party that underwent the act ("Gabon was elected to a seat") leaves the type to the other arguments.
_PARTIES = frozenset({"state", "person", "leader"})


def _with(lex: Lexicon, tree: Tree, entry: Entry, args: list[int], expand) -> str | None:
    """The type that the first argument of a listed class makes; the object decides alone where
    there is one ("joined the programme at the summit" is not a summit)."""
    for a in args:
        classes = lex.classes_of(argument_words(tree, a, expand))
        if tree.tokens[a].dep == "nsubj" and classes == {"state"}:
            continue  # "Ecuador left in 2020": the state that acted is no place it left
        for name, type_ in entry.with_:
            if name in classes:
                return type_
        if classes and tree.tokens[a].dep in _CORE and tree.tokens[a].pos in NOUNS and not (
                tree.tokens[a].dep == "nsubjpass" and classes <= _PARTIES):
            return None
    return None


def _noun_type(lex: Lexicon, tree: Tree, i: int, expand) -> str:
    entry = lex.nouns[tree.lemma(i)]
    return _with(lex, tree, entry, arguments(tree, i), expand) or entry.type


def type_of(tree: Tree, lex: Lexicon, predicate: int, meaning: int, *, expand=None, scene: int | None = None) -> str:
    """The event type of a predicate (and the event noun that carries its meaning, if another);
    `scene` is a frame noun that sets the scene and is no argument ("joined PfP at the summit")."""
    if meaning != predicate:
        verb = lex.verbs.get(key_of(tree, predicate))
        if verb is not None and verb.with_:
            found = _with(lex, tree, verb, [meaning], expand)
            if found:
                return found
        return _noun_type(lex, tree, meaning, expand)
    tok = tree.tokens[predicate]
    if tok.pos in NOUNS:
        if tree.lemma(predicate) in lex.nouns:
            return _noun_type(lex, tree, predicate, expand)
        if tree.lemma(predicate) not in lex.verbs:  # a verb the tagger took for a noun goes on
            return DEFAULT_TYPE
    args = [a for a in arguments(tree, predicate) if a != scene]
    entry = lex.verbs.get(key_of(tree, predicate)) or lex.verbs.get(tree.lemma(predicate))
    if entry is not None and entry.type == "statement":
        # "responded by recalling its ambassadors": the act that was the answer
        for prep in tree.children(predicate, "prep"):
            for k in tree.children(prep, "pcomp"):
                if tree.lemma(prep) == "by" and tree.tokens[k].pos == "VERB" and key_of(tree, k) in lex.verbs:
                    return type_of(tree, lex, k, k, expand=expand)
    if entry is not None:
        found = _with(lex, tree, entry, args, expand)
        if found:
            return found
        if entry.light or entry.frame:
            for a in args:
                if tree.tokens[a].pos in NOUNS and tree.lemma(a) in lex.nouns:
                    return _noun_type(lex, tree, a, expand)
            # "begins contributing", "started to deploy": the verb it governs.
            for k in tree.children(predicate, "xcomp"):
                if tree.tokens[k].pos == "VERB" and key_of(tree, k) in lex.verbs:
                    return type_of(tree, lex, k, k, expand=expand)
        return entry.type
    for a in args:
        if tree.tokens[a].pos in NOUNS and tree.lemma(a) in lex.nouns:
            return _noun_type(lex, tree, a, expand)
    found = _with(lex, tree, lex.fallback, args, expand)
    if found:
        return found
    # An infinitive or clause it governs may say it: "moved to join", "managed to open".
    for k in tree.children(predicate, "xcomp", "ccomp"):
        if tree.tokens[k].pos in ("VERB",) and key_of(tree, k) in lex.verbs:
            return type_of(tree, lex, k, k, expand=expand)
    return DEFAULT_TYPE
