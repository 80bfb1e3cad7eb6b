"""A headline from an event's frame: "<source> <verb in the present> <object or target>"."""
from __future__ import annotations

import re

from annals.events.lexicon import Lexicon, lexicon
from annals.events.naming import ARTICLE
from annals.events.parts import actors_in, in_force, swallowed_subject, verb_as_participle
from annals.events.predicate import FIXED_OBJECTS, key_of, verb_lemma
from annals.events.tree import NOUNS, VERBS, Tree
from annals.model import Actor, EventObject
from annals.resolve.gazetteer import gazetteer

__all__ = ["HEADLINE_WIDTH", "headline", "join_names", "phrase", "with_article", "with_sources"]

HEADLINE_WIDTH = 80
_TYPE_VERBS = {
    "membership": "joins", "withdrawal": "leaves", "agreement": "signs", "establishment": "establishes",
    "appointment": "appoints", "visit": "visits", "meeting": "meets", "summit": "attends",
    "deployment": "deploys forces to", "deployment_end": "withdraws forces from", "project": "carries out",
    "exercise": "holds", "decision": "decides on", "statement": "makes a statement on", "conflict": "fights",
    "political": "sees",
}
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def present(lemma: str) -> str:
    """The third person singular of the present: join -> joins, deploy -> deploys."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _up_to_head(tree: Tree, noun: int) -> str:
    """A noun phrase's words from its first modifier to its head, without the determiner ("Summits"
    of "the NATO/EAPC and ISAF format Summits held in Bucharest" is "NATO/EAPC and ISAF format Summits")."""
    first = min(k for k in tree.subtree(noun) if k <= noun and tree.tokens[k].pos != "DET")
    return tree.text[tree.tokens[first].start:tree.tokens[noun].end]


def _modified(tree: Tree, k: int) -> bool:
    """Whether a noun has words of its own before it ("the office", "its part")."""
    return bool(tree.children(k, "det", "amod", "compound", "nmod", "poss", "nummod"))


def _plural(verb: str) -> str:
    """The plural of a present verb phrase: "signs" -> "sign", "deploys forces to" -> "deploy forces to"."""
    first, _, rest = verb.partition(" ")
    first = first[:-3] + "y" if first.endswith("ies") else first[:-2] if first.endswith(("shes", "ches", "sses")) \
        else first[:-1]
    return f"{first} {rest}".strip()


def join_names(names: list[str], kinds: dict[str, str] | None = None) -> str:
    """"A", "A and B", "A, B and C"; with `kinds`, "the" before the names that take it."""
    if kinds:
        names = [with_article(n, kinds.get(n)) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# Names that read with "the": an organisation named by what it is ("the European Union", not
# "Goldman Sachs"), a
# state whose name is a description or a plural ("the United States", "the Czech Republic").
_BODY_WORDS = frozenset({"Community", "Commonwealth", "Nations", "Conference", "Forum", "Partnership", "Initiative"})
_STATE_WITH_ARTICLE = re.compile(r"\b(?:Republic|Kingdom|States|Emirates|Islands|Union|Federation)\b|"
                                 r"^(?:Netherlands|Philippines|Bahamas|Gambia)$")


def with_sources(line: str | None, old: list[str], new: list[str], kinds: dict[str, str]) -> str | None:
    """The headline told of other sources ("Peru joins the forum" -> "Chile and Bolivia join the
    forum"), where it opens with the old ones; else None."""
    said = join_names(old, kinds) if old else ""
    if not line or not said or not line.startswith(said) or not new:
        return None
    verb, _, rest = line[len(said):].strip().partition(" ")
    if len(new) > 1 and len(old) == 1:
        verb = _plural(verb)
    told = f"{join_names(new, kinds)} {verb} {rest}".strip()
    told = told[:1].upper() + told[1:]
    return told if len(told) <= HEADLINE_WIDTH else None


def with_article(name: str, kind: str | None) -> str:
    """The name as a headline writes it in a sentence: "the European Union", "NATO", "Chile"."""
    if name.startswith("the "):
        return name
    words = name.split()
    described = any(w in gazetteer().org_words or w in _BODY_WORDS for w in words) or " of " in name or " for " in name
    if (kind == "organization" and len(words) > 1 and described) or (
            kind == "country" and _STATE_WITH_ARTICLE.search(name)):
        return f"the {name}"
    return name


_MADE_OF = re.compile(r"\b(?:consist(?:s|ed|ing)|compos(?:ed|ing)|made up|comprising|comprised) of\b")


def phrase(tree: Tree, k: int, width: int = 40, *, article: bool = False) -> str:
    """The words of a noun phrase, without its leading article (unless `article`), cut at a word to
    `width`."""
    sub = tree.subtree(k)
    at = sub.index(k)
    first, last = at, at
    while first > 0 and sub[first - 1] == sub[first] - 1:
        first -= 1
    while last + 1 < len(sub) and sub[last + 1] == sub[last] + 1:
        last += 1
    # (the words next to the noun: not a name the parser hung on it from across the verb)
    lo, hi = tree.tokens[sub[first]].start, tree.tokens[sub[last]].end
    # (not a date the phrase holds: "an agreement on fishing on 13 July 2000" is "agreement on fishing")
    dated = [tree.tokens[i].start for i in tree.subtree(k) if tree.tokens[i].ent in ("DATE", "TIME")
             and tree.tokens[i].start > tree.tokens[k].start]
    if dated:
        kept = re.sub(r"(?:\s+(?:on|in|at|since|from|by|during|of|for|until|to|after|before|the|a|an)|[\s,;:])+$", "",
                      tree.text[lo:min(dated)])
        hi = lo + len(kept)
    # (not an aside after a comma: "the first phase, built around the dam," is "first phase")
    asides = [tree.tokens[min(tree.subtree(c)) - 1].start for c in tree.children(k, "acl", "relcl")
              if c > k and min(tree.subtree(c)) > 0 and tree.word(min(tree.subtree(c)) - 1) == ","]
    # (nor a relative clause: "agreements that promised independence" are the agreements)
    asides += [tree.tokens[min(tree.subtree(c))].start for c in tree.children(k, "relcl") if c > k]
    if asides and lo < min(asides) < hi:
        hi = min(asides)
    text = re.sub(r"\s+", " ", tree.text[lo:hi]).strip(" ,.;:")
    text = _MADE_OF.sub("of", text)  # "a unit consisting of 22 servicemen": a unit of 22 servicemen
    text = re.split(r",\s+(?:which|who|whose|whom|where)\b", text)[0]  # (nor a clause on a noun inside it)
    first = tree.subtree(k)[0]
    if tree.tokens[first].start == tree.extent(tree.sentence_root(k))[0] and tree.tokens[first].pos in ("NOUN", "DET", "ADJ") \
            and not tree.word(first).isupper() and not tree.tokens[first].ent:
        text = text[:1].lower() + text[1:]  # "Talks between them began": the capital only opens the sentence
    # ("I held my first talk": a speaker's "my" reads as no one's on a timeline)
    text = re.sub(r"^(?:[Mm]y|[Oo]ur)\s+", "the ", text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # (nor a bracket left open)
    if not article:
        text = ARTICLE.sub("", text)
    width += len(text) - len(ARTICLE.sub("", text))  # (an article kept takes no room of its own)
    if len(text) > width:
        text = re.sub(r"\s*\([^)]*\)?", "", text)  # an aside in brackets goes first
        whole, text = text, text[:width].rsplit(" ", 1)[0]
        if re.match(r"\s+[A-Z]", whole[len(text):]) and re.search(r"\b[A-Z][\w'’.-]*$", text):
            # (not a name cut in two, "at the United": the name goes whole)
            text = re.sub(r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|de|la))+$", "", text)
            # (nor what led to it: "proceedings against", "a protocol amending")
            text = re.sub(r"(?:\s+(?:over|between|against|among|about|across|toward|towards|that|which|\w+ing))+$", "", text)
        text = re.sub(r"(?:\s+(?:and|or|of|the|a|an|to|in|on|for|with|within|into|at|by|from|under|its|their)|[,;:])+$",
                      "", text)
    return text


def _complement(tree: Tree, p: int, light: bool, obj: EventObject | None, targets: list[str],
                placed: list[tuple[int, Actor]], *, passive: bool = False) -> str:
    """What follows the verb: the object or the direct object's words, and the targets with their
    prepositions ("to Azerbaijan", "with Ilham Aliyev")."""
    parts: list[str] = []
    used: set[str] = set()
    kinds = {a.name: a.kind for _, a in placed}
    time_nouns = lexicon().classes["time"]  # ("replied the same evening": when, not what)
    for k in tree.children(p, "dobj", "attr") or ([] if passive else tree.children(p, "nsubjpass")):
        if tree.lemma(k) in ("who", "whom") and tree.tokens[p].dep == "relcl" and not tree.is_root(p):
            k = tree.head(p)  # "X, who had been backed by Y": Y backs X
        if light or tree.lemma(k) in ("place", "part", "which", "that", "it", "they", "what") or tree.lemma(k) in time_nouns or (
                tree.lemma(k) in FIXED_OBJECTS and not _modified(tree, k)):  # ("takes power", said once)
            continue
        said = tree.text[slice(*tree.extent(k))]
        # (an actor only implied there, as a programme's owner, is not what the phrase says)
        indefinite = tree.tokens[k].dep == "attr" and any(tree.lemma(d) in ("a", "an") for d in tree.children(k, "det"))
        named = tree.tokens[k].pos == "PROPN" or bool(tree.tokens[k].ent)  # "met Ilham Aliyev", not "sent a unit"
        # ("delivered its Judgment": the owner its "its" refers back to is not what was delivered)
        owned = tree.tokens[k].ent not in ("ORG", "GPE", "PERSON", "NORP") and any(tree.tokens[d].pos == "PRON" for d in tree.children(k, "poss"))
        names = [] if indefinite or not named or owned else [n for n in actors_in(tree, [k], placed)
                                                    if n in said or tree.tokens[k].dep != "attr"]
        # (not a meeting that is only where the act was done, the direct object a thing of its own:
        # "supported X's integrity at the Summit"; "attended the summit" names it)
        aside = obj is not None and obj.kind == "meeting" and tree.word(k) not in obj.text \
            and tree.lemma(k) not in lexicon().nouns and tree.tokens[k].pos == "NOUN"
        if obj is not None and not aside and (obj.text in said or tree.tokens[k].dep != "attr"):
            # a post named by its kind reads as written ("opens an embassy in Lima")
            written = obj.kind == "institution" and obj.text[:1].islower() and said == obj.text
            parts.append(obj.text if written else f"the {obj.name}")
            used.add(obj.name)
        elif names:
            parts.append(join_names(names, kinds))
            used.update(names)
        elif tree.tokens[k].dep == "attr" and (tree.tokens[k].pos == "NOUN" or indefinite):
            told = phrase(tree, k, HEADLINE_WIDTH)  # "becomes a member of the WTO"; "becomes NATO's newest member"
            dets = [tree.word(d).lower() for d in tree.children(k, "det")]
            article = "" if tree.children(k, "poss") or (dets and dets[0] not in ("a", "an", "the")) else \
                "the " if dets[:1] == ["the"] else "an " if told[:1].lower() in "aeiou" else "a "
            parts.append(told if article and told.lower().startswith(article) else article + told)
        else:
            told = phrase(tree, k, 60, article=True)  # "sends a unit", "imposes a full embargo"
            parts.append(told if tree.tokens[k].pos != "PRON" else phrase(tree, k))
        break
    named = any(tree.tokens[k].pos in ("PROPN", "PRON") for k in tree.children(p, "nsubj"))
    if not parts and not passive and (tree.lemma(p) in ("become", "remain", "declare", "proclaim")
                                      or (tree.lemma(p) == "be" and named)):  # (not "Relations were tense")
        # "became independent", "declared itself neutral": the state it came to
        told = [tree.text[slice(*tree.extent(k))] for k in tree.children(p, "acomp", "oprd")
                if not any(tree.tokens[i].ent in ("DATE", "TIME") for i in tree.subtree(k))]
        parts += told[:1]
    taking_part = not parts and obj is None and tree.lemma(p) in lexicon().taking_part
    if taking_part:
        # "Azerbaijan participated in NATO-led peacekeeping operations": what it took part in
        taken = [k for prep in tree.children(p, "prep") if tree.lemma(prep) == "in" for k in tree.children(prep, "pobj")
                 if tree.tokens[k].ent not in ("DATE", "TIME") and tree.tokens[k].pos != "NUM"  # (not "in 2004")
                 and not any(kinds.get(n) == "country" for n in actors_in(tree, [k], placed))]  # (nor "in Haiti")
        if taken:
            parts.append(f"in {phrase(tree, taken[0], 60)}")
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) in _REASON_PREPOSITIONS:
            continue  # "became a member due to the decision of X": why, not what
        for k in tree.children(prep, "pobj"):
            names = [n for n in actors_in(tree, [k], placed) if n in targets and n not in used]
            if obj is not None and obj.name not in used and obj.text and obj.text in tree.text[slice(*tree.extent(k))]:
                parts.append(f"{tree.lemma(prep)} the {obj.name}")
                used.add(obj.name)
            elif names:
                parts.append(f"{tree.lemma(prep)} {join_names(names, kinds)}")
                used.update(names)
    if parts and obj is not None and obj.name not in used and obj.kind == "document" and not passive \
            and tree.tokens[p].pos in VERBS and tree.tokens[p].dep == "conj" and not tree.children(p, "dobj"):
        # "the Document was approved and submitted to X": what was submitted, then to whom
        parts.insert(0, f"the {obj.name}")
    if not parts and obj is not None:
        parts.append(f"{_preposition_before(tree, p, obj)}the {obj.name}")
    if not parts and targets:
        parts.append(join_names(targets, kinds))
    return " ".join(parts)


