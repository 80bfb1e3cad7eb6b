"""Who acted and on whom: the phrases of a predicate that name its source and its target, and the
actors they name (pronouns and "the two countries" resolved to the parties the sentence means)."""
from __future__ import annotations

import re

from annals.events.lexicon import lexicon
from annals.events.predicate import in_force, key_of, verb_like
from annals.events.tree import NOUNS, VERBS, Tree
from annals.model import Actor
from annals.resolve.gazetteer import gazetteer

__all__ = [
    "JOINT",
    "OWN_PASSIVES",
    "actors_in",
    "demonym_state",
    "go_between",
    "in_force",
    "one_sided",
    "owners",
    "parties_of",
    "partitive",
    "passive_subjects",
    "place_word",
    "reduced_passive",
    "subjects",
    "swallowed_subject",
    "targets",
    "with_conj",
]

_TARGET_PREPS = frozenset({"to", "into", "with", "in", "from", "against", "on"})
# Passives whose subject did the act as its own: "was admitted", "was granted", "was appointed".
OWN_PASSIVES = frozenset({"membership", "appointment", "political"})
# Joint acts: a party "with" whom it was done is a source too ("signed an agreement with NATO").
JOINT = frozenset({"agreement", "meeting"})


def one_sided(tree: Tree, p: int) -> bool:
    """An act of asking ("applied", "a second application was submitted"): one party's own, though
    its type is an agreement's."""
    words = [tree.lemma(p), *(tree.lemma(k) for k in tree.children(p, "nsubj", "nsubjpass", "dobj"))]
    if tree.lemma(p) == "apply" and tree.children(p, "nsubjpass", "dobj") and not tree.children(p, "xcomp"):
        return False  # "the agreement has been applied since 2017": put into effect, not asked for
    return "apply" in words or "application" in lexicon().classes_of(words)


def reduced_passive(tree: Tree, p: int) -> bool:
    """A headline's passive: a verb that always takes an object, told in the past with a subject
    and no object nor auxiliary ("1965 - Secretariat set up in London")."""
    if tree.tokens[p].tag not in ("VBD", "VBN") or key_of(tree, p) not in lexicon().transitive:
        return False
    if key_of(tree, p) in lexicon().signing and any(
            tree.tokens[k].ent in ("GPE", "PERSON", "NORP") or place_word(_proper_name(tree, k))
            for k in tree.children(p, "nsubj")):
        return False  # "South Africa signed on 1 July": a state signs, a treaty is signed
    return not tree.children(p, "dobj", "aux", "auxpass", "agent", "ccomp", "xcomp", "dative", "attr")


def _proper_name(tree: Tree, k: int) -> str:
    """The name a proper noun ends, its compounds before it ("South Africa")."""
    first = min([k, *(c for c in tree.children(k, "compound") if tree.tokens[c].pos == "PROPN")])
    return tree.text[tree.tokens[first].start:tree.tokens[k].end]


def place_word(word: str) -> bool:
    """A state's or a city's name ("the Oslo accord", "the Singapore Declaration")."""
    gaz = gazetteer()
    entry = gaz.lookup(word)
    return (entry is not None and entry.kind == "country") or gaz.is_city(word)


def passive_subjects(tree: Tree, p: int) -> list[int]:
    """The subjects of a passive, a headline's passive included."""
    passive = tree.children(p, "nsubjpass")
    if not passive and reduced_passive(tree, p):
        return tree.children(p, "nsubj")
    return passive


def with_conj(tree: Tree, tokens: list[int]) -> list[int]:
    out = []
    for k in tokens:
        out.append(k)
        stack = tree.children(k, "conj")
        # "Cambodia, the Republic of Korea, Thailand and Vietnam": a name the parser hung as an
        # apposition inside a list (the list's other names on it, or on the first) is one of its members
        listed = [a for a in tree.children(k, "appos") if tree.tokens[a].pos == "PROPN"
                  and tree.tokens[k].pos == "PROPN" and (stack or tree.children(a, "conj"))]
        if tree.tokens[k].tag == "NNS":
            # "the foreign ministers, X and Y": the people the plural names
            listed += [a for a in tree.children(k, "appos") if tree.tokens[a].pos == "PROPN"]
        if tree.tokens[k].ent == "PERSON":
            # "President A of Ghana and President B of Guinea met": B hung on the state of A's title
            listed += [c for prep in tree.children(k, "prep") if tree.lemma(prep) == "of" for o in tree.children(prep, "pobj")
                       for c in tree.children(o, "conj") if tree.tokens[c].ent == "PERSON"]
        stack = stack + listed
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(tree.children(c, "conj"))
    return out


def _named_after(tree: Tree, k: int) -> list[int]:
    """The names the parser hung elsewhere after a plural of people and its comma ("by the foreign
    ministers, X and Y", Y's head on the treaty)."""
    if tree.tokens[k].tag != "NNS" or tree.children(k, "appos") or k + 2 >= len(tree.tokens) or tree.word(k + 1) != ",":
        return []
    first = k + 2
    return [j for j in range(first, min(first + 4, len(tree.tokens))) if tree.tokens[j].dep in ("appos", "npadvmod", "dep")
            and tree.tokens[j].pos == "PROPN" and tree.tokens[j].ent == "PERSON" and tree.subtree(j)[0] == first]


