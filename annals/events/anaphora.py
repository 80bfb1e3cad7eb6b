"""What "it" and "the agreement" refer to: the objects the document's events named before, with their sources.

"The Agreement on Partnership and Cooperation ... was signed in June 1994.
Since 2007 it has been renewed annually": the renewal is about the agreement
the sentence before named, and its parties renewed it. A predicate whose
subject or object is "it", or a bare "the agreement" / "this plan" that names
nothing itself, takes the latest object of that kind the document's events
named, and, where the sentence names no source, that event's sources.
"""
from __future__ import annotations

from dataclasses import dataclass

from annals.events.lexicon import Lexicon
from annals.events.objects import canonical_object
from annals.events.parts import in_force
from annals.events.tree import Tree
from annals.model import Actor, EventObject

__all__ = ["Antecedent", "Antecedents", "anaphor_kind"]

# The object kinds "it" may stand for: a thing signed, adopted or run, not a meeting or an operation.
_IT_KINDS = frozenset({"document", "programme"})
# A bare noun's class to the object kind it refers back to.
_CLASS_KINDS = {"document": "document", "law": "document", "declaration": "document", "programme": "programme",
                "project": "programme", "institution": "institution"}
_DEMONSTRATIVE = frozenset({"the", "this", "that"})
# Parts of a programme or project that a text goes on to date ("the second phase was completed").
_STAGES = frozenset({"stage", "phase"})
_ORDER = frozenset({"first", "second", "third", "fourth", "fifth", "final", "last", "next", "initial", "new"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    object: EventObject
    sources: tuple[Actor, ...]


class Antecedents:
    """The objects named so far in a document, latest last."""

    def __init__(self) -> None:
        self._seen: list[Antecedent] = []
        self._section: tuple[str, ...] = ()

    def add(self, obj: EventObject | None, sources: tuple[Actor, ...], *, parties: bool = True) -> None:
        """The object an event named, with its sources where they are the thing's parties (a joint act:
        who signed it, not the parliament that ratified it)."""
        if obj is None:
            return
        if not parties:
            sources = next((a.sources for a in self._seen if a.object.name == obj.name), ())
        self._seen = [a for a in self._seen if a.object.name != obj.name]
        self._seen.append(Antecedent(obj, sources))

    def enter(self, section: tuple[str, ...], lex: Lexicon) -> None:
        """A section headed by a named programme, project or document ("Harbour Demining Project")
        makes it the thing its sentences go on to tell of ("the second stage started in 2014")."""
        if not section or section == self._section:
            return
        self._section = section
        title = section[-1].strip()
        words = title.split()
        if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "for", "on", "and", "the", "in") for w in words):
            return
        kinds = {_CLASS_KINDS[c] for c in lex.classes_of([words[-1].lower()]) if c in _CLASS_KINDS}
        kind = next((k for k in ("programme", "document") if k in kinds), None)
        if kind is not None:
            known = canonical_object(title)
            name, kind = known or (title, kind)
            self.add(EventObject(name, title, kind), ())

    def recall(self, kinds: frozenset[str]) -> Antecedent | None:
        return next((a for a in reversed(self._seen) if a.object.kind in kinds), None)


def anaphor_kind(tree: Tree, lex: Lexicon, p: int) -> frozenset[str]:
    """The object kinds that the predicate's argument refers back to: "it" (a document or a
    programme), "the agreement" (a document); none when its arguments name things themselves."""
    held = tree.children(p, "nsubjpass", "nsubj", "dobj")
    if not held and tree.tokens[p].dep == "conj" and not tree.is_root(p):
        held = tree.children(tree.head(p), "nsubjpass", "nsubj")
    # "At the first stage the area was cleaned": the stage the act belongs to
    held += [s for prep in tree.children(p, "prep") if tree.lemma(prep) in ("at", "in", "during")
             for k in tree.children(prep, "pobj") for s in (k, *tree.children(k, "nmod", "compound"))
             if tree.lemma(s) in _STAGES]
    for k in held:
        tok = tree.tokens[k]
        if tok.pos == "PRON" and tree.word(k).lower() in ("it", "this"):
            # "it was renewed", "implemented it": a thing; "it joined", "it was a member": the actor
            if tok.dep in ("nsubjpass", "dobj") or (tok.dep == "nsubj" and in_force(tree, p)):
                return _IT_KINDS  # ("it entered into force": a thing too)
            continue
        if tok.pos != "NOUN" or not tree.word(k).islower():
            continue
        if tree.lemma(k) in _STAGES and all(tree.tokens[c].dep in ("det", "poss", "amod", "punct")
                                            and (tree.tokens[c].dep != "amod" or tree.lemma(c) in _ORDER)
                                            for c in tree.children(k)):
            return frozenset({"programme"})  # "the second stage started": a stage of the project named before
        modifiers = [c for c in tree.children(k) if tree.tokens[c].dep not in ("det", "punct")]
        determiners = [tree.word(c).lower() for c in tree.children(k, "det")]
        if modifiers or not determiners or determiners[0] not in _DEMONSTRATIVE:
            continue  # "a new agreement", "the agreement on trade": a thing of its own
        kinds = frozenset(_CLASS_KINDS[c] for c in lex.classes_of([tree.lemma(k)]) if c in _CLASS_KINDS)
        if kinds:
            return kinds
    return frozenset()
