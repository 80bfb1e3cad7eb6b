"""annals compare on a corpus whose answer is known: four short documents about invented countries
(tests/fixtures/compare), stored in SQLite and in PostgreSQL; then the CLI and the HTTP API over it."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from annals.api import create_app
from annals.cli import app
from annals.compare import compare
from annals.errors import UsageError
from annals.store.corpus import Corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compare"
DOCUMENTS = ("brevonia.txt", "valdoria.txt", "kestria.txt", "harbour-partnership.txt")
ACTORS = ["Brevonia", "Valdoria", "Kestria"]

# (object, type): {actor: (date, sources, conflict)}, in the order the milestones were first reached.
EXPECTED = [
    (("Coastal Cooperation Council", "membership"),
     {"Brevonia": ("1992-03-10", 1, False), "Valdoria": ("1992-03-10", 1, False), "Kestria": ("1993", 1, False)}),
    # Told twice each: by the country's own document and by the programme's; the two tell Kestria's differently.
    (("Harbour Partnership Programme", "membership"),
     {"Brevonia": ("1996-03-12", 2, False), "Valdoria": ("1995-02-03", 2, False), "Kestria": ("1997-05-30", 2, True)}),
    (("Harbour Partnership Framework Document", "agreement"),
     {"Brevonia": ("1996-04-02", 1, False), "Valdoria": ("1995-02-20", 1, False), "Kestria": None}),
    (("Joint Readiness Action Plan", "agreement"),
     {"Brevonia": ("2001-06-14", 1, False), "Valdoria": ("2004-10-09", 1, False), "Kestria": None}),
]


def shape(found: dict) -> list:
    """The matrix without event ids: [((object, type), {actor: (date, sources, conflict) or None})]."""
    return [((m["object"], m["type"]), {actor: (c["date"], c["sources"], c["conflict"]) if c else None
                                         for actor, c in m["cells"].items()}) for m in found["milestones"]]


@pytest.fixture(scope="module")
def extracted():
    from annals.pipeline import extract

    return [extract(FIXTURES / name) for name in DOCUMENTS]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request, extracted, tmp_path_factory):
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("compare") / "corpus.db")
    else:
        url = request.getfixturevalue("postgres_server").create_database("compare_matrix")
    with Corpus(url) as opened:
        for doc in extracted:
            opened.add_document(doc)
        yield opened


@pytest.fixture(scope="module")
def sqlite_file(extracted, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("compare_cli") / "corpus.db"
    with Corpus(path) as opened:
        for doc in extracted:
            opened.add_document(doc)
    return path


@pytest.mark.parametrize("document, actor, date, type_", [
    ("brevonia.txt", "Brevonia", "1992-03-10", "membership"),
    ("brevonia.txt", "Brevonia", "1996-04-02", "agreement"),
    ("brevonia.txt", "Brevonia", "2001-06-14", "agreement"),
    ("valdoria.txt", "Valdoria", "1995-02-03", "membership"),
    ("valdoria.txt", "Valdoria", "2004-10-09", "agreement"),
    ("kestria.txt", "Kestria", "1993", "membership"),
    ("kestria.txt", "Kestria", "1997-05-30", "membership"),
    ("kestria.txt", "Kestria", "2006-07-04", "agreement"),
    ("kestria.txt", "Kestria", "2008-08", "exercise"),
    ("harbour-partnership.txt", "Kestria", "1997-06-30", "membership"),
    ("harbour-partnership.txt", "Toravia", "1999-08-08", "membership"),
])
def test_compare_fixtures_give_their_countries_the_source_part(extracted, document, actor, date, type_):
    doc = extracted[DOCUMENTS.index(document)]
    found = [e for e in doc.events if e.date_value == date]
    assert len(found) == 1, [(e.date_value, e.type) for e in doc.events]
    assert found[0].type == type_
    assert [a.name for a in found[0].actors if a.part == "source"] == [actor]


def test_compare_matrix_is_the_known_answer(corpus):
    found = compare(corpus, ACTORS)
    assert found["actors"] == ACTORS
    assert shape(found) == EXPECTED


def test_compare_cells_name_the_event_with_its_sources(corpus):
    found = compare(corpus, ACTORS)
    cell = found["milestones"][1]["cells"]["Kestria"]
    event = corpus.event(cell["event"])
    assert event["date"]["value"] == "1997-05-30"
    assert len(event["sources"]) == cell["sources"] == 2
    assert [c["value"] for c in event["conflicts"]] == ["1997-06-30"]
    assert {a["name"]: a["part"] for a in event["actors"]}["Kestria"] == "source"


@pytest.mark.parametrize("names", [
    ["brevonia", "VALDORIA", "kestria"],  # any case
    ["Brevonia", "Valdoria", "Kestria", "Kestria"],  # each actor once
])
def test_compare_resolves_names_in_any_case_once(corpus, names):
    found = compare(corpus, names)
    assert found["actors"] == ACTORS
    assert shape(found) == EXPECTED


def test_compare_resolves_an_alias_as_events_actor_does(tmp_path):
    """The example article calls Azerbaijan "the Republic of Azerbaijan" too (the invented countries get no
    alias from the extractor)."""
    from conftest import EXAMPLE

    with Corpus(tmp_path / "example.db") as opened:
        opened.add(EXAMPLE)
        assert "Republic of Azerbaijan" in opened.actors("Azerbaijan")[0]["aliases"]
        found = compare(opened, ["Republic of Azerbaijan"],
                        objects=("Partnership for Peace", "Partnership for Peace Framework Document"))
    assert found["actors"] == ["Azerbaijan"]
    assert [(m["object"], m["type"], m["cells"]["Azerbaijan"]["date"]) for m in found["milestones"]] == [
        ("Partnership for Peace", "membership", "1994"),
        ("Partnership for Peace Framework Document", "agreement", "1994-05-04")]


def test_compare_one_actor_is_enough_for_a_fourth_actor_to_join_a_row(corpus):
    found = compare(corpus, [*ACTORS, "Toravia"])
    programme = found["milestones"][1]
    assert programme["object"] == "Harbour Partnership Programme"
    assert programme["cells"]["Toravia"]["date"] == "1999-08-08"
    assert all(m["cells"]["Toravia"] is None for i, m in enumerate(found["milestones"]) if i != 1)


@pytest.mark.parametrize("least, rows", [
    (1, 7),  # with Valdoria's withdrawal, Kestria's transit agreement and exercise (not Brevonia's independence:
             # it is about no object and aimed at no organisation)
    (2, 4),
    (3, 2),
])
def test_compare_min_actors_chooses_the_rows(corpus, least, rows):
    found = compare(corpus, ACTORS, least=least)
    assert len(found["milestones"]) == rows
    assert all(sum(c is not None for c in m["cells"].values()) >= least for m in found["milestones"])


def test_compare_a_milestone_reached_by_one_is_left_out_by_default(corpus):
    objects = {(m["object"], m["type"]) for m in compare(corpus, ACTORS)["milestones"]}
    assert ("Maritime Transit Agreement", "agreement") not in objects
    assert ("Coastal Cooperation Council", "withdrawal") not in objects
    alone = compare(corpus, ["Valdoria"])  # one actor: every milestone it reached
    assert ("Coastal Cooperation Council", "withdrawal") in {(m["object"], m["type"]) for m in alone["milestones"]}


@pytest.mark.parametrize("objects, types, expected", [
    (("harbour partnership programme",), (), [EXPECTED[1]]),
    (("Harbour Partnership Programme", "Joint Readiness Action Plan"), (), [EXPECTED[1], EXPECTED[3]]),
    (("Coastal Cooperation Council",), (), [EXPECTED[0]]),  # an organisation joined: the target, not an object
    ((), ("agreement",), [EXPECTED[2], EXPECTED[3]]),
    (("Harbour Partnership Programme",), ("agreement",), []),
])
def test_compare_filters_by_object_and_type(corpus, objects, types, expected):
    assert shape(compare(corpus, ACTORS, objects=objects, types=types)) == expected


def _telling(value: str, *parts: tuple[str, str]) -> dict:
    return {"date": {"value": value, "text": value}, "actors": [{"name": n, "kind": "country", "part": p}
                                                                for n, p in parts]}


@pytest.mark.parametrize("tellings, cell", [
    # Two actors' tellings merged into one event (the corpus did so once): each actor keeps its own date.
    ([_telling("2005-05-27", ("Brevonia", "other"), ("Aurelian Council", "source")),
      _telling("2006-01", ("Valdoria", "source")),
      _telling("2005-05-27", ("Brevonia", "other"), ("Aurelian Council", "source"))],
     {"date": "2006-01", "event": "e1", "sources": 1, "conflict": False}),
    # Two sources for the actor, a day and the month around it: the day, both counted, no conflict.
    ([_telling("2006-01", ("Valdoria", "source")), _telling("2006-01-15", ("Republic of Valdoria", "source"))],
     {"date": "2006-01-15", "event": "e1", "sources": 2, "conflict": False}),
    # Two sources that disagree: the earlier, marked.
    ([_telling("2006-03-02", ("Valdoria", "source")), _telling("2006-01-15", ("valdoria", "source"))],
     {"date": "2006-01-15", "event": "e1", "sources": 2, "conflict": True}),
    # A span that gives only its end ("by May 2008") counts to its end; an unknown year is no conflict.
    ([_telling("../2008-05", ("Valdoria", "source")), _telling("XXXX-06-01", ("Valdoria", "source"))],
     {"date": "../2008-05", "event": "e1", "sources": 2, "conflict": False}),
])
def test_compare_cell_takes_the_actor_s_own_tellings(tellings, cell):
    from annals.compare import _cell, _claims

    event = {"id": "e1", "date": {"value": tellings[0]["date"]["value"]}}
    assert _cell(_claims([event], {"e1": tellings}, {"valdoria", "republic of valdoria"})) == cell


@pytest.mark.parametrize("names, least, message", [
    (["Brevonia", "Atlantis"], None, "no actor 'Atlantis'"),
    ([], None, "at least one actor"),
    (["Brevonia", " "], None, "no actor"),
    (["Brevonia", "Valdoria"], 3, "--min-actors"),
    (["Brevonia", "Valdoria"], 0, "--min-actors"),
])
def test_compare_refuses_what_it_cannot_answer(corpus, names, least, message):
    with pytest.raises(UsageError, match=message):
        compare(corpus, names, least=least)


# ---------------------------------------------------------------- the command


def run(*args: str):
    return CliRunner().invoke(app, ["compare", *args])


def test_compare_cli_json_has_the_documented_shape(sqlite_file):
    result = run(*ACTORS, "--db", str(sqlite_file), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"actors", "milestones"}
    assert data["actors"] == ACTORS
    for milestone in data["milestones"]:
        assert set(milestone) == {"object", "type", "cells"}
        assert list(milestone["cells"]) == ACTORS
        for cell in filter(None, milestone["cells"].values()):
            assert set(cell) == {"date", "event", "sources", "conflict"}
            assert isinstance(cell["event"], str) and isinstance(cell["sources"], int)
    assert shape(data) == EXPECTED


def test_compare_cli_csv_has_a_row_per_milestone(sqlite_file):
    result = run(*ACTORS, "--db", str(sqlite_file), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["object"], r["type"]) for r in rows] == [key for key, _ in EXPECTED]
    assert rows[1]["Kestria"] == "1997-05-30" and rows[1]["Kestria conflict"] == "true"
    assert rows[1]["Valdoria sources"] == "2" and rows[2]["Kestria"] == ""


def test_compare_cli_table_shows_dates_sources_and_the_conflict(sqlite_file):
    result = run(*ACTORS, "--db", str(sqlite_file))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    programme = next(line for line in lines if "Harbour Partnership Programme" in line)
    assert "1995-02-03 (2)" in programme and "1997-05-30 (2) ≠" in programme
    plan = next(line for line in lines if "Joint Readiness Action Plan" in line)
    assert "2001-06-14 (1)" in plan and "—" in plan and "≠" not in plan
    assert "4 milestones" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["Brevonia", "Atlantis"], "no actor 'Atlantis' in the corpus"),
    (["Brevonia", "Valdoria", "--type", "joining"], "unknown event type 'joining'"),
    (["Brevonia", "Valdoria", "--min-actors", "5"], "--min-actors must be between 1 and"),
])
def test_compare_cli_error_is_one_line(sqlite_file, args, message):
    result = run(*args, "--db", str(sqlite_file))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_compare_cli_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "Example: annals compare" in result.output


# ---------------------------------------------------------------- the API


@pytest.fixture(scope="module")
def client(sqlite_file):
    with Corpus(sqlite_file) as opened, TestClient(create_app(opened), raise_server_exceptions=False) as test_client:
        yield test_client


def test_compare_api_answers_what_the_library_does(client, sqlite_file):
    response = client.get("/api/compare", params=[("actor", a) for a in ACTORS] + [("format", "json")])
    assert response.status_code == 200, response.text
    with Corpus(sqlite_file, mode="read") as opened:
        assert response.json() == compare(opened, ACTORS)
    assert shape(response.json()) == EXPECTED


def test_compare_api_filters_and_csv(client):
    params = [("actor", "Brevonia"), ("actor", "Kestria"), ("object", "Harbour Partnership Programme")]
    response = client.get("/api/compare", params=params)
    assert shape(response.json()) == [(EXPECTED[1][0], {k: EXPECTED[1][1][k] for k in ("Brevonia", "Kestria")})]
    response = client.get("/api/compare", params=[*params, ("format", "csv")])
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[1].startswith("Harbour Partnership Programme,membership,1996-03-12,")
    response = client.get("/api/compare", params=[("actor", "Brevonia"), ("actor", "Valdoria"), ("type", "agreement"),
                                                  ("min_actors", "2")])
    assert [m["object"] for m in response.json()["milestones"]] == [EXPECTED[2][0][0], EXPECTED[3][0][0]]


@pytest.mark.parametrize("query, status, code", [
    ("actor=Brevonia&actor=Atlantis", 400, "E010"),
    ("", 422, "invalid_parameter"),
    ("actor=Brevonia&type=joining", 400, "E010"),
    ("actor=Brevonia&min_actors=0", 422, "invalid_parameter"),
    ("actor=Brevonia&format=xml", 422, "invalid_parameter"),
    ("&".join(["actor=Brevonia"] * 13), 422, "invalid_parameter"),
])
def test_compare_api_errors_as_the_other_endpoints_give_them(client, query, status, code):
    response = client.get("/api/compare?" + query)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_compare_api_is_in_the_openapi_description(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/compare"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"actor", "object", "type", "min_actors", "format"}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Comparison"}