def _noun_with_fixed_object(tree: Tree, lex: Lexicon, p: int) -> str | None:
    """The verb phrase of an event noun with a fixed object ("rise to power", "return to office"), as
    the lexicon knows it: "rise to power"."""
    for prep in tree.children(p, "prep"):
        for k in tree.children(prep, "pobj"):
            key = f"{tree.lemma(p)} {tree.lemma(prep)} {tree.lemma(k)}"
            if tree.lemma(k) in FIXED_OBJECTS and key in lex.verbs:
                return key
    return None


def _enacted(tree: Tree, lex: Lexicon, p: int) -> tuple[str, str] | None:
    """What a decree or a resolution that a passive act was done by did ("was established according
    to the decree"): the act's verb and its subject's words."""
    if tree.tokens[p].pos != "NOUN" or tree.lemma(p) not in lex.classes["law"] or tree.tokens[p].dep != "pobj":
        return None
    verb = p
    for _ in range(3):  # up through "according to", "by", "under", "pursuant to"
        if tree.is_root(verb):
            return None
        verb = tree.head(verb)
        if tree.tokens[verb].pos == "VERB" and tree.tokens[verb].dep != "prep":
            break
    held = tree.children(verb, "nsubjpass") if tree.tokens[verb].pos == "VERB" else []
    if not held or tree.lemma(verb) in ("accord", "be"):
        return None
    thing = phrase(tree, held[0], width=60, article=True)
    return verb_lemma(tree, verb), re.sub(r"^(A|An|The)\b", lambda m: m.group(1).lower(), thing)


