"""The parse of a document as a tree to walk: heads, children, spans, subtrees."""
from __future__ import annotations

import bisect

from annals.model import Document, Token

__all__ = ["NOUNS", "VERBS", "Tree"]

NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")


class Tree:
    """`doc.tokens` with their children, and the tokens of any span of the text."""

    def __init__(self, doc: Document, *, verbs: frozenset[str] | set[str] = frozenset()) -> None:
        self.verbs = verbs  # known verb lemmas, to mend a lemmatiser's slip ("staged" -> "stag")
        self.text = doc.text
        self.tokens: tuple[Token, ...] = doc.tokens
        self.starts = [t.start for t in self.tokens]
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            if tok.head != i:
                self.kids[tok.head].append(i)

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def span(self, start: int, end: int) -> list[int]:
        """Indexes of the tokens that overlap text[start:end]."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.tokens[i].end <= start:
            i += 1
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            out.append(i)
            i += 1
        return out

    def head_of(self, indexes: list[int]) -> int | None:
        """The token of a span whose head lies outside it (the span's syntactic head)."""
        inside = set(indexes)
        for i in indexes:
            if self.tokens[i].head not in inside or self.tokens[i].head == i:
                return i
        return indexes[0] if indexes else None

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def is_root(self, i: int) -> bool:
        return self.tokens[i].head == i

    def children(self, i: int, *deps: str) -> list[int]:
        return [k for k in self.kids[i] if not deps or self.tokens[k].dep in deps]

    def subject_of(self, i: int) -> list[int]:
        """The active subject of `i`: one phrase; where the parser gave two ("After Russia's invasion
        of Ukraine, the Council suspended"), the one next to the verb, with the pieces of it the
        parser cut off just before it."""
        found = self.children(i, "nsubj")
        if len(found) < 2:
            return found
        near = max((k for k in found if k < i), default=found[0])
        phrase = [near]
        for k in sorted((k for k in found if k < near), reverse=True):
            end = max(self.subtree(k))
            if end + 1 != min(self.subtree(phrase[0])) or self.tokens[k].pos != "PROPN" \
                    or self.tokens[phrase[0]].pos != "PROPN" or self.tokens[end].pos == "PUNCT":
                break
            phrase.insert(0, k)  # (one name the parser cut in two: "Hafez al-Assad" as "al" and "-")
        return phrase

    def subtree(self, i: int) -> list[int]:
        """`i` and everything below it, in text order."""
        out, stack = [], [i]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self.kids[k])
        return sorted(out)

    def extent(self, i: int) -> tuple[int, int]:
        """The character span of the subtree of `i`."""
        sub = self.subtree(i)
        return self.tokens[sub[0]].start, self.tokens[sub[-1]].end

    def word(self, i: int) -> str:
        tok = self.tokens[i]
        return self.text[tok.start:tok.end]

    def lemma(self, i: int) -> str:
        """The token's lemma, lower case; a past form whose doubled consonant the lemmatiser kept
        ("readmitted" -> "readmitte") is mended."""
        tok = self.tokens[i]
        lemma = tok.lemma.lower()
        if tok.pos == "VERB" and tok.tag in ("VBD", "VBN", "VBZ", "VBG"):
            word = self.text[tok.start:tok.end].lower()
            if len(word) > 5 and word.endswith("ed") and word[-3] == word[-4] and word[-3] not in "aeiousl" \
                    and lemma == word[:-1]:
                return word[:-3]
            if self.verbs and lemma not in self.verbs:
                stems = {"VBD": (1, 2, 3), "VBN": (1, 2, 3), "VBZ": (1, 2), "VBG": (3, 4)}[tok.tag]
                for cut in stems:
                    for stem in (word[:-cut], word[:-cut] + "e"):
                        if stem in self.verbs:
                            return stem
        return lemma

    def ancestors(self, i: int):
        """The heads above `i`, nearest first."""
        seen = {i}
        while not self.is_root(i):
            i = self.head(i)
            if i in seen:
                return
            seen.add(i)
            yield i

    def sentence_root(self, i: int) -> int:
        root = i
        for root in self.ancestors(i):  # the last one is the root
            pass
        return root
