"""Read an HTML page: its main text, title, publication date and footnotes.

A MediaWiki page (Wikipedia) is read from its content block, element by
element: h2-h4 headings, paragraphs, list items, table rows, the infobox;
navboxes, sidebars, hatnotes, edit links, hidden spans, images and the
reference list are left out, and each footnote mark (<sup
class="reference">) becomes a citation holding the note's text. Any other
page goes through trafilatura, which finds the main text among menus,
banners and related links; where it finds none, the page's <article>,
<main> or <body> is read as above.

The publication date (article:published_time and the like, JSON-LD
datePublished, <time datetime>, then trafilatura's guess) becomes the
document date, so that "on Wednesday" and "yesterday" resolve against it.
An encyclopedia page has none: its dates are anchored by its narrative.
Nothing is fetched from the network.
"""
from __future__ import annotations

import email.utils
import html.parser
import json
import re

import lxml.etree
import lxml.html

from annals.errors import EmptyInput
from annals.model import Document
from annals.read.blocks import Block, build, cite_mark

__all__ = ["publication_date", "read_html"]

_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "button", "input",
    "select", "textarea", "img", "figure", "audio", "video", "iframe", "object", "canvas", "map", "head",
    "meta", "link", "title", "aside", "header", "graphic", "picture", "source", "label",
})
_SKIP_CLASSES = frozenset({
    "navbox", "navbox-styles", "vertical-navbox", "sidebar", "hatnote", "mw-editsection", "noprint", "metadata",
    "ambox", "mbox-small", "toc", "reflist", "references", "mw-references-wrap", "thumb", "gallery",
    "mw-jump-link", "printfooter", "catlinks", "shortdescription", "navbar", "mw-cite-backlink", "portal",
    "portalbox", "sistersitebox", "footnotes", "Z3988", "authority-control", "mw-empty-elt", "share",
    "social", "related", "advert", "cookie", "byline", "mw-indicators", "footnote-back",
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "doc-backlink", "doc-endnotes",
                         "complementary"})
_NOTE_BLOCKS = frozenset({"footnotes", "references", "reflist", "mw-references-wrap"})
_BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "div", "section",
    "article", "main", "pre", "center", "details", "address", "body", "dd", "dt", "summary", "fieldset",
})
_SPACED = frozenset({"td", "th", "li", "div", "p", "tr", "dd", "dt", "caption", "section", "h1", "h2", "h3",
                     "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol"})
_TRAFILATURA = {"head": "h2", "list": "ul", "item": "li", "row": "tr", "cell": "td", "quote": "blockquote",
                "lb": "br", "hi": "span", "code": "pre", "main": "div", "doc": "div", "ref": "span"}
