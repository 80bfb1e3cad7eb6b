"""Who did what to whom: each actor's part, the object, and a headline, read from the predicate's tree.

- source: the subject of the predicate (or of the verb it is conjoined with or
  hangs from), the agent of a passive ("signed by Azerbaijan"), the passive
  subject of an act a state undergoes as its own ("was admitted", "was granted"),
  the possessor or "of" phrase of an event noun ("its accession", "the accession
  of Montenegro"); all conjoined subjects of a joint act;
- target: the object, and the "to", "into", "with" phrases (the organisation
  joined, the country visited, the person received);
- other: every other actor the sentence names. Where the sentence names no
  source, the actor the document adds for it (its subject) is the source.
- object: the named programme, document, institution, operation or meeting the
  predicate is about, canonical ("PfP Framework Document" reads as "Partnership
  for Peace Framework Document"); none when it names no such thing.
- headline: "<source> <predicate in the present> <object or target>", at most
  80 characters.
"""
from __future__ import annotations

import re
from dataclasses import replace

from annals.events.lexicon import Lexicon, lexicon
from annals.events.objects import canonical_object
from annals.events.predicate import key_of
from annals.events.tree import Tree
from annals.model import Actor, EventObject
from annals.resolve.gazetteer import gazetteer

__all__ = ["HEADLINE_WIDTH", "Frame", "read_frame"]

HEADLINE_WIDTH = 80
_NOUNS = ("NOUN", "PROPN")
_VERBS = ("VERB", "AUX")
_TARGET_PREPS = frozenset({"to", "into", "with", "in", "from", "against", "on"})
# Passives whose subject did the act as its own: "was admitted", "was granted", "was appointed".
_OWN_PASSIVES = frozenset({"membership", "appointment", "political"})
# Joint acts: a party "with" whom it was done is a source too ("signed an agreement with NATO").
_JOINT = frozenset({"agreement", "meeting"})
_OBJECT_KINDS = (("programme", "programme"), ("document", "document"), ("law", "document"),
                 ("declaration", "document"), ("meeting", "meeting"), ("summit", "meeting"),
                 ("exercise", "operation"), ("operation", "operation"), ("institution", "institution"),
                 ("project", "programme"))
_ARTICLE = re.compile(r"^(?:the|a|an|its|their|his|her|this|that)\s+", re.IGNORECASE)
_TYPE_VERBS = {
    "membership": "joins", "withdrawal": "leaves", "agreement": "signs", "establishment": "establishes",
    "appointment": "appoints", "visit": "visits", "meeting": "meets", "summit": "attends",
    "deployment": "deploys forces to", "deployment_end": "withdraws forces from", "project": "carries out",
    "exercise": "holds", "decision": "decides on", "statement": "makes a statement on", "conflict": "wages",
    "political": "sees",
}
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


class Frame:
    __slots__ = ("actors", "headline", "object")

    def __init__(self, actors: tuple[Actor, ...], object_: EventObject | None, headline: str | None) -> None:
        self.actors = actors
        self.object = object_
        self.headline = headline


def _with_conj(tree: Tree, tokens: list[int]) -> list[int]:
    out = []
    for k in tokens:
        out.append(k)
        stack = tree.children(k, "conj")
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(tree.children(c, "conj"))
    return out


