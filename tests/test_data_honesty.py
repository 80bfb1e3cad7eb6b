"""Honesty: no text in annals/data shares 8 consecutive words with a document we evaluate on.

The documents are tests/heldout/docs/ and ../shared/eval/{docs,dev2/docs}/. A data file's examples and
patterns must be written in our own words, or the scores on those documents measure memory, not extraction.
Every string of a YAML file is checked (keys, values, block scalars, comments), every cell of any other
text file. Words: lower case, split on non-word characters (curly quotes and dashes made plain first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "annals" / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
N = 8

DOC_SETS = {
    "heldout": (ROOT / "tests" / "heldout" / "docs",),
    "shared": (SHARED / "eval" / "docs", SHARED / "eval" / "dev2" / "docs"),
}

PLAIN = str.maketrans(
    {**dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"), "\u2018": "'", "\u2019": "'",
     "\u201c": '"', "\u201d": '"'}
)
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    words: tuple[str, ...]
    doc: str

    def __str__(self) -> str:
        more = f" (+{len(self.words) - N} more: {' '.join(self.words[N:])})" if len(self.words) > N else ""
        return f"{self.path}:{self.line}: \"{' '.join(self.words[:N])}\"{more}  also in {self.doc}"


def words(text: str) -> list[tuple[str, int]]:
    """The words of a text with their offsets (the translation keeps every offset)."""
    return [(m.group().lower(), m.start()) for m in WORD.finditer(text.translate(PLAIN))]


def grams(tokens: list[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)]


def doc_index(folders: tuple[Path, ...]) -> dict[tuple[str, ...], str]:
    """Every 8 words in a row of every *.txt document of the folders, and the document they are in."""
    index: dict[tuple[str, ...], str] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            name = _shown(path)
            for gram in grams([w for w, _ in words(path.read_text(encoding="utf-8"))]):
                index.setdefault(gram, name)
    return index


def _shown(path: Path) -> str:
    for base, prefix in ((ROOT, ""), (SHARED.parent, "../")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def yaml_pieces(text: str) -> list[list[tuple[str, int]]]:
    """Each scalar (key or value) and each run of comment lines of a YAML text, as (word, line) lists."""
    pieces = []
    covered = bytearray(len(text) + 1)
    seen: set[int] = set()
    stack = list(yaml.compose_all(text))
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark.index, node.end_mark.index
            covered[start:end] = b"\1" * (end - start)
            raw = words(text[start:end])
            value = [w for w, _ in words(node.value)]
            if [w for w, _ in raw] == value:
                pieces.append([(w, _line_of(text, start + off)) for w, off in raw])
            else:  # escapes or folding changed the words: all on the scalar's first line
                pieces.append([(w, node.start_mark.line + 1) for w in value])
    comment: list[tuple[str, int]] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        hashes = [
            i for i, ch in enumerate(line)
            if ch == "#" and not covered[offset + i] and (i == 0 or line[i - 1] in " \t")
        ]
        if hashes:
            comment.extend((w, number) for w, _ in words(line[hashes[0] + 1 :]))
        elif comment:
            pieces.append(comment)
            comment = []
        offset += len(line) + 1
    if comment:
        pieces.append(comment)
    return pieces


def text_pieces(text: str) -> list[list[tuple[str, int]]]:
    """Each tab-separated cell of each line of any other text file."""
    return [
        [(w, number) for w, _ in words(cell)]
        for number, line in enumerate(text.split("\n"), 1)
        for cell in line.split("\t")
    ]


def scan(data: Path, index: dict[tuple[str, ...], str]) -> list[Finding]:
    """Every run of 8 or more words in a row that a file under `data` shares with an indexed document."""
    findings = []
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        pieces = yaml_pieces(text) if path.suffix in (".yaml", ".yml") else text_pieces(text)
        for piece in pieces:
            tokens = [w for w, _ in piece]
            hits = [i for i, gram in enumerate(grams(tokens)) if gram in index]
            while hits:  # overlapping 8-grams in a row are one copied run
                first = last = hits.pop(0)
                while hits and hits[0] == last + 1:
                    last = hits.pop(0)
                findings.append(
                    Finding(_shown(path), piece[first][1], tuple(tokens[first : last + N]),
                            index[tuple(tokens[first : first + N])])
                )
    return sorted(findings, key=lambda f: (f.path, f.line, f.words))


def _index_for(name: str) -> dict[tuple[str, ...], str]:
    folders = DOC_SETS[name]
    if name == "shared" and not SHARED.is_dir():
        pytest.skip("../shared is not present")
    missing = [str(f) for f in folders if not any(f.glob("*.txt"))]
    assert not missing, f"no documents in {missing}"
    return doc_index(folders)


@pytest.mark.parametrize("docs", sorted(DOC_SETS))
def test_data_honesty_shares_no_8_words_with_evaluation_docs(docs):
    findings = scan(DATA, _index_for(docs))
    if findings:
        files = sorted({f.path for f in findings})
        pytest.fail(
            f"{len(findings)} strings in {len(files)} data files ({', '.join(files)}) "
            f"share {N} words in a row with the {docs} documents:\n" + "\n".join(map(str, findings)),
            pytrace=False,
        )


def _copied(docs: str, count: int) -> str:
    """`count` words in a row, copied as they stand from the middle of a line of the set's first document."""
    path = min(DOC_SETS[docs][0].glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines():
        found = words(line)
        if len(found) >= count + 4:
            start, end = found[2][1], found[count + 1][1] + len(found[count + 1][0])
            return line[start:end]
    raise AssertionError(f"no line of {count + 4} words in {path}")


FORMS = {
    "yaml value": ("events.yaml", "membership:\n  - pattern: 'x'\n    note: {!r}\n"),
    "yaml flow example": ("events.yaml", "membership:\n  - examples:\n      - {{text: {!r}, date: '1992'}}\n"),
    "yaml block scalar": ("events.yaml", "membership:\n  - note: |\n      {}\n"),
    "yaml comment": ("events.yaml", "# FORMAT\n# e.g. {}\nmembership: []\n"),
    "tsv cell": ("names.tsv", "# FORMAT\nx\t{}\ty\n"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("docs", sorted(DOC_SETS))
def test_data_honesty_catches_a_string_copied_from_a_doc(tmp_path, docs, form):
    index = _index_for(docs)
    copied = _copied(docs, N + 2).replace("'", "\u2019")
    name, template = FORMS[form]
    (tmp_path / name).write_text(template.format(copied), encoding="utf-8")
    findings = scan(tmp_path, index)
    assert [f.words for f in findings] == [tuple(w for w, _ in words(copied))], copied
    assert findings[0].line == template.split("{")[0].count("\n") + 1


@pytest.mark.parametrize("docs", sorted(DOC_SETS))
def test_data_honesty_allows_seven_words_in_a_row(tmp_path, docs):
    index = _index_for(docs)
    (tmp_path / "events.yaml").write_text(f"note: {_copied(docs, N - 1)!r}\n", encoding="utf-8")
    assert scan(tmp_path, index) == []
