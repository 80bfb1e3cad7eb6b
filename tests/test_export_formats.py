"""Each export format read back with the library its users use, and compared with the corpus.

The corpus is the example article added to a fresh SQLite file; NASTY adds
events that try every escape (pipes, brackets, braces, quotes, tabs, line
breaks, markup, an unknown year, no actor).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLE

import annals
from annals.export import export, names, stream
from annals.export.crosswalk import crosswalk
from annals.export.dates import day_bounds, extent, next_day
from annals.export.rows import EXPORT_COLUMNS, export_row
from annals.store.corpus import Corpus

SCHEMAS = Path(__file__).parent / "golden" / "export" / "schemas"


def nasty_event(id_: str, date: str, text: str, actors: list[dict]) -> dict:
    evidence = {"text": text, "start": 0, "end": len(text)}
    return {
        "id": id_, "date": {"value": date, "text": date}, "type": "statement", "actors": actors,
        "places": ["Baku | Ganja"], "quantities": [{"value": 2.5, "unit": "tonnes", "text": "2.5 tonnes"}],
        "section": ["A [[section]]"], "evidence": evidence,
        "sources": [{"document": {"source": "odd,name\t.txt", "title": 'A "title" | {{with}} [[markup]]',
                                  "sha256": "f" * 64},
                     "evidence": evidence, "date": {"value": date, "text": date}, "section": []}],
        "conflicts": [],
    }


NASTY = [
    nasty_event("aaaa000000000001", "2001-02-03",
                'He said "yes, no" | {{cite}} [[Link|x]] \'\'bold\'\' <b>&amp;</b> ~~~~ tab\there\nnew line; end.',
                [{"name": "Actor, \"One\" | A", "kind": "country"},
                 {"name": "Org <Two> & {{B}}", "kind": "organization", "role": "Head\tof it"}]),
    nasty_event("aaaa000000000002", "XXXX-11-06", "A day whose year nobody gave.",
                [{"name": "Solo", "kind": "person"}]),
    nasty_event("aaaa000000000003", "1999-21", "Spring with no actor at all, Ünïcödé – “quotes”.", []),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "example.db"
    with Corpus(path) as opened:
        opened.add_document(annals.extract(EXAMPLE).with_(source="azerbaijan-nato.txt"))
        yield opened


@pytest.fixture(scope="module")
def stored(corpus):
    return list(corpus.iter_events())


def exported(source, format: str, **options) -> bytes:
    _, chunks = stream(source, format, **options)
    return b"".join(chunks)


def _by_part(event: dict) -> tuple[list[dict], list[dict]]:
    """(sources, targets): by each actor's part; an event stored without parts, by order."""
    actors = event["actors"]
    if any(a.get("part") for a in actors):
        return [a for a in actors if a.get("part") == "source"], [a for a in actors if a.get("part") == "target"]
    return actors[:1], actors[1:]


def _pairs(event: dict) -> list[tuple[dict, dict | None]]:
    sources, targets = _by_part(event)
    return [(s, t) for s in sources for t in (targets or [None])]


def test_export_formats_example_corpus_is_large_enough(stored):
    assert len(stored) >= 100


@pytest.mark.parametrize("format", ["json"])
def test_export_json_reads_back_as_the_corpus_events(corpus, stored, format):
    data = json.loads(exported(corpus, format))
    assert data["version"] == 1
    assert data["events"] == stored
    assert json.loads(exported(NASTY, format))["events"] == NASTY


@pytest.mark.parametrize("source_name", ["corpus", "nasty"])
def test_export_jsonl_reads_back_one_event_per_line(corpus, stored, source_name):
    source, expected = (corpus, stored) if source_name == "corpus" else (NASTY, NASTY)
    lines = exported(source, "jsonl").decode("utf-8").split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == expected