def _subjects(tree: Tree, p: int, type_: str) -> list[int]:
    """The tokens that head the source phrases of predicate p."""
    tok = tree.tokens[p]
    if _headline_verb(tree, p):
        # "Turkey and the EEC sign an agreement", the verb tagged as a noun: the names before it.
        head = tree.head(p)
        found = [head] if tok.dep == "conj" and head < p else []
        found += [k for k in tree.children(p, "compound", "nsubj") if k < p]
        if found:
            return _with_conj(tree, found)
    if tok.pos in _NOUNS:
        found = tree.children(p, "poss")
        for prep in tree.children(p, "prep"):
            if tree.lemma(prep) in ("of", "by", "between"):
                found += tree.children(prep, "pobj")
        demonyms = gazetteer().demonyms
        found += [k for k in tree.children(p, "amod", "compound", "nmod")
                  if tree.tokens[k].ent in ("NORP", "GPE", "ORG") or tree.word(k) in demonyms
                  or tree.word(k).lower() in demonyms]
        return _with_conj(tree, found)
    for agent in tree.children(p, "agent"):
        by = tree.children(agent, "pobj")
        if by:
            return _with_conj(tree, by)
    found = tree.children(p, "nsubj")
    passive = tree.children(p, "nsubjpass")
    if not found and passive and type_ in _OWN_PASSIVES:
        found = passive
    elif not found and passive:
        # "The BRICS summit was held": the body its name holds acts (not a place: "the Oslo accord").
        found = [k for k in tree.children(passive[0], "compound", "nmod", "poss") if tree.tokens[k].ent != "GPE"]
    event_nouns = lexicon().nouns
    own = [k for k in found if tree.tokens[k].pos == "NOUN" and tree.lemma(k) in event_nouns]
    if own and len(found) == 1:
        # "The war between Peru and Ecuador broke out": the parties of the event noun.
        inner = _subjects(tree, own[0], type_)
        if inner:
            return inner
    if found:
        # "which joined": the noun the relative clause hangs on.
        if tok.dep == "relcl" and tree.lemma(found[0]) in ("which", "who", "that"):
            return _with_conj(tree, [tree.head(p)])
        return _with_conj(tree, found)
    # A verb conjoined with another, or an infinitive or "by ...ing" under one, shares its subject.
    if tok.dep in ("conj", "xcomp", "advcl") and not tree.is_root(p) and tree.tokens[tree.head(p)].pos in _VERBS:
        return _subjects(tree, tree.head(p), type_)
    if tok.dep == "pcomp" and not tree.is_root(tree.head(p)):
        verb = tree.head(tree.head(p))
        if tree.tokens[verb].pos in _VERBS:
            return _subjects(tree, verb, type_)
    return []


def _headline_verb(tree: Tree, p: int) -> bool:
    """A word tagged as a noun that stands where a headline's verb stands: after names, before
    what a verb takes ("Turkey and the EEC sign an agreement")."""
    tok = tree.tokens[p]
    if tok.pos != "NOUN" or p == 0:
        return False
    before, after = tree.tokens[p - 1], tree.tokens[p + 1] if p + 1 < len(tree.tokens) else None
    return before.pos == "PROPN" and bool(before.ent) and after is not None and after.pos in ("DET", "ADJ", "PROPN")


def _targets(tree: Tree, p: int) -> list[int]:
    found = tree.children(p, "dobj", "dative", "attr")
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) in _TARGET_PREPS:
            found += tree.children(prep, "pobj")
    if tree.tokens[p].pos in _NOUNS:
        for prep in tree.children(p, "prep"):
            if tree.lemma(prep) in ("to", "with", "into"):
                found += tree.children(prep, "pobj")
    return _with_conj(tree, found)


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
_IMPERSONAL = frozenset({"it", "its", "they", "their", "them"})


def _modifier_at(tree: Tree, offset: int) -> bool:
    found = tree.span(offset, offset + 1)
    return bool(found) and tree.tokens[found[0]].dep in ("compound", "amod", "nmod")


