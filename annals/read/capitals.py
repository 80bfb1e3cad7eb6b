"""Prose printed in capitals, as a cable is ("AKASHI DECLARED THE POLL FREE ON MAY 29"), put in ordinary
case for the stages that read case: a word the language knows in lower case, a name as a name, a known
acronym as it is, each sentence's first letter a capital. Letter for letter: every offset stays.

`ordinary_case` gives the text to analyse; the pipeline gives back the text as written (evidence, times).
"""
from __future__ import annotations

import calendar
import itertools
import re
from functools import cache

# A line of prose in capitals: this many letters and words at least, nearly all of its letters capitals.
_MIN_LETTERS = 40
_MIN_WORDS = 8
_UPPER_SHARE = 0.9
# A text is printed in capitals where at least this many of its lines are.
_MIN_LINES = 3
# The longest name looked up, in words ("United Nations Transitional Authority in Cambodia" is found by its parts).
_LONGEST = 6

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SMALL = frozenset({"of", "the", "and", "in", "for", "on", "de", "da", "al"})  # inside a name, in lower case
_SENTENCE_END = re.compile(r"[.!?:][\s\"'(“‘]*$")
# What opens a paragraph before its first sentence: "3. (C) ", "12) "
_OPENING = re.compile(r"\s*(?:\d+[.)]\s*)?(?:\([A-Z]{1,2}\)\s*)?")


def ordinary_case(text: str) -> str | None:
    """`text` with its lines of prose in capitals in ordinary case (the same length), or None when it has
    fewer than three such lines (a headline in capitals stays as it is)."""
    lines = list(re.finditer(r"[^\n]+", text))
    shouting = [m for m in lines if _shouting(m.group(0))]
    if len(shouting) < _MIN_LINES:
        return None
    # (the last line of a paragraph wrapped in capitals, however short: "WEIGHS WHAT WAS GAINED.")
    shouting += [m for before, m in itertools.pairwise(lines) if before in shouting and m not in shouting
                 and text[before.end():m.start()] == "\n" and _capitals(m.group(0))]
    # a paragraph is cased whole, its lines joined: a sentence runs on from one line to the next
    blocks: list[list[int]] = []
    for m in sorted(shouting, key=lambda m: m.start()):
        if blocks and text[blocks[-1][1]:m.start()] == "\n":
            blocks[-1][1] = m.end()
        else:
            blocks.append([m.start(), m.end()])
    out = list(text)
    for start, end in blocks:
        out[start:end] = _line_case(text[start:end])
    result = "".join(out)
    return result if len(result) == len(text) else None


def _shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and len(line.split()) >= _MIN_WORDS and _capitals(line)


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= _UPPER_SHARE * len(letters)


def _line_case(line: str) -> str:
    """One paragraph in ordinary case."""
    from annals.resolve.gazetteer import gazetteer

    gaz = gazetteer()
    words = list(_WORD.finditer(line))
    cased = [_one_word(m.group(0)) for m in words]
    # names the gazetteer knows, the longest first: "UNITED STATES" is "United States", not "united states"
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            run = words[i:i + n]
            if any(line[a.end():b.start()].strip() for a, b in itertools.pairwise(run)):
                continue  # only words that follow each other with nothing but spaces between
            if run[0].group(0).lower() in _SMALL or run[-1].group(0).lower() in _SMALL:
                continue
            titled = " ".join(_title(m.group(0), inside=k > 0) for k, m in enumerate(run))
            bare = re.sub(r"['’]s$", "", titled)
            if n == 1 and gaz.lookup(run[0].group(0)) is not None and len(run[0].group(0)) <= 6 \
                    and run[0].group(0).lower() not in _vocabulary()[0]:
                cased[i] = run[0].group(0)  # "UNTAC", "NATO": a known acronym as it is
                break
            if gaz.lookup(bare) is not None or bare in gaz.demonyms or gaz.capital_of(bare) is not None \
                    or bare in _legislature_words():
                for k, m in enumerate(run):
                    cased[i + k] = _title(m.group(0), inside=k > 0)
                break
        else:
            n = 1
        i += n
    # a word the dictionary holds only as a noun, next to a name, is part of it ("ANTON WEBER", "JOHN SANDERSON")
    named = [c[:1].isupper() and not _known_word(m.group(0).lower()) for m, c in zip(words, cased, strict=True)]
    for k, m in enumerate(words):
        if cased[k][:1].isupper() or not _noun_only(m.group(0).lower()):
            continue
        left = k > 0 and named[k - 1] and line[words[k - 1].end():m.start()] in (" ", "\n")
        right = k + 1 < len(words) and named[k + 1] and line[m.end():words[k + 1].start()] in (" ", "\n")
        if left or right:
            cased[k] = _title(m.group(0))
    out = list(line)
    opening = _OPENING.match(line).end()
    last = 0
    for m, word in zip(words, cased, strict=True):
        if m.start() >= opening and (last <= opening or _SENTENCE_END.search(line, last, m.start())):
            word = word[:1].upper() + word[1:]  # the first word of a sentence
        out[m.start():m.end()] = word
        last = m.end()
    return "".join(out)


