"""Events: one per (sentence, time), with its predicate, type, actors, places and quantities."""
from __future__ import annotations

import re
from dataclasses import replace

from annals.events.anaphora import Antecedents
from annals.events.arguments import places, quantities
from annals.events.classify import type_of
from annals.events.frame import read_frame
from annals.events.headline import with_sources
from annals.events.lexicon import DEFAULT_TYPE, lexicon
from annals.events.parts import JOINT, one_sided, partitive
from annals.events.predicate import Reading, read_date, verb_lemma
from annals.events.split import event_dates
from annals.events.tree import VERBS, Tree
from annals.model import Actor, Document, Event, EventObject, Predicate
from annals.resolve.actors import DocumentActors
from annals.resolve.gazetteer import gazetteer
from annals.time.edtf import year_of

__all__ = ["find_events"]


def _citation(doc: Document, start: int, end: int) -> str | None:
    """The references a reader kept at the end of (or inside) the sentence, joined."""
    texts = [text for offset, _, text in doc.citations if start <= offset <= end + 1]
    return " | ".join(texts) if texts else None


def _predicate(tree: Tree, reading: Reading | None) -> Predicate | None:
    if reading is None:
        return None
    tok = tree.tokens[reading.token]
    lemma = verb_lemma(tree, reading.token) if tok.pos in VERBS else tok.lemma
    return Predicate(tree.text[tok.start:tok.end], lemma.lower(), tok.start, tok.end)


_CENTURY = re.compile(r"\d\dXX")


def _topic(tree: Tree, mention, mentions) -> bool:
    """A century that qualifies a noun, or beside a finer date, dates no happening ("a declaration
    on security in the 21st century")."""
    if not _CENTURY.fullmatch(mention.edtf or ""):
        return False
    if any(m is not mention and m.edtf and not _CENTURY.fullmatch(m.edtf) for m in mentions):
        return True
    span = tree.span(mention.span_start, mention.end)
    head = tree.head_of(span) if span else None
    if head is None or tree.is_root(head):
        return False
    above = tree.head(head)
    if tree.tokens[above].dep == "prep" and not tree.is_root(above):
        above = tree.head(above)
    return tree.tokens[above].pos in ("NOUN", "PROPN")


def _together(tree: Tree, start: int, end: int) -> bool:
    """Whether a clause without a verb shows a person with another ("A (left) with B in 2005")."""
    tokens = tree.span(start, end)
    for i in tokens:
        if tree.lemma(i) == "with" and tree.tokens[i].pos == "ADP":
            before = any(tree.tokens[k].ent == "PERSON" for k in tokens if k < i)
            after = any(tree.tokens[k].ent == "PERSON" for k in tree.subtree(i))
            if before and after:
                return True
    return False


def _meeting_acts(tree: Tree, lex, verb: int) -> bool:
    """Whether the subject of a verb is a meeting: a summit or conference ("the summit decided"),
    or a body named by the city it met in ("the Helsinki European Council recognises")."""
    if tree.tokens[verb].pos not in ("VERB", "AUX"):
        return False
    for k in tree.subject_of(verb):
        if tree.word(k)[:1].isupper() and "legislature" in lex.classes_of([tree.lemma(k)]):
            continue  # "Peru's Congress passed a law": a legislature, not a congress that meets
        if tree.lemma(k) in lex.frames and tree.lemma(k) in lex.nouns and \
                lex.nouns[tree.lemma(k)].type == "summit":
            return True
        body = lex.classes_of([tree.lemma(k)])
        if tree.tokens[k].pos == "PROPN" and body & {"organisation", "institution"} and not body & {"document", "declaration"} and any(
                tree.tokens[c].pos == "PROPN" and c < k and gazetteer().is_city(tree.word(c))
                for c in tree.children(k, "compound")):
            return True
    return False


def _deciders(tree: Tree, p: int) -> list[int]:
    """Who did the act p tells, as a class may type it: the subject, the agent of a passive ("turned
    down by voters"), and the group a quantity is of ("two-thirds of voters approved")."""
    found = [*tree.subject_of(p), *(k for a in tree.children(p, "agent") for k in tree.children(a, "pobj"))]
    return found + [k for s in found if partitive(tree, s)
                    for prep in tree.children(s, "prep") if tree.lemma(prep) == "of" for k in tree.children(prep, "pobj")]