def _referent(tree: Tree, head: int, actors: list[Actor], focus: tuple[Actor, ...] = (),
              placed: list[tuple[int, Actor]] = ()) -> list[str]:
    """What a pronoun subject refers to: a person the sentence named before it, preferably its
    subject ("President X ... since his rise to power"); else an actor of the event the sentence
    does not spell out (the resolver found it from the sentences before), of the pronoun's kind."""
    word = tree.word(head).lower()
    if word in _PERSONAL or word in ("it", "its"):
        # "Georgia joined ..., a year after it declared independence": named before, subject first.
        at = tree.tokens[head].start
        wanted = ("person",) if word in _PERSONAL else ("country", "organization")
        before = [(offset, a) for offset, a in placed if a.kind in wanted and offset < at]
        if before:
            root = tree.sentence_root(head)
            subject = [tree.extent(k) for k in tree.children(root, "nsubj", "nsubjpass")]
            main = [a.name for offset, a in before if any(lo <= offset < hi for lo, hi in subject)]
            return main[:1] or [before[0][1].name]
    plural_parties = tree.lemma(head) in ("country", "side", "nation", "state", "government", "party") and any(
        tree.lemma(k) in ("two", "both") for k in tree.children(head, "nummod", "det", "predet", "amod"))
    if plural_parties:
        word = "they"
    elif word not in _PERSONAL and word not in _IMPERSONAL:
        return []
    lo, hi = tree.extent(tree.sentence_root(head))
    text = tree.text[lo:hi]
    kinds = ("person",) if word in _PERSONAL else ("country",) if plural_parties else ("country", "organization")
    unspelt = [a.name for a in sorted(actors, key=lambda a: kinds.index(a.kind) if a.kind in kinds else 9)
               if a.kind in kinds and a.name.split()[-1] not in text]
    if word in ("they", "their", "them"):
        # Parties: also the document's own subjects, which "they" and "the two countries" often are.
        unspelt += [a.name for a in focus if a.kind == "country" and a.name not in unspelt
                    and a.name.split()[-1] not in text]
        return unspelt
    return unspelt[:1]