_SCENE_PREPOSITIONS = frozenset({"at", "during", "in", "under", "into", "to"})
_REASON_PREPOSITIONS = frozenset({"due", "because", "owing", "thanks", "according", "pursuant"})


def _preposition_before(tree: Tree, p: int, obj: EventObject) -> str:
    """ "at " where the sentence tells of the object as a scene ("admitted at the Meeting")."""
    lo, hi = tree.extent(tree.sentence_root(p))
    at = tree.text.find(obj.text, lo, hi) if obj.text else -1
    if at < 0:
        return ""
    if tree.tokens[p].tag == "VBN" and tree.tokens[p].dep in ("acl", "advcl") \
            and not tree.text[at + len(obj.text):tree.tokens[p].start].strip(" ,"):
        return ""  # "in the Treaty of X, signed on ...": the participle tells of the treaty itself
    before = re.findall(r"(\w+)\s+(?:the\s+)?$", tree.text[max(lo, at - 20):at])
    return f"{before[0].lower()} " if before and before[0].lower() in _SCENE_PREPOSITIONS else ""


def _purpose(tree: Tree, p: int, obj: EventObject | None, targets: list[str],
             placed: list[tuple[int, Actor]]) -> str:
    """The infinitive or the "for" phrase that says what an act (an application, a request) was for."""
    for k in tree.children(p, "xcomp"):
        if tree.tokens[k].pos in VERBS and tree.children(k, "aux"):
            last = k  # "to re-establish", split by the tokenizer at its hyphen: the whole word
            while last + 2 < len(tree.tokens) and tree.word(last + 1) == "-" \
                    and tree.tokens[last + 1].start == tree.tokens[last].end and tree.tokens[last + 2].start == tree.tokens[last + 1].end:
                last += 2
            verb = tree.lemma(k) if last == k else tree.text[tree.tokens[k].start:tree.tokens[last].end].lower()
            rest = _complement(tree, last, False, obj, targets, placed)
            return f"to {verb} {rest}".strip()
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) == "for":
            for k in tree.children(prep, "pobj"):
                if tree.tokens[k].pos in NOUNS:
                    return f"for {phrase(tree, k)}"
    return ""