# Above this many elements trafilatura skips its second opinion (jusText), which can take minutes.
_FALLBACK_LIMIT = 2000
_TRAFILATURA_MARK = re.compile("⟦(\\d+)⟧")
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "publishdate",
              "publish-date", "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created",
              "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "og:published_time",
              "published_time", "citation_publication_date", "citation_date")


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _skipped(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag.lower() in _SKIP_TAGS:
        return True
    return bool(_classes(element) & _SKIP_CLASSES) or element.get("role") in _SKIP_ROLES or _hidden(element)


def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", element.get("style") or ""))


def _fragment(href: str | None) -> str:
    return href.rsplit("#", 1)[1] if href and "#" in href else ""


class _Walker:
    """Turns elements into blocks; footnote marks into citations."""

    def __init__(self, notes: dict[str, str] | None = None) -> None:
        self.blocks: list[Block] = []
        self.citations: list[str] = []
        self.notes = notes or {}
        self.by_note: dict[str, int] = {}

    # -- blocks --------------------------------------------------------------

    def walk(self, element) -> None:
        pieces = [element.text or ""]
        for child in element:
            if not _skipped(child) and child.tag.lower() in _BLOCKS:
                self.paragraph(pieces)
                self.block(child)
            else:
                pieces.append(self.inline(child))
            pieces.append(child.tail or "")
        self.paragraph(pieces)

    def paragraph(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        pieces.clear()
        if text.strip():
            self.blocks.append(Block("prose", text))

    def block(self, element) -> None:
        tag = element.tag.lower()
        if re.fullmatch(r"h[1-6]", tag):
            self.blocks.append(Block("heading", self.inline(element), level=int(tag[1])))
        elif tag in ("p", "pre", "dt", "dd", "summary"):
            if any(not _skipped(c) and c.tag.lower() in _BLOCKS - {"div"} for c in element):
                self.walk(element)  # a wrapper, despite its name
            else:
                self.blocks.append(Block("prose", self.inline(element)))
        elif tag in ("ul", "ol"):
            self.list(element, depth=1)
        elif tag == "table":
            self.table(element)
        else:
            self.walk(element)

    def list(self, element, *, depth: int) -> None:
        first = True
        for item in element:
            if not isinstance(item.tag, str) or _skipped(item):
                continue
            if item.tag.lower() != "li":
                self.walk(item)
                continue
            text = self.inline(item, lists=False)
            if text.strip():
                prefix = "  " * (depth - 1) + "- "
                self.blocks.append(Block("list", text, joined=not first or depth > 1, prefix=prefix))
                first = False
            for nested in item:
                if isinstance(nested.tag, str) and nested.tag.lower() in ("ul", "ol") and not _skipped(nested):
                    self.list(nested, depth=depth + 1)

    def table(self, table) -> None:
        infobox = "infobox" in _classes(table) or "infobox" in (table.get("class") or "")
        if infobox:
            self.blocks.append(Block("infobox", "Infobox"))
        first = True
        caption = table.find("caption")
        if caption is not None and not infobox and self.inline(caption).strip():
            self.blocks.append(Block("table", self.inline(caption)))
            first = False
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            if _skipped(row):
                continue
            cells = [self.inline(c).strip() for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")
                     and not _skipped(c)]
            if not any(cells):
                continue
            if infobox:
                self.blocks.append(Block("infobox", ": ".join(c for c in cells if c), joined=True, prefix="- "))
            else:
                self.blocks.append(Block("table", "| " + " | ".join(cells) + " |", joined=not first))
            first = False

    # -- inline --------------------------------------------------------------

    def inline(self, element, *, lists: bool = True) -> str:
        if _skipped(element):
            return ""
        tag = element.tag.lower()
        if tag in ("br", "hr"):
            return " "
        note = self.note(element)
        if note is not None:
            return note
        parts = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and (lists or child.tag.lower() not in ("ul", "ol")):
                parts.append(self.inline(child))
            parts.append(child.tail or "")
        text = "".join(parts)
        return f" {text} " if tag in _SPACED else text

    def note(self, element) -> str | None:
        """A citation mark for a footnote mark (<sup class="reference">, <a role="doc-noteref">)."""
        tag = element.tag.lower()
        if tag == "sup":
            links = element.findall(".//a")
            if not links or not ("reference" in _classes(element) or _fragment(links[0].get("href")) in self.notes):
                return None
            target = _fragment(links[0].get("href"))
        elif tag == "a" and (element.get("role") == "doc-noteref" or "footnote-ref" in _classes(element)):
            target = _fragment(element.get("href"))
        else:
            return None
        if target not in self.by_note:
            text = self.notes.get(target) or re.sub(r"\s+", " ", element.text_content()).strip()
            self.citations.append(text)
            self.by_note[target] = len(self.citations) - 1
        return cite_mark(self.by_note[target])


def _notes(tree) -> dict[str, str]:
    """The text of each footnote that a mark in the page points to, by its id."""
    targets = {_fragment(a.get("href")) for a in tree.xpath("//sup//a[contains(@href, '#')]"
                                                          "|//a[@role='doc-noteref' or contains(@class, 'footnote-ref')]")}
    targets.discard("")
    notes = {}
    walker = _Walker()
    for element in tree.iter():
        if element.get("id") in targets and element.get("id") not in notes:
            text = re.sub(r"\s+", " ", _note_text(walker, element)).strip()
            notes[element.get("id")] = re.sub(r"^[\^↑↩]\s*", "", text)
    return notes


def _note_text(walker: _Walker, element) -> str:
    parts = [element.text or ""]
    for child in element:
        if not (isinstance(child.tag, str) and _skipped(child)):
            parts.append(walker.inline(child) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _parse(text: str):
    """The page's tree (None if it has none), and whether it nests deeper than libxml2 reads.

    huge_tree lifts libxml2's limit from 256 levels to 2048; past that the parser stops, and
    the tree holds only what came before (`_stream_blocks` then reads the page instead).
    """
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    return tree, any("Excessive depth" in e.message for e in parser.error_log)


class _Stream(html.parser.HTMLParser):
    """A page's text in document order, without a tree (so without a limit on nesting): headings and paragraphs."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "button",
                       "select", "textarea", "head", "iframe", "object", "canvas"})
    _BREAKS = _BLOCKS | _SPACED | {"br", "li", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title: list[str] = []
        self.pieces: list[str] = []
        self.skipping: dict[str, int] = {}
        self.heading = 0
        self.in_title = False

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.pieces)).strip()
        self.pieces.clear()
        if text:
            self.blocks.append(Block("heading", text, level=self.heading) if self.heading else Block("prose", text))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self._SKIP:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag in self._BREAKS:
            self._flush()
            if re.fullmatch(r"h[1-6]", tag):
                self.heading = int(tag[1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self._SKIP:
            if self.skipping.get(tag):
                self.skipping[tag] -= 1
        elif tag in self._BREAKS:
            self._flush()
            self.heading = 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not any(self.skipping.values()):
            self.pieces.append(data)


def _stream_blocks(text: str) -> tuple[list[Block], str]:
    """The blocks and title of a page read as a stream of tags (a page too deep for a tree)."""
    stream = _Stream()
    stream.feed(text)
    stream.close()
    stream._flush()
    return stream.blocks, re.sub(r"\s+", " ", "".join(stream.title)).strip()


def _mediawiki(tree):
    """The content block of a MediaWiki page, or None."""
    found = tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' mw-parser-output ')]"
                       "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' mw-parser-output ')])]")
    return found[0] if found else None


def _title(tree, content) -> str:
    if content is not None:
        heading = tree.xpath("//h1[@id='firstHeading']")
        if heading:
            return re.sub(r"\s+", " ", heading[0].text_content()).strip()
    for path in ("//meta[@property='og:title']/@content", "//title/text()", "//h1"):
        found = tree.xpath(path)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = re.sub(r"\s+", " ", value).strip()
            if content is not None:
                value = re.sub(r"\s+[-–—]\s+Wikipedia$", "", value)
            if value:
                return value
    return ""


def _iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from '2024-04-04T17:45Z', '2024/04/04', '20240404' or 'Thu, 04 Apr 2024 17:45:00 GMT'."""
    match = re.match(r"\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})", value or "")
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        try:
            moment = email.utils.parsedate_to_datetime(value or "")
        except (TypeError, ValueError, IndexError):
            return None
        year, month, day = moment.year, moment.month, moment.day
    if 1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _json_dates(data) -> list[str]:
    if isinstance(data, dict):
        found = [data["datePublished"]] if isinstance(data.get("datePublished"), str) else []
        for value in data.values():
            found.extend(_json_dates(value))
        return found
    if isinstance(data, list):
        return [d for item in data for d in _json_dates(item)]
    return []


def publication_date(tree) -> str | None:
    """The page's publication date as YYYY-MM-DD, from its metadata only."""
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META and _iso_day(meta.get("content")):
            metas.setdefault(key, _iso_day(meta.get("content")))
    for key in _DATE_META:
        if key in metas:
            return metas[key]
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            dates = _json_dates(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
        for value in dates:
            if _iso_day(value):
                return _iso_day(value)
    for path in ("//time[@pubdate or @itemprop='datePublished'][@datetime]", "//article//time[@datetime]",
                 "//time[@datetime]"):
        for time in tree.xpath(path):
            if _iso_day(time.get("datetime")):
                return _iso_day(time.get("datetime"))
    return None


def _trafilatura(tree) -> tuple[list[Block], list[str]]:
    """The main text by trafilatura, footnote marks kept as citations."""
    import trafilatura

    notes = _notes(tree)
    walker = _Walker(notes)
    copy = lxml.html.fromstring(lxml.html.tostring(tree))
    for element in list(copy.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        mark = walker.note(element)
        if mark is not None:
            _replace(element, f"⟦{int(mark[1:-1])}⟧")
        elif element.get("id") in notes or _hidden(element) or _classes(element) & _NOTE_BLOCKS \
                or element.get("role") in ("doc-endnotes", "doc-backlink"):
            _replace(element, "")
    xml = trafilatura.extract(
        lxml.html.tostring(copy, encoding="unicode"), output_format="xml", include_tables=True,
        include_comments=False, include_links=False, include_images=False, include_formatting=False,
        favor_recall=True, deduplicate=False, fast=sum(1 for _ in copy.iter()) > _FALLBACK_LIMIT,
    )
    if not xml:
        return [], walker.citations
    root = lxml.etree.fromstring(xml.encode("utf-8"), parser=lxml.etree.XMLParser(recover=True))
    main = root.find("main") if root is not None else None
    if main is None:
        return [], walker.citations
    for element in main.iter():
        if element.tag == "head":
            level = (element.get("rend") or "h2").lstrip("h")
            element.tag = f"h{level}" if level.isdigit() else "h2"
        elif element.tag == "cell" and element.get("role") == "head":
            element.tag = "th"
        elif element.tag in _TRAFILATURA:
            element.tag = _TRAFILATURA[element.tag]
        for key in list(element.attrib):
            del element.attrib[key]
        element.text = _TRAFILATURA_MARK.sub(lambda m: cite_mark(int(m.group(1))), element.text or "") or None
        element.tail = _TRAFILATURA_MARK.sub(lambda m: cite_mark(int(m.group(1))), element.tail or "") or None
    out = _Walker()
    out.walk(main)
    return out.blocks, walker.citations


def _replace(element, text: str) -> None:
    """Put `text` where `element` was, keeping its tail."""
    parent = element.getparent()
    previous = element.getprevious()
    joined = text + (element.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def _container(tree):
    articles = tree.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    for path in ("//main", "//*[@role='main']", "//body"):
        found = tree.xpath(path)
        if found:
            return found[0]
    return tree


def _main_text(tree, content) -> tuple[list[Block], list[str]]:
    """The blocks of the page's main text and the citations they mark."""
    blocks: list[Block] = []
    citations: list[str] = []
    if content is None:
        blocks, citations = _trafilatura(tree)
    if not blocks:
        walker = _Walker(_notes(tree))
        walker.walk(content if content is not None else _container(tree))
        blocks, citations = walker.blocks, walker.citations
    return blocks, citations


def _any_text(tree) -> list[Block]:
    for element in tree.xpath("//script|//style|//noscript|//template|//head"):
        element.drop_tree()
    text = tree.text_content() if tree is not None else ""
    return [Block("prose", line) for line in re.split(r"\s*\n\s*\n\s*", text) if line.strip()]


def read_html(text: str, *, source: str = "<text>", sha256: str = "", reader: str = "html") -> Document:
    """A Document from an HTML page; EmptyInput if it holds no text at all."""
    tree, too_deep = _parse(text)
    if too_deep:
        # Nested deeper than any tree libxml2 builds: read as a stream of tags (headings and paragraphs).
        blocks, title = _stream_blocks(text)
        dct = publication_date(tree) if tree is not None else None
        doc = build(blocks, source=source, title=title, reader=reader, sha256=sha256, dct=dct)
        if not doc.text.strip():
            raise EmptyInput(source, "has no main text (its elements nest deeper than 2048 levels)")
        return doc
    if tree is None:
        raise EmptyInput(source, "has no main text")
    content = _mediawiki(tree)
    title = _title(tree, content)
    dct = None if content is not None else publication_date(tree) or _guessed_date(text)
    try:
        blocks, citations = _main_text(tree, content)
    except RecursionError:  # deeper than Python walks a tree: read the page as a stream of tags
        blocks, citations = _stream_blocks(text)[0], []
    blocks = [b for b in blocks if not (b.kind == "heading" and b.level == 1 and _same(b.text, title))]
    doc = build(blocks, citations=citations, source=source, title=title, reader=reader, sha256=sha256, dct=dct)
    if not doc.text.strip():
        doc = build(_any_text(tree), source=source, title=title, reader=reader, sha256=sha256, dct=dct)
    if not doc.text.strip():
        raise EmptyInput(source, "has no main text")
    return doc


def _same(heading: str, title: str) -> bool:
    def words(value: str) -> str:
        return re.sub(r"\W+", " ", value).strip().lower()

    return bool(title) and (words(heading) == words(title) or words(title).startswith(words(heading) + " "))


def _guessed_date(text: str) -> str | None:
    """trafilatura's (htmldate's) reading of the page's date, without searching its text at length."""
    import trafilatura

    try:
        metadata = trafilatura.extract_metadata(text, extensive=False)
    except Exception:  # noqa: BLE001 - a guess that fails is no date
        return None
    return _iso_day(metadata.date) if metadata is not None and metadata.date else None