def _actors_in(tree: Tree, heads: list[int], placed: list[tuple[int, Actor]],
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
        lo, hi = tree.extent(head)
        # Not what hangs on the phrase by a preposition or a possessive: "the envoy of the Secretary
        # General, X" and "the Secretary General's envoy X" are X.
        aside = [tree.extent(k) for k in tree.children(head, "prep", "poss")]
        at: dict[int, list[Actor]] = {}
        for offset, actor in placed:
            if lo <= offset < hi and not any(a <= offset < b for a, b in aside):
                at.setdefault(offset, []).append(actor)
        if not at:  # a person the parser hung under the preposition ("Secretary General of NATO X")
            for offset, actor in placed:
                if lo <= offset < hi and actor.kind == "person":
                    at.setdefault(offset, []).append(actor)
        inside: list[Actor] = []
        for offset, found in sorted(at.items()):
            organisations = [a for a in found if a.kind == "organization"]
            if len(organisations) > 1:  # "NAC": the council, not also its alliance
                found = [a for a in found if a.kind != "organization"] + [max(organisations, key=lambda a: len(a.name))]
            inside += found
        if any(a.kind == "organization" for a in inside):
            # "the Luxembourg European Council": a place that only names the organisation's meeting.
            inside = [a for offset, a in placed if a in inside and not (
                a.kind == "country" and lo <= offset < hi and _modifier_at(tree, offset))] or inside
        people = [a for a in inside if a.kind == "person"]
        for actor in people or inside:
            if actor.name not in names:
                names.append(actor.name)
    return names


def _canonical(text: str, expand) -> str:
    words = []
    for word in text.split():
        bare = word.strip("()[],.;:")
        acronym = len(bare) > 1 and (bare.isupper() or re.fullmatch(r"[A-Z][a-z]?[A-Z]{1,4}", bare) is not None)
        long = expand(bare) if expand and acronym else None
        if long is None and acronym and " " in text:
            known = canonical_object(bare)
            long = known[0] if known else None
        words.append(long or word)
    text = " ".join(words)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return _ARTICLE.sub("", text.strip(" ,.;:\"“”'"))


_THINGS_MADE = frozenset({"establishment", "summit", "agreement", "project", "exercise", "decision"})
_JOINERS = frozenset({"of", "for", "on", "and", "-", "–", "to", "the"})
_MEANS = frozenset({"by", "under", "according", "pursuant", "through", "via"})


_LEFT_JOINERS = frozenset({"and", "of", "for", "-", "–"})


def _name_span(tree: Tree, k: int, drop: set[str], *, ordinals: bool = False,
               keep_head: bool = False) -> tuple[int, int] | None:
    """The capitalised name that noun k heads: the run of capitalised words before it (years left
    out, ordinals too unless `ordinals`; a leading actor left out when more of the name follows it)
    and an "of"/"on"/"for" phrase after it that is capitalised. A lower-case head ("the PfP
    programme", "an agreement for the Trust Fund Project") gives way to the name it carries."""
    inside = set(tree.subtree(k))
    left = k
    while left - 1 in inside:
        word = tree.word(left - 1)
        tok = tree.tokens[left - 1]
        if tok.dep in ("det", "poss", "case") or tok.ent in ("DATE", "CARDINAL") or tok.dep == "nummod":
            break
        if tok.ent == "ORDINAL" or word.lower() in _ORDINALS:
            if ordinals:
                left -= 1
            break
        if word in _LEFT_JOINERS and left - 2 in inside and tree.word(left - 2)[:1].isupper():
            left -= 1
            continue
        if not word[:1].isupper():
            break
        left -= 1
    # A leading actor goes ("NATO Operational Capabilities Concept"), a city stays: it names the
    # meeting ("the Luxembourg European Council").
    while left < k - 1 and (tree.word(left) in _LEFT_JOINERS or (
            tree.word(left) in drop and not gazetteer().is_city(tree.word(left)))) \
            and any(tree.word(i)[:1].isupper() and tree.word(i) not in drop for i in range(left + 1, k)):
        left += 1
    right = k
    while right + 1 in inside:
        word = tree.word(right + 1)
        if tree.tokens[right + 1].ent in ("DATE", "TIME"):
            break
        if word[:1].isupper() or (word in _JOINERS and right + 2 in inside and tree.word(right + 2)[:1].isupper()
                                  and tree.tokens[right + 2].ent != "DATE") or (
                word == "at" and right + 2 in inside and tree.word(right + 2)[:1].isupper()
                and tree.tokens[right + 2].ent not in ("GPE", "LOC", "FAC", "DATE")):
            right += 1
            continue
        if word in _JOINERS and right + 2 in inside and tree.word(right + 2) == "the" and right + 3 in inside \
                and tree.word(right + 3)[:1].isupper() and tree.tokens[right + 3].ent != "DATE":
            right += 2
            continue
        break
    while right > k and (tree.word(right) in _JOINERS or tree.tokens[right].ent == "DATE"):
        right -= 1
    if not tree.word(k)[:1].isupper() and not keep_head:
        if left < k and any(tree.word(i)[:1].isupper() for i in range(left, k)):
            right = k - 1  # "the PfP programme": PfP
        elif right > k:
            after = right
            left = k + 1
            while left <= after and not tree.word(left)[:1].isupper():
                left += 1
            if left > after:
                return None
    if not any(tree.word(i)[:1].isupper() for i in range(left, right + 1)):
        return None
    return tree.tokens[left].start, tree.tokens[right].end


_GENERIC = frozenset({"new", "first", "second", "third", "last", "final", "formal", "official", "initial", "further",
                      "annual", "same", "other", "such", "current", "former", "previous", "next", "joint", "bilateral"})


def _descriptive_span(tree: Tree, k: int) -> tuple[int, int] | None:
    """A thing named in lower case by what kind of thing it is ("a bilateral trade agreement",
    "the customs union", "a counter-narcotics letter of agreement"): its modifiers and head, when
    one of them says more than a generic word."""
    left = k
    while left - 1 >= 0 and tree.head(left - 1) in (k, left) and tree.tokens[left - 1].dep in ("compound", "amod", "punct") \
            and tree.tokens[left - 1].pos in ("ADJ", "NOUN", "PUNCT", "VERB") and not tree.tokens[left - 1].ent:
        left -= 1
    while left < k and tree.tokens[left].pos == "PUNCT":
        left += 1
    right = k
    for prep in tree.children(k, "prep"):
        if tree.lemma(prep) == "of" and prep == k + 1:
            inner = tree.children(prep, "pobj")
            if inner and inner[0] == k + 2 and tree.tokens[inner[0]].pos == "NOUN":
                right = inner[0]
    telling = [i for i in range(left, k) if tree.lemma(i) not in _GENERIC and tree.tokens[i].pos != "PUNCT"]
    if not telling and right == k:
        return None
    return tree.tokens[left].start, tree.tokens[right].end


def _title(text: str) -> str:
    return " ".join(w if w in _JOINERS else "-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in text.split())


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                       "tenth", "eleventh", "twelfth"})