def _one_word(word: str) -> str:
    """A word on its own: in lower case if the language knows it, a month or a day as a name, else a name."""
    lower = word.lower()
    bare = re.sub(r"['’]s$", "", lower)
    if bare in _calendar_words():
        return _title(word)
    if _known_word(bare) or _known_word(lower):
        return lower
    if len(bare) <= 4:
        return word  # "PDK", "CPP": a short word no dictionary holds is an acronym
    return _title(word)


def _title(word: str, *, inside: bool = False) -> str:
    lower = word.lower()
    if inside and lower in _SMALL:
        return lower
    return lower[:1].upper() + lower[1:]


@cache
def _legislature_words() -> frozenset[str]:
    """The names of states' legislatures ("Diet", "Sejm", "Verkhovna Rada"), as data/actors/legislatures.yaml
    gives them."""
    from annals.data import load

    data = load("actors/legislatures.yaml")
    return frozenset(w for entry in data["countries"].values() for w in [entry["name"], *entry["words"]])


@cache
def _calendar_words() -> frozenset[str]:
    return frozenset(w.lower() for w in [*calendar.month_name[1:], *calendar.day_name])


def english_word(word: str) -> bool:
    """Whether English knows the word, whatever its case ("Jurisdiction" is a word, "Subandrio" not)."""
    return _known_word(word.lower())


@cache
def _known_word(word: str) -> bool:
    """Whether English knows the word in lower case: a function word, or a word of the parser's own
    dictionary (its lemmatizer's tables), inflected or not."""
    stop, index, exceptions, rules = _vocabulary()
    if word in stop or word in exceptions or any(word in words for words in index.values()):
        return True
    for pos, pairs in rules.items():
        words = index.get(pos, ())
        for old, new in pairs:
            if word.endswith(old) and word[:len(word) - len(old)] + new in words:
                return True
    return False


@cache
def _noun_only(word: str) -> bool:
    """Whether the parser's dictionary holds the word as a noun and as nothing else."""
    stop, index, _, _ = _vocabulary()
    noun = _noun_key()
    return word not in stop and word in index.get(noun, ()) and not any(
        word in words for pos, words in index.items() if pos != noun)


@cache
def _noun_key() -> int:
    from annals.parse import load_model

    return load_model().vocab.strings["noun"]


@cache
def _vocabulary() -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str], dict[str, list]]:
    from annals.parse import load_model

    nlp = load_model()
    tables = nlp.get_pipe("lemmatizer").lookups
    index = {pos: frozenset(words) for pos, words in tables.get_table("lemma_index").items()}
    exceptions = frozenset(w for table in tables.get_table("lemma_exc").values() for w in table)
    rules = dict(tables.get_table("lemma_rules").items())
    return frozenset(nlp.Defaults.stop_words), index, exceptions, rules