def subjects(tree: Tree, p: int, type_: str) -> list[int]:
    """The tokens that head the source phrases of predicate p."""
    tok = tree.tokens[p]
    if tok.pos == "NOUN" and verb_like(tree, lexicon(), p):
        # "Turkey and the EEC sign an agreement", the verb tagged as a noun: the names before it.
        head = tree.head(p)
        found = [head] if tok.dep == "conj" and head < p else []
        found += [k for k in tree.children(p, "compound", "nsubj") if k < p]
        if found:
            return with_conj(tree, found)
    if tok.pos in NOUNS and tok.dep == "dobj" and not tree.is_root(p) \
            and tree.lemma(tree.head(p)) in lexicon().commanding | lexicon().signing \
            and tree.children(tree.head(p), "nsubj"):
        # "Kiir orders their withdrawal": who ordered it did it; "they initialled the Agreement of
        # 19 April": who signed the document is its party
        return subjects(tree, tree.head(p), type_)
    scene = _scene_verb(tree, p)
    if scene is not None:
        return subjects(tree, scene, type_)
    if tok.pos in NOUNS:
        found = tree.children(p, "poss")
        # ("Serbia's first conference with the EU": a joint act's other party acts too)
        with_ = ("with",) if found and (type_ in JOINT or type_ == "summit") else ()
        for prep in tree.children(p, "prep"):
            if tree.lemma(prep) in ("of", "by", "between", *with_):
                # (not "the election of 14 July": a date is nobody)
                found += [k for k in tree.children(prep, "pobj") if tree.tokens[k].ent not in ("DATE", "TIME")]
        if not found:
            # "Agreements of 1975, negotiated by A and B": who the participle on the noun says made it
            found += [o for acl in tree.children(p, "acl") if tree.tokens[acl].tag == "VBN"
                      for agent in tree.children(acl, "agent") for o in tree.children(agent, "pobj")]
        demonyms = gazetteer().demonyms
        found += [k for k in tree.children(p, "amod", "compound", "nmod")
                  if (tree.tokens[k].ent in ("NORP", "GPE", "ORG") or tree.word(k) in demonyms
                      or tree.word(k).lower() in demonyms) and not _city_named(tree, k)]
        if not found and tok.dep == "pobj" and not tree.is_root(p) and not tree.is_root(tree.head(p)) \
                and tree.tokens[tree.head(tree.head(p))].pos in VERBS:
            # "X said in a televised address on Monday": the one whose act the noun is
            return subjects(tree, tree.head(tree.head(p)), type_)
        if not found and tok.dep == "pobj" and not tree.is_root(p) and not tree.is_root(tree.head(p)):
            word = tree.head(tree.head(p))  # "Rabat called its ambassador home for consultations on 18 May"
            if tree.tokens[word].dep in ("oprd", "advmod", "npadvmod") and tree.tokens[word].pos in ("NOUN", "ADV") \
                    and not tree.is_root(word) and tree.tokens[tree.head(word)].pos in VERBS:
                return subjects(tree, tree.head(word), type_)
        outer = tree.head(tree.head(p)) if tok.dep == "pobj" and not tree.is_root(p) and not tree.is_root(tree.head(p)) \
            else None
        while outer is not None and tree.tokens[outer].dep == "conj" and not tree.is_root(outer) and tree.head(outer) < outer:
            outer = tree.head(outer)  # ("agreed on a ceasefire and a timetable in the Protocol": the first of the two)
        if not found and outer is not None and tree.tokens[outer].dep == "pobj" and tree.tokens[outer].pos == "NOUN" \
                and not tree.children(outer, "poss") and not tree.is_root(outer) and not tree.is_root(tree.head(outer)) \
                and tree.tokens[tree.head(tree.head(outer))].pos in VERBS:
            # "X led the party to a landslide in the election of 14 July": the noun it came in is X's act's
            return subjects(tree, tree.head(tree.head(outer)), type_)
        return with_conj(tree, found)
    swallowed = swallowed_subject(tree, p)
    if swallowed is not None:
        return with_conj(tree, [swallowed])
    # (or a capitalised word the tagger took for a common noun: "Iceland joins, bringing ...")
    named = [k for k in tree.children(p, "compound") if k < p and (tree.tokens[k].ent in ("ORG", "GPE", "PERSON", "NORP") or (
        tree.tokens[k].pos in ("PROPN", "NOUN") and tree.word(k)[:1].isupper() and tok.pos == "VERB"))]
    if named and not tree.subject_of(p):
        return with_conj(tree, named[:1])  # "the ICJ rules that ...", the name parsed as the verb's compound
    if tok.dep == "acl" and tok.tag == "VBG" and not tree.is_root(p) and tree.tokens[tree.head(p)].pos == "PROPN" \
            and tree.tokens[tree.head(p)].ent:
        return [tree.head(p)]  # "President X, meeting Y in Beijing, said": X met
    if tok.dep == "acl" and tok.tag in ("VBD", "VBN") and not tree.is_root(p) and tree.is_root(tree.head(p)) \
            and key_of(tree, p) in lexicon().signing and not tree.children(p, "dobj") \
            and tree.tokens[tree.head(p)].ent in ("GPE", "PERSON", "NORP"):
        return [tree.head(p)]  # "Nigeria, the largest economy, signed on 7 July": the state, parsed as the root
    if tok.dep == "acl" and not tree.is_root(p) and tree.is_root(tree.head(p)) \
            and tree.tokens[tree.head(p)].pos == "PROPN" and tree.tokens[tree.head(p)].ent in ("GPE", "PERSON", "NORP", "ORG") \
            and (tok.tag == "VBD" or tree.children(p, "ccomp")) and not tree.children(p, "agent", "auxpass"):
        # "President X, who had denounced it, announced on 8 May that ...": the name the parser made
        # the root said it (a clause of what was said: no participle of what X underwent)
        return [tree.head(p)]
    if verb_as_participle(tree, p):
        return [tree.head(p)]
    means = _means_of(tree, p)
    if means is not None:
        return subjects(tree, means, type_)
    # "signed by Azerbaijan"; with a subject of its own, "by the decree" is the means, not the agent
    for agent in tree.children(p, "agent") if not tree.children(p, "nsubj") or tree.children(p, "auxpass") else ():
        # ("by A and by B": each "by" names a party)
        by = [o for a in [agent, *(c for c in tree.children(agent, "conj") if tree.lemma(c) == "by")]
              for o in tree.children(a, "pobj")]
        if by:
            return with_conj(tree, by + [a for k in by for a in _named_after(tree, k)])
    found = tree.subject_of(p)
    had = [k for k in tree.children(p, "aux") if tree.lemma(k) == "have"]
    if tok.tag in ("VBN", "VBD") and had and any(k > had[0] for k in found) and tree.word(had[0])[:1].islower():
        # "A, by then vice-president, has B and C arrested": who has it done, not who it is done to
        # (the parser's subject after "has"); the name before "has" (none: no source)
        causers = [k for k in found if k < had[0]]
        causer = _opening_name(tree, p, before=tree.tokens[had[0]].start) if not causers else None
        return with_conj(tree, causers or ([causer] if causer is not None else []))
    if in_force(tree, p):
        # "it entered into force": a thing, not an actor; its parties come from where it was named
        found = [k for k in found if tree.word(k).lower() not in ("it", "this")]
    passive = passive_subjects(tree, p)
    if tok.dep == "conj" and not tree.is_root(p):
        # "Negotiations started in 2008, but they were stopped in 2010": "they" is the first
        # clause's subject when that is a thing, not an actor's pronoun
        earlier = [k for k in tree.children(tree.head(p), "nsubj", "nsubjpass") if tree.tokens[k].pos == "NOUN"
                   or (tree.tokens[k].pos == "PROPN" and not tree.tokens[k].ent)]  # "Negotiations" opening it
        if earlier and any(tree.word(k).lower() in ("they", "it") for k in found + passive):
            return with_conj(tree, earlier)
    if passive and not tree.children(p, "nsubjpass"):
        found = []
    between = [o for k in passive[:1] for prep in tree.children(k, "prep") if tree.lemma(prep) == "between"
               for o in tree.children(prep, "pobj")]
    if not found and between:
        found = between  # "Relations between Chile and Peru were restored": the two it was between
    elif not found and passive and type_ in OWN_PASSIVES:
        found = passive
    elif not found and passive:
        # "The BRICS summit was held": the body its name holds acts (not a place: "the Oslo accord").
        # Two parties joined by a hyphen name both ("the Azerbaijan-NATO plan").
        named = tree.children(passive[0], "compound", "nmod", "poss")
        paired = any(tree.word(k) in ("-", "–") for k in range(min(named, default=0), passive[0])) if named else False
        found = [k for k in named if paired or (tree.tokens[k].ent != "GPE" and not place_word(tree.word(k)))]
    if not found and passive and tree.lemma(passive[0]) in _RELATIVE and tree.tokens[passive[0]].pos == "PRON" \
            and tok.dep == "relcl" and tree.tokens[tree.head(p)].pos == "NOUN" \
            and any(tree.lemma(prep) == "between" for prep in tree.children(tree.head(p), "prep")):
        # "an accord between A and B that was reached": the two it was between
        return with_conj(tree, [o for prep in tree.children(tree.head(p), "prep") if tree.lemma(prep) == "between"
                                for o in tree.children(prep, "pobj")])
    event_nouns = lexicon().nouns
    own = [k for k in found if tree.tokens[k].pos == "NOUN" and tree.lemma(k) in event_nouns]
    if own and len(found) == 1:
        # "The war between Peru and Ecuador broke out": the parties of the event noun.
        inner = subjects(tree, own[0], type_)
        if inner:
            return inner
    if found:
        # "which joined": the noun the relative clause hangs on.
        if tree.lemma(found[0]) in _RELATIVE and tree.tokens[found[0]].pos == "PRON":
            antecedent = tree.head(p) if tok.dep == "relcl" else _antecedent(tree, found[0])
            if antecedent is not None:
                antecedent = _one_of(tree, antecedent)
            if antecedent is not None and tree.tokens[antecedent].pos == "NOUN" and tree.tokens[antecedent].dep == "appos" \
                    and tree.tokens[tree.head(antecedent)].pos == "PROPN":
                antecedent = tree.head(antecedent)  # "Chile, the newest member, which joined": Chile
            return with_conj(tree, [antecedent]) if antecedent is not None else []
        return with_conj(tree, found + _gapped_subjects(tree, p))
    if tok.dep == "conj" and tree.tokens[tree.head(p)].pos == "PROPN" and tree.head(p) < p and not found:
        # "Ortiz and Begin sign", parsed as a list of three with the verb last: the names before it
        return [k for k in with_conj(tree, [tree.head(p)]) if k < p and tree.word(k)[:1].isupper()]
    # "invited the Peruvian President to attend": the one invited does what the infinitive says.
    if tok.dep == "xcomp" and not tree.is_root(p) and tree.lemma(tree.head(p)) in lexicon().governing:
        invited = tree.children(tree.head(p), "dobj")
        if invited:
            return with_conj(tree, invited)
    described = _described_noun(tree, p)
    if described is not None:
        # "proposed by A at last year's council, held in Aldrun on 4 December": the session is the
        # council's, whatever the clause it hangs on says A did
        return [described] if type_ in ("meeting", "summit") else []
    main = _main_clause_of(tree, p)
    if main is not None:
        return subjects(tree, main, type_)
    # A verb conjoined with another, or an infinitive or "by ...ing" under one, shares its subject.
    if tok.dep in ("conj", "xcomp", "advcl") and not tree.is_root(p) and tree.tokens[tree.head(p)].pos in VERBS \
            and not tree.children(p, "nsubjpass"):  # ("..., and the SPA has been applied since": a clause of its own)
        return subjects(tree, tree.head(p), type_)
    if tok.dep == "pcomp" and not tree.is_root(tree.head(p)):
        verb = tree.head(tree.head(p))
        if tree.tokens[verb].pos in VERBS:
            return subjects(tree, verb, type_)
    if tok.dep in ("relcl", "acl") and not tree.is_root(p) and any(tree.lemma(a) == "to" for a in tree.children(p, "aux")):
        noun = tree.head(p)
        if tree.tokens[noun].dep == "attr" and not tree.is_root(noun):
            # "Poland was the first newcomer to gain that status": who the noun is did it
            return subjects(tree, tree.head(noun), type_)
    return []