def _objects_of(tree: Tree, p: int, preps: tuple[str, ...]):
    """(preposition, its object) for each phrase of `preps` on p, in order."""
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) in preps:
            for k in tree.children(prep, "pobj"):
                yield tree.lemma(prep), k


def _destination(tree: Tree, noun: int) -> str:
    """Where a visit went, from its noun's "to" phrase ("the trip ... to Brussels")."""
    return next((phrase(tree, k) for _, k in _objects_of(tree, noun, ("to",))), "")


def _scene(tree: Tree, p: int, preps: tuple[str, ...] = ("in",)) -> str:
    """The first phrase of `preps` ("took part in the peacekeeping mission")."""
    return next((f"{prep} {phrase(tree, k, article=True)}" for prep, k in _objects_of(tree, p, preps)
                 if tree.tokens[k].ent not in ("DATE", "TIME")), "")


def _where(tree: Tree, p: int) -> str:
    """The place an act was held in, named by an "in" phrase ("held in Riga")."""
    return next((tree.word(k) for _, k in _objects_of(tree, p, ("in",))
                 if tree.tokens[k].ent in ("GPE", "LOC") or gazetteer().is_city(tree.word(k))), "")


def _the(tree: Tree, k: int) -> str:
    """A noun phrase with "the" before it, unless it opens with a number or an adverb ("950 tonnes
    of mélange", "approximately 950 tonnes")."""
    text = phrase(tree, k)
    first = tree.subtree(k)[0]
    while tree.tokens[first].pos == "DET" and first < k:
        first += 1
    if tree.tokens[first].pos in ("NUM", "ADV", "ADJ") and tree.tokens[first].tag in ("CD", "RB", "JJR", "RBR"):
        return text[:1].lower() + text[1:]
    if tree.children(k, "poss"):
        return text  # "Japan's withdrawal takes effect", not "the Japan's withdrawal"
    return f"the {text}"