def _type(tree: Tree, lex, reading: Reading, expand) -> str:
    """The type of a reading. Talks held during a visit or at a summit are part of it: a verb of
    meeting or of deliberation ("agreed", "decided") gives way to the frame it is set in, and a
    verb of meeting to a visit it is conjoined with."""
    type_ = type_of(tree, lex, reading.token, reading.meaning, expand=expand, scene=reading.frame)
    for subject in _deciders(tree, reading.token):
        classes = lex.classes_of([tree.lemma(subject), tree.word(subject).lower()])
        for name, types, instead in lex.subjects:
            if name in classes and type_ in types:
                return instead
    if type_ in ("statement", "decision", "agreement", "meeting", "political") and _meeting_acts(tree, lex, reading.token):
        return "summit"
    if type_ != "meeting" and tree.lemma(reading.token) not in lex.deliberation:
        return type_
    scenes = [reading.frame] if reading.frame is not None else []
    # The scene may hang on the verb or on its subject ("ministers at their meeting in May agreed").
    holders = [reading.token, *tree.children(reading.token, "nsubj", "nsubjpass")]
    scenes += [k for holder in holders for prep in tree.children(holder, "prep") if tree.lemma(prep) in ("at", "during", "on")
               for k in tree.children(prep, "pobj") if tree.lemma(k) in lex.frames]
    for scene in scenes:
        framed = type_of(tree, lex, scene, scene, expand=expand) if tree.lemma(scene) in lex.nouns else None
        if framed in ("visit", "summit") or (framed == "meeting" and type_ != "meeting"):
            return framed
    if type_ != "meeting":
        return type_
    tok = tree.tokens[reading.token]
    linked = [tree.head(reading.token)] if tok.dep == "conj" else []
    linked += tree.children(reading.token, "conj")
    for k in linked:
        if tree.tokens[k].pos == "VERB" and type_of(tree, lex, k, k, expand=expand) == "visit":
            return "visit"
    return type_


def _followed(tree: Tree, k: int) -> bool:
    """Whether a predicate is "followed" with no object and a name or a noun as its subject: it did,
    or it was, what the sentence told before ("and Teruvia followed in 2011", "Regulations on crusts
    followed in 2012")."""
    nouns = lexicon().nouns  # (an event noun tells its own kind: "A formal request followed")
    return tree.lemma(k) == "follow" and not tree.children(k, "dobj") and not tree.children(k, "agent") \
        and any(tree.tokens[s].pos == "PROPN" or (tree.tokens[s].pos == "NOUN" and tree.lemma(s) not in nouns)
                for s in tree.subject_of(k))


# Prepositions of place: "referendums in A on 10 May and in B on 14 September" are each state's own act.
_WHERE = frozenset({"in", "at", "on", "near", "inside", "across"})


def _gapped(tree: Tree, frame, previous, mention, placed: list[tuple[int, Actor]], verb_token: int):
    """"Peru joined in 1999, Chile in 2004 and Bolivia in 2009": a later date of the predicate (`verb_token`)
    whose clause left out the verb has the names between it and the date before as its sources, not the
    first clause's; where the gap repeats a preposition or names another object, as its partners."""
    between = tree.span(previous.end, mention.span_start)
    if not between or any(tree.tokens[k].pos in VERBS for k in between):
        return frame
    own = [a for offset, a in placed if previous.end <= offset < mention.span_start
           and a.kind in ("country", "organization", "person")]
    if not own:
        return frame
    names = {a.name for a in own}
    # (a partner the first clause names after its verb stays: "A made peace with B in 1979 and C in 1994")
    partners = {a.name for offset, a in placed if tree.tokens[verb_token].start < offset < previous.end}
    lead = [k for k in between if tree.tokens[k].pos not in ("CCONJ", "PUNCT")]
    if lead and tree.tokens[lead[0]].pos == "ADP" and tree.lemma(lead[0]) not in _WHERE:
        return _other_partner(frame, own, partners)
    # "A joined the Commonwealth in 1970 and the United Nations in 1976": the gap names another direct object of
    # the object's kind, where that is not the kind of who acted (states join bodies), not another subject
    spans = [tree.extent(k) for k in tree.children(verb_token, "dobj")]
    objects = [a for offset, a in placed if any(lo <= offset < hi for lo, hi in spans) and offset < previous.end]
    acted = {a.kind for a in frame.actors if a.part == "source" and a.name not in names}
    bare = bool(lead) and tree.tokens[lead[0]].pos != "ADP"  # (the gap a name alone, no "in A ... and in B")
    if bare and objects and acted and objects[0].kind not in acted and all(a.kind == objects[0].kind for a in own):
        return _other_partner(frame, own, {a.name for a in objects})
    sources = [a.name for a in frame.actors if a.part == "source" and a.name not in partners]
    kept = [replace(a, part="source") if a.name in names else a for a in frame.actors
            if a.name in names or a.name not in sources]
    kept += [replace(a, part="source") for a in own if all(a.name != k.name for k in kept)]
    kinds = {a.name: a.kind for a in (*frame.actors, *own)}
    line = with_sources(frame.headline, sources, list(dict.fromkeys(a.name for a in own)), kinds)
    return replace(frame, actors=tuple(kept), headline=line or frame.headline)