def _main_clause_of(tree: Tree, p: int) -> int | None:
    """The main verb that verb p goes on from where the parser hung p on a clause between them: "A
    cut ties in May, a year after B took power, and imposed a ban in June" (A imposed it, not B): p
    follows ", and" right after a subordinate clause with a subject of its own."""
    if tree.tokens[p].dep != "conj" or tree.is_root(p):
        return None
    clause = tree.head(p)
    if tree.tokens[clause].dep != "advcl" or tree.is_root(clause) or not tree.children(clause, "mark") \
            or not tree.children(clause, "nsubj") or tree.tokens[tree.head(clause)].pos not in VERBS \
            or tree.head(clause) > clause:
        return None
    joined = [c for c in tree.children(clause, "cc") if c < p]
    if not joined or joined[-1] < 1 or tree.word(joined[-1] - 1) != ",":
        return None
    return tree.head(clause)


def _gapped_subjects(tree: Tree, p: int) -> list[int]:
    """The subjects of clauses that leave out verb p and keep only a count after it ("Chile sent 300
    soldiers, and Peru about 200": Peru sent too)."""
    return [k for k in tree.children(p, "conj", "npadvmod") if k > p and tree.tokens[k].pos == "PROPN"
            and tree.tokens[k].ent in ("GPE", "ORG", "NORP", "PERSON")
            and any(tree.tokens[n].pos == "NUM" for n in tree.children(k, "nummod", "appos"))]


def _scene_verb(tree: Tree, p: int) -> int | None:
    """The verb of the main clause that a meeting noun opening the sentence sets the scene for ("At
    the Council's session on 29 October, the President of Ukraine addressed the members": the
    President), where the verb has a subject of its own after the scene."""
    if tree.tokens[p].pos not in NOUNS or tree.lemma(p) not in lexicon().frames or tree.tokens[p].dep != "pobj" \
            or tree.is_root(p) or tree.lemma(tree.head(p)) not in ("at", "during", "following", "after"):
        return None
    prep = tree.head(p)
    verb = None if tree.is_root(prep) else tree.head(prep)
    if verb is None or tree.tokens[verb].pos not in VERBS or tree.tokens[prep].start > tree.tokens[verb].start:
        return None
    subject = [k for k in tree.subject_of(verb) if tree.tokens[prep].start < tree.tokens[k].start < tree.tokens[verb].start]
    return verb if subject and tree.tokens[subject[0]].pos in ("PROPN", "NOUN") else None


def verb_as_participle(tree: Tree, p: int) -> bool:
    """Whether p is the sentence's own verb that the parser hung on its subject as a participle:
    "the Republic's President, General X, repealed by decree the law": the root is the subject and
    what "by" names is no actor but the means (a common noun, no name), so nothing was done to it."""
    tok = tree.tokens[p]
    if tok.dep != "acl" or tok.tag not in ("VBD", "VBN") or tree.is_root(p) \
            or tree.tokens[tree.sentence_root(p)].pos in VERBS \
            or tree.tokens[tree.head(p)].pos not in ("PROPN", "NOUN") or tree.children(p, "auxpass", "nsubj", "nsubjpass"):
        return False
    means = [o for agent in tree.children(p, "agent") for o in tree.children(agent, "pobj")]
    return bool(means) and all(tree.tokens[o].pos == "NOUN" and not tree.tokens[o].ent for o in means) \
        and any(tree.children(o, "dobj") for o in means)