@pytest.mark.parametrize("source_name", ["corpus", "nasty"])
def test_export_csv_reads_back_with_the_csv_module(corpus, stored, source_name):
    source, expected = (corpus, stored) if source_name == "corpus" else (NASTY, NASTY)
    rows = list(csv.DictReader(io.StringIO(exported(source, "csv").decode("utf-8"), newline="")))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert rows == [{k: str(v) for k, v in export_row(e).items()} for e in expected]
    for row, event in zip(rows, expected):
        assert row["id"] == event["id"] and row["date"] == event["date"]["value"]
        assert row["evidence"] == event["evidence"]["text"]  # commas, quotes and line breaks survive quoting
        assert row["actors"].split("; ") == [a["name"] for a in event["actors"]] or not event["actors"]


def test_export_parquet_reads_back_typed_with_pyarrow(corpus, stored):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(exported(corpus, "parquet")))
    assert table.schema.field("start").type == pa.date32()
    assert table.schema.field("end").type == pa.date32()
    assert pa.types.is_list(table.schema.field("actors").type)
    assert table.schema.field("actors").type.value_type == pa.struct(
        [("name", pa.string()), ("kind", pa.string()), ("role", pa.string()), ("part", pa.string())])
    assert table.schema.field("places").type == pa.list_(pa.string())
    assert table.schema.metadata[b"annals.export.version"] == b"2"
    rows = table.to_pylist()
    assert len(rows) == len(stored)
    for row, event in zip(rows, stored):
        assert row["id"] == event["id"]
        assert row["date"] == event["date"]["value"]
        assert (row["start"], row["end"]) == day_bounds(event["date"]["value"])
        assert [{k: v for k, v in a.items() if v is not None} for a in row["actors"]] == event["actors"]
        assert row["actor_kinds"] == [a["kind"] for a in event["actors"]]
        assert row["places"] == event["places"]
        assert [q["text"] for q in row["quantities"]] == [q["text"] for q in event["quantities"]]
        assert row["evidence"] == event["evidence"]["text"]
        assert [s["source"] for s in row["sources"]] == [s["document"]["source"] for s in event["sources"]]


def test_export_parquet_writes_row_groups_as_it_goes(stored):
    pq = pytest.importorskip("pyarrow.parquet")
    from annals.export.parquet import write
    from annals.export.registry import Context

    chunks = list(write(iter(stored), Context(), row_group=25))
    data = b"".join(chunks)
    assert pq.ParquetFile(io.BytesIO(data)).num_row_groups == -(-len(stored) // 25)
    assert len([c for c in chunks if c]) >= 4  # bytes handed on per row group, not at the end


def test_export_ics_reads_back_with_icalendar(corpus, stored):
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(exported(corpus, "ics"))
    events = calendar.walk("VEVENT")
    placed = [e for e in stored if extent(e["date"]["value"])]
    assert len(events) == len(placed)
    for item, event in zip(events, placed):
        found = extent(event["date"]["value"])
        assert str(item["uid"]) == f"{event['id']}@annals"
        assert item.decoded("dtstart") == found.first.day
        assert item.decoded("dtend") == next_day(found.last.day)
        assert str(item["x-annals-date"]) == event["date"]["value"]
        assert event["evidence"]["text"] in str(item["description"])
        assert item.decoded("dtstamp").tzinfo is not None


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [("1997-02-13", "19970213", "19970214"), ("1997-11", "19971101", "19971201"), ("1994", "19940101", "19950101"),
     ("1999/2008", "19990101", "20090101"), ("2009-02/..", "20090201", "20090301"),
     ("../2008-05", "20080501", "20080601"), ("1999-21", "19990301", "19990601")],
)
def test_export_ics_all_day_dates_keep_their_granularity(value, start, end):
    text = exported([{**NASTY[0], "date": {"value": value, "text": value}}], "ics").decode()
    assert f"DTSTART;VALUE=DATE:{start}\r\n" in text and f"DTEND;VALUE=DATE:{end}\r\n" in text


def test_export_ics_leaves_out_unknown_years_and_escapes_text():
    icalendar = pytest.importorskip("icalendar")
    from annals.export import Report

    report = Report()
    _, chunks = stream(NASTY, "ics", report=report)
    data = b"".join(chunks)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["aaaa000000000001@annals", "aaaa000000000003@annals"]
    assert NASTY[0]["evidence"]["text"].replace("\n", " ").replace("\t", " ").split()[:3] == \
        str(events[0]["description"]).split()[:3]
    assert report.skipped == {"with an unknown year": 1} and report.events == 2