def headline(tree: Tree, lex: Lexicon, p: int, meaning: int, type_: str, sources: list[str], targets: list[str],
              obj: EventObject | None, placed: list[tuple[int, Actor]]) -> str | None:
    tok = tree.tokens[p]
    plural = len(sources) > 1
    kinds = {a.name: a.kind for _, a in placed}
    enacted = _enacted(tree, lex, p)
    if tree.lemma(p) == "be" and meaning != p and tree.tokens[meaning].pos in NOUNS and not tree.children(p, "expl"):
        # "Relations were tense after the invasion of X in 1990": the copula says nothing; the event noun is the line
        told = phrase(tree, meaning, HEADLINE_WIDTH, article=True)
        mine = re.match(r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+", told)
        if mine and sources:  # "his state visit to X": whose it was
            told = f"{join_names(sources, kinds)}'s {told[mine.end():]}"
        return fitted(told[:1].upper() + told[1:]) if told else None
    if enacted is not None and sources:
        # "X was established according to the decree of the President": the President establishes X by decree
        verb, thing = enacted
        line = f"{join_names(sources, kinds)} {verb if plural else present(verb)} {thing}"
        by = f"{line} by {tree.word(p).lower()}"
        return by if len(by) <= HEADLINE_WIDTH else line if len(line) <= HEADLINE_WIDTH else None
    if tok.pos in NOUNS and tok.dep == "dobj" and not tree.is_root(p) and tree.lemma(tree.head(p)) in lex.commanding \
            and sources:
        # "Kiir orders their withdrawal": Salva Kiir orders the withdrawal
        verb = tree.lemma(tree.head(p))
        line = f"{join_names(sources, kinds)} {verb if plural else present(verb)} the {tree.word(p).lower()}"
        return line if len(line) <= HEADLINE_WIDTH else None
    held = [k for k in tree.subject_of(p) if tree.tokens[k].pos == "NOUN"]
    if in_force(tree, p) and (obj is not None or held):
        # "The customs union enters into force": told of the thing, not of its parties
        thing = f"The {obj.name}" if obj is not None else _the(tree, held[0])
        thing = thing[:1].upper() + thing[1:]
        line = f"{thing} {present(verb_lemma(tree, p))} {key_of(tree, p).split(' ', 1)[1]}"
        return line if len(line) <= HEADLINE_WIDTH else None
    if tok.pos in VERBS and tree.lemma(p) in ("open", "close") and not tree.children(p, "dobj") and obj is not None \
            and obj.kind == "meeting" and any(tree.tokens[k].pos == "NOUN" for k in held):
        # "The summit of the GCC opens in Kuwait City": told of the meeting
        line = f"The {obj.name} {present(tree.lemma(p))}"
        return line if len(line) <= HEADLINE_WIDTH else None
    # "Chile was admitted to the OECD", "It was admitted" (where "it" is Chile): told of the one it was
    # done to, the headline stays passive.
    undergoer = [k for k in tree.children(p, "nsubjpass") if tree.tokens[k].pos in NOUNS or tree.tokens[k].pos == "PRON"]
    if tok.dep == "relcl" and not tree.is_root(p):  # "X, who was sworn in": X is sworn in
        undergoer = [tree.head(p) if tree.lemma(k) in ("who", "whom", "which", "that") else k for k in undergoer]
    passive = bool(undergoer) and tok.pos in VERBS and meaning == p and bool(sources) and \
        set(sources) <= set(actors_in(tree, undergoer, placed)) and not tree.children(p, "agent")
    # The verb itself, unless its meaning is in an event noun ("paid a visit": visits).
    light = meaning != p or tok.pos in NOUNS
    if passive and obj is not None and any(obj.text in tree.text[slice(*tree.extent(k))] for k in undergoer):
        # "EAPC ad hoc working group was formed": the thing, whose name holds its maker's, is formed
        line = f"The {obj.name} is {tree.word(p)}"
        return line if len(line) <= HEADLINE_WIDTH else None
    if passive and tree.lemma(undergoer[0]) in lex.classes["force"]:
        # "Most British forces are withdrawn": told of the forces, not of their state
        told = phrase(tree, undergoer[0], article=True)
        line = f"{told[:1].upper()}{told[1:]} {'are' if tree.tokens[undergoer[0]].tag == 'NNS' else 'is'} {tree.word(p)}"
        return line if len(line) <= HEADLINE_WIDTH else None
    if passive:
        verb = f"{'are' if plural else 'is'} {tree.word(p)}"
        # ("was sworn in as president": its particle, which the parser may take for a preposition)
        for prt in tree.children(p, "prt", "prep"):
            if prt == p + 1 and (tree.tokens[prt].dep == "prt" or (
                    not tree.children(prt, "pobj", "pcomp") and tree.lemma(prt) in ("in", "out", "up", "off", "down", "back"))):
                verb += " " + tree.lemma(prt)
    elif tok.pos in VERBS and not light and tree.lemma(p) not in ("be", "have"):
        lemma = verb_lemma(tree, p)
        verb = lemma if plural else present(lemma)
        for prt in tree.children(p, "prt"):
            verb += " " + tree.lemma(prt)
        for fixed in tree.children(p, "dobj"):
            if tree.lemma(fixed) in FIXED_OBJECTS and not _modified(tree, fixed):  # "takes part", "takes office"
                verb += " " + tree.word(fixed).lower()
        key = key_of(tree, p).split()
        if len(key) == 3 and key[0] == lemma and key[2] in ("war", "power", "office", "being", "existence"):
            verb += f" {key[1]} {key[2]}"  # "goes to war", "rises to power", "comes into being"
        elif len(key) == 3 and key[0] == lemma and key[2] == "polls":
            verb += f" {key[1]} the polls"  # "goes to the polls"
    elif tree.lemma(p) == "be" and tree.children(p, "expl") and obj is not None:
        # "There was an agreement between NATO and Chile on the plan": they agree on the plan
        verb = "agrees on" if type_ == "agreement" else _TYPE_VERBS[type_]
        verb = _plural(verb) if plural else verb
    elif tree.lemma(p) == "be":
        verb = "become" if plural else "becomes"
    elif tok.pos in NOUNS and (fixed := _noun_with_fixed_object(tree, lex, p)) is not None:
        verb = fixed if plural else f"{present(fixed.split()[0])} {fixed.split(' ', 1)[1]}"  # "his rise to power": rises to power
        return f"{join_names(sources, kinds)} {verb}" if sources and len(f"{join_names(sources, kinds)} {verb}") <= HEADLINE_WIDTH \
            else None
    else:
        verb = _plural(_TYPE_VERBS[type_]) if plural else _TYPE_VERBS[type_]
        if type_ == "summit" and sources and all(kinds.get(n) == "organization" for n in sources):
            verb = "hold" if plural else "holds"  # a body holds its own summit: "NATO holds the Summit"
    forces = [k for k in tree.subject_of(p) if tree.lemma(k) in lex.classes["force"]]
    fighting = type_ == "conflict" and any(tree.lemma(k) in lex.classes["war"] for k in tree.subject_of(p))
    if fighting and sources:
        # "Clashes between the armies left sixteen dead": the parties fight (each other)
        verb = _plural(_TYPE_VERBS[type_]) if plural else _TYPE_VERBS[type_]
        what = join_names(targets, kinds) if targets else ""
    elif forces and type_ in ("deployment", "deployment_end") and sources:
        # "the Azerbaijani personnel served in Afghanistan": Azerbaijan deploys forces to Afghanistan
        verb = _TYPE_VERBS[type_].rsplit(" ", 1)[0]  # "deploys forces", "withdraws forces"
        if plural:
            verb = verb.replace("deploys", "deploy").replace("withdraws", "withdraw")
        into = _TYPE_VERBS[type_].rsplit(" ", 1)[1]
        what = f"{into} {join_names(targets, kinds)}" if targets else _scene(tree, p, ("in", "under", "with"))
    elif meaning != p and tree.tokens[meaning].dep == "csubj" and tree.tokens[meaning].pos in VERBS:
        # "Fighting with Peru began": Chile fights Peru
        verb = tree.lemma(meaning) if plural else present(tree.lemma(meaning))
        others = [n for n in actors_in(tree, [o for _, o in _objects_of(tree, meaning, ("with", "against"))], placed)
                  if n not in sources]
        what = join_names(others, kinds) if others else ""
    elif tok.dep == "relcl" and meaning != p and not tree.is_root(p) and tree.tokens[meaning].pos in NOUNS \
            and meaning in (tree.head(p), tree.head(tree.head(tree.head(p)))):
        # "the war with Peru, which began in 2008": the war begins
        told = "the " + _up_to_head(tree, meaning)
        many = tree.tokens[meaning].tag in ("NNS", "NNPS")
        line = f"{told} {tree.lemma(p) if many else present(tree.lemma(p))}"
        return line[:1].upper() + line[1:] if len(line) <= HEADLINE_WIDTH else None
    elif light and not obj and not targets and meaning != p and tok.pos in VERBS:
        # "hosted exercises": the verb and its event noun, when there is nobody to name after it.
        verb = tree.lemma(p) if plural else present(tree.lemma(p))
        what = phrase(tree, meaning)
        fixed = [k for k in tree.children(p, "dobj") if tree.lemma(k) in FIXED_OBJECTS]
        held = [prep for prep in tree.children(p, "prep") if meaning in tree.children(prep, "pobj")]
        if fixed and held:  # "took part in the exercise": takes part in the exercise
            verb += f" {tree.word(fixed[0]).lower()} {tree.lemma(held[0])}"
            what = phrase(tree, meaning, article=True)
    elif light:
        what = f"the {obj.name}" if obj else join_names(targets, kinds) if targets else ""
        if not what and type_ == "visit":
            what = _destination(tree, meaning)  # "the trip of X to Brussels": X visits Brussels
    else:
        what = _complement(tree, p, light, obj, targets, placed, passive=passive)
        if not what:
            # "applied to join the EEC", "applied for membership": what the act was for
            what = _purpose(tree, p, obj, targets, placed)
        if not what and any(tree.lemma(k) in FIXED_OBJECTS for k in tree.children(p, "dobj")):
            what = _scene(tree, p)  # "took part in the mission"
        if not what:
            # "The second stage started": what the verb's own subject names, when no actor is it.
            held = tree.children(p, "nsubj", "nsubjpass")
            if not held and tree.tokens[p].dep == "conj" and not tree.is_root(p):
                held = tree.children(tree.head(p), "nsubj", "nsubjpass")  # "was converted and stored"
            # (not a people, "Swedes went to the polls": the state that is the source)
            inner = [k for k in held if not actors_in(tree, [k], placed) and not gazetteer().demonym(tree.word(k))]
            people = inner and tree.lemma(inner[0]) in lex.classes["person"]  # "negotiators met": who, not what
            what = _the(tree, inner[0]) if inner and tree.tokens[inner[0]].pos == "NOUN" and not people \
                and (verb_lemma(tree, p) in lex.ergative or tree.tokens[inner[0]].dep == "nsubjpass") else ""
        if not what and tok.dep == "acl" and not tree.is_root(p) and tok.tag == "VBN" \
                and swallowed_subject(tree, p) is None and not verb_as_participle(tree, p):
            # "the Decision adopted by the parliament", "Summits held in Bucharest": the noun it tells of
            noun = tree.head(p)
            named = {a.name for offset, a in placed if tree.tokens[noun].start <= offset < tree.tokens[noun].end}
            # (not "Nigeria, ..., signed": no thing; "Summits held in Bucharest" are, whoever they are of)
            event_noun = tree.lemma(noun) in lex.nouns or tree.lemma(noun).removesuffix("s") in lex.nouns
            if tree.tokens[noun].pos in NOUNS and (not named & set(sources) or event_noun):
                left = _up_to_head(tree, noun)
                what = f"the {left if len(left) <= 30 else tree.word(noun)}"
                if event_noun and _where(tree, p):
                    what += f" in {_where(tree, p)}"  # "holds the Summits in Bucharest"
    if type_ == "visit" and verb in ("visits", "visit") and tree.lemma(p) != "visit" and targets \
            and what == join_names(targets, kinds) and all(kinds.get(t) == "person" for t in targets):
        verb = "meet" if plural else "meets"  # "visited A and held meetings with its President": one meets people
    if type_ == "visit" and obj is not None and obj.kind == "meeting" and what.endswith(obj.name) \
            and verb in ("visits", "visit"):
        verb = "attend" if plural else "attends"  # one visits a place, and attends a meeting
    if verb in ("visits", "visit") and what.startswith("to "):
        what = what[3:]  # "visited to the school": one visits a place, with no "to"
    if sources and not what and not passive and " " in verb and verb.rsplit(" ", 1)[1] in ("on", "to", "from", "in", "with"):
        verb = verb.rsplit(" ", 1)[0]  # "decides on" what nobody names: "decides"
    owned = re.match(r"(?:the )?(.+?)['’]s (.+)$", what) if len(sources) == 1 else None
    if owned and owned.group(1) in (sources[0], f"the {sources[0]}"):
        what = f"{'their' if plural else 'its'} {owned.group(2)}"  # "Chile opens its embassy", not "the Chile's"
    if len(sources) > 1 and " with " in what:
        # "Georgia and Russia fight a war", not "... a war with Russia"; "A and B hold talks", not
        # "... talks with B, now prime minister"
        done, _, partner = what.partition(" with ")
        if any(name.split()[-1] in partner.split(",")[0].split() for name in sources):
            what = done
    if sources and " between " in what and all(n.split()[-1] in what.split(" between ", 1)[1] for n in sources):
        what = what.split(" between ", 1)[0]  # "restore relations", not "relations between" the same two
    kept = len(f"{join_names(sources, kinds)} {verb}") if sources else 0  # (who and the verb stay whole)
    said = [k for k in tree.children(p, "nsubj") if tree.tokens[k].pos == "NOUN"]
    if sources and not what and tree.lemma(p) == "be" and said and tree.children(p, "acomp"):
        # "Relations were tense in May": "Chile and Peru: relations tense"
        state = tree.text[slice(*tree.extent(tree.children(p, "acomp")[0]))]
        line = f"{join_names(sources, kinds)}: {phrase(tree, said[0]).lower()} {state}"
    elif sources and not what and verb in ("sees", "see") and tok.pos in NOUNS:
        # "the snap election of 14 July", X's: "X: snap election", not "X sees"
        line = f"{join_names(sources, kinds)}: {_up_to_head(tree, p)}"
    elif sources:
        line = f"{join_names(sources, kinds)} {verb} {what}".strip()
        line = line[:1].upper() + line[1:]
    elif obj is not None:
        line = f"{obj.name}: {type_.replace('_', ' ')}"
    elif _where(tree, p):
        line = f"{type_.replace('_', ' ').capitalize()} in {_where(tree, p)}"  # "Summit in Bucharest"
    else:
        subject = tree.children(p, "nsubjpass", "nsubj")
        if not subject:
            return None
        line = f"{phrase(tree, subject[0])[:1].upper()}{phrase(tree, subject[0])[1:]}: {tree.word(p)}"
    return fitted(line, kept)


# Words that open a phrase a headline can do without when it is too long: where, when, why, whose.
_ADJUNCT = re.compile(r"\s+(before|after|during|at|in|on|under|within|for|from|to|of)\s+(?=\S)")


def fitted(line: str, kept: int = 0) -> str:
    """A headline within the width: its last phrases after the first `kept` characters (who and the
    verb) dropped, one at a time from the end ("A meets B before the meeting of the Council" -> "A meets
    B"), then, if still too long, cut at a word."""
    while len(line) > HEADLINE_WIDTH:
        # (not inside a name, "the Office for Democratic Institutions", nor an infinitive: "agrees to
        # continue")
        cuts = [m.start() for m in _ADJUNCT.finditer(line)
                if m.start() > kept and len(line[:m.start()].split()) >= 3
                and not (m.group(1) in ("of", "for", "on", "in", "to") and line[:m.start()].split()[-1][:1].isupper()
                         and re.sub(r"^the\s+", "", line[m.end():])[:1].isupper()
                         and (m.group(1) != "to" or line[m.end():].startswith("the ")))  # (not "... to Javier Solana")
                and not (m.group(1) == "to" and not re.match(r"(?:[A-Z]|(?:the|a|an|its|their|his|her)\b)", line[m.end():]))]
        if not cuts:  # at last, a long name's owner: "the Peacekeeping Unit of the Armed Forces"
            cuts = [m.start() for m in re.finditer(r"\s+of\s+(?=\S)", line)
                    if m.start() > kept and len(re.findall(r"\b[A-Z]\w+", line[kept:m.start()])) >= 3]
        if not cuts:
            break
        line = line[:cuts[-1]].rstrip(" ,;:")
    if len(line) > HEADLINE_WIDTH:
        line = line[: HEADLINE_WIDTH - 1].rsplit(" ", 1)[0] + "…"
    return line