def _means_of(tree: Tree, p: int) -> int | None:
    """The verb a participle with no agent tells the means of: "A and B closed the question by an
    agreement signed on 16 December": who closed it by the agreement signed it."""
    tok = tree.tokens[p]
    if tok.dep != "acl" or tok.tag != "VBN" or tree.is_root(p) or tree.children(p, "agent", "nsubj", "nsubjpass"):
        return None
    noun = tree.head(p)
    if tree.tokens[noun].dep != "pobj" or tree.is_root(noun) or tree.lemma(tree.head(noun)) not in ("by", "through") \
            or tree.is_root(tree.head(noun)):
        return None
    verb = tree.head(tree.head(noun))
    return verb if tree.tokens[verb].pos in VERBS and tree.children(verb, "nsubj") else None


def _described_noun(tree: Tree, p: int) -> int | None:
    """The noun a past participle with no subject nor auxiliary describes, set off by a comma after it
    ("the council, held in Aldrun on 4 December"), where the parser hung it on the clause's verb."""
    tok = tree.tokens[p]
    if tok.tag != "VBN" or tok.dep != "advcl" or p < 2 or tree.children(p, "nsubj", "nsubjpass", "aux", "auxpass") \
            or tree.word(p - 1) != "," or tree.tokens[p - 2].pos not in NOUNS or tree.tokens[p - 2].dep not in ("pobj", "dobj"):
        return None
    return p - 2


def _clause_noun(tree: Tree, k: int) -> bool:
    """Whether a noun stands where a clause's verb should: the sentence's root, or joined by "and" to a
    verb ("Malta became independent, and the last British forces left ...")."""
    return tree.is_root(k) or (tree.tokens[k].dep == "conj" and tree.tokens[tree.head(k)].pos in VERBS)


def swallowed_subject(tree: Tree, p: int) -> int | None:
    """The subject the parser took into an opening date phrase: "On 16 May 1994 Greece imposed"
    (the state as the phrase's object, the date its modifier), "On 12 June the two ministers
    announced" (the phrase as the root, the verb a participle on its noun)."""
    tok = tree.tokens[p]
    if tok.pos not in VERBS:
        return None
    if tok.dep == "acl" and not tree.is_root(p):
        noun = tree.head(p)
        prep = tree.head(noun)
        if tree.tokens[noun].dep == "pobj" and tree.is_root(prep) and tree.tokens[prep].pos == "ADP" \
                and any(tree.tokens[k].ent == "DATE" for k in tree.children(prep, "pobj") if k != noun):
            return noun
        # "The last British forces left on 31 March 1979.": a sentence whose verb the parser took for a
        # participle on its subject (the subject a state's people in arms or in office, or a name)
        people = lexicon().classes["force"] | gazetteer().political_heads
        if _clause_noun(tree, noun) and tree.children(noun, "det") and tok.tag == "VBN" and tok.start > tree.tokens[noun].start \
                and not tree.children(p, "dobj", "aux", "auxpass", "agent") \
                and (tree.lemma(noun) in people or tree.word(noun).lower() in people
                     or tree.tokens[noun].ent in ("GPE", "ORG", "NORP", "PERSON")):
            return noun
        return None
    finite = tok.tag in ("VBD", "VBZ", "VBP") or (tok.tag == "VBN" and tree.children(p, "dobj")
                                                  and not tree.children(p, "aux", "auxpass"))
    marked = [k for k in tree.children(p, "mark") if tree.lemma(k) in _TIME_MARKS]
    if finite and marked and all(tree.tokens[k].pos == "NOUN" and k > marked[0] for k in tree.children(p, "nsubj")):
        # "After talks on the eve of the summit, A, B and C signed": the noun is the opening phrase's
        listed = _list_before(tree, p)
        if listed is not None:
            return listed
    if tree.children(p, "nsubj", "nsubjpass", "csubj") or tok.dep not in ("ROOT", "conj", "ccomp"):
        return None
    if not finite:  # "4 June 2025 – A, elected the day before, is sworn in": a passive's subject only
        return _opening_name(tree, p) if tok.tag == "VBN" and tree.children(p, "auxpass") else None
    for prep in tree.children(p, "prep"):
        if tree.tokens[prep].start > tok.start:
            continue
        for k in tree.children(prep, "pobj"):
            named = any(tree.tokens[a].ent == "PERSON" for a in tree.children(k, "appos"))
            # ("On 9 December South African commandos raided": a state's people in arms or in office)
            named = named or (tree.word(k).lower() in gazetteer().political_heads and any(
                demonym_state(tree, a) for a in tree.children(k, "amod", "compound")))
            if (tree.tokens[k].ent in ("GPE", "ORG", "NORP", "PERSON") or _titled(tree, k) or named) \
                    and any(tree.tokens[d].ent == "DATE" for d in tree.children(k)):
                # (a title with its holder's name: "On 3 May the President of A, B, visited"; "On 25 May the
                # two ministers, A and B, signed")
                return k
            if tree.tokens[k].ent in ("GPE", "ORG", "NORP", "PERSON") and any(
                    d < k and tree.tokens[d].ent == "DATE" for d in tree.children(prep, "pobj")):
                return k  # "and on 22 February the Council declared": the date and the name, two objects of "on"
            for inner in (o for q in tree.children(k, "prep") if tree.lemma(q) == "of" for o in tree.children(q, "pobj")):
                if tree.tokens[inner].pos == "PROPN" and tree.tokens[inner].ent not in ("DATE", "TIME") \
                        and any(tree.tokens[d].ent == "DATE" for d in tree.subtree(inner) if d < inner):
                    return inner  # "By an Order of 10 May 1984 the Court rejected": the name after the date
    listed = _list_before(tree, p)
    if listed is not None:
        return listed
    return _opening_name(tree, p)


def demonym_state(tree: Tree, k: int) -> str | None:
    """The state a demonym names, of one word or two ("Chilean", "South African"); none for a region's
    ("Latin American")."""
    gaz = gazetteer()
    pair = f"{tree.word(k - 1)} {tree.word(k)}" if k > 0 and tree.head(k - 1) == k else ""
    if pair in gaz.regional:
        return None
    return gaz.demonyms.get(pair) or gaz.demonyms.get(tree.word(k).lower()) or gaz.demonyms.get(tree.word(k))


def _city_named(tree: Tree, k: int) -> bool:
    """Whether a name modifying a noun is a city's that only names the thing ("the Geneva Protocol",
    "the Oslo Accords"), not a state's."""
    gaz = gazetteer()
    word = tree.word(k)
    return gaz.is_city(word) and getattr(gaz.lookup(word), "kind", None) != "country"


def _titled(tree: Tree, k: int) -> bool:
    """Whether k is a capitalised title with its holder's name beside it ("the President of A, B")."""
    return tree.tokens[k].pos == "PROPN" and not tree.tokens[k].ent \
        and any(tree.tokens[a].ent == "PERSON" for a in tree.children(k, "appos"))


