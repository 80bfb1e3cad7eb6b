"""Dates a careful reader places (#16): the document date, the narrative's season, month pairs, seasons end to end."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from annals.cli import app
from annals.store.corpus import Corpus
from annals.time.anchor import is_dateline
from annals.time.tagger import tag


def dated(text: str, dct: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.edtf) for m in tag(text, dct=dct)]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The plan was approved in June of last year.", "2020-03-10", [("June of last year", "2019-06", "2019-06")]),
        ("The pact was signed exactly twenty years ago.", "2020-03-10", [("exactly twenty years ago", "2000", "2000")]),
        ("The envoys met that day.", "2020-03-10", [("that day", "2020-03-10", "2020-03-10")]),
        ("The board will vote in June.", "2020-03-10", [("June", "2020-06", "2020-06")]),
        ("The board voted in June.", "2020-03-10", [("June", "2019-06", "2019-06")]),
        ("The envoy could fly home as soon as Tuesday, aides said.", "2000-04-03", [("Tuesday", "2000-04-04", "2000-04-04")]),
        ("The envoy flew home on Tuesday, aides said.", "2000-04-03", [("Tuesday", "2000-03-28", "2000-03-28")]),
        # in news, a day without its year after a full date of years before, in the same sentence, is of that
        # year; not when it is still to come, nor after a date of the document's own year
        ("Cuba was admitted on 2 May 2019; Haiti signed on 8 June.", "2024-03-05",
         [("2 May 2019", "2019-05-02", "2019-05-02"), ("8 June", "2019-06-08", "2019-06-08")]),
        ("Chile, invited in July 2021, will join on 12 March.", "2024-01-05",
         [("July 2021", "2021-07", "2021-07"), ("12 March", "2024-03-12", "2024-03-12")]),
        ("Peru, admitted on 2 January 2024, signed on 3 March.", "2024-04-05",
         [("2 January 2024", "2024-01-02", "2024-01-02"), ("3 March", "2024-03-03", "2024-03-03")]),
        # a backgrounder's story: a later day after a full date of years before, in the sentence just before
        ("A flood struck Lima on 17 August 1999. When Quito was hit in turn on 7 September, Peru sent help.",
         "2025-06-27", [("17 August 1999", "1999-08-17", "1999-08-17"), ("7 September", "1999-09-07", "1999-09-07")]),
        # (not a day before it, which news takes near the document's date)
        ("A flood struck Lima on 17 August 1999. The minister resigned on 3 May.", "2025-06-27",
         [("17 August 1999", "1999-08-17", "1999-08-17"), ("3 May", "2025-05-03", "2025-05-03")]),
    ],
)
def test_time_reader_counts_from_the_document_date(text, dct, expected):
    assert dated(text, dct) == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the summer of 2019 talks opened. Earlier that summer, envoys met.",
         [("the summer of 2019", "2019-SU", "2019-22"), ("Earlier that summer", "2019-SU", "2019-22")]),
        ("The mill opened in May 1998 and shut that winter.",
         [("May 1998", "1998-05", "1998-05"), ("that winter", "1998-WI", "1998-24")]),
        ("The truce held in the autumn of 2004. The following spring it broke.",
         [("the autumn of 2004", "2004-FA", "2004-23"), ("The following spring", "2005-SP", "2005-21")]),
        ("The truce held in the spring of 2004. The following autumn it broke.",
         [("the spring of 2004", "2004-SP", "2004-21"), ("The following autumn", "2004-FA", "2004-23")]),
    ],
)
def test_time_reader_season_of_the_narrative(text, expected):
    assert dated(text) == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A poll in March/April 2019 found support.", [("March/April 2019", "2019-03", "2019-03/2019-04")]),
        ("A poll in Sept./Oct. 2012 found support.", [("Sept./Oct. 2012", "2012-09", "2012-09/2012-10")]),
        ("In late summer 2018 the road reopened.", [("late summer 2018", "2018-SU", "2018-22")]),
        ("In early spring 2017 the road reopened.", [("early spring 2017", "2017-SP", "2017-21")]),
        ("In mid-2019 the road reopened.", [("mid-2019", "2019", "2019")]),
        ("Snow closed it in winter 2015/16.", [("winter 2015/16", "2015-WI", "2015-24")]),
        ("Sales were flat in early March 2011.", [("early March 2011", "2011-03", "2011-03")]),
    ],
)
def test_time_reader_pairs_and_parts_give_the_coarser_value(text, expected):
    assert dated(text) == expected


SEASON_DOCUMENT = (
    "Freedonia and Sylvania\n\n"
    "In the summer of 2019 Freedonia signed a trade agreement with Sylvania. "
    "In March 2021 Freedonia held talks with Sylvania.\n"
)


@pytest.mark.issue(16)
def test_time_reader_season_is_stored_queried_sorted_and_exported(tmp_path):
    source = tmp_path / "season.txt"
    source.write_text(SEASON_DOCUMENT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with Corpus(url) as corpus:
        corpus.add(source)
        july = corpus.events(since="2019-07", until="2019-07")["events"]
        everything = corpus.events()["events"]
    assert [e["date"]["value"] for e in july] == ["2019-22"]
    assert [e["date"]["value"] for e in everything] == ["2019-22", "2021-03"]
    result = CliRunner().invoke(app, ["export", "--db", url, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    season = next(row for row in rows if "2019-22" in row.values())
    assert "2019-06-01" in season.values() and "2019-08-31" in season.values()
    result = CliRunner().invoke(app, ["export", "--db", url, "--format", "ics"])
    assert result.exit_code == 0, result.output
    assert "20190601" in result.stdout and "20190901" in result.stdout


FURNITURE = {
    "label": "Freedonia recalls envoy\nPosted 2021-05-03 10:12\nBy Jane Doe\n\n"
             "Sylvania recalled its ambassador from Freedonia on Friday.\n",
    "header": "3 May 2021 | Politics | Europe\nUpdated: 4 May 2021, 10:12 GMT\n\n"
              "Sylvania recalled its ambassador from Freedonia on Friday.\n",
    "weekday": "Monday 3 May 2021 08.12 BST\n\nSylvania recalled its ambassador from Freedonia on Friday.\n",
    "digits": "Published on 2021/05/03 at 10:12\n\nSylvania recalled its ambassador from Freedonia on Friday.\n",
    "wire": "May 3, 2021 -- Sylvania recalled its ambassador from Freedonia on Friday.\n",
}


@pytest.mark.issue(16)
@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_time_reader_page_furniture_dates_the_document_and_makes_no_event(name, tmp_path):
    source = tmp_path / f"{name}.txt"
    source.write_text(FURNITURE[name], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    extracted = json.loads(result.stdout)
    assert extracted["document"]["date"] == "2021-05-03"
    events = extracted["events"]
    assert [e["date"]["value"] for e in events] == ["2021-04-30"]
    assert events[0]["evidence"]["text"].endswith("Sylvania recalled its ambassador from Freedonia on Friday.")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        "3 May 2004 – Freedonia joins the alliance.\n4 June 2004 – Sylvania joins it.\n",
        "Talks were held. On 3 May 2004 -- a Monday -- Freedonia joined the alliance.\n",
    ],
)
def test_time_reader_a_chronology_entry_or_an_aside_is_no_dateline(text):
    first = tag(text)[0]
    assert first.value == "2004-05-03"
    assert not is_dateline(text, first.start, first.end)


@pytest.mark.issue(16)
def test_time_reader_that_day_is_the_day_told_before_not_a_later_one():
    """ "that day" points back: to the date of the sentence before, not to a date later in its own."""
    text = ("The accord was signed in Lima on 30 October 2016. The ministers also signed a protocol that day, and "
            "the protocol has been applied since 1 April 2017.")
    assert [(m.text, m.edtf) for m in tag(text)] == [
        ("30 October 2016", "2016-10-30"), ("that day", "2016-10-30"), ("1 April 2017", "2017-04-01/..")]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first day told by its number before a date: two days that follow each other are one span
        ("A referendum was held on 4 and 5 June 2016.", [("4 and 5 June 2016", "2016-06-04", "2016-06-04/2016-06-05")]),
        ("The summit of 9 and 10 May 2003 closed.", [("9 and 10 May 2003", "2003-05-09", "2003-05-09/2003-05-10")]),
        # two days apart, or "or", are two dates
        ("They met on 3 and 10 March 2013.", [("3", "2013-03-03", "2013-03-03"), ("10 March 2013", "2013-03-10", "2013-03-10")]),
        ("It met on 6 or 7 May 2011.", [("6", "2011-05-06", "2011-05-06"), ("7 May 2011", "2011-05-07", "2011-05-07")]),
        # a count before a date is no day
        ("Aid rose by 12.5 and 13 May 2011 saw more.", [("13 May 2011", "2011-05-13", "2011-05-13")]),
    ],
)
def test_time_reader_a_first_day_told_by_its_number(text, expected):
    assert dated(text) == expected


@pytest.mark.issue(16)
def test_time_reader_each_dispatch_of_a_series_dates_its_own_today():
    """A page of bulletins each opened by a line of one shape ("Bulletin 2 - Lima, 4 March 2019"): "today" in
    each is its own bulletin's day; an ordinary date later in the text changes nothing."""
    text = ("ANDEAN PORTS AUTHORITY\nPress bulletins, March 2019\n\nBulletin 1 - Lima, 3 March 2019\n"
            "The board met today and approved the dredging plan.\n\nBulletin 2 - Lima, 4 March 2019\n"
            "The minister visited the port today. The plan had been drafted on 12 January 2019.\n\n"
            "Bulletin 3 - Lima, 6 March 2019\nThe first dredger arrived today.\n")
    todays = [m.edtf for m in tag(text) if m.text == "today"]
    assert todays == ["2019-03-03", "2019-03-04", "2019-03-06"]
    # one date line alone does not restart the clock: "today" keeps the page's date
    text = "Lima, 3 March 2019\nThe board met today. The plan was drafted on 12 January 2019 and approved today.\n"
    assert [m.edtf for m in tag(text) if m.text == "today"] == ["2019-03-03", "2019-03-03"]