def _object(tree: Tree, lex: Lexicon, p: int, frame: int | None, type_: str, actor_names: set[str], expand) -> EventObject | None:
    """The named thing predicate p is about."""
    candidates = tree.children(p, "dobj", "nsubjpass", "attr")
    # A name the tagger took for an adverb ("joined PfP at the summit").
    candidates += [k for k in tree.children(p, "advmod", "npadvmod") if tree.word(k)[:1].isupper()]
    scenes = []
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) in ("at", "during") and type_ not in ("summit", "meeting"):
            scenes += tree.children(prep, "pobj")  # the scene, after what the act is about
        elif tree.lemma(prep) not in _MEANS:
            candidates += tree.children(prep, "pobj")
    if tree.tokens[p].pos in _NOUNS:
        candidates = [p, *candidates]
    if tree.tokens[p].dep in ("acl", "relcl") and not tree.is_root(p):
        candidates.append(tree.head(p))
    if frame is not None:
        candidates.insert(0, frame) if type_ in ("summit", "meeting", "visit") else candidates.append(frame)
    # "1979 - Lusaka Declaration issued": a subject that is a document, programme or institution.
    subjects = tree.children(p, "nsubj")
    candidates += subjects + scenes
    # "the decree on the execution of the plan": a name one "of"/"on" phrase further in.
    for k in list(candidates):
        for prep in tree.children(k, "prep"):
            if tree.lemma(prep) in ("of", "on", "for"):
                for inner in tree.children(prep, "pobj"):
                    candidates += [inner, *[g for p2 in tree.children(inner, "prep") if tree.lemma(p2) == "of"
                                            for g in tree.children(p2, "pobj")]]
    drop = set(actor_names)
    for k in candidates:
        if tree.tokens[k].pos not in _NOUNS and not (tree.tokens[k].pos == "ADV" and tree.word(k)[:1].isupper()):
            continue
        words = [tree.lemma(k), tree.word(k).lower()]
        words += [tree.lemma(c) for c in tree.children(k, "compound", "amod")]
        long = expand(tree.word(k)) if expand else None
        if long:
            words += [w.lower() for w in long.split()]
        # The head's own class first: a "Framework Document" is a document.
        head_classes = lex.classes_of([tree.lemma(k), tree.word(k).lower()])
        classes = lex.classes_of(words)
        kind = next((kind for name, kind in _OBJECT_KINDS if name in head_classes), None)
        kind = kind or next((kind for name, kind in _OBJECT_KINDS if name in classes), None)
        known = canonical_object(long or tree.word(k)) if tree.tokens[k].pos == "PROPN" else None
        kind = kind or (known[1] if known else None)
        if kind is None or (k in subjects and kind == "institution" and type_ != "summit"):
            # a body that acts is an actor, unless it is the meeting ("the Helsinki European Council")
            continue
        span = _name_span(tree, k, drop | {a for a in actor_names}, ordinals=kind == "meeting",
                          keep_head=kind in ("meeting", "operation"))
        titled = False
        owners = [c for c in tree.children(k, "compound", "nmod") if tree.word(c)[:1].isupper() and c < k]
        if span is None and owners and not tree.word(k)[:1].isupper():
            # "the EAPC ad hoc working group": named by its owner and its kind.
            span = (tree.tokens[min(owners)].start, tree.tokens[k].end)
            text = tree.text[span[0]:span[1]]
            name = _title(_canonical(text, expand))
            if name not in actor_names:
                return EventObject(name, text, kind)
        if span is None and kind in ("document", "programme") and not tree.word(k)[:1].isupper():
            span, titled = _descriptive_span(tree, k), True
        if span is None:
            continue
        text = tree.text[span[0]:span[1]]
        name = _title(text) if titled else _canonical(text, expand)
        if not titled and not tree.word(k)[:1].isupper() and kind == "institution" and (
                name in actor_names or (expand and expand(text) in actor_names)):
            # "the EAPC ad hoc working group": a body of an actor, named by its owner and kind.
            text = tree.text[span[0]:tree.tokens[k].end]
            name = _title(_canonical(text, expand))
        if name[:1].islower():
            name = name[:1].upper() + name[1:]
        known = canonical_object(name)
        if known is not None:
            name, kind = known
        ordinal = name.split()[0].lower() in _ORDINALS or re.match(r"\d+(?:st|nd|rd|th)\b", name) is not None
        if kind == "meeting" and not ordinal:
            # "the NATO summit in Chicago": the Chicago Summit; a bare "the summit" names nothing.
            place = next((c for prep in tree.children(k, "prep") if tree.lemma(prep) == "in"
                          for c in tree.children(prep, "pobj") if tree.tokens[c].ent in ("GPE", "LOC")), None)
            head = tree.word(k)[:1].upper() + tree.word(k)[1:]
            if place is not None and len(name.split()) <= 2:
                name = f"{tree.word(place)} {head}"
            elif name.lower() == tree.word(k).lower():
                continue
        if name and name[-1].islower() and " " in name:
            head = name.rsplit(" ", 1)
            name = head[0] + " " + head[1][:1].upper() + head[1][1:]
        # An institution opened or a summit held may also be an actor elsewhere; an organisation
        # joined or visited is the event's target, not its object.
        if not name or len(name) < 3 or (name in actor_names and (type_ not in _THINGS_MADE or k in subjects)):
            continue
        return EventObject(name, text, kind)
    return None