def _opening_name(tree: Tree, p: int, *, before: int | None = None) -> int | None:
    """"On 30 January, the Assembly of the AU, meeting in Addis Ababa, readmitted X": a name before the
    verb that the parser hung nowhere a subject would be, but under no real preposition either (nor
    on the opening date: "4 June 2025 – A, elected the day before, is sworn in")."""
    tok = tree.tokens[p]
    if tok.dep != "ROOT":
        return None
    lo = tree.extent(tree.sentence_root(p))[0]
    for k in tree.span(lo, tok.start if before is None else before):
        if tree.tokens[k].pos != "PROPN" or tree.tokens[k].ent == "DATE" or tree.tokens[k].dep in ("compound", "pobj"):
            continue
        path, j = [], k
        while j != p and not tree.is_root(j):
            j = tree.head(j)
            path.append(j)
        # (through commas, a participle, or the opening date's preposition; not through another phrase)
        if j == p and not any((tree.tokens[i].pos in NOUNS and tree.tokens[i].ent != "DATE") or (
                tree.tokens[i].pos == "ADP" and not any(
                tree.tokens[o].ent == "DATE" for o in tree.children(i, "pobj"))) for i in path[:-1]):
            return k
    return None


def _list_before(tree: Tree, p: int) -> int | None:
    """A list of names that the parser ran on from the phrase before it ("in Niamey, A, B and C
    sign", "After talks on the eve of the summit, A, B and C signed"): after a comma, conjuncts of
    that phrase's noun (or its apposition), the last one right before the verb."""
    tok = tree.tokens[p]
    if p == 0 or tree.tokens[p - 1].pos != "PROPN" or tree.tokens[p - 1].dep not in ("conj", "appos"):
        return None
    k = p - 1
    while tree.tokens[k].dep == "conj" and tree.tokens[tree.head(k)].pos == "PROPN":
        k = tree.head(k)
    if tree.tokens[k].dep == "appos" and tree.tokens[tree.head(k)].pos in NOUNS:
        first = k
    elif tree.tokens[k].dep == "pobj":
        first = next((c for c in tree.children(k, "conj")), None)
    else:
        return None
    if first is None or tree.tokens[first].start > tok.start:
        return None
    comma = first - 1
    while comma > 0 and tree.tokens[comma].dep == "compound":
        comma -= 1
    if tree.word(comma) != "," or any(tree.tokens[c].pos != "PROPN" for c in with_conj(tree, [first])):
        return None
    return first


_TIME_MARKS = frozenset({"after", "before", "following", "since", "during"})


_RELATIVE = frozenset({"which", "who", "that"})
_OWNING = frozenset({"agreement", "establishment", "project", "exercise", "deployment"})


def owners(tree: Tree, heads: list[int]) -> list[int]:
    """Whose a thing is, where a thing and not an actor heads the source phrase: its possessor ("its
    mission", "their offices": the subject of the clause "their" sits in), else the subject of the
    act that made it ("they signed an agreement that entered into force")."""
    found: list[int] = []
    for k in heads:
        if tree.tokens[k].pos != "NOUN" and not (tree.tokens[k].pos == "PROPN" and not tree.tokens[k].ent):
            continue  # (a common noun the tagger took for a name: "Russia's foreign ministry")
        for poss in tree.children(k, "poss"):
            verb = _clause_of(tree, k)
            if tree.lemma(poss) == "whose" and verb is not None and tree.tokens[verb].dep == "relcl":
                found.append(tree.head(verb))  # "the United States, whose warships have sailed"
                continue
            if tree.tokens[poss].pos != "PRON":
                found.append(poss)
                continue
            verb = _clause_of(tree, k)
            if verb is not None and tree.tokens[poss].start > tree.tokens[verb].start:
                found += [s for s in subjects(tree, verb, "") if s != k]
        if found or tree.tokens[k].dep != "dobj" or tree.is_root(k):
            continue
        verb = tree.head(k)
        entry = lexicon().verbs.get(key_of(tree, verb))
        if tree.tokens[verb].pos in VERBS and (key_of(tree, verb) in lexicon().transitive
                                               or (entry is not None and entry.type in _OWNING)):
            found += subjects(tree, verb, entry.type if entry else "")
    return found


def _clause_of(tree: Tree, k: int) -> int | None:
    """The verb of the clause whose argument phrase holds token k."""
    while not tree.is_root(k):
        k = tree.head(k)
        if tree.tokens[k].pos in VERBS:
            return k
    return None


def _one_of(tree: Tree, k: int) -> int:
    """ "Morocco was one of the 32 states that founded it", "A and B were among the six states that
    founded it": the subject that is one of them (or they)."""
    of = tree.head(k)
    if tree.tokens[k].dep != "pobj" or tree.lemma(of) not in ("of", "among") or tree.is_root(of):
        return k
    if tree.lemma(of) == "among":
        verb = tree.head(of)  # ("were among the founders": the copula's subject)
        subject = tree.children(verb, "nsubj") if tree.lemma(verb) == "be" else []
        return subject[0] if subject else k
    one = tree.head(of)
    if tree.lemma(one) != "one" or tree.tokens[one].dep != "attr" or tree.is_root(one):
        return k
    subject = tree.children(tree.head(one), "nsubj")
    return subject[0] if subject else k


def _antecedent(tree: Tree, pronoun: int) -> int | None:
    """The name a relative pronoun stands for where the parser did not hang its clause on it
    ("Serbia and Montenegro (then ...), which joined"): the nearest name before it, past commas and
    a parenthesis, taken at the head of its coordination."""
    depth, k = 0, pronoun - 1
    while k >= 0:
        word = tree.word(k)
        if word in (")", "]"):
            depth += 1
        elif word in ("(", "["):
            depth -= 1
        elif depth == 0 and tree.tokens[k].pos != "PUNCT":
            break
        k -= 1
    if k < 0 or tree.tokens[k].pos not in ("PROPN", "NOUN"):
        return None
    while tree.tokens[k].dep in ("conj", "compound") and not tree.is_root(k) \
            and tree.tokens[tree.head(k)].pos == "PROPN":
        k = tree.head(k)
    return k


_MEETING_NOUNS = frozenset({"summit", "meeting", "forum", "dialogue", "conference", "talks", "council"})


def dashed_parties(tree: Tree, p: int) -> list[int]:
    """The names a dash joins before a meeting noun of the predicate's sentence ("At the sixth EU–AU
    summit, held in Brussels, leaders agreed"): the parties that met."""
    for noun in tree.span(*tree.extent(tree.sentence_root(p))):
        if tree.lemma(noun) not in _MEETING_NOUNS or tree.tokens[noun].pos != "NOUN":
            continue
        named = [k for k in range(min(tree.subtree(noun)), noun) if tree.tokens[k].pos == "PROPN"]
        if len(named) >= 2 and any(tree.word(k) in ("-", "–") for k in range(named[0], named[-1])):
            return named
    return []


