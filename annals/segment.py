"""Split a document's lines into sentences, each with its section path.

Sentences are offsets into the text. A period ends a sentence unless it
follows an abbreviation ("Mr."), an initial ("I. Aliyev") or a dotted
abbreviation that a sentence-starting word does not follow ("U.S. forces");
a period with no space before a capitalised word ends one too
("2008.Azerbaijan"), but not after an initial ("I.Aliyev"). List items,
table rows and headings are sentences of their own kind; a list item's
bullet or number, whatever its glyph, stays outside its sentence, and a
bullet glyph inside a line ("Dates • 3 May 2001: ... • 5 June 2002: ...")
opens a sentence of its own (data/segment/layout.yaml). A sentence longer
than a cap is cut where a clause ends, else at a word boundary
(data/segment/long_sentences.yaml), so that no event carries a whole page.
"""
from __future__ import annotations

import re
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.model import Document, Sentence
from annals.read.plaintext import inline_items, list_mark

__all__ = ["segment", "split_sentences"]

_END = re.compile(r"[.!?]+(?:[\"'”’)\]]+)?")
_TOKEN_BEFORE = re.compile(r"(\S+?)[\"'”’)\]]*$")


@cache
def _words() -> tuple[frozenset, frozenset, frozenset]:
    data = load("segment/abbreviations.yaml")
    for key in ("abbreviations", "before_number", "starters"):
        bad = [w for w in data[key] if not isinstance(w, str)]
        if bad:
            raise DataError(f"segment/abbreviations.yaml: {key} holds non-words {bad} (quote them)")
    return frozenset(data["abbreviations"]), frozenset(data["before_number"]), frozenset(data["starters"])


_GAP = re.compile(r"\s*")
_WORD = re.compile(r"[\w']+")


def _ends_sentence(text: str, dot: int, after: int, end: int) -> bool:
    """Whether the punctuation text[dot:after] ends a sentence (the line ends at `end`)."""
    abbreviations, before_number, starters = _words()
    nxt_at = _GAP.match(text, after, end).end()
    gap = nxt_at - after
    if nxt_at >= end:
        return True
    nxt = text[nxt_at]
    if text[dot] != ".":
        return gap > 0 or nxt in "\"'“‘("
    token_match = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    token = token_match.group(1).lstrip("(\"'“‘[") if token_match else ""
    word = _WORD.match(text, nxt_at, end)
    next_word = word.group(0) if word else ""
    if len(token) == 1 and token.isupper():
        return False  # an initial: "I. Aliyev", "I.Aliyev"
    if gap == 0:
        # "2008.Azerbaijan", "NAMSA).The": a capital and then a small letter.
        return nxt.isupper() and text[nxt_at + 1:nxt_at + 2].islower() and "." not in token
    if token in before_number and nxt.isdigit():
        return False
    if token in abbreviations:
        return "." in token and next_word in starters
    if "." in token and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        return next_word in starters
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([" or (not nxt.isalpha() and nxt not in ",;:")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], trimmed of surrounding space."""
    spans = []
    begin = start
    for match in _END.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end(), end):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, end))
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


@cache
def _long_sentences() -> tuple[int, tuple[re.Pattern, ...]]:
    """The cap on a sentence's length and the cuts of a longer one, best first."""
    data = load("segment/long_sentences.yaml")
    where = "segment/long_sentences.yaml"
    check_keys(where, data, required={"cap", "cuts"}, allowed={"example_cap", "examples"})
    if not isinstance(data["cap"], int) or data["cap"] < 2:
        raise DataError(f"{where}: cap must be a whole number of characters, at least 2")
    cuts = []
    for entry in data["cuts"]:
        check_keys(f"{where} cut", entry, required={"name", "pattern"}, allowed=set())
        try:
            cuts.append(re.compile(entry["pattern"]))
        except re.error as exc:
            raise DataError(f"{where}:{entry['name']}: pattern does not compile: {exc}") from exc
    return data["cap"], tuple(cuts)


_CUT_CONTEXT = 64  # characters a cut's pattern may look at around the window it cuts in


def cap_sentence(text: str, start: int, end: int, *, cap: int | None = None) -> list[tuple[int, int]]:
    """text[start:end] (trimmed) in pieces of at most `cap` characters, each trimmed.

    Each piece ends at the last cut of the best kind that falls in the
    second half of the `cap` characters from its start; at `cap` if none does.
    """
    limit, cuts = _long_sentences()
    cap = limit if cap is None else cap
    pieces = []
    while end - start > cap:
        low, high = start + cap // 2, start + cap
        at = high
        for cut in cuts:
            ends = [m.end() for m in cut.finditer(text, max(start, low - _CUT_CONTEXT), min(end, high + _CUT_CONTEXT))]
            ends = [e for e in ends if low < e <= high]
            if ends:
                at = ends[-1]
                break
        piece_end = at
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = at
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _heading_title(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the title of a heading line lies without its equals signs ("== Title =="); the line if it has none.

    What `^(=+)[ \t]*(.*?)[ \t]*=+[ \t]*$` gives as its group 2, found in
    linear time (the regex is quadratic on a long run of "=" inside the line).
    """
    line = text[start:end]
    lead = len(line) - len(line.lstrip("="))
    body = line.rstrip(" \t")
    title_end = len(body.rstrip("="))
    if lead == 0 or title_end == len(body):
        return start, end
    if title_end == 0:  # the line is only "=" (and space after): the last "=" closes, the others open
        at = start + lead - 1
        return (at, at) if lead > 1 else (start, end)
    first = lead + len(line[lead:]) - len(line[lead:].lstrip(" \t"))
    last = len(body[:title_end].rstrip(" \t"))
    return start + first, start + max(first, last)


def segment(doc: Document) -> Document:
    """The document with its sentences."""
    sentences: list[Sentence] = []
    text = doc.text
    for line in doc.lines:
        if line.kind == "blank":
            continue
        start, end = line.start, line.end
        if line.kind == "heading":
            start, end = _heading_title(text, start, end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            for a, b in cap_sentence(text, start, end) or [(start, end)]:
                sentences.append(Sentence(a, b, "heading", line.section, line.paragraph))
            continue
        if line.kind in ("list", "infobox"):
            mark = list_mark(text, start, end)
            if mark:
                start = mark.end()
        if line.kind == "table":
            for a, b in cap_sentence(text, start, end) or [(start, end)]:
                sentences.append(Sentence(a, b, "table", line.section, line.paragraph))
            continue
        for piece_start, piece_end in inline_items(text, start, end):
            for sentence_start, sentence_end in split_sentences(text, piece_start, piece_end):
                for a, b in cap_sentence(text, sentence_start, sentence_end):
                    sentences.append(Sentence(a, b, line.kind, line.section, line.paragraph))
    return doc.with_(sentences=tuple(sentences))
