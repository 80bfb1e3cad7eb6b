"""Read MediaWiki wikitext: the plain text a reader of the article sees.

    == Section ==             a heading line; the section path changes
    '''bold''', [[A|b]]       their text ("b")
    <ref>...</ref>, {{cite}}  out of the text, kept as citations where they sat
    {{Start date|1994|5|4}}   a date as the page shows it ("May 4, 1994";
                              "4 May 1994" with df=y, as {{dts}} always)
    {{Infobox ...}}           "Infobox" then "- Key: value" lines
    * item, # item            list lines ("- item")
    {| ... |}                 table lines ("| cell | cell |")
    [[File:..]], [[Category:..]], navboxes, hatnotes, maintenance tags: dropped

Broken markup never raises: unmatched openers are shown as text, as
MediaWiki shows them, and if the parser fails all the same a plain
regular-expression strip reads the text line by line.
"""
from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, HTMLEntity, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from annals.model import Document
from annals.read.blocks import Block, build, cite_mark

__all__ = ["read_wikitext"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")

_LIST = "\ue002"    # a list item starts here (* or #)
_DEF = "\ue003"     # a definition line starts here (: or ;)

_DATES = {"start date", "end date", "start date and age", "end date and age", "birth date",
          "birth date and age", "death date", "death date and age", "film date", "start-date", "end-date"}
_FIRST = {"nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "abbr", "ill",
          "interlanguage link", "interlanguage link multi", "flag", "flagcountry", "flagu", "flag country",
          "proper name", "mvar", "var", "tooltip", "smallcaps", "sc", "nowrap begin", "keypress", "val",
          "linktext", "visible anchor", "em", "strong", "lang-rtl"}
_LAST = {"lang", "transl", "transliteration", "resize", "font color", "color"}
_QUOTES = {"quote", "blockquote", "cquote", "quotation", "centered pull quote", "rquote", "quote box"}
_LISTS = {"hlist", "flatlist", "plainlist", "unbulleted list", "ubl", "bulleted list", "ordered list",
          "collapsible list", "plain list", "flat list"}
_WORDS = {"ndash": "–", "–": "–", "mdash": "—", "—": "—", "snd": " – ", "spnd": " – ", "sndash": " – ",
          "spaced ndash": " – ", "spaced en dash": " – ", "spaced mdash": " — ", "nbsp": " ", "'": "'",
          "'s": "'s", "!": "|", "=": "=", "dot": " · ", "middot": " · ", "·": " · ", "bull": " • ",
          "•": " • ", "spaces": " ", "thinsp": " ", "zwsp": ""}
_NOTES = {"efn", "efn-ua", "efn-lr", "efn-la", "efn-lg", "refn", "notetag"}
_SHORT_CITES = {"sfn", "sfnp", "sfnm", "harvnb", "harv", "harvp", "harvtxt", "harvcoltxt", "rp-cite"}
_INFOBOX_SKIP = re.compile(
    r"(?:.*_)?(?:size|width|upright|alt|style|class|bodyclass|embed(?:ded)?|child|image|logo|signature|"
    r"module\d*|onlysource|nocat|noicon)|(?:image|logo|seal|flag|coat|signature)\w*"
)
_MAGIC = re.compile(r"__[A-Z]+__")
_RANGE_WORDS = {"-", "–", "to", "and", "or", "by", "x", "×", "to(-)", "and(-)", "+/-", "±"}


def _name(template: Template) -> str:
    name = str(template.name).strip()
    if name.lower().startswith("template:"):
        name = name[9:]
    return re.sub(r"[\s_]+", " ", name).strip().lower()


def _month(value: str) -> int | None:
    value = value.strip().lower()
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    for number, month in enumerate(MONTHS, 1):
        if len(value) >= 3 and month.lower().startswith(value):
            return number
    return None


def date_text(year: str, month: str = "", day: str = "", *, dmy: bool = True) -> str:
    """'4 May 1994' (or 'May 4, 1994'), 'May 1994' or '1994', as much as is given."""
    year = year.strip()
    if not re.fullmatch(r"\d{1,4}", year):
        return year
    number = _month(month) if month else None
    if number is None:
        return year
    name = MONTHS[number - 1]
    day = day.strip()
    if not (day.isdigit() and 1 <= int(day) <= 31):
        return f"{name} {year}"
    return f"{int(day)} {name} {year}" if dmy else f"{name} {int(day)}, {year}"


def _iso_date(text: str, *, dmy: bool = True) -> str:
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*", text)
    return date_text(*match.groups(default=""), dmy=dmy) if match else text.strip()


class _Reader:
    """Walks a parsed page and collects its blocks, citations and title."""

    def __init__(self, code: Wikicode) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.citations: list[str] = []
        self.by_name: dict[str, int] = {}
        self.named: dict[str, Wikicode] = {}
        self.titles: dict[str, str] = {}
        self.br = " "
        self.in_cite = 0
        self.prose_seen = False
        for tag in code.ifilter_tags(recursive=True):
            if str(tag.tag).strip().lower() == "ref" and not tag.self_closing:
                name = self._ref_name(tag)
                if name and name not in self.named and str(tag.contents).strip():
                    self.named[name] = tag.contents

    # -- blocks -----------------------------------------------------------

    def walk(self, nodes) -> None:
        for node in nodes:
            self.node(node)

    def node(self, node) -> None:
        if isinstance(node, Heading):
            self.flush()
            self.blocks.append(Block("heading", self.flat(node.title), level=node.level))
        elif isinstance(node, Template):
            name = _name(node)
            if name.startswith("infobox"):
                self.flush()
                self.infobox(node)
            elif name in _QUOTES:
                self.flush()
                self.buffer.append(self.template(node, name))
                self.flush()
            else:
                self.buffer.append(self.template(node, name))
        elif isinstance(node, Tag) and node.wiki_markup is None and not node.self_closing:
            tag = str(node.tag).strip().lower()
            if tag == "table":
                self.flush()
                self.table(node)
            elif tag in ("div", "center", "blockquote", "p", "poem", "ul", "ol", "dl", "section"):
                self.flush()
                self.walk(node.contents.nodes)
                self.flush()
            elif tag in ("li", "dd", "dt"):
                self.flush()
                self.buffer.append((_LIST if tag == "li" else _DEF) + self.flat(node.contents))
                self.flush()
            else:
                self.buffer.append(self.inline_node(node))
        elif isinstance(node, Tag) and node.wiki_markup == "{|":
            self.flush()
            self.table(node)
        elif isinstance(node, Tag) and node.wiki_markup == "'''" and "bold" not in self.titles:
            text = self.inline_node(node)
            if not self.prose_seen:
                self.titles["bold"] = self.flat(node.contents)
            self.buffer.append(text)
        else:
            self.buffer.append(self.inline_node(node))

    def flush(self) -> None:
        """Turn the buffered lines into paragraphs and list items."""
        text = "".join(self.buffer)
        self.buffer = []
        paragraph: list[str] = []
        in_list = False

        def end() -> None:
            if paragraph:
                self.prose_seen = True
                self.blocks.append(Block("prose", " ".join(paragraph)))
                paragraph.clear()

        for raw in text.split("\n"):
            marks = re.match(f"[ \t]*([{_LIST}{_DEF}]+)", raw)
            if marks:
                end()
                body = raw[marks.end():]
                if marks.group(1)[-1] == _LIST:
                    depth = len(marks.group(1))
                    self.blocks.append(Block("list", body, joined=in_list, prefix="  " * (depth - 1) + "- "))
                    in_list = True
                else:
                    self.blocks.append(Block("prose", body))
                    in_list = False
            elif not raw.strip():
                end()
                in_list = False
            else:
                paragraph.append(raw)
                in_list = False
        end()

    def infobox(self, template: Template) -> None:
        self.blocks.append(Block("infobox", "Infobox"))
        self.titles.setdefault("infobox", "")
        for param in template.params:
            key = str(param.name).strip()
            if param.showkey and _INFOBOX_SKIP.fullmatch(key.lower()):
                continue
            nested = [t for t in param.value.filter_templates(recursive=False) if _name(t).startswith("infobox")]
            for inner in nested:
                self.infobox_rows(inner)
            self.br = ", "
            value = self.flat(param.value)
            self.br = " "
            if not value:
                continue
            if key.lower() in ("name", "title", "conventional long name", "conventional_long_name", "common_name"):
                self.titles["infobox"] = self.titles["infobox"] or value
            label = key.replace("_", " ") if param.showkey else ""
            text = f"{label[:1].upper()}{label[1:]}: {value}" if label else value
            self.blocks.append(Block("infobox", text, joined=True, prefix="- "))

    def infobox_rows(self, template: Template) -> None:
        before = len(self.blocks)
        self.infobox(template)
        del self.blocks[before]  # a nested infobox continues its parent's lines

    def table(self, table: Tag) -> None:
        classes = str(table.get("class").value).lower() if table.has("class") else ""
        if any(word in classes for word in ("navbox", "sidebar", "metadata", "ambox", "vertical-navbox")):
            return
        infobox = "infobox" in classes
        rows: list[list[Tag]] = []
        loose: list[Tag] = []
        first = True
        if infobox:
            self.blocks.append(Block("infobox", "Infobox"))
        for node in table.contents.nodes:
            if not isinstance(node, Tag):
                continue
            tag = str(node.tag).strip().lower()
            if tag in ("td", "th") and str(node).lstrip().startswith("|+") or tag == "caption":
                caption = self.flat(node.contents).lstrip("+ ")
                self.blocks.append(Block("table", caption, joined=not first))
                first = False
            elif tag in ("td", "th"):
                loose.append(node)
            elif tag == "tr":
                if loose:
                    rows.append(loose)
                    loose = []
                rows.append([c for c in node.contents.nodes if isinstance(c, Tag) and str(c.tag).lower() in ("td", "th")])
            elif tag in ("tbody", "thead", "tfoot"):
                for row in node.contents.ifilter_tags(recursive=False, matches=lambda n: str(n.tag).lower() == "tr"):
                    rows.append([c for c in row.contents.nodes if isinstance(c, Tag) and str(c.tag).lower() in ("td", "th")])
        if loose:
            rows.append(loose)
        for cells in rows:
            texts = [self.flat(cell.contents) for cell in cells]
            if not any(texts):
                continue
            if infobox:
                text = ": ".join(t for t in texts if t)
                self.blocks.append(Block("infobox", text, joined=True, prefix="- "))
            else:
                self.blocks.append(Block("table", "| " + " | ".join(texts) + " |", joined=not first))
            first = False

    # -- inline -------------------------------------------------------------

    def flat(self, code: Wikicode) -> str:
        """Inline text on one line: list items and line breaks become separators."""
        text = self.inline(code)
        text = re.sub(f"\\s*[{_LIST}{_DEF}]+\\s*", ", ", text)
        return text.strip(" ,\n\t")

    def inline(self, code: Wikicode) -> str:
        return "".join(self.inline_node(node) for node in code.nodes)

    def inline_node(self, node) -> str:
        if isinstance(node, Text):
            return _MAGIC.sub("", node.value)
        if isinstance(node, Wikilink):
            return self.link(node)
        if isinstance(node, ExternalLink):
            if node.title is not None:
                return self.inline(node.title)
            return "" if node.brackets else str(node.url)
        if isinstance(node, Template):
            return self.template(node, _name(node))
        if isinstance(node, Tag):
            return self.tag(node)
        if isinstance(node, HTMLEntity):
            return node.normalize()
        if isinstance(node, Comment):
            return ""
        if isinstance(node, Heading):
            return "\n" + self.inline(node.title) + "\n"
        return ""  # arguments ({{{1}}}) and anything unknown

    def link(self, link: Wikilink) -> str:
        target = str(link.title).strip()
        shown = target.lstrip(":")
        prefix = shown.split(":", 1)[0].strip().lower() if ":" in shown else ""
        if not target.startswith(":"):
            if prefix in ("file", "image", "media", "category"):
                return ""
            if link.text is None and re.fullmatch(r"[a-z]{2,3}(?:-[a-z]+)*", prefix):
                return ""  # a link to the same article in another language
        if link.text is not None:
            text = self.inline(link.text)
            if not str(link.text).strip():
                return re.sub(r"\s*\(.*?\)$", "", shown.split(":", 1)[-1])  # the pipe trick
            return text
        return shown

    def tag(self, tag: Tag) -> str:
        name = str(tag.tag).strip().lower()
        if tag.wiki_markup in ("'''", "''"):
            return self.inline(tag.contents)
        if tag.wiki_markup in ("*", "#"):
            return _LIST
        if tag.wiki_markup in (":", ";"):
            return _DEF
        if name == "ref":
            return self.ref(tag)
        if name in ("br", "hr"):
            return self.br if name == "br" else "\n"
        if tag.self_closing:
            return ""
        if name in ("references", "gallery", "timeline", "graph", "mapframe", "maplink", "templatestyles",
                    "imagemap", "score", "indicator", "includeonly", "categorytree", "inputbox", "section",
                    "syntaxhighlight", "source", "templatedata", "charinsert", "hiero", "style", "script"):
            return ""
        if name == "nowiki":
            return str(tag.contents)
        if name == "table":
            return " ".join(self.flat(c.contents) for c in tag.contents.ifilter_tags(
                recursive=True, matches=lambda n: str(n.tag).lower() in ("td", "th")))
        if name == "li":
            return "\n" + _LIST + self.inline(tag.contents) + "\n"
        if name in ("dd", "dt"):
            return "\n" + _DEF + self.inline(tag.contents) + "\n"
        if name in ("td", "th", "caption"):
            return self.inline(tag.contents) + " "
        if name in ("div", "p", "blockquote", "center", "poem", "ul", "ol", "dl"):
            return "\n" + self.inline(tag.contents) + "\n"
        return self.inline(tag.contents)

    # -- references ---------------------------------------------------------

    @staticmethod
    def _ref_name(tag: Tag) -> str:
        return str(tag.get("name").value).strip().strip("\"'") if tag.has("name") else ""

    def cite(self, text: str, name: str = "") -> str:
        """A citation mark for `text` (once per name)."""
        if self.in_cite:
            return ""
        if name and name in self.by_name:
            return cite_mark(self.by_name[name])
        self.citations.append(text)
        index = len(self.citations) - 1
        if name:
            self.by_name[name] = index
        return cite_mark(index)

    def cite_text(self, code: Wikicode) -> str:
        self.in_cite += 1
        try:
            return re.sub(r"\s+", " ", self.flat(code)).strip()
        finally:
            self.in_cite -= 1

    def ref(self, tag: Tag) -> str:
        if self.in_cite:
            return ""
        name = self._ref_name(tag)
        if name and name in self.by_name:
            return cite_mark(self.by_name[name])
        contents = tag.contents if not tag.self_closing else self.named.get(name)
        if contents is None:
            return self.cite(name, name) if name else ""
        return self.cite(self.cite_text(contents), name)

    def citation(self, template: Template, name: str) -> str:
        """'cite web | title=... | url=...': the template's name and filled parameters."""
        self.in_cite += 1
        try:
            parts = [name]
            for param in template.params:
                value = re.sub(r"\s+", " ", self.flat(param.value)).strip()
                if value:
                    parts.append(f"{str(param.name).strip()}={value}" if param.showkey else value)
        finally:
            self.in_cite -= 1
        return " | ".join(parts)

    # -- templates ----------------------------------------------------------

    def positional(self, template: Template) -> list[str]:
        return [self.flat(p.value) for p in template.params if not p.showkey]

    def named_value(self, template: Template, *keys: str) -> str:
        for key in keys:
            if template.has(key):
                return self.flat(template.get(key).value)
        return ""

    def template(self, template: Template, name: str) -> str:
        raw = str(template.name).strip()
        if ":" in raw:
            head, _, rest = raw.partition(":")
            if head.strip().upper() == "DISPLAYTITLE":
                self.titles["display"] = re.sub(r"<[^>]*>|'{2,}", "", rest).strip()
            return ""
        if name in _WORDS:
            return _WORDS[name]
        if (name == "citation" or name.startswith(("cite", "vcite "))) and not name.startswith("citation "):
            text = self.citation(template, name)
            return text if self.in_cite else self.cite(text)
        if name in _SHORT_CITES:
            args = self.positional(template)
            page = self.named_value(template, "p", "page")
            pages = self.named_value(template, "pp", "pages")
            text = " ".join(args) + (f", p. {page}" if page else f", pp. {pages}" if pages else "")
            return text if self.in_cite else self.cite(text)
        if name in _NOTES:
            value = template.get(1).value if template.has(1) else None
            if value is None:
                return ""
            note = self.named_value(template, "name")
            return self.cite(self.cite_text(value), note)
        if name == "r":
            return "".join(self.ref_by_name(n) for n in self.positional(template))
        if name.startswith("infobox"):
            return ""
        return self.text_template(template, name)

    def ref_by_name(self, name: str) -> str:
        if name in self.by_name:
            return cite_mark(self.by_name[name])
        if name in self.named:
            return self.cite(self.cite_text(self.named[name]), name)
        return ""

    def text_template(self, template: Template, name: str) -> str:
        """Templates that show text: dates, languages, conversions, lists, quotes."""
        args = self.positional(template)
        if name in _DATES:
            if not args:
                return ""
            dmy = self.named_value(template, "df").lower() in ("y", "yes", "1", "true")
            if args[0].isdigit():
                return date_text(*(args + ["", ""])[:3], dmy=dmy)
            return _iso_date(args[0], dmy=dmy)
        if name in ("dts", "dtsort", "date", "sort date", "date table sorting"):
            dmy = self.named_value(template, "format").lower() != "mdy"
            if len(args) >= 2 and args[0].isdigit():
                return date_text(*(args + ["", ""])[:3], dmy=dmy)
            return _iso_date(args[0], dmy=dmy) if args else ""
        if name == "as of" and args:
            word = "as of" if self.named_value(template, "lc").lower() in ("y", "yes") else "As of"
            return f"{word} {date_text(*(args + ['', ''])[:3])}"
        if name in ("circa", "c.") and args:
            return f"c. {args[0]}"
        if name in ("convert", "cvt") and args:
            return self.convert(args)
        if name in ("us$", "usd") and args:
            return f"US${args[0]}"
        if name in _FIRST or name == "sic":
            return " ".join(args[:1] if name != "sic" else args)
        if name in _LAST or name.startswith(("lang-", "lang ")):
            return args[-1] if args else ""
        if name in _QUOTES:
            return args[0] if args else self.named_value(template, "text", "quote", "1")
        if name in _LISTS:
            return ", ".join(a for a in args if a)
        return ""  # navboxes, hatnotes, maintenance tags and the like

    @staticmethod
    def convert(args: list[str]) -> str:
        parts = [args[0]]
        rest = args[1:]
        while len(rest) >= 2 and rest[0] in _RANGE_WORDS:
            parts.append("–" if rest[0] in ("-", "–") else f" {rest[0]} ")
            parts.append(rest[1])
            rest = rest[2:]
        number = "".join(parts)
        return f"{number} {rest[0]}" if rest else number

    def title(self) -> str:
        return self.titles.get("display") or self.titles.get("infobox") or self.titles.get("bold") or ""


# -- defusing broken markup ----------------------------------------------------

_PAIRED = ("ref", "div", "span", "small", "big", "sup", "sub", "center", "blockquote", "poem", "nowiki",
           "includeonly", "noinclude", "onlyinclude", "gallery", "references", "font", "s", "u", "b", "i",
           "code", "pre", "math", "syntaxhighlight", "source", "p", "abbr", "cite", "del", "ins", "em",
           "strong", "tt", "q", "score", "timeline", "graph", "mapframe", "chem", "ce", "table", "ul", "ol")
_TAG = re.compile(r"<(/?)(" + "|".join(_PAIRED) + r")\b[^<>]*?(/?)>", re.IGNORECASE)
_BRACES = re.compile(r"\{\{|\}\}|\[\[|\]\]")
_ESCAPE = {"{{": "&#123;&#123;", "}}": "&#125;&#125;", "[[": "&#91;&#91;", "]]": "&#93;&#93;"}
_EXTERNAL = re.compile(r"\[(?=(?:https?:|ftp:)?//)")


def defuse(text: str) -> str:
    """The wikitext with comments gone and unmatched openers shown as text.

    The parser backtracks on every unmatched `{{`, `[[`, `<tag>` or `[http`,
    which is slow when there are thousands; MediaWiki shows such markup
    as text, and so do we (an unmatched HTML-like tag is dropped).
    """
    text = re.sub(r"<!--.*?(?:-->|\Z)", "", text, flags=re.DOTALL)
    bad: set[int] = set()
    stack: list[tuple[str, int]] = []
    count = {"{{": 0, "[[": 0}
    for match in _BRACES.finditer(text):
        token = match.group()
        if token in count:
            stack.append((token, match.start()))
            count[token] += 1
            continue
        opener = "{{" if token == "}}" else "[["
        if count[opener]:
            while stack[-1][0] != opener:
                kind, at = stack.pop()
                count[kind] -= 1
                bad.add(at)
            stack.pop()
            count[opener] -= 1
        else:
            bad.add(match.start())
    bad.update(at for _, at in stack)
    if bad:
        text = _BRACES.sub(lambda m: _ESCAPE[m.group()] if m.start() in bad else m.group(), text)
    opened: dict[str, list[int]] = {}
    drop: set[int] = set()
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if match.group(3):
            continue
        if not match.group(1):
            opened.setdefault(name, []).append(match.start())
        elif opened.get(name):
            opened[name].pop()
        else:
            drop.add(match.start())
    for starts in opened.values():
        drop.update(starts)
    if drop:
        text = _TAG.sub(lambda m: "" if m.start() in drop else m.group(), text)
    return "\n".join(_defuse_external(line) for line in text.split("\n"))


def _defuse_external(line: str) -> str:
    """An external link's '[' with no ']' before the next one is plain text."""
    if "[" not in line:
        return line
    starts = [m.start() for m in _EXTERNAL.finditer(line)]
    if not starts:
        return line
    bad = []
    for index, start in enumerate(starts):
        close = line.find("]", start)
        following = starts[index + 1] if index + 1 < len(starts) else len(line)
        if close < 0 or close > following:
            bad.append(start)
    for start in reversed(bad):
        line = line[:start] + "&#91;" + line[start + 1:]
    return line


# -- fallback -------------------------------------------------------------------

_HEADING = re.compile(r"^(={1,6})\s*(.*?)\s*\1\s*$")  # six levels: linear on a run of "="


def strip_markup(text: str) -> list[Block]:
    """Blocks by regular expressions alone, for text the parser cannot take."""
    text = re.sub(r"<!--.*?(?:-->|\Z)", "", text, flags=re.DOTALL)
    text = re.sub(r"<ref[^<>]*/>|<ref[^<>]*>[^<]*(?:<(?!/?ref)[^<]*)*</ref>", "", text, flags=re.IGNORECASE)
    for _ in range(20):
        text, count = re.subn(r"\{\{[^{}]*\}\}", "", text)
        if not count:
            break
    text = re.sub(r"\[\[(?:File|Image|Category|Media):[^\[\]]*\]\]", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\[\[(?:[^|\[\]]*\|)?([^\[\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[(?:https?:|ftp:)?//[^\s\[\]]+ ?([^\[\]]*)\]", r"\1", text)
    text = re.sub(r"'{2,}|<[^<>]*>|\{\{|\}\}|\[\[|\]\]", "", text)
    blocks: list[Block] = []
    paragraph: list[str] = []
    for raw in text.split("\n"):
        heading = _HEADING.match(raw)
        kind = "heading" if heading else "list" if raw[:1] in "*#" else "table" if raw[:1] in "|!{" else ""
        if (kind or not raw.strip()) and paragraph:
            blocks.append(Block("prose", " ".join(paragraph)))
            paragraph = []
        if heading:
            blocks.append(Block("heading", heading.group(2), level=len(heading.group(1))))
        elif kind == "list":
            blocks.append(Block("list", raw.lstrip("*#:; "), joined=bool(blocks) and blocks[-1].kind == "list",
                                prefix="- "))
        elif kind == "table":
            if raw.startswith(("{|", "|}", "|-")):
                continue
            cells = [cell.strip() for cell in re.split(r"\|\||!!", raw.lstrip("|!+"))]
            row = "| " + " | ".join(cells) + " |"
            blocks.append(Block("table", row, joined=bool(blocks) and blocks[-1].kind == "table"))
        elif raw.strip():
            paragraph.append(raw)
    if paragraph:
        blocks.append(Block("prose", " ".join(paragraph)))
    return blocks


def read_wikitext(text: str, *, source: str = "<text>", sha256: str = "", reader: str = "wikitext") -> Document:
    """A Document from MediaWiki wikitext: its plain text, lines, sections and citations."""
    try:
        code = mwparserfromhell.parse(defuse(text))
        walker = _Reader(code)
        walker.walk(code.nodes)
        walker.flush()
        blocks, citations, title = walker.blocks, walker.citations, walker.title()
    except Exception:  # noqa: BLE001 - broken markup must never raise: read it the plain way
        blocks, citations, title = strip_markup(text), [], ""
    return build(blocks, citations=citations, source=source, title=title, reader=reader, sha256=sha256)