def parties_of(tree: Tree, p: int, placed: list[tuple[int, Actor]]) -> list[str]:
    """The parties an agreement's own title names, where the act names no one ("The Agreement ...
    between the European Communities ... and the Russian Federation ... was signed"): the states and
    organisations of a "between" phrase inside what was signed, or entered into force."""
    held = tree.children(p, "nsubjpass", "nsubj")
    if not held and tree.tokens[p].dep == "conj" and not tree.is_root(p):
        held = tree.children(tree.head(p), "nsubjpass", "nsubj")
    if tree.children(p, "expl"):
        held = tree.children(p, "attr")  # "There was an agreement between NATO and Chile"
    names: list[str] = []
    for head in held:
        if tree.tokens[head].pos not in ("NOUN", "PROPN"):
            continue
        # From "between" to the end of the phrase (the parser often hangs the second party higher).
        end = tree.extent(head)[1]
        spans = [(tree.tokens[k].start, end) for k in tree.subtree(head) if tree.lemma(k) == "between"]
        names += [n for n in _parties_within(spans, placed) if n not in names]
    if not names:
        # "an agreement that was concluded in Vienna between Iran and the P5+1": the act's own phrase
        # (the parser may hang it on the place or the date: "in Quito on 3 May between A and B")
        spans = [tree.extent(k) for k in tree.subtree(p) if tree.lemma(k) == "between" and k > p]
        names = _parties_within(spans, placed)
    return names if len(names) >= 2 else []


def _parties_within(spans: list[tuple[int, int]], placed: list[tuple[int, Actor]]) -> list[str]:
    """The states and organisations placed inside the spans, one per place, in text order."""
    at: dict[int, list[Actor]] = {}
    for offset, actor in placed:
        if any(lo <= offset < hi for lo, hi in spans) and actor.kind in ("country", "organization"):
            at.setdefault(offset, []).append(actor)
    return list(dict.fromkeys(a.name for a in _one_per_place(at)))


def _one_per_place(at: dict[int, list[Actor]], head: str = "") -> list[Actor]:
    """The actors found at each offset, in text order; of two organisations at one place, the one
    whose name has the phrase's head word ("the Common Market Council", not the organisation of its
    first words), else the longer name ("NAC" is the North Atlantic Council, not also NATO)."""
    inside: list[Actor] = []
    for _, found in sorted(at.items()):
        organisations = [a for a in found if a.kind == "organization"]
        if len(organisations) > 1:
            headed = [a for a in organisations if head and head in a.name.split()] or organisations
            found = [a for a in found if a.kind != "organization"] + [max(headed, key=lambda a: len(a.name))]
        inside += found
    return inside


def targets(tree: Tree, p: int) -> list[int]:
    found = tree.children(p, "dobj", "dative", "attr")
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) in _TARGET_PREPS:
            # (not "with X as witness": who looked on; not a date: "on 4 April, when X handed ...")
            found += [o for o in tree.children(prep, "pobj") if not any(tree.lemma(a) == "as" for a in tree.children(o, "prep"))
                      and tree.tokens[o].ent not in ("DATE", "TIME")]
    if tree.tokens[p].pos in NOUNS:
        for prep in tree.children(p, "prep"):
            if tree.lemma(prep) in ("to", "with", "into"):
                found += tree.children(prep, "pobj")
    return with_conj(tree, found)


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
_IMPERSONAL = frozenset({"it", "its", "they", "their", "them"})
_FIRST_PLURAL = frozenset({"we", "our", "us"})
_PEOPLE_NOUNS = frozenset({"president", "minister", "leader", "premier", "head", "monarch", "king", "rival", "secretary",
                           "chancellor", "envoy", "ambassador", "man", "woman"})


def _modifier_at(tree: Tree, offset: int, name: str) -> bool:
    """Whether the name at `offset` only modifies another noun ("the Luxembourg European Council"),
    its own words aside ("the United States": "United" is part of the name)."""
    found = tree.span(offset, offset + 1)
    if not found:
        return False
    k = found[0]
    words = name.split()
    while tree.tokens[k].dep == "compound" and not tree.is_root(k) and tree.head(k) > k \
            and tree.word(tree.head(k)) in words:
        k = tree.head(k)  # to the last word of the name
    return tree.tokens[k].dep in ("compound", "amod", "nmod")


