"""The object of an event: the named programme, document, institution, operation or meeting a
predicate is about, under its canonical name."""
from __future__ import annotations

import re

from annals.events.lexicon import Lexicon
from annals.events.objects import canonical_object
from annals.events.parts import in_force, place_word, swallowed_subject
from annals.events.predicate import verb_like
from annals.events.tree import NOUNS, Tree
from annals.model import EventObject
from annals.resolve.gazetteer import gazetteer

__all__ = ["ARTICLE", "listed_object", "named_earlier", "negotiated", "object_of", "office_object", "serial_object"]

_OBJECT_KINDS = (("programme", "programme"), ("document", "document"), ("law", "document"),
                 ("declaration", "document"), ("meeting", "meeting"), ("summit", "meeting"),
                 ("exercise", "operation"), ("operation", "operation"), ("institution", "institution"),
                 ("project", "programme"))
ARTICLE = re.compile(r"^(?:the|a|an|its|their|his|her|this|that)\s+", re.IGNORECASE)


def _canonical(text: str, expand) -> str:
    unbracketed = re.sub(r"\s*\([^)]*\)", "", text)  # "Partnership for Peace (PfP) Framework Document"
    text = unbracketed if unbracketed.strip() else text
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
    return ARTICLE.sub("", text.strip(" ,.;:\"“”'"))


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
    while left < k - 1 and not _paired(tree, left, k, drop) and (tree.word(left) in _LEFT_JOINERS or (
            tree.word(left) in drop and not gazetteer().is_city(tree.word(left)))) \
            and any(tree.word(i)[:1].isupper() and tree.word(i) not in drop for i in range(left + 1, k)) \
            and not _generic_rest(tree, left + 1, k, drop):
        left += 1
    right = k
    while right + 1 in inside:
        word = tree.word(right + 1)
        if tree.tokens[right + 1].ent in ("DATE", "TIME"):
            break
        if word[:1].isupper() or (word in _JOINERS and right + 2 in inside and tree.word(right + 2)[:1].isupper()
                                  and tree.tokens[right + 2].ent != "DATE") or (
                word == "at" and right + 2 in inside and tree.word(right + 2)[:1].isupper()
                and tree.tokens[right + 2].ent not in ("GPE", "LOC", "DATE") and not gazetteer().is_city(tree.word(right + 2))):
            right += 1
            continue
        if word == "," and right + 2 in inside and tree.word(right + 2)[:1].isupper() and any(
                tree.word(j) == "and" and j + 1 in inside and tree.word(j + 1)[:1].isupper()
                for j in range(right + 3, right + 6) if j in inside):
            right += 1  # "the Treaty of Friendship, Cooperation and Peace": a list inside the name
            continue
        if word == "(" and right + 3 in inside and tree.word(right + 3) == ")" and right + 4 in inside \
                and tree.word(right + 4)[:1].isupper() and tree.tokens[right + 4].ent != "DATE":
            right += 4  # "Partnership for Peace (PfP) Framework Document": the acronym inside the name
            continue
        if word in _JOINERS and right + 2 in inside and tree.word(right + 2) == "the" and right + 3 in inside \
                and tree.word(right + 3)[:1].isupper() and tree.tokens[right + 3].ent != "DATE" \
                and not any(tree.tokens[o].dep == "pobj" and not tree.word(o)[:1].isupper()
                            for o in tree.children(right + 1, "pobj")):
            right += 2  # (not "on the White House lawn": a phrase whose head is a common noun)
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


def _paired(tree: Tree, i: int, head: int, drop: set[str]) -> bool:
    """Whether token i opens a pair of actors joined by a dash that names a bilateral thing of its
    own ("the Japan–ASEAN Integration Fund"); not before a name known without it ("the
    NATO-Azerbaijan Individual Partnership Action Plan" is the Individual Partnership Action Plan)."""
    def party(word: str) -> bool:
        entry = gazetteer().lookup(word)
        return word in drop or (entry is not None and entry.kind in ("organization", "country") and entry.name in drop)

    if not (i + 3 <= head and party(tree.word(i)) and tree.word(i + 1) in ("-", "–", "—") and party(tree.word(i + 2))):
        return False
    rest = [tree.word(j) for j in range(i + 3, head + 1)]
    known = (" ".join(rest[a:b]) for a in range(len(rest)) for b in range(a + 1, len(rest) + 1))
    return all(canonical_object(words) is None for words in known)  # "NATO-Azerbaijan IPAP documents"