def _present(lemma: str) -> str:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _phrase(tree: Tree, k: int, width: int = 40) -> str:
    """The words of a noun phrase, without its leading article, cut at a word to `width`."""
    lo, hi = tree.extent(k)
    text = _ARTICLE.sub("", re.sub(r"\s+", " ", tree.text[lo:hi]).strip(" ,.;:"))
    if len(text) > width:
        text = text[:width].rsplit(" ", 1)[0]
        text = re.sub(r"(?:\s+(?:and|or|of|the|a|an|to|in|on|for|with)|[,;:])+$", "", text)
    return text


def _complement(tree: Tree, p: int, light: bool, obj: EventObject | None, targets: list[str],
                placed: list[tuple[int, Actor]]) -> str:
    """What follows the verb: the object or the direct object's words, and the targets with their
    prepositions ("to Azerbaijan", "with Ilham Aliyev")."""
    parts: list[str] = []
    used: set[str] = set()
    for k in tree.children(p, "dobj", "attr") or tree.children(p, "nsubjpass"):
        if light or tree.lemma(k) in ("place", "part", "which", "that", "it", "they"):
            continue
        names = _actors_in(tree, [k], placed)
        if obj is not None:
            parts.append(f"the {obj.name}")
            used.add(obj.name)
        elif names:
            parts.append(_join(names))
            used.update(names)
        else:
            parts.append(_phrase(tree, k))
        break
    for prep in tree.children(p, "prep"):
        for k in tree.children(prep, "pobj"):
            names = [n for n in _actors_in(tree, [k], placed) if n in targets and n not in used]
            if obj is not None and obj.name not in used and obj.text and obj.text in tree.text[slice(*tree.extent(k))]:
                parts.append(f"{tree.lemma(prep)} the {obj.name}")
                used.add(obj.name)
            elif names:
                parts.append(f"{tree.lemma(prep)} {_join(names)}")
                used.update(names)
    if not parts and obj is not None:
        parts.append(f"the {obj.name}")
    if not parts and targets:
        parts.append(_join(targets))
    return " ".join(parts)