def test_export_timelinejs_validates_against_its_schema(corpus, stored):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "timelinejs.schema.json").read_text())
    for source, expected in ((corpus, stored), (NASTY, NASTY)):
        data = json.loads(exported(source, "timelinejs"))
        jsonschema.validate(data, schema)
        dated = [e for e in expected if extent(e["date"]["value"])]
        assert [s["unique_id"] for s in data["events"]] == [e["id"] for e in dated]
        spans = [e for e in dated if not extent(e["date"]["value"]).single
                 and extent(e["date"]["value"]).start and extent(e["date"]["value"]).end]
        assert len(data["eras"]) == len(spans)
    month = next(s for s in json.loads(exported(corpus, "timelinejs"))["events"] if s["unique_id"] == next(
        e["id"] for e in stored if e["date"]["value"] == "1997-11"))
    assert month["start_date"] == {"year": 1997, "month": 11, "display_date": "November 1997"}  # no invented day


def test_export_wikitext_parses_with_mwparserfromhell(corpus, stored):
    mwparserfromhell = pytest.importorskip("mwparserfromhell")
    for source, expected in ((corpus, stored), (NASTY, NASTY)):
        text = exported(source, "wikitext").decode()
        code = mwparserfromhell.parse(text)
        tables = code.filter_tags(matches=lambda n: n.tag == "table")
        assert len(tables) == 1 and "sortable" in str(tables[0].get("class").value)
        rows = tables[0].contents.filter_tags(matches=lambda n: n.tag == "tr", recursive=False)
        body = [r for r in rows if r.contents.filter_tags(matches=lambda n: n.tag == "td", recursive=False)]
        assert len(body) == len(expected)
        assert not code.filter_templates() and not code.filter_wikilinks()  # no markup leaks from the text
        refs = code.filter_tags(matches=lambda n: n.tag == "ref")
        assert len(refs) == sum(len({s["document"]["sha256"] for s in e["sources"]}) for e in expected)
    assert text.count('<ref name="annals-ffffffffffff">') == 1  # defined once, then reused


def test_export_plover_records_validate_and_follow_the_crosswalk(corpus, stored):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "plover.schema.json").read_text())
    for source, expected in ((corpus, stored), (NASTY, NASTY)):
        records = [json.loads(line) for line in exported(source, "plover").decode().splitlines()]
        assert len(records) == len(expected)
        for record, event in zip(records, expected):
            jsonschema.validate(record, schema)
            mapping = crosswalk()[event["type"]]
            assert (record["id"], record["event"], record["mode"]) == (event["id"], mapping.plover, mapping.mode)
            sources, targets = _by_part(event)
            assert [a["actor_text"] for a in record["source"]] == [a["name"] for a in sources]
            assert [a["actor_text"] for a in record["recipient"]] == [a["name"] for a in targets]
            assert record["annals"]["date"] == event["date"]["value"]
    by_type = {r["annals"]["type"]: r for r in map(json.loads, exported(corpus, "plover").decode().splitlines())}
    assert by_type["visit"]["event"] == "CONSULT" and by_type["visit"]["mode"] == "visit"
    assert by_type["decision"]["event"] is None  # no PLOVER type fits: null, never forced


def test_export_cameo_rows_are_event_and_actor_pairs(corpus, stored):
    for source, expected in ((corpus, stored), (NASTY, NASTY)):
        lines = exported(source, "cameo").decode().split("\n")
        assert lines[-1] == ""
        rows = [line.split("\t") for line in lines[:-1]]
        header, body = rows[0], rows[1:]
        assert all(len(r) == len(header) for r in body)
        want = [(e["id"], a["name"], b["name"] if b else "") for e in expected
                for a, b in _pairs(e)]
        got = [(r[header.index("event_id")], r[header.index("source")], r[header.index("target")]) for r in body]
        assert got == [tuple(" ".join(v.split()) if "\t" in v or "\n" in v else v for v in w) for w in want]
        for r in body:
            event = next(e for e in expected if e["id"] == r[0])
            assert r[header.index("cameo")] == (crosswalk()[event["type"]].cameo or "")