def _other_partner(frame, own: list[Actor], partners: set[str]):
    """"A settled its border with B in 1990 and with C in 1992": the gap repeats the preposition, so the
    first clause's source acted again, with the names of the gap where its partners stood."""
    names = {a.name for a in own}
    replaced = [a for a in frame.actors if a.name in partners and a.part == "target" and a.name not in names]
    kept = [replace(a, part="target") if a.name in names else replace(a, part="other") if a in replaced else a
            for a in frame.actors]
    kept += [replace(a, part="target") for a in own if all(a.name != k.name for k in kept)]
    line = frame.headline
    if line and len(replaced) == 1 and len(names) == 1 and replaced[0].name in line:
        line = line.replace(replaced[0].name, own[0].name)
    return replace(frame, actors=tuple(kept), headline=line)


def _with_offices(frame, actors: DocumentActors):
    """The frame with the state of each person who acts in an office of it ("Prime Minister Narendra
    Modi of India"): the state is named through the office, as another actor."""
    named = {a.name for a in frame.actors}
    added: list[Actor] = []
    for person in frame.actors:
        if person.kind == "person" and not person.inferred:
            # (else the organisation of the office: "Secretary-General X" of the UN brings the UN)
            state = actors.office_state(person)
            body = None if state else actors.office_body(person)
            found = Actor(state, "country", part="other") if state else Actor(body, "organization", part="other") if body else None
            if found is not None and found.name not in named and all(a.name != found.name for a in added):
                added.append(found)
    return replace(frame, actors=(*frame.actors, *added)) if added else frame


def _joined(tree: Tree, frame, reading: Reading | None, type_: str, actors: DocumentActors, index: int, year):
    """The frame with the organisation a joining, a leaving or an application is of, where the sentence
    names none ("Russia was admitted in 1996", "Somalia applied to join in 2012"): the one in question,
    named before, as an inferred target."""
    asked = reading is not None and tree.tokens[reading.token].pos in VERBS and one_sided(tree, reading.token)
    if not (type_ in ("membership", "withdrawal") or asked) or frame.object is not None \
            or any(a.kind == "organization" for a in actors.resolved(index, year=year)):
        return frame
    joined = actors.organisation_in_question(index, year)
    if joined is None or any(a.name == joined.name for a in frame.actors):
        return frame
    return replace(frame, actors=(*frame.actors, replace(joined, part="target", inferred=True)))