def _referent(tree: Tree, head: int, actors: list[Actor], focus: tuple[Actor, ...] = (),
              placed: list[tuple[int, Actor]] = ()) -> list[str]:
    """What a pronoun subject refers to: a person the sentence named before it, preferably its
    subject ("President X ... since his rise to power"); else an actor of the event the sentence
    does not spell out (the resolver found it from the sentences before), of the pronoun's kind."""
    word = tree.word(head).lower()
    if word in ("i", "my", "me"):
        # "I held talks": the speaker the resolver found for the pronoun, if any
        return [a.name for offset, a in placed if offset == tree.tokens[head].start and a.kind == "person"][:1]
    if word in _FIRST_PLURAL:
        # "we concluded", "our embassy": a ministry's page speaks for the state it is about
        return ([a.name for a in focus if a.kind == "country"] or [a.name for a in focus])[:1]
    if word in _PERSONAL or word in ("it", "its"):
        # "Georgia joined ..., a year after it declared independence": named before, subject first.
        at = tree.tokens[head].start
        wanted = ("person",) if word in _PERSONAL else ("country", "organization")
        before = [(offset, a) for offset, a in placed if a.kind in wanted and offset <= at]  # (or placed on it)
        root = tree.sentence_root(head)
        subject = [tree.extent(k) for k in tree.children(root, "nsubj", "nsubjpass")]
        if word in ("it", "its") and head > root and _a_thing(tree, tree.children(root, "nsubj", "nsubjpass")):
            return []  # "A truce took effect in April, though it expired in October": the truce, no actor
        if before:
            main = [(offset, a) for offset, a in before if any(lo <= offset < hi for lo, hi in subject)]
            if word in ("it", "its"):
                # "the United States would reopen its embassy, which it closed": the subject of the
                # nearest clause above the pronoun that names a state or a body
                for up in tree.ancestors(head):
                    above = [tree.extent(k) for k in tree.children(up, "nsubj", "nsubjpass") if head not in tree.subtree(k)]
                    near = [(offset, a) for offset, a in before if any(lo <= offset < hi for lo, hi in above)]
                    if near:
                        main = near
                        break
            first = main or before
            # (of a body and its organisation named at one place, the body: "the UN General Assembly ... it")
            at_first = [a for offset, a in first if offset == first[0][0]]
            return [max(at_first, key=lambda a: len(a.name)).name]
        # "As part of his visit to Brussels, the President met ...": the subject that follows
        after = [a.name for offset, a in placed if a.kind in wanted and any(lo <= offset < hi for lo, hi in subject)]
        if after and all(hi <= at or lo > at for lo, hi in subject):
            return after[:1]
    paired = any(tree.lemma(k) in ("two", "both") or (tree.lemma(k) == "all" and tree.lemma(head) in ("side", "party"))
                 for k in tree.children(head, "nummod", "det", "predet", "amod"))
    if paired and tree.lemma(head) in _PEOPLE_NOUNS:
        # "the two prime ministers signed": the two people named before, in the sentence or before it
        at = tree.tokens[head].start
        phrase_lo, phrase_hi = tree.extent(head)
        before = [a.name for offset, a in sorted(placed, key=lambda item: item[0])
                  if a.kind == "person" and tree.extent(tree.sentence_root(head))[0] <= offset < at]
        meant = [a.name for offset, a in placed if a.kind == "person" and phrase_lo <= offset < phrase_hi]
        return list(dict.fromkeys(before))[-2:] if len(set(before)) >= 2 else list(dict.fromkeys(meant))
    if not paired and tree.lemma(head) in _PEOPLE_NOUNS and tree.tokens[head].tag == "NNS" \
            and [tree.lemma(k) for k in tree.children(head, "det")] == ["the"] and not tree.children(head, "prep"):
        # "The leaders also signed": the people the resolver found for the phrase
        phrase_lo, phrase_hi = tree.extent(head)
        return list(dict.fromkeys(a.name for offset, a in placed if a.kind == "person" and phrase_lo <= offset < phrase_hi))
    # "the two blocs", "the two delegations", "the negotiators": the parties of the talks
    negotiators = tree.lemma(head) == "negotiator" and tree.tokens[head].tag == "NNS" \
        and [tree.lemma(k) for k in tree.children(head, "det")] == ["the"] and not tree.children(head, "prep")
    plural_parties = (tree.lemma(head) in ("country", "side", "nation", "state", "government", "party", "bloc",
                                           "delegation", "organisation", "organization") and paired) or negotiators
    if plural_parties:
        # "Georgia had tried to block Russia's entry since the two countries fought": the last two
        # states named before the phrase, in the sentence.
        at = tree.tokens[head].start
        lo = tree.extent(tree.sentence_root(head))[0]
        named: list[str] = []
        for offset, actor in sorted(placed, key=lambda item: item[0]):
            if actor.kind == "country" and lo <= offset < at and actor.name not in named:
                named.append(actor.name)
        if len(named) >= 2:
            return named[-2:]
        # "the two sides signed" after sentences naming them: the parties the resolver placed there
        phrase_lo, phrase_hi = tree.extent(head)
        # ("the two sides" may be a state and a body; "the two countries" are states)
        kinds = ("country", "organization") if tree.lemma(head) in ("side", "party", "delegation", "negotiator") else \
            ("organization",) if tree.lemma(head) in ("bloc", "organisation", "organization") else ("country",)
        meant = [a.name for offset, a in placed if a.kind in kinds and phrase_lo <= offset < phrase_hi]
        if len(meant) >= 2:
            return list(dict.fromkeys(meant))
        if tree.lemma(head) in ("side", "party", "delegation", "negotiator") and len([a for a in focus if a.kind in kinds]) >= 2:
            return [a.name for a in focus if a.kind in kinds][:2]  # "all parties": those the text is about
        word = "they"
    elif word not in _PERSONAL and word not in _IMPERSONAL:
        return []
    lo, hi = tree.extent(tree.sentence_root(head))
    text = tree.text[lo:hi]
    kinds = ("person",) if word in _PERSONAL else ("country",) if plural_parties else ("country", "organization")
    unspelt = [a.name for a in sorted(actors, key=lambda a: kinds.index(a.kind) if a.kind in kinds else 9)
               if a.kind in kinds and a.name.split()[-1] not in text]
    if word in ("they", "their", "them") and tree.tokens[head].pos == "PRON":
        # "Riyadh and Tehran will implement an agreement that they signed": the names joined as the
        # subject of a clause above the pronoun's, before it
        for up in tree.ancestors(head):
            joined = [k for k in tree.children(up, "nsubj") if k < head and tree.children(k, "conj")]
            if joined:
                named = actors_in(tree, with_conj(tree, joined[:1]), placed)
                if len(named) >= 2:
                    return named
    if word == "they" and tree.tokens[head].pos == "PRON":
        # whom the resolver found "they" to mean: the pair that was the subject before, people too
        here = list(dict.fromkeys(a.name for offset, a in placed if offset == tree.tokens[head].start))
        if len(here) >= 2:
            return here  # (not the bodies a court named later implies: "they took it to the ICJ")
    if word in ("they", "their", "them"):
        # Parties: also the document's own subjects, which "they" and "the two countries" often are.
        unspelt += [a.name for a in focus if a.kind == "country" and a.name not in unspelt
                    and a.name.split()[-1] not in text]
        return unspelt
    return unspelt[:1]


_STATE_NOUNS = frozenset({"state", "country", "nation", "republic"})
_GO_BETWEEN = frozenset({"broker", "lead", "back", "sponsor", "mediate", "host", "fund", "brokered", "led", "backed"})


def _a_thing(tree: Tree, heads: list[int]) -> bool:
    """Whether a clause's subject is a thing, not an actor or a body ("a U.N.-brokered truce")."""
    return len(heads) == 1 and tree.tokens[heads[0]].pos == "NOUN" and not tree.tokens[heads[0]].ent \
        and tree.lemma(heads[0]) not in gazetteer().political_heads \
        and not lexicon().classes_of([tree.lemma(heads[0])]) & {"organisation", "institution", "legislature", "force", "person"}


def go_between(tree: Tree, k: int) -> bool:
    """Whether token k names who brokered, led or backed a thing ("Russian-brokered", "Turkish-led"),
    not a party of it."""
    if re.search(r"-(?:brokered|led|backed|sponsored|mediated|hosted|funded)$", tree.word(k)):
        return True
    return k + 2 < len(tree.tokens) and tree.word(k + 1) in ("-", "–") and tree.lemma(k + 2) in _GO_BETWEEN
# Parts of a body that act for it ("both houses of the Parliament", "a chamber of the Court").
_PARTS_OF_BODIES = frozenset({"house", "chamber", "panel", "branch", "bench", "session"})


def _states_listed(tree: Tree, head: int, placed: list[tuple[int, Actor]]) -> list[str]:
    """The states an "of" phrase lists after a noun for states ("the three Baltic states of
    Estonia, Latvia and Lithuania"): they, not what an apposition says they were part of."""
    if tree.lemma(head) not in _STATE_NOUNS:
        return []
    spans = [tree.extent(prep) for prep in tree.children(head, "prep") if tree.lemma(prep) == "of"]
    return list(dict.fromkeys(a.name for offset, a in sorted(placed, key=lambda p: p[0])
                              if a.kind == "country" and any(lo <= offset < hi for lo, hi in spans)))


# Quantities of a group that the group's act is told through ("two-thirds of voters", "a majority of members").
_PARTITIVES = frozenset({"third", "quarter", "half", "majority", "most", "percent", "cent", "proportion", "share"})


def partitive(tree: Tree, k: int) -> bool:
    """Whether k is a part of the group its "of" phrase names ("two-thirds", "most", "57 per cent" of voters)."""
    return tree.lemma(k) in _PARTITIVES or tree.tokens[k].pos == "NUM"


def _of_named(tree: Tree, k: int) -> bool:
    """Whether k stands for what its "of" phrase names: a part of a group, or a state's form ("the
    Kingdom of Libya")."""
    return partitive(tree, k) or tree.word(k) in gazetteer().state_forms