def _generic_rest(tree: Tree, first: int, head: int, drop: set[str]) -> bool:
    """Whether the words from `first` to the head name only a kind of thing ("Action Plan"): then the
    actors before them belong to the name ("the NATO–Ukraine Action Plan")."""
    words = [tree.word(i) for i in range(first, head + 1) if tree.word(i) not in _LEFT_JOINERS and tree.word(i) not in drop]
    if not words or canonical_object(" ".join(words)) is not None:
        return False  # a name of its own ("Individual Partnership Action Plan")
    return all(w in gazetteer().programme_words or w in _KIND_WORDS for w in words)


_KIND_WORDS = frozenset({"Action", "Joint", "Individual", "Annual", "National", "Bilateral", "Cooperation",
                         "Partnership", "Work", "Working"})
_OPENING = {'"': '"', "“": "”", "«": "»", "„": "“"}


def _quoted(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The whole title where a name opens a quotation ('the "Agreement on Partnership and
    Cooperation establishing a partnership between ..."'): the quotation, not its first words."""
    start, end = span
    opening = start - 1
    while opening >= 0 and text[opening] == " ":
        opening -= 1
    if opening < 0 or text[opening] not in _OPENING or (opening > 0 and not text[opening - 1].isspace()
                                                        and text[opening - 1] not in "(["):
        return None
    closing = text.find(_OPENING[text[opening]], end, end + 400)
    if closing < 0 or "\n" in text[start:closing]:
        return None
    inner = text[start:closing].rstrip(" ,.;:")
    return (start, start + len(inner)) if len(inner) > end - start else None


_SUBJECT_MATTER = frozenset({"on", "concerning", "regarding"})  # "a statement on X"
_GENERIC = frozenset({"new", "present", "first", "second", "third", "last", "final", "formal", "official", "initial", "further",
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
    after = k + 1
    if right == k and after < len(tree.tokens) and tree.word(after).lower() in _SUBJECT_MATTER \
            and tree.head(after) in (k, tree.head(k)) and tree.tokens[after].dep in ("prep", "acl"):
        # "a joint statement on the demarcation of the border", "its recommendation concerning
        # Turkey": what it is about belongs to what it is called, up to a comma or a clause.
        phrase = tree.subtree(after)
        # (a name inside is what it is about: "the decree on the execution of IPAP" is about IPAP)
        if len(phrase) <= 8 and all(tree.tokens[i].pos not in ("PUNCT", "VERB", "AUX", "PRON")
                                    and tree.tokens[i].ent not in ("DATE", "TIME")
                                    and (not tree.word(i)[:1].isupper() or tree.tokens[i].ent in ("GPE", "NORP"))
                                    for i in phrase[1:]):
            right = phrase[-1]
    telling = [i for i in range(left, k) if tree.lemma(i) not in _GENERIC and tree.tokens[i].pos != "PUNCT"]
    if not telling and right == k:
        return None
    return tree.tokens[left].start, tree.tokens[right].end


def _title(text: str) -> str:
    return " ".join(w if w in _JOINERS or w in _SUBJECT_MATTER else "-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in text.split())


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                       "tenth", "eleventh", "twelfth"})


def _phrase_after(tree: Tree, p: int) -> int | None:
    """The head of the noun phrase right after token p (its determiners and modifiers skipped)."""
    k = p + 1
    while k < len(tree.tokens) and tree.tokens[k].dep in ("det", "amod", "compound", "nummod", "poss") \
            and tree.tokens[k].start < tree.tokens[p].end + 200:
        k += 1
    if k < len(tree.tokens) and tree.tokens[k].pos in NOUNS and tree.sentence_root(k) == tree.sentence_root(p):
        return k
    return None


def object_of(tree: Tree, lex: Lexicon, p: int, frame: int | None, type_: str, actor_names: set[str], expand) -> EventObject | None:
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
    if type_ not in ("summit", "meeting"):
        # "admitted as participating States at the First Additional ... Meeting": a scene the parser
        # hung one phrase lower
        scenes += [o for c in tree.children(p, "prep") for g in tree.children(c, "pcomp")
                   for prep in tree.children(g, "prep") if tree.lemma(prep) in ("at", "during")
                   for o in tree.children(prep, "pobj")]
    if tree.tokens[p].pos in NOUNS:
        candidates = [p, *candidates]
        if verb_like(tree, lex, p):
            # "Turkey and the EEC sign an association agreement", the verb tagged as a noun: the
            # noun phrase after it is what was signed.
            following = _phrase_after(tree, p)
            if following is not None:
                candidates.insert(0, following)
    if tree.tokens[p].dep in ("acl", "relcl") and not tree.is_root(p) and not (
            tree.tokens[tree.head(p)].pos == "PROPN"
            and any(tree.lemma(k) in ("which", "who", "that") for k in tree.children(p, "nsubj"))):
        candidates.append(tree.head(p))  # "the treaty (that) they signed", not "the Court, which ruled"
    if tree.tokens[p].dep == "advcl" and tree.tokens[p].tag == "VBN" and p >= 2 and tree.word(p - 1) == "," \
            and not tree.children(p, "nsubj", "nsubjpass"):
        # "... in the Treaty of Shimoda, signed on 7 February 1855": the parser's adverbial participle
        # tells of the noun phrase before its comma
        noun = p - 2
        while not tree.is_root(noun) and (tree.tokens[noun].dep in ("compound", "flat")
                                          or (tree.tokens[noun].dep == "pobj" and tree.lemma(tree.head(noun)) == "of")):
            noun = tree.head(noun) if tree.tokens[noun].dep != "pobj" else tree.head(tree.head(noun))
        if tree.tokens[noun].pos in NOUNS:
            candidates.append(noun)
    if frame is not None:
        candidates.insert(0, frame) if type_ in ("summit", "meeting", "visit") else candidates.append(frame)
    # "1979 - Lusaka Declaration issued": a subject that is a document, programme or institution.
    subjects = tree.subject_of(p)
    if not subjects and not tree.children(p, "nsubjpass") and tree.tokens[p].dep == "conj":
        # "The Agreement was signed in 1994 and came into force in 1997": the subject they share.
        subjects = tree.children(tree.head(p), "nsubj", "nsubjpass")
    swallowed = swallowed_subject(tree, p)
    if swallowed is not None and swallowed not in subjects:
        subjects = [*subjects, swallowed]  # "on 22 February the Council declared": the Council acts
    candidates += subjects + scenes
    # "the decree on the execution of the plan": a name one "of"/"on" phrase further in.
    for k in list(candidates):
        if tree.lemma(k) in lex.classes["time"]:
            continue  # "after six years in the Partnership": where the time was spent, not what the act is about
        for prep in tree.children(k, "prep"):
            if tree.lemma(prep) in ("of", "on", "for", "in"):  # "participation in IPAP" too
                for inner in tree.children(prep, "pobj"):
                    candidates += [inner, *[g for p2 in tree.children(inner, "prep") if tree.lemma(p2) == "of"
                                            for g in tree.children(p2, "pobj")]]
    drop = set(actor_names)
    # "sign the Egypt–Israel Peace Treaty", split by the parser at the dash into a state and its
    # apposition: the apposition is the thing, its name begins with the state
    paired = {a: k for k in candidates if k + 2 < len(tree.tokens) and tree.word(k + 1) in ("–", "-", "—")
              for a in tree.children(k, "appos") if a > k + 1 and tree.word(k + 2)[:1].isupper()}
    candidates = [c for k in candidates for c in ([a for a, owner in paired.items() if owner == k] + [k])]
    for k in candidates:
        if tree.tokens[k].pos not in NOUNS and not (tree.tokens[k].pos == "ADV" and tree.word(k)[:1].isupper()):
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
        if kind is None or (k in subjects and kind in ("institution", "meeting")
                            and type_ not in ("summit", "meeting")):
            # a body that acts is an actor ("the Chilean Congress ratified"), unless it is the meeting
            # ("the Helsinki European Council")
            continue
        if kind != "meeting" and tree.word(k)[:1].isupper() and any(
                tree.lemma(i) in lex.classes["meeting"] and tree.word(i)[:1].isupper() for i in tree.subtree(k)
                if i > k and tree.tokens[i].dep in ("pobj", "compound") and tree.head(i) != k):
            kind = "meeting"  # "the First Additional Council of Ministers Meeting": a meeting, named in full
        span = _name_span(tree, k, drop | {a for a in actor_names}, ordinals=kind == "meeting",
                          keep_head=kind in ("meeting", "operation"))
        if span is not None and k in paired:
            span = (tree.tokens[paired[k]].start, span[1])
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
        quoted = _quoted(tree.text, span)
        if quoted is not None:
            span, titled = quoted, False
        text = tree.text[span[0]:span[1]]
        name = _title(text) if titled else _canonical(text, expand)
        if not titled and not tree.word(k)[:1].isupper() and kind == "institution" and span[0] < tree.tokens[k].start \
                and (name in actor_names or (expand and expand(text) in actor_names)):
            # "the EAPC ad hoc working group": a body of an actor, named by its owner and kind (not "the
            # headquarters of the Department (DND)", whose name comes after it)
            text = tree.text[span[0]:tree.tokens[k].end]
            name = _title(_canonical(text, expand))
        if name[:1].islower():
            name = name[:1].upper() + name[1:]
        if name.split()[0] in gazetteer().office_words and name.split()[0].lower() not in _ORDINALS:
            continue  # "the decree of the President of Chile": who issued it, not what it is called
        owned = re.match(r"(.+\s\S+)\s+of\s+(?:the\s+)?(.+)$", name)
        if owned and owned.group(2) in actor_names and len(owned.group(1).split()) >= 2 \
                and "document" in lex.classes_of([owned.group(1).split()[-1].lower()]):
            name = owned.group(1)  # "the Presentation Document of Azerbaijan": whose it is, not its name
        known = canonical_object(name)
        if known is not None:
            name, kind = known
        elif " " in name and "document" in lex.classes_of([name.split()[-1].lower()]):
            kind = "document"  # a name that ends as a document is one ("Partnership for Peace Framework Document")
        ordinal = name.split()[0].lower() in _ORDINALS or re.match(r"\d+(?:st|nd|rd|th)\b", name) is not None
        if kind == "meeting" and not ordinal:
            # "the NATO summit in Chicago": the Chicago Summit; a bare "the summit" names nothing.
            place = next((c for prep in tree.children(k, "prep") if tree.lemma(prep) == "in"
                          for c in tree.children(prep, "pobj") if tree.tokens[c].ent in ("GPE", "LOC")), None)
            head = tree.word(k)[:1].upper() + tree.word(k)[1:]
            named = _named_before(tree, k) if name == tree.word(k) and tree.word(k)[:1].isupper() else None
            if named is not None:  # "the host of the 3rd BRICS Summit, invited X to attend the Summit"
                name = named
            elif place is not None and len(ARTICLE.sub("", text).split()) <= 2 and name not in actor_names:
                # "the OAS Summit in Lima": the Lima Summit (not a body founded there: "the Andean Forum in Lima")
                name = f"{tree.word(place)} {head}"
            elif name.lower() == tree.word(k).lower():
                continue
        if name and name[-1].islower() and " " in name and quoted is None:
            head = name.rsplit(" ", 1)
            name = head[0] + " " + head[1][:1].upper() + head[1][1:]
        # An institution opened or a summit held may also be an actor elsewhere; an organisation
        # joined or visited is the event's target, not its object.
        if not name or len(name) < 3 or (name in actor_names and (type_ not in _THINGS_MADE or k in subjects)):
            continue
        return EventObject(name, text, kind)
    return _in_force(tree, p)


# Words that open a sentence in capitals without being part of a name after them.
_OPENERS = frozenset({"the", "a", "an", "this", "that", "under", "in", "at", "on", "by", "for", "with", "from",
                      "after", "before", "during", "since", "when", "while", "as", "its", "their", "his", "her"})


def named_earlier(tree: Tree, lex: Lexicon, p: int, actor_names: set[str]) -> EventObject | None:
    """A bare "the corridor" that a name given before ends in ("the Tin Bigha Corridor"): that thing."""
    for k in tree.children(p, "nsubjpass", "dobj", "nsubj"):
        if tree.tokens[k].pos != "NOUN" or not tree.word(k).islower() or [
                c for c in tree.children(k) if (tree.tokens[c].dep != "det" or tree.lemma(c) not in ("the", "this"))
                and not _date_phrase(tree, c)]:
            continue
        if not tree.children(k, "det") or tree.lemma(k) in lex.classes["person"] | lex.classes["leader"] | lex.classes["state"]:
            continue  # "the king" is a person, "the republic" a state, not a thing
        # "the accord" after "the Prespa Agreement": a word for the same kind of thing
        heads = [tree.word(k)]
        if tree.lemma(k) in lex.classes["accord"]:
            heads = sorted(lex.classes["accord"], key=len, reverse=True)
        ends = "|".join(re.escape(h[:1].upper() + h[1:]) for h in heads)
        before = tree.text[max(0, tree.tokens[k].start - 1500):tree.tokens[k].start]
        found = re.findall(rf"((?:[A-Z][\w'’-]*[ \t]+)+(?:{ends}))\b", before)  # (within a line)
        found = [n.split(None, 1)[1] if n.split()[0].lower() in _OPENERS and len(n.split()) > 2 else n for n in found]
        names = [n for n in found if n.split()[0].lower() not in _OPENERS and n not in actor_names]
        if names:
            classes = lex.classes_of([tree.lemma(k)])
            kind = next((kind for name, kind in _OBJECT_KINDS if name in classes), "other")
            name, kind = canonical_object(names[-1]) or (names[-1], kind)
            return EventObject(name, tree.word(k), kind)
    return None


def _date_phrase(tree: Tree, k: int) -> bool:
    """A phrase that only dates ("on 25 January", hung on the noun by the parser)."""
    return tree.tokens[k].dep == "prep" and any(tree.tokens[o].ent == "DATE" for o in tree.children(k, "pobj"))


def _in_force(tree: Tree, p: int) -> EventObject | None:
    """What entered into force, named by what kind of thing it is ("the customs union")."""
    if not in_force(tree, p):
        return None
    for k in tree.subject_of(p):
        if tree.tokens[k].pos == "NOUN" and tree.word(k).islower():
            span = _descriptive_span(tree, k)
            if span is not None:
                text = tree.text[span[0]:span[1]]
                return EventObject(_title(text), text, "document")
    return None


_LISTING_PREPS = frozenset({"from", "in", "at", "of"})


def listed_object(tree: Tree, lex: Lexicon, date_at: int) -> EventObject | None:
    """The one thing of a plural whose members are listed by place, each with its date ("the
    declarations from Lima (2004), Quito (2006) and Santiago (2009)", "the summits in Riga (2006)
    and Bucharest (2008)"): the place's own, "Quito Declaration" for 2006."""
    found = tree.span(date_at, date_at + 1)
    if not found or tree.tokens[found[0]].dep != "appos" or tree.is_root(found[0]):
        return None
    place = tree.head(found[0])
    before = tree.text[max(0, tree.tokens[found[0]].start - 4):tree.tokens[found[0]].start].rstrip()
    if not before.endswith("(") or tree.tokens[place].pos != "PROPN" or not tree.word(place)[:1].isupper():
        return None
    first = place
    while tree.tokens[first].dep == "conj" and not tree.is_root(first):
        first = tree.head(first)
    if tree.is_root(first) or tree.tokens[first].dep not in ("pobj", "appos"):
        return None
    if tree.tokens[first].dep == "appos":  # "the Declarations from Nuuk (2011), Kiruna (2013)", Kiruna hung on them
        thing = tree.head(first)
        if not any(tree.lemma(k) in _LISTING_PREPS for k in tree.children(thing, "prep")):
            return None
    else:
        prep = tree.head(first)
        if tree.lemma(prep) not in _LISTING_PREPS or tree.is_root(prep):
            return None
        thing = tree.head(prep)
    if tree.tokens[thing].pos not in NOUNS:
        return None
    classes = lex.classes_of([tree.lemma(thing)])
    kind = next((kind for name, kind in _OBJECT_KINDS if name in classes), None)
    if kind not in ("document", "meeting"):
        return None
    head = _singular(tree.word(thing).lower())
    name = f"{tree.word(place)} {head[:1].upper()}{head[1:]}"
    return EventObject(name, tree.text[tree.tokens[place].start:tree.tokens[found[0]].end + 1], kind)


def _singular(word: str) -> str:
    """One of a plural noun: "declarations" -> "declaration", "treaties" -> "treaty"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_PLACE_BEFORE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?!In\b|On\b)[A-Z][\w'’-]+)?)\s*,?\s*(?:(?:[Ii]n|[Oo]n)\s+)?$")


def serial_object(tree: Tree, first: EventObject, date_at: int) -> EventObject | None:
    """A meeting of a series that dates its members by place ("the NATO Summit in Chicago in 2012,
    in Wales in September 2014, and in Warsaw in July 2016"): the Wales Summit, named as the first
    one, "Chicago Summit", is."""
    words = first.name.split()
    if first.kind != "meeting" or len(words) != 2 or not _is_place(tree, words[0]):
        return None
    found = _PLACE_BEFORE.search(tree.text, max(0, date_at - 60), date_at)
    if found is None or found.group(1) == words[0] or not _is_place(tree, found.group(1), found.start(1)):
        return None
    return EventObject(f"{found.group(1)} {words[1]}", found.group(1), "meeting")


def _is_place(tree: Tree, name: str, at: int | None = None) -> bool:
    """A state's or a city's name, or one the parse takes for a place at offset `at`."""
    if place_word(name):
        return True
    tokens = tree.span(at, at + len(name)) if at is not None else []
    return any(tree.tokens[k].ent in ("GPE", "LOC") for k in tokens)


def office_object(tree: Tree, lex: Lexicon, p: int) -> EventObject | None:
    """The office someone was appointed to "as" ("nominated X as the first U.S. ambassador to
    Vietnam": United States Ambassador to Vietnam), its states under their names."""
    gaz = gazetteer()
    for prep in tree.children(p, "prep"):
        if tree.lemma(prep) != "as":
            continue
        for k in tree.children(prep, "pobj"):
            if not ({tree.lemma(k), tree.word(k)} & (lex.classes["person"] | lex.classes["diplomat"] | gaz.office_words)):
                continue
            words = []
            for i in tree.subtree(k):
                tok = tree.tokens[i]
                if tok.dep in ("det", "poss", "punct") or (tok.dep == "amod" and tree.lemma(i) in _GENERIC | _ORDINALS):
                    continue
                entry = gaz.lookup(tree.word(i)) if tok.pos == "PROPN" else None
                words.append(entry.name if entry is not None and entry.kind == "country" else tree.word(i))
            text = tree.text[slice(*tree.extent(k))]
            return EventObject(_title(" ".join(words)), text, "institution") if len(words) > 1 else None
    return None


def _named_before(tree: Tree, k: int) -> str | None:
    """The full name that a bare capitalised noun ("the Summit") takes back from earlier in its
    sentence ("as the host of the 3rd BRICS Summit, ... attend the Summit")."""
    lo = tree.extent(tree.sentence_root(k))[0]
    head = re.escape(tree.word(k))
    before = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", tree.text[lo:tree.tokens[k].start])  # not from an aside
    names = re.findall(rf"\b((?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w'’-]*\s+)+{head})\b", before)
    names = [n for n in names if n.split()[0] not in ("The", "A", "An")] or [
        n.split(" ", 1)[1] for n in names if len(n.split()) > 2]
    return names[-1] if names else None


_NEGOTIATED = re.compile(r"\bnegotiat\w*\s+(?:of|on|for)\s+(?:an?\s+|the\s+)?"
                         r"((?:[A-Z][\w'’]*(?:[\s–-]+|$))*?(?:Agreement|Treaty|Accord|Pact|Convention|Protocol|Partnership))\b")


def negotiated(tree: Tree, heads: list[int]) -> EventObject | None:
    """What talks were about that the text named before them ("the negotiation of a New EU-Russia
    Agreement. Negotiations started in 2008"): the document under negotiation."""
    if not any(tree.lemma(k) in ("negotiation", "negotiations", "talk", "talks") for k in heads):
        return None
    lo = tree.extent(tree.sentence_root(heads[0]))[0]
    found = _NEGOTIATED.findall(tree.text, max(0, lo - 800), tree.tokens[heads[0]].start)
    return EventObject(found[-1].strip(), found[-1].strip(), "document") if found else None