def find_events(doc: Document) -> Document:
    """The document with its events."""
    lex = lexicon()
    tree = Tree(doc, verbs=frozenset(lex.verbs) | lex.aspiration | lex.modal | lex.governing | lex.deliberation)
    candidates = event_dates(doc, tree=tree)
    if not candidates:
        return doc.with_(events=())
    actors = DocumentActors(doc)
    expand = actors.long_form
    by_sentence: dict[int, list] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence, []).append(candidate.mention)
    events = []
    text = doc.text
    antecedents = Antecedents()
    series: dict[int, EventObject] = {}  # a predicate's first object, that its later dates may follow
    acted: tuple[int, tuple[Actor, ...]] = (-1, ())  # the states and bodies that acted in a sentence
    for index, mentions in by_sentence.items():
        sentence = doc.sentences[index]
        previous = index > 0 and acted[0] == index - 1 and doc.sentences[index - 1].paragraph == sentence.paragraph
        before = acted[1] if previous else ()
        antecedents.enter(sentence.section, lex)
        names = actors.names.get(index, [])
        sentence_places = places(text, names)
        sentence_quantities = quantities(
            text, sentence.start, sentence.end, list(doc.times_in(sentence.start, sentence.end)))
        typed: dict[int, str] = {}
        dated: dict[int, object] = {}  # each predicate's last date so far in the sentence
        told: set[tuple[str, int]] = set()
        for mention in mentions:
            reading = read_date(tree, lex, mention, (sentence.start, sentence.end)) if tree else None
            if reading is not None and reading.unreal:
                continue
            if reading is not None and _topic(tree, mention, mentions):
                continue
            if reading is not None:
                # The same date twice on one predicate is one event; on two predicates, two.
                if (mention.edtf, reading.token) in told:
                    continue
                told.add((mention.edtf, reading.token))
            if reading is None and tree.span(sentence.start, sentence.end):
                # A parsed sentence with no predicate for its date: a byline, a time stamp, a caption.
                # A caption that shows two people together ("A with B in May 2005") is a meeting.
                if not _together(tree, sentence.start, sentence.end):
                    continue
                type_ = "meeting"
            else:
                type_ = _type(tree, lex, reading, expand) if reading else DEFAULT_TYPE
            opened = doc.sentences[index - 1].start if index > 0 else sentence.start
            if reading is not None and _followed(tree, reading.token) and events \
                    and events[-1].evidence_start >= opened:
                # "A, B and C joined in 1995, and D followed in 2011" (or "D followed in 2011." after
                # it): D joined
                type_ = events[-1].type
            if reading is not None:
                # Dates in a row on one predicate ("in Chicago in 2012, in Wales in 2014") are one kind
                # of happening: the first, which the tree reads most fully, types them all.
                type_ = typed.setdefault(reading.token, type_)
            predicate = _predicate(tree, reading)
            year = year_of(mention.edtf)
            actors_of = actors.for_event(index, year=year, tenure_year=year, places=tuple(sentence_places),
                                         type_=type_, date_start=mention.start)
            inferred = actors.last_inferred
            frame = read_frame(tree, lex, reading.token if reading else None, reading.frame if reading else None,
                               type_, actors_of, actors.resolved_at(index, year=year, every=True),
                               meaning=reading.meaning if reading else None, expand=expand,
                               focus=tuple(actors.focus_at(index, year)), antecedents=antecedents, date_at=mention.start,
                               first=series.get(reading.token) if reading else None, process=actors.process_pair(),
                               before=before)
            if inferred:
                frame = replace(frame, actors=tuple(replace(a, inferred=True) if a.name in inferred else a
                                                    for a in frame.actors))
            frame = _joined(tree, _with_offices(frame, actors), reading, type_, actors, index, year)
            if reading is not None and reading.token in dated:
                frame = _gapped(tree, frame, dated[reading.token], mention,
                                actors.resolved_at(index, year=year, every=True), reading.token)
            if reading is not None:
                dated[reading.token] = mention
            if reading is not None and frame.object is not None:
                series.setdefault(reading.token, frame.object)
            # who ratified an agreement is not its parties; who enacted a law is the law's own
            settled = frame.object is not None and "accord" in lex.classes_of([w.lower() for w in frame.object.name.split()])
            antecedents.add(frame.object, tuple(a for a in frame.actors if a.part == "source"),
                            parties=type_ in JOINT or not settled)
            named = tuple(a for a in frame.actors if a.part == "source" and not a.inferred
                          and a.kind in ("country", "organization"))
            if named and acted[0] != index:
                acted = (index, named)
            events.append(
                Event(
                    date_value=mention.edtf,
                    date_text=text[mention.span_start:mention.end],
                    type=type_,
                    evidence_start=sentence.start,
                    evidence_end=sentence.end,
                    evidence_text=text[sentence.start:sentence.end],
                    section=sentence.section,
                    actors=frame.actors,
                    places=tuple(sentence_places),
                    quantities=tuple(sentence_quantities),
                    trigger=predicate.text if predicate else None,
                    citation=_citation(doc, sentence.start, sentence.end),
                    predicate=predicate,
                    object=frame.object,
                    headline=frame.headline,
                )
            )
    return doc.with_(events=tuple(events), aliases=tuple(actors.aliases()))
