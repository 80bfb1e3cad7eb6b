"""The export registry, the crosswalk table, EDTF dates for exports, wikitext escaping, and `annals export`."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import annals
from annals.cli import EXPORT_FORMATS, app
from annals.errors import DataError, UsageError
from annals.events.classify import TYPES
from annals.export import Format, export, get, names, register, stream
from annals.export.crosswalk import PLOVER_MODES, _check, crosswalk
from annals.export.dates import display, extent, iso_reduced
from annals.export.registry import BUILTINS, by_extension
from annals.export.wikitext import escape
from annals.store.corpus import Corpus

EXPORT_DIR = Path(annals.__file__).parent / "export"


def test_export_registry_lists_every_format_module():
    helpers = {"__init__", "registry", "rows", "events", "dates", "text", "dyads", "crosswalk"}
    modules = {p.stem for p in EXPORT_DIR.glob("*.py")} - helpers
    assert set(BUILTINS) == modules == set(names())
    for name in names():
        fmt = get(name)
        assert fmt is importlib.import_module(f"annals.export.{name}").FORMAT
        assert fmt.media_type and fmt.extension and fmt.description


@pytest.mark.parametrize("name", ["xlsx", "", "CSV "])
def test_export_registry_unknown_format_names_the_choices(name):
    if name.strip().lower() in names():
        assert get(name).name == "csv"
        return
    with pytest.raises(UsageError, match="choose from csv, json, jsonl, parquet, ics"):
        get(name)


def test_export_registry_refuses_a_second_format_of_the_same_name():
    with pytest.raises(ValueError, match="already registered"):
        register(Format("csv", "csv", "text/csv", lambda events, context: iter(())))


def test_export_registry_takes_a_new_format(monkeypatch):
    from annals.export import registry

    monkeypatch.setattr(registry, "_FORMATS", dict(registry.formats()))

    def write(events, context):
        for event in events:
            context.report.events += 1
            yield event["id"] + "\n"

    register(Format("ids-test", "ids", "text/plain", write))
    media_type, chunks = stream([{"id": "a"}, {"id": "b"}], "ids-test")
    assert media_type == "text/plain" and b"".join(chunks) == b"a\nb\n"


@pytest.mark.parametrize(("path", "name"), [("x.ics", "ics"), ("a/b.timeline.json", "timelinejs"),
                                             ("x.json", "json"), ("x.plover.jsonl", "plover"), ("x.TSV", "cameo"),
                                             ("x.txt", None)])
def test_export_registry_guesses_the_format_from_the_extension(path, name):
    found = by_extension(path)
    assert (found.name if found else None) == name


def test_export_unknown_format_fails_before_reading_anything():
    def events():
        raise AssertionError("read")
        yield  # pragma: no cover

    with pytest.raises(UsageError):
        stream(events(), "nope")


def test_export_filters_need_a_corpus():
    from annals.query import Query

    with pytest.raises(UsageError, match="filters need a corpus"):
        export([], "csv", query=Query(types=("visit",)))


# ---------------------------------------------------------------- crosswalk


def test_export_crosswalk_maps_every_type_of_the_contract():
    table = crosswalk()
    assert tuple(table) == TYPES
    for mapping in table.values():
        assert mapping.plover is None or mapping.plover in PLOVER_MODES
        assert mapping.why


@pytest.mark.parametrize(
    ("entry", "message"),
    [({"plover": "CONSULT", "mode": "phone", "context": None, "cameo": "4", "why": "x"}, "CAMEO root"),
     ({"plover": "HUG", "mode": None, "context": None, "cameo": None, "why": "x"}, "not a PLOVER category"),
     ({"plover": "AGREE", "mode": "visit", "context": None, "cameo": None, "why": "x"}, "not a mode of AGREE"),
     ({"plover": None, "mode": "visit", "context": None, "cameo": None, "why": "x"}, "not a mode of None"),
     ({"plover": None, "mode": None, "context": "weather", "cameo": None, "why": "x"}, "not a PLOVER context"),
     ({"plover": None, "mode": None, "context": None, "cameo": None}, "missing why"),
     ({"plover": None, "mode": None, "context": None, "cameo": None, "why": "x", "note": 1}, "unknown key")],
)
def test_export_crosswalk_rejects_malformed_entries(entry, message):
    with pytest.raises(DataError, match=message):
        _check("visit", entry)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "words", "iso", "single"),
    [("1994-05-04", "4 May 1994", "1994-05-04", True), ("1997-11", "November 1997", "1997-11", True),
     ("2004", "2004", "2004", True), ("XXXX-11-06", "6 November (year unknown)", None, None),
     ("1999/2008", "1999–2008", None, False), ("2000-04-27/2000-04-28", "27–28 April 2000", None, False),
     ("1998-09-30/1998-10-01", "30 September – 1 October 1998", None, False),
     ("2009-02/..", "since February 2009", None, False), ("../2007-11", "until November 2007", None, False),
     ("199X", "1990s", None, False), ("2006-21", "spring 2006", "2006", False), ("1997-13", "1997-13", None, None)],
)
def test_export_dates_words_precision_and_extent(value, words, iso, single):
    assert display(value) == words
    assert iso_reduced(value) == iso
    found = extent(value)
    assert (found.single if found else None) == single


def test_export_dates_open_end_takes_the_extent_of_its_known_end():
    found = extent("2009-02/..")
    assert found.end is None and (found.first.day.isoformat(), found.last.day.isoformat()) == ("2009-02-01",
                                                                                               "2009-02-28")


# ---------------------------------------------------------------- wikitext


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a | b", "a &#124; b"), ("[[x]]", "&#91;&#91;x&#93;&#93;"), ("{{t}}", "&#123;&#123;t&#125;&#125;"),
     ("''b''", "&#39;&#39;b&#39;&#39;"), ("it's", "it's"), ("~~~~", "&#126;&#126;&#126;&#126;"),
     ("<ref>", "&lt;ref&gt;"), ("a\nb", "a b"), ("=x=", "&#61;x&#61;"), ("__TOC__", "&#95;&#95;TOC&#95;&#95;")],
)
def test_export_wikitext_escape(text, escaped):
    assert escape(text) == escaped


# ---------------------------------------------------------------- CLI

TEXT = "Azerbaijan joined the Partnership for Peace on 4 May 1994. NATO Secretary General Javier Solana " \
       "visited Baku on 13 February 1997.\n"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "small.db"
    with Corpus(path) as corpus:
        corpus.add_document(annals.extract(TEXT).with_(source="small.txt"))
    return str(path)


def test_export_cli_help_names_every_format():
    assert EXPORT_FORMATS.split(", ") == list(BUILTINS) == list(names())
    result = CliRunner().invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_export_cli_writes_a_filtered_file(db, tmp_path):
    out = tmp_path / "visits.ics"
    result = CliRunner().invoke(app, ["export", "--db", db, "--type", "visit", "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:19970213" in text


def test_export_cli_prints_to_standard_output(db):
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "csv", "--since", "1995"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("id,date,") and len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize(("args", "message"), [(["--format", "xlsx"], "choose from"),
                                               ([], "--format is needed"),
                                               (["--format", "csv", "--type", "hug"], "unknown event type")])
def test_export_cli_usage_errors(db, args, message):
    result = CliRunner().invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 2 and message in result.output
