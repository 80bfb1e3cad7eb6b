"""spaCy's attribute ruler read as lookup tables: the same POS, morphology and lemmas, a third of the time.

The English pipeline's `attribute_ruler` maps each fine tag to its
universal POS and morphology, with word-specific exceptions ("that" as a
relative pronoun, "can" finite), through spaCy's Matcher: 179 token
patterns tried on every token, a tenth of the parse stage's time. Almost
all of them test only the tag, or the tag and the lowercase word; those
become two tables looked up by hash, applied in the ruler's own order (the
tag's row, then the word's). The few patterns that test more (the
dependency, two tokens) stay with a spaCy `AttributeRuler` of their own,
run after the tables. `tests/test_parse_model.py` checks that the output
equals the ruler's on real sentences.
"""
from __future__ import annotations

__all__ = ["FACTORY", "AttributeTable", "in_table_order", "install"]

FACTORY = "annals_attribute_table"
_ATTRS = ("POS", "MORPH", "LEMMA")


class AttributeTable:
    """A pipeline component equal to the `attribute_ruler` whose patterns it was built from."""

    def __init__(self, nlp, patterns: list[dict]) -> None:
        from spacy.pipeline import AttributeRuler

        strings = nlp.vocab.strings
        self._by_tag: dict[int, dict[str, str]] = {}
        self._by_word: dict[tuple[int, int], dict[str, str]] = {}
        rest = []
        for pattern in patterns:
            keys = self._table_keys(pattern)
            if keys is None or not all(_commute(earlier, pattern) for earlier in rest):
                rest.append(pattern)
                continue
            for tag, word in keys:
                if word is None:
                    self._by_tag.setdefault(strings.add(tag), {}).update(pattern["attrs"])
                else:
                    self._by_word.setdefault((strings.add(tag), strings.add(word)), {}).update(pattern["attrs"])
        self._rest = AttributeRuler(nlp.vocab)
        if rest:
            self._rest.add_patterns(rest)
        self._has_rest = bool(rest)
        self._values = _Values(nlp.vocab)

    @staticmethod
    def _table_keys(pattern: dict) -> list[tuple[str, str | None]] | None:
        """(tag, lowercase word or None) rows for a one-token pattern on TAG and LOWER only; else None."""
        tokens = pattern["patterns"]
        if len(tokens) != 1 or len(tokens[0]) != 1 or pattern.get("index", 0) != 0:
            return None
        token = tokens[0][0]
        if not set(token) <= {"TAG", "LOWER"} or not isinstance(token.get("TAG"), str):
            return None
        if not set(pattern["attrs"]) <= set(_ATTRS):
            return None
        word = token.get("LOWER")
        if word is None or isinstance(word, str):
            return [(token["TAG"], word)]
        if isinstance(word, dict) and set(word) == {"IN"}:
            return [(token["TAG"], w) for w in word["IN"]]
        return None

    def __call__(self, doc):
        from spacy.attrs import LEMMA, LOWER, MORPH, POS, TAG

        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, POS, MORPH, LEMMA]).tolist()
        values = self._values
        out = []
        for tag, lower, pos, morph, lemma in rows:
            for attrs in (self._by_tag.get(tag), self._by_word.get((tag, lower))):
                if attrs:
                    pos = values.pos(attrs.get("POS"), pos)
                    morph = values.morph(attrs.get("MORPH"), morph)
                    lemma = values.lemma(attrs.get("LEMMA"), lemma)
            out.append((pos, morph, lemma))
        import numpy

        doc.from_array([POS, MORPH, LEMMA], numpy.array(out, dtype="uint64"))
        return self._rest(doc) if self._has_rest else doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class _Values:
    """The ids spaCy stores for POS names, morphology strings and lemmas."""

    def __init__(self, vocab) -> None:
        from spacy.parts_of_speech import IDS

        self._vocab = vocab
        self._pos = IDS
        self._cache: dict[tuple[str, str], int] = {}

    def pos(self, name: str | None, default: int) -> int:
        return default if name is None else self._pos[name]

    def morph(self, features: str | None, default: int) -> int:
        return default if features is None else self._id("morph", features, self._vocab.morphology.add)

    def lemma(self, lemma: str | None, default: int) -> int:
        return default if lemma is None else self._id("lemma", lemma, self._vocab.strings.add)

    def _id(self, kind: str, value: str, add) -> int:
        key = (kind, value)
        if key not in self._cache:
            self._cache[key] = add(value)
        return self._cache[key]


def install(nlp) -> None:
    """Put an AttributeTable in place of the pipeline's `attribute_ruler` (if it has one)."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    patterns = nlp.get_pipe("attribute_ruler").patterns
    if not in_table_order(patterns):
        return
    nlp.add_pipe(FACTORY, before="attribute_ruler", config={"patterns": patterns})
    nlp.remove_pipe("attribute_ruler")


def _commute(earlier: dict, later: dict) -> bool:
    """Whether two patterns never set the same attribute of the same token, so that running
    `earlier` after `later` changes nothing: their attributes differ, or every token of `earlier`
    asks for a tag that `later` does not."""
    if not set(earlier["attrs"]) & set(later["attrs"]):
        return True
    later_tags = {token.get("TAG") for tokens in later["patterns"] for token in tokens}
    for tokens in earlier["patterns"]:
        for token in tokens:
            tag = token.get("TAG")
            if not isinstance(tag, str) or tag in later_tags or None in later_tags:
                return False
    return True


def in_table_order(patterns: list[dict]) -> bool:
    """Whether the tables apply the patterns in the ruler's order (a later pattern wins): every
    tag-only pattern before any word pattern of its tag."""
    words_seen: set[str] = set()
    for pattern in patterns:
        keys = AttributeTable._table_keys(pattern)
        if keys is None:
            continue
        for tag, word in keys:
            if word is None and tag in words_seen:
                return False
            if word is not None:
                words_seen.add(tag)
    return True


def _make(nlp, name: str, patterns: list[dict]):
    return AttributeTable(nlp, patterns)