def _headline(tree: Tree, lex: Lexicon, p: int, meaning: int, type_: str, sources: list[str], targets: list[str],
              obj: EventObject | None, placed: list[tuple[int, Actor]]) -> str | None:
    tok = tree.tokens[p]
    plural = len(sources) > 1
    # The verb itself, unless its meaning is in an event noun ("paid a visit": visits).
    light = meaning != p or tok.pos in _NOUNS
    if tok.pos in _VERBS and not light and tree.lemma(p) not in ("be", "have"):
        verb = tree.lemma(p) if plural else _present(tree.lemma(p))
        for prt in tree.children(p, "prt"):
            verb += " " + tree.lemma(prt)
    elif tree.lemma(p) == "be":
        verb = "become" if plural else "becomes"
    else:
        verb = _TYPE_VERBS[type_]
        if plural:
            first, _, rest = verb.partition(" ")
            first = first[:-3] + "y" if first.endswith("ies") else first[:-2] if first.endswith(("shes", "ches", "sses")) \
                else first[:-1]
            verb = f"{first} {rest}".strip()
    if light and not obj and not targets and meaning != p and tok.pos in _VERBS:
        # "hosted exercises": the verb and its event noun, when there is nobody to name after it.
        verb = tree.lemma(p) if plural else _present(tree.lemma(p))
        what = _phrase(tree, meaning)
    elif light:
        what = f"the {obj.name}" if obj else _join(targets) if targets else ""
    else:
        what = _complement(tree, p, light, obj, targets, placed)
        if not what:
            # "The second stage started": what the verb's own subject names, when no actor is it.
            inner = [k for k in tree.children(p, "nsubj", "nsubjpass") if not _actors_in(tree, [k], placed)]
            what = f"the {_phrase(tree, inner[0])}" if inner and tree.tokens[inner[0]].pos == "NOUN" else ""
    if sources:
        line = f"{_join(sources)} {verb} {what}".strip()
    elif obj is not None:
        line = f"{obj.name}: {type_.replace('_', ' ')}"
    else:
        subject = tree.children(p, "nsubjpass", "nsubj")
        if not subject:
            return None
        line = f"{_phrase(tree, subject[0])[:1].upper()}{_phrase(tree, subject[0])[1:]}: {tree.word(p)}"
    if len(line) > HEADLINE_WIDTH:
        line = line[: HEADLINE_WIDTH - 1].rsplit(" ", 1)[0] + "…"
    return line