def actors_in(tree: Tree, heads: list[int], placed: list[tuple[int, Actor]],
               actors: list[Actor] = (), focus: tuple[Actor, ...] = ()) -> list[str]:
    """The names of the actors named inside the phrases headed by `heads`; a person among them
    speaks for the phrase ("NATO Secretary General Javier Solana" is Javier Solana); of two found
    at one place, the longer name ("NAC" is the North Atlantic Council, not NATO)."""
    names: list[str] = []
    for head in heads:
        referred = _referent(tree, head, list(actors), focus, placed) if tree.tokens[head].pos in ("PRON", "NOUN") else []
        if referred or tree.tokens[head].pos == "PRON":
            names += [n for n in referred if n not in names]
            continue
        listed = _states_listed(tree, head, placed)
        if listed:
            names += [n for n in listed if n not in names]
            continue
        lo, hi = tree.extent(head)
        if tree.is_root(head) and tree.tokens[head].pos == "PROPN":
            # a name the parser made the root ("Ortiz and Begin sign"): the name, not the sentence
            own = [head, *(c for c in tree.children(head, "compound", "flat") if c < head)]
            lo, hi = tree.tokens[min(own)].start, tree.tokens[head].end
            holder = [k for k in tree.children(head, "appos") if tree.tokens[k].ent == "PERSON"]
            if holder:  # "the A's President, B, repealed": the title's holder named beside it
                hi = tree.extent(holder[0])[1]
        # Not what hangs on the phrase by a preposition or a possessive: "the envoy of the Secretary
        # General, X" and "the Secretary General's envoy X" are X.
        aside = [tree.extent(k) for k in tree.children(head, "prep", "poss", "relcl")  # nor "X, who met Y,"
                 if not (_of_named(tree, head) and tree.lemma(k) == "of")  # ("two-thirds of voters": the voters)
                 and not (tree.tokens[k].dep == "poss" and tree.tokens[k].pos == "PRON"
                          and tree.lemma(head) in gazetteer().political_heads)]  # ("its troops": its)
        if not lexicon().classes_of([tree.lemma(head).lower()]) & {"document", "accord", "law", "declaration"}:
            # Who backed or formed the subject is no subject ("Comorian troops, backed by soldiers from
            # Tanzania, landed"); who led it acts through it ("a coalition led by the United States began"),
            # unless an adjective names its state ("Mauritian ministers led by X"); a treaty "signed by A
            # and B" is theirs.
            own = any(tree.tokens[a].ent in ("NORP", "GPE") for a in tree.children(head, "amod", "compound"))
            aside += [tree.extent(k) for k in tree.children(head, "acl") if tree.children(k, "agent")
                      and (own or tree.lemma(k) not in ("lead", "head", "command", "chair"))]
        if _clause_noun(tree, head) and tree.tokens[head].pos == "NOUN":
            # ("The last British forces left Aden": the sentence's verb, taken for a participle on its
            # subject, and its phrases are no part of the subject)
            verbs = [k for k in tree.children(head, "acl") if k > head]
            aside += [tree.extent(k) for k in tree.children(head) if verbs and k >= verbs[0]]
        if any(tree.tokens[c].tag == "NNS" and tree.lemma(c) in _PEOPLE_NOUNS for c in tree.children(head, "compound")):
            # "Presidents A of Chile and B met": the plural title holds every person of the phrase
            aside = [(x, y) for x, y in aside if not any(x <= offset < y and a.kind == "person" for offset, a in placed)]
        if any(tree.tokens[head].start <= offset < tree.tokens[head].end for offset, _ in placed):
            # "Russia, the largest economy in Europe,": the name, not its apposition's
            aside += [tree.extent(k) for k in tree.children(head, "appos", "acl")]  # "then governed by X"
        # "a Russian-brokered ceasefire", "the Turkish-led company": who brokered or led it is not its party
        aside += [(tree.tokens[k].start, tree.tokens[k].end) for k in tree.subtree(head) if go_between(tree, k)]
        at: dict[int, list[Actor]] = {}
        for offset, actor in placed:
            # (a body named through its owner's short name is the phrase itself: "the Assembly of the AU")
            if lo <= offset < hi and (not any(a <= offset < b for a, b in aside)
                                      or actor.name.startswith(f"{tree.word(head)} of ")):
                at.setdefault(offset, []).append(actor)
        if not at:  # a person the parser hung under the preposition ("Secretary General of NATO X")
            for offset, actor in placed:
                if lo <= offset < hi and actor.kind == "person":
                    at.setdefault(offset, []).append(actor)
        if not at and tree.tokens[head].pos == "NOUN" and tree.lemma(head) not in lexicon().classes["person"] \
                and (lexicon().classes_of([tree.lemma(head)]) & {"institution", "organisation", "legislature", "force"}
                     or tree.lemma(head) in _PARTS_OF_BODIES):
            # "a tribunal of the Permanent Court", "both houses of the Indian Parliament": the body
            # a part of it acts for
            of = [tree.extent(k) for k in tree.children(head, "prep") if tree.lemma(k) == "of"]
            for offset, actor in placed:
                if actor.kind in ("organization", "country") and any(a <= offset < b for a, b in of):
                    at.setdefault(offset, []).append(actor)
        if tree.tokens[head].pos == "NOUN" and (
                tree.lemma(head) in gazetteer().political_heads or tree.word(head).lower() in gazetteer().political_heads) \
                and not any(a.kind == "person" for found in at.values() for a in found) \
                and not any(offset < tree.tokens[head].end for offset in at):  # ("the government of X": named)
            # "officials from Chile and Peru", "representatives of the two governments": the states they speak for
            # ("judges at the ICC", "officials at the ministry": the body they serve)
            of = [o for k in tree.children(head, "prep") if tree.lemma(k) in ("of", "from", "at") for o in tree.children(k, "pobj")]
            # (the rest of the list hung on the phrase as its apposition: "the ministers of A, the B, C and D")
            listed_on = [k for k in tree.children(head, "appos") if tree.tokens[k].ent == "GPE"] if of else []
            found = [n for n in actors_in(tree, with_conj(tree, of + listed_on), placed, actors, focus) if n not in names]
            # (every state listed there, however the parser joined the list: "the leaders of A, the B, C and D")
            spans = [tree.extent(k) for k in tree.children(head, "prep") if tree.lemma(k) in ("of", "from", "at")]
            spans += [tree.extent(k) for k in listed_on]
            listed = [a.name for offset, a in sorted(placed, key=lambda item: item[0])
                      if a.kind == "country" and any(x <= offset < y for x, y in spans)]
            if found or len(set(listed)) >= 2:
                found += [n for n in dict.fromkeys(listed) if n not in found and n not in names]
                names += found
                continue
        inside = _one_per_place(at, tree.word(head))
        joined = [tree.extent(k) for k in tree.children(head, "conj")]  # ("the Colombian state and the FARC")
        own = _one_per_place({o: a for o, a in at.items() if not any(x <= o < y for x, y in joined)}, tree.word(head))
        if any(a.kind == "organization" for a in own):
            # "the Luxembourg European Council": a place that only names the organisation's meeting.
            inside = [a for offset, a in placed if a in inside and not (
                a.kind == "country" and lo <= offset < hi and _modifier_at(tree, offset, a.name))] or inside
        people = [a for a in inside if a.kind == "person"]
        for actor in people or inside:
            if actor.name not in names:
                names.append(actor.name)
    return names