def test_export_graphml_reads_back_with_networkx(corpus, stored):
    nx = pytest.importorskip("networkx")
    for source, expected in ((corpus, stored), (NASTY, NASTY)):
        graph = nx.read_graphml(io.BytesIO(exported(source, "graphml")))
        labels = {data["label"] for _, data in graph.nodes(data=True)}
        assert labels == {a["name"] for e in expected for part in _by_part(e) for a in part}
        edges = list(graph.edges(data=True))
        assert len(edges) == sum(len(s) * len(t) for s, t in map(_by_part, expected))
        by_id = {e["id"]: e for e in expected}
        for u, v, data in edges:
            event = by_id[data["event"]]
            sources, targets = _by_part(event)
            assert graph.nodes[u]["label"] in {a["name"] for a in sources}
            assert graph.nodes[v]["label"] in {a["name"] for a in targets}
            assert data["type"] == event["type"] and data["date"] == event["date"]["value"]


@pytest.mark.parametrize("format", names())
def test_export_same_corpus_gives_the_same_bytes(corpus, format):
    assert exported(corpus, format) == exported(corpus, format)


@pytest.mark.parametrize("format", names())
def test_export_to_a_path_writes_the_streamed_bytes(corpus, tmp_path, format):
    path = tmp_path / f"out.{format}"
    report = export(corpus, format, path)
    assert path.read_bytes() == exported(corpus, format)
    assert report.events > 0 and not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("format", ["csv", "jsonl", "json", "ics", "timelinejs", "wikitext", "plover", "cameo",
                                    "graphml"])
def test_export_streams_an_event_at_a_time(format):
    read = []

    def events():
        for n in range(1000):
            read.append(n)
            yield {**NASTY[0], "id": f"{n:016x}"}

    _, chunks = stream(events(), format)
    assert not read  # nothing is read before the first chunk is asked for
    out = b""
    while len(read) < 3:
        out += next(chunks)
    assert len(read) == 3 and out  # output follows input, event by event


def test_export_of_an_extracted_document_has_the_corpus_ids(corpus, stored):
    doc = annals.extract(EXAMPLE).with_(source="azerbaijan-nato.txt")
    records = [json.loads(line) for line in exported(doc, "jsonl").decode().splitlines()]
    assert len(records) == len(doc.events)
    assert {e["id"] for e in stored} <= {r["id"] for r in records}  # the ids the corpus gives
    assert records[0]["sources"][0]["document"]["source"] == "azerbaijan-nato.txt"
    assert exported(doc.to_dict(), "jsonl") == exported(doc, "jsonl")


def _framed() -> dict:
    """An event as `annals extract` gives it: a headline, and each actor's part in the frame."""
    event = nasty_event("bbbb000000000001", "2005-05-27", "NATO and Georgia agreed the plan with Ankara's support.", [
        {"name": "Turkey", "kind": "country", "part": "other"},
        {"name": "NATO", "kind": "organization", "part": "source"},
        {"name": "Georgia", "kind": "country", "part": "source"},
        {"name": "Armenia", "kind": "country", "part": "target"},
    ])
    event["type"] = "agreement"
    event["headline"] = "NATO and Georgia agree the plan"
    return event


@pytest.mark.issue(13)
def test_export_event_data_formats_take_sources_and_targets_from_the_frame():
    event = _framed()
    record = json.loads(exported([event], "plover").decode())
    assert [a["actor_text"] for a in record["source"]] == ["NATO", "Georgia"]
    assert [a["actor_text"] for a in record["recipient"]] == ["Armenia"]
    rows = [line.split("\t") for line in exported([event], "cameo").decode().splitlines()]
    header = rows[0]
    assert [(r[header.index("source")], r[header.index("target")]) for r in rows[1:]] == [
        ("NATO", "Armenia"), ("Georgia", "Armenia")]


@pytest.mark.issue(13)
@pytest.mark.parametrize("format", ["ics", "timelinejs", "wikitext"])
def test_export_human_formats_use_the_headline(format):
    assert "NATO and Georgia agree the plan" in exported([_framed()], format).decode()