def read_frame(tree: Tree, lex: Lexicon, predicate: int | None, frame_noun: int | None, type_: str,
               actors: list[Actor], placed: list[tuple[int, Actor]], *, meaning: int | None = None,
               expand=None, focus: tuple[Actor, ...] = ()) -> Frame:
    """The frame of one event: its actors with their parts, its object and its headline."""
    if predicate is None:
        return Frame(tuple(actors), None, None)
    # "The accession of Chile took place in 2001": the event noun's own source first.
    heads = []
    entry = lex.verbs.get(key_of(tree, predicate))
    if meaning is not None and meaning != predicate and tree.tokens[meaning].pos in _NOUNS \
            and entry is not None and entry.frame:
        heads = _subjects(tree, meaning, type_)
    heads = heads or _subjects(tree, predicate, type_)
    sources = _actors_in(tree, heads, placed, actors, focus)
    for name in sources:  # a party the sentence refers to ("they") joins the event's actors
        if all(a.name != name for a in actors):
            known = next((a for a in focus if a.name == name), None)
            if known is not None:
                actors = [*actors, known]
    if not sources:
        # "the Azerbaijani offensive": a state named by its adjective.
        gaz = gazetteer()
        demonyms = gaz.demonyms
        # "Chinese troops", "a group of Kazakh engineers": the adjective of a word that names the
        # state's people in office or arms (not "Belgian tourists"), anywhere in the phrase.
        roles = gaz.political_heads | lex.classes["force"]
        words = [i for k in heads for i in tree.subtree(k)
                 if tree.tokens[i].dep != "amod" or tree.lemma(tree.head(i)) in roles
                 or tree.word(tree.head(i)).lower() in roles]
        for k in words:
            state = demonyms.get(tree.word(k).lower()) or demonyms.get(tree.word(k))
            if state and state not in sources:
                sources.append(state)
                if all(a.name != state for a in actors):
                    actors = [*actors, Actor(state, "country")]
    if type_ in _JOINT and sources and tree.tokens[predicate].pos in _VERBS:
        partners = [k for k in tree.children(predicate, "prep") if tree.lemma(k) == "with"]
        partners += [k for d in tree.children(predicate, "dobj") for k in tree.children(d, "prep") if tree.lemma(k) == "with"]
        for name in _actors_in(tree, [o for k in partners for o in tree.children(k, "pobj")], placed):
            if name not in sources:
                sources.append(name)
    # A target is named for itself ("joined NATO"), not as a modifier of a common noun ("hosted
    # NATO exercises": NATO takes part, the exercises are what was hosted).
    target_heads = []
    for k in _targets(tree, predicate):
        if tree.tokens[k].pos != "NOUN" or tree.tokens[k].ent:
            target_heads.append(k)
        else:  # "paid visits to Azerbaijan", "held talks with the president": the noun's own phrase
            target_heads += [o for prep in tree.children(k, "prep") if tree.lemma(prep) in ("to", "with", "into")
                             for o in tree.children(prep, "pobj")]
    targets = [n for n in _actors_in(tree, target_heads, placed) if n not in sources]
    obj_early = _object(tree, lex, predicate, frame_noun, type_, set(), expand)
    if obj_early is not None:  # the thing opened or held is no actor of its own opening
        sources = [n for n in sources if n != obj_early.name]
    for k in tree.children(predicate, "nsubjpass") if type_ not in _OWN_PASSIVES else ():
        held = _ARTICLE.sub("", tree.text[slice(*tree.extent(k))]).strip()  # nor a thing held
        sources = [n for n in sources if n != held]
    named = {a.name for _, a in placed}
    if not sources:
        # The document's own subject, added where the sentence names none; else the one state the
        # sentence names.
        inferred = [a for a in actors if a.name not in named]
        states = [a.name for a in actors if a.kind == "country"]
        sources = [a.name for a in inferred if a.kind == "country"][:1]
        if not sources and len(states) == 1 and type_ in ("conflict", "political", "deployment", "project"):
            sources = states
        sources = sources or [a.name for a in inferred][:1]
    parted = []
    for actor in actors:
        part = "source" if actor.name in sources else "target" if actor.name in targets else "other"
        parted.append(replace(actor, part=part))
    obj = _object(tree, lex, predicate, frame_noun, type_, {a.name for a in actors}, expand)
    headline = _headline(tree, lex, predicate, predicate if meaning is None else meaning, type_,
                         [n for n in sources if any(a.name == n for a in actors)],
                         [n for n in targets if any(a.name == n for a in actors)], obj, placed)
    return Frame(tuple(parted), obj, headline)
