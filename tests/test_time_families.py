"""The pattern families the tagger must get right, as tables (text, dct, expected)."""
from __future__ import annotations

import pytest

from annals.time.tagger import tag, timex3s


def edtf_of(text: str, dct: str | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.edtf) for m in tag(text, dct=dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was signed on 4 May 1994.", [("4 May 1994", "1994-05-04")]),
        ("It was signed on May 4, 1994.", [("May 4, 1994", "1994-05-04")]),
        ("It was signed on 4th May 1994.", [("4th May 1994", "1994-05-04")]),
        ("sent on the 1st of September 1999", [("1st of September 1999", "1999-09-01")]),
        ("It began on the third of August 2005.", [("third of August 2005", "2005-08-03")]),
        ("In November 1997, it joined.", [("November 1997", "1997-11")]),
        ("It joined in 2004.", [("2004", "2004")]),
        ("It happened on Sept. 30, 1998.", [("Sept. 30, 1998", "1998-09-30")]),
    ],
)
def test_time_family_day_month_year(text, expected):
    assert edtf_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 27–28 April 2000", [("27–28 April 2000", "2000-04-27/2000-04-28")]),
        ("Between 9–11 July 2024, he came", [("9–11 July 2024", "2024-07-09/2024-07-11")]),
        ("for the first (2005-2007)", [("2005-2007", "2005/2007")]),
        ("in Kosovo in 1999-2008.", [("1999-2008", "1999/2008")]),
        ("from 15 August 2003 until 7 December 2008", [("15 August 2003 until 7 December 2008", "2003-08-15/2008-12-07")]),
        ("between 2012 and 2014 it was cleaned", [("2012 and 2014", "2012/2014")]),
        ("from March to June 2008", [("March to June 2008", "2008-03/2008-06")]),
        ("on 30 September-1 October 1998", [("30 September-1 October 1998", "1998-09-30/1998-10-01")]),
        ("Since February 2009, 90 personnel served", [("February 2009", "2009-02/..")]),
        ("It was stored there until 2007.", [("2007", "../2007")]),
        ("It was neutralized by May 2008.", [("May 2008", "../2008-05")]),
    ],
)
def test_time_family_spans(text, expected):
    assert edtf_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell between 1982 and 1992.", [("1982", "1982"), ("1992", "1992")]),
        ("He ran the firm from 2004 to 2009.", [("2004", "2004"), ("2009", "2009")]),
        (
            "The road was closed from 15 August 2003 until 7 December 2008.",
            [("15 August 2003", "2003-08-15"), ("7 December 2008", "2008-12-07")],
        ),
        ("from March to June 2008", [("March", "2008-03"), ("June 2008", "2008-06")]),
        ("It joined in 2004.", [("2004", "2004")]),
    ],
)
def test_time_family_spans_as_timeml(text, expected):
    """TimeML (and TempEval) annotates each end of "between A and B" as its own TIMEX3."""
    assert [(m.text, m.value) for m in timex3s(tag(text))] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected", "timeml"),
    [
        # two days that follow each other: one span, two TIMEX3s
        (
            "The summit will be held on April 24 and 25 in Washington.",
            "1999-02-10",
            [("April 24 and 25", "1999-04-24/1999-04-25")],
            [("April 24", "1999-04-24"), ("25", "1999-04-25")],
        ),
        (
            "Talks are set for Oct. 3 and 4, 2001.",
            None,
            [("Oct. 3 and 4, 2001", "2001-10-03/2001-10-04")],
            [("Oct. 3", "2001-10-03"), ("4, 2001", "2001-10-04")],
        ),
        # days apart, or one or the other: two dates
        (
            "Votes are due on March 3 and 10.",
            "2013-02-20",
            [("March 3", "2013-03-03"), ("10", "2013-03-10")],
            [("March 3", "2013-03-03"), ("10", "2013-03-10")],
        ),
        (
            "It could land on May 6 or 7.",
            "2013-02-20",
            [("May 6", "2013-05-06"), ("7", "2013-05-07")],
            [("May 6", "2013-05-06"), ("7", "2013-05-07")],
        ),
        # a number that counts something, or no day after the first
        ("On May 5 and 6 people died.", "2013-05-09", [("May 5", "2013-05-05")], [("May 5", "2013-05-05")]),
        ("It rose on May 5 and 3 fell.", "2013-05-09", [("May 5", "2013-05-05")], [("May 5", "2013-05-05")]),
    ],
)
def test_time_family_day_lists(text, dct, expected, timeml):
    """ "April 24 and 25": the second day is a date of the same month."""
    mentions = tag(text, dct=dct)
    assert [(m.text, m.edtf) for m in mentions] == expected
    assert [(m.text, m.value) for m in timex3s(mentions)] == timeml




@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "visits in February and November 2005, April and October 2006",
            ["2005-02", "2005-11", "2006-04", "2006-10"],
        ),
        ("on 17 September and 9 December 2008", ["2008-09-17", "2008-12-09"]),
        ("in March, June and September 2007", ["2007-03", "2007-06", "2007-09"]),
    ],
)
def test_time_family_lists_share_the_year(text, expected):
    assert [e for _, e in edtf_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened in 1997 by a decree on 21 November.", ["1997", "1997-11-21"]),
        ("On 28 June 2004 a post was created. On September 15, an envoy was named.", ["2004-06-28", "2004-09-15"]),
        ("On November 6, the president received a delegation.", ["XXXX-11-06"]),
        ("== A ==\nIt began in 2001.\n== B ==\nOn May 3, it ended.", ["2001", "XXXX-05-03"]),
        # "N years after" a clause tells when that clause's act was, not a date N years on
        ("Chile broke off relations with Peru in January 1961, two years after Rosa Ortiz took power.",
         ["1961-01", None]),
        ("It opened in 2005. Two years after, it closed.", ["2005", "2007"]),
    ],
)
def test_time_family_partial_dates_take_the_narrative(text, expected):
    assert [e for _, e in edtf_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The minister spoke on Wednesday.", "2013-03-22", "2013-03-20"),
        ("The vote will be held on Wednesday.", "2013-03-22", "2013-03-27"),
        ("Sales fell last year.", "2013-03-22", "2012"),
        ("He left two weeks ago.", "2013-03-22", "2013-03-04/2013-03-10"),
        ("He arrived yesterday.", "2013-03-22", "2013-03-21"),
        ("It was readmitted on August 17.", "2006-08-22", "2006-08-17"),
        ("He spoke on November 2.", "2006-08-22", "2005-11-02"),
        ("The rights expire Nov. 21.", "1989-11-02", "1989-11-21"),
        ("He said he would go home on Jan. 14.", "2000-01-05", "2000-01-14"),
        ("The offer was extended to Nov. 20.", "1989-11-02", "1989-11-20"),
        ("In January, the company brought in a new chief.", "1989-11-02", "1989-01"),
        ("The summit will be held in April.", "1998-12-05", "1999-04"),
        ("Bush said Tuesday that Iraq would retaliate.", "1990-08-15", "1990-08-14"),
        ("The king will meet Bush on Thursday.", "1990-08-15", "1990-08-16"),
        ("Dozens were killed in the blasts next to the embassies on Friday.", "1998-08-08", "1998-08-07"),
    ],
)
def test_time_family_news_dates_resolve_against_the_document_date(text, dct, expected):
    assert [e for _, e in edtf_of(text, dct)] == [expected]


def test_time_family_dateline_is_the_document_date():
    text = "PRAGUE, August 22, 2006 (RFE/RL) -- An envoy today said so. It happened on August 17."
    assert [e for _, e in edtf_of(text)] == ["2006-08-22", "2006-08-22", "2006-08-17"]


def test_time_family_a_dateline_of_two_cities_is_the_document_date():
    """"MINSK/WARSAW, Dec 21 (Wire) -": a dateline whose cities a slash joins dates the report, so a
    later month without its year is the one before the document date that the tense says, not a
    year a plan in between names."""
    text = ("Trade row deepens\n\nDecember 21, 2023 | 4:42 PM GMT\n\nMINSK/WARSAW, Dec 21 (Metro Wire) - Belarus said "
            "on Thursday it would cut exports next year. In June, the two governments agreed to set up a commission.")
    assert [e for _, e in edtf_of(text)][-1] == "2023-06"


@pytest.mark.parametrize("verb", ["agreed", "decreed", "guaranteed", "freed"])
def test_time_family_a_past_verb_ending_in_eed_tells_the_past(verb):
    assert [e for _, e in edtf_of(f"In June, the ministers {verb} it.", "2023-12-21")] == ["2023-06"]


@pytest.mark.parametrize(
    ("text", "timex", "edtf"),
    [
        ("in the mid-90s", "199", "199X"),
        ("security in the XXI century", "20", "20XX"),
        ("in early 2008", "2008", "2008"),
        ("In late 2007, he said", "2007", "2007"),
        ("during the 1990s", "199", "199X"),
        ("in the 20th century", "19", "19XX"),
    ],
)
def test_time_family_decades_centuries_and_vague_times(text, timex, edtf):
    (mention,) = tag(text)
    assert (mention.value, mention.edtf) == (timex, edtf)


@pytest.mark.parametrize(
    "text",
    [
        "a unit composed of 34 servicemen",
        "an area of 64 km^{2} from land mines",
        'attendance in "19+1" format',
        "the Turkish-led 4th Mechanized Infantry Company",
        "took part in NAC+Azerbaijan meeting",
        "in 3 stages",
        "from 94 to 120",
        "Approximately 950 tonnes of mélange",
        "2000 soldiers were sent",
    ],
)
def test_time_family_what_is_not_a_time(text):
    assert tag(text) == []


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("a two-year plan", "DURATION", "P2Y"),
        ("for three days", "DURATION", "P3D"),
        ("it meets every year", "SET", "P1Y"),
        ("prices rise annually", "SET", "P1Y"),
        ("it is now over", "DATE", "PRESENT_REF"),
    ],
)
def test_time_family_durations_sets_and_references(text, type_, value):
    (mention,) = tag(text)
    assert (mention.type, mention.value, mention.edtf) == (type_, value, None)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # financial news: a quarter without its year, the period reported on, the same period a year before
        (
            "Net income for the third quarter fell 6%. A year ago, it earned $2 million. Sales in the latest quarter rose.",
            "1989-10-26",
            [("the third quarter", "1989-Q3"), ("A year ago", "1988-Q3"), ("the latest quarter", "1989-Q3")],
        ),
        (
            "Profit fell in the fourth quarter. In the year-ago quarter it rose.",
            "1998-01-20",
            [("the fourth quarter", "1997-Q4"), ("the year-ago quarter", "1996-Q4")],
        ),
        ("Sales fell a year ago.", "1989-10-26", [("a year ago", "1988")]),
        ("Officials met over the weekend.", "1990-08-15", [("the weekend", "1990-W32-WE")]),
        ("He was found on Thanksgiving Day.", "2000-01-07", [("Thanksgiving Day", "1999-11-25")]),
        ("They lived in camps for 2 1/2 years.", None, [("2 1/2 years", "P2Y6M")]),
        ("It happened in nineteen ninety-six.", None, [("nineteen ninety-six", "1996")]),
        ("a 6-year-old boy earned $2 million a year", None, []),
    ],
)
def test_time_family_news_conventions(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Georgia joined in 1992, a year after it declared independence on 9 April 1991.", ["1992", "1991-04-09"]),
        ("It opened in 2005; two years later it closed.", ["2005", "2007"]),
    ],
)
def test_time_family_relative_to_an_event_is_no_date(text, expected):
    assert [e for _, e in edtf_of(text) if e] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plan told in the pluperfect is past: the weekday is the last one, not the next
        ("The offer had been due to expire Friday evening.", "2013-03-25", [("Friday evening", "2013-03-22TEV")]),
        ("The strike had been scheduled to end at midnight Friday.", "2013-03-25", [("midnight Friday", "2013-03-22T24:00")]),
        # a plan still ahead keeps the next one
        ("The offer is due to expire Friday evening.", "2013-03-25", [("Friday evening", "2013-03-29TEV")]),
        # "had been expected" as an aside does not make the clause's date past
        ("The sale, which had been expected, helps it repay the loan by February.", "2013-10-30", [("February", "2014-02")]),
    ],
)
def test_time_family_pluperfect_plan_is_past(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the local hour and the same hour in GMT in brackets: one time, as AQUAINT annotates it
        ("The blast came at 10:35 a.m. (0735 GMT) on Friday.", "2013-03-22", ["10:35 a.m.", "Friday"]),
        # a duration that modifies a noun leaves the article to the noun; "about" stays outside
        ("the end of the two-week strike after about three days", None, ["two-week", "three days"]),
        ("its third-quarter loss and the fiscal second-quarter results", "2013-11-02", ["third-quarter", "fiscal second-quarter"]),
        ("Sales fell in the third quarter.", "2013-11-02", ["the third quarter"]),
    ],
)
def test_time_family_extent_conventions(text, dct, expected):
    assert [m.text for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a start or an end told in the present speaks of what is to come
        ("The ban was voted in December and takes effect in July.", "2013-03-20", [("December", "2012-12"), ("July", "2013-07")]),
        ("The hearing, which opened on Feb. 11, resumes Monday.", "2013-03-20", [("Feb. 11", "2013-02-11"), ("Monday", "2013-03-25")]),
        # an infinitive is no past form: "to hit" is not "hit"
        ("The storm is forecast to hit the coast on Friday.", "2013-03-20", [("Friday", "2013-03-22")]),
        # an hour told with a day takes that day, past a bracketed GMT hour
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "2013-03-23", [("10:35 a.m.", "2013-03-22T10:35"), ("Friday", "2013-03-22")]),
        ("Polls close at 7 p.m. ET on Tuesday.", "2013-03-24", [("7 p.m. ET", "2013-03-19T19:00"), ("Tuesday", "2013-03-19")]),
        # else the one day its sentence names; with two days named, the document date
        ("On Tuesday, the bomb went off at 10 a.m. near the market.", "2013-03-20", [("Tuesday", "2013-03-19"), ("10 a.m.", "2013-03-19T10:00")]),
        (
            "He said Tuesday that on March 3 the blast came at 10 a.m.",
            "2013-03-20",
            [("Tuesday", "2013-03-19"), ("March 3", "2013-03-03"), ("10 a.m.", "2013-03-20T10:00")],
        ),
        ("Rain hit the coast on Friday.", "2013-03-20", [("Friday", "2013-03-15")]),
    ],
)
def test_time_family_present_plans_infinitives_and_hours_of_a_day(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a deadline put off or granted lies ahead, though the verb is past
        ("The court postponed until Tuesday morning any ruling on the permit.", "2013-03-21", [("Tuesday morning", "2013-03-26TMO")]),
        ("The ministry has given the firms until 9 a.m. Friday to reply.", "2013-03-18", [("9 a.m. Friday", "2013-03-22T09:00")]),
        ("The union extended its strike deadline until Monday.", "2013-03-20", [("Monday", "2013-03-25")]),
        ("The government has until Friday to respond.", "2013-03-20", [("Friday", "2013-03-22")]),
        # a deadline reached in the past stays past
        ("Until Thursday, the police had described him only as a witness.", "2013-03-22", [("Thursday", "2013-03-21")]),
        # "effective" before a date: a change still to come
        ("The board named a new chairman, effective Feb. 1.", "2013-10-24", [("Feb. 1", "2014-02-01")]),
        ("The plant signed a new labour pact effective June 1.", "2013-10-24", [("June 1", "2014-06-01")]),
        # an -ed word after an article is an adjective, no past verb
        ("The bonus would be paid on a still unspecified date in January.", "2013-10-24", [("January", "2014-01")]),
        ("The merger was completed in January.", "2013-10-24", [("January", "2013-01")]),
        # "..., officials said" tells the time of the report, not of what was reported before it
        ("The envoy will leave for Geneva at 6 a.m. Thursday, officials said.", "2013-03-20", [("6 a.m. Thursday", "2013-03-21T06:00")]),
        ("The envoy will stay at home, the minister said Sunday.", "2013-03-20", [("Sunday", "2013-03-17")]),
    ],
)
def test_time_family_deadlines_effective_dates_and_attributions(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "this past" / "this coming" before a weekday belong to it; a date after it joins it
        ("They met this past Monday.", "2013-03-22", [("this past Monday", "2013-03-18")]),
        ("The vote is this coming Sunday, March 24.", "2013-03-22", [("this coming Sunday, March 24", "2013-03-24")]),
        ("The vote is next Sunday, March twenty-fourth.", "2013-03-22", [("next Sunday, March twenty-fourth", "2013-03-24")]),
        # a day spelt out after its month; not an ordinal before a noun
        ("The festival opens March eighth.", "2013-03-05", [("March eighth", "2013-03-08")]),
        ("In March second place went to a newcomer.", "2013-03-05", [("March", "2013-03")]),
    ],
)
def test_time_family_weekday_with_its_date(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a schedule told in the present lies ahead
        ("The summit opens in Durban on Tuesday.", "2013-03-22", [("Tuesday", "2013-03-26")]),
        ("Ministers are meeting Sunday in Brussels.", "2013-03-22", [("Sunday", "2013-03-24")]),
        ("The envoy arrives in Oslo on Wednesday.", "2013-03-22", [("Wednesday", "2013-03-27")]),
        # a participle after "stay" or "remain", a base form after a modal: the modal decides
        ("The banks will stay closed until Tuesday.", "2013-03-22", [("Tuesday", "2013-03-26")]),
        ("The new phone will hit shops by the summer.", "2013-03-22", [("the summer", "2013-SU")]),
        # a past stays past
        ("Shares closed lower on Thursday.", "2013-03-22", [("Thursday", "2013-03-21")]),
        ("The talks opened on Monday.", "2013-03-22", [("Monday", "2013-03-18")]),
    ],
)
def test_time_family_schedules_in_the_present_and_modals(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a weekday before a day and month, British style, is one date
        ("A deal must be reached by Monday 25 March.", "2013-03-22", [("Monday 25 March", "2013-03-25")]),
        # a half, the first or the last week of a month: the month
        ("Sales picked up in the second half of March.", "2013-04-20", [("the second half of March", "2013-03")]),
        ("The trial opens in the last week of May.", "2013-04-20", [("the last week of May", "2013-05")]),
        ("Earnings for the last half of 1989 will be lower.", "1989-10-26", [("the last half of 1989", "1989-H2")]),
        # the current quarter is the document date's, not the last one reported on
        ("Sales in the current quarter will be weak.", "1989-10-26", [("the current quarter", "1989-Q4")]),
        # the next morning: of the day after the one the text last gave
        ("He was detained on 3 May 2009. The next morning he was freed.", None, [("3 May 2009", "2009-05-03"), ("The next morning", "2009-05-04TMO")]),
        # half a century in years
        ("It was the driest spring in half a century.", "2013-03-22", [("half a century", "P50Y")]),
    ],
)
def test_time_family_parts_of_months_and_days(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of no stated unit after "for"; not "a long time" (TimeBank and AQUAINT leave it)
        ("The stalls will stay shut for a while.", [("a while", "PXX")]),
        ("Troops may remain there for some time.", [("some time", "PXX")]),
        ("The pier has been closed for a long time.", []),
        # a bare plural after a verb of spending time, and seconds
        ("It took years to drain the marsh.", [("years", "PXY")]),
        ("The chip sorts the list in seconds.", [("seconds", "PTXS")]),
        # fractions of a century in years
        ("Over the past half-century the lake has shrunk.", [("the past half-century", "P50Y")]),
        ("It was the wettest winter in half a century.", [("half a century", "P50Y")]),
    ],
)
def test_time_family_vague_and_long_durations(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-22")] == expected


@pytest.mark.issue(16)
def test_time_family_decades_ago_name_a_year():
    found = [(m.text, m.value) for m in tag("A decade ago the port was idle; two decades ago it was busy.", dct="2013-03-22")]
    assert found == [("A decade ago", "2003"), ("two decades ago", "1993")]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday in the plural recurs every week
        ("The library is shut on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
        ("The ferry sails on Friday evenings.", [("Friday evenings", "SET", "XXXX-WXX-5TEV")]),
        # "a day or two", "weeks or months": one span, valued by its first length
        ("The board will decide in a week or two.", [("a week or two", "DURATION", "P1W")]),
        ("A ruling could come within days or weeks.", [("days or weeks", "DURATION", "PXD")]),
    ],
)
def test_time_family_plural_weekdays_and_alternative_lengths(text, expected):
    assert [(m.text, m.type, m.value) for m in tag(text, dct="2013-03-22")] == expected


def test_time_family_a_labelled_date_with_its_byline_dates_the_page():
    """"Published 14 September 2022 - by the Sahel team": the page's date, so "This year" is 2022 and
    a month after it is that year's."""
    text = ("SAHEL PROGRAMME | COMMENTARY\n\nA year of closed borders\n\nPublished 14 September 2022 - by the Sahel "
            "Programme team\n\nThe row began in May 2020. This year the dispute has drawn in France. In March, the "
            "minister endorsed the plan.\n")
    values = dict(edtf_of(text))
    assert (values["This year"], values["March"]) == ("2022", "2022-03")


def test_time_family_the_next_day_after_a_month_is_that_month():
    """"In March 2022, A. B the next day": the day is not known, the month is."""
    assert [e for _, e in edtf_of("In March 2022, the minister endorsed the plan. The envoy left the next day.")] \
        == ["2022-03", "2022-03"]


def test_time_family_since_tells_how_long_and_moves_no_story_on():
    """"On 31 October it let the contract lapse, after gas had flowed since 1996. The next day ...":
    the day after 31 October."""
    text = ("On 31 October 2021 it let lapse the contract for gas that had flowed through the pipeline since 1996. "
            "The next day, three drivers were killed.")
    assert [e for _, e in edtf_of(text)] == ["2021-10-31", "1996/..", "2021-11-01"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 11 August 2021 the talks ended. A week later, the council met.", ("A week", "P1W", "2021-08-18")),
    ("On 11 August 2021 the talks ended. Three days earlier, the envoy had left.", ("Three days", "P3D", "2021-08-08")),
    ("In May 2001 the talks ended. Two months later the council met.", ("Two months", "P2M", "2001-07")),
])
def test_time_family_a_duration_counted_from_the_story_dates_what_follows(text, expected):
    """"A week later": TimeML keeps the duration (P1W), the event is dated a week after the date before."""
    mention = next(m for m in tag(text) if m.type == "DURATION")
    assert (mention.text, mention.value, mention.edtf) == expected


def test_time_family_a_duration_before_a_noun_counts_from_that_noun_not_the_story():
    """"two days before the summit" is no date the story gives."""
    mention = next(m for m in tag("On 11 August 2021 the talks ended. Two days before the summit, the envoy left.")
                   if m.type == "DURATION")
    assert mention.edtf is None


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a participle with its agent after a noun tells no tense: the verb of the clause does
        (
            "The carrier will nearly double its routes between Britain and Brazil by August in a search for markets untouched by the slump.",
            "2013-02-13",
            [("August", "2013-08")],
        ),
        (
            "The ministers will take part in a long conference in Brussels on Friday, organised by the commission.",
            "2013-03-20",
            [("Friday", "2013-03-22")],
        ),
        # a past verb with its agent is still past
        ("In August the town was shelled by rebels.", "2013-02-13", [("August", "2012-08")]),
        ("He said rebels attacked the town on Friday, backed by tanks.", "2013-03-20", [("Friday", "2013-03-15")]),
    ],
)
def test_time_family_a_participle_with_its_agent_tells_no_tense(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


def test_time_family_a_transcripts_broadcast_line_dates_the_page():
    """"Transcript of the programme broadcast on Thursday, 17 March 2022, 18:30 CET": "yesterday" and
    "last Thursday" count from that day."""
    text = ("WORLD AT SIX\nTranscript of the programme broadcast on Thursday, 17 March 2022, 18:30 CET\n\n"
            "PRESENTER: Yesterday the ministers met. Last Thursday the envoy left.\n")
    values = dict(edtf_of(text))
    assert (values["Yesterday"], values["Last Thursday"]) == ("2022-03-16", "2022-03-10")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time word written with a capital inside a name or a title is no time; a capital that opens a
        # sentence or a quotation, or a headline's capitals, say nothing
        ('Tonight the minister speaks on the evening show "This Week".', [("Tonight", "2013-03-15TNI")]),
        ('"Today we vote," she told the programme ``48 Hours\'\'.', [("Today", "2013-03-15")]),
        ('The club showed "High Noon" on Christmas Day.', [("Christmas Day", "2012-12-25")]),
        ("You are listening to Radio Metro Tonight.\nTalks Resume This Week In Oslo", [("This Week", "2013-W11")]),
    ],
)
def test_time_family_a_capitalised_time_word_in_a_name_is_no_time(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every century has its ordinal, in digits or words; not one before Christ, nor one counted from a start
        ("A town founded in the fifth century BC kept its ninth-century walls.", [("ninth-century", "08")]),
        ("In the 11th century the abbey entered the second century of its history.", [("the 11th century", "10")]),
        ("the fabled 12th century temple", [("12th century", "11")]),
    ],
)
def test_time_family_early_centuries(text, expected):
    assert [(m.text, m.value) for m in tag(text)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plural subject's schedule in the present lies ahead; a negated or infinitive "meet" tells nothing
        (
            "The envoys did not meet Monday; the two ministers meet separately Thursday with the mediator.",
            "2013-03-15",
            [("Monday", "2013-03-11"), ("Thursday", "2013-03-21")],
        ),
        ("Lawmakers vote Tuesday on the budget, which they agreed to debate Monday.", "2013-03-15",
         [("Tuesday", "2013-03-19"), ("Monday", "2013-03-11")]),
    ],
)
def test_time_family_a_plural_schedule_in_the_present_lies_ahead(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stretch of recent weeks or months is a vague duration, as "the past few weeks" is; years stay PAST_REF
        ("Prices have risen in recent weeks, as in recent years.", [("recent weeks", "PXW"), ("recent years", "PAST_REF")]),
        ("Output fell in recent months and recent quarters.", [("recent months", "PXM"), ("recent quarters", "PXQ")]),
        # a length added to another is a duration with its article; "over the years" a run of years
        ("The lease may run for an additional year, or another two years.",
         [("an additional year", "P1Y"), ("another two years", "P2Y")]),
        ("The harbour silted up over the years.", [("the years", "PXY")]),
        # a day to come, not a day's length; a date left for later
        ("The valley may one day be flooded; the vote will be held at a later date.",
         [("one day", "FUTURE_REF"), ("a later date", "FUTURE_REF")]),
        # the year of a "pre-" or "post-" adjective; "in the past" before a "that" clause
        ("They longed for the pre-1914 borders.", [("pre-1914", "1914")]),
        ("Officers have warned in the past that the dam could fail.", [("the past", "PAST_REF")]),
    ],
)
def test_time_family_vague_stretches_added_lengths_and_days_to_come(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day counted in a run of days, told of the day of writing, is that day; a named day keeps its name
        ("It's the fourth day of the blockade.", [("the fourth day", "2013-03-15")]),
        ("Monday is the third day of the strike.", [("Monday", "2013-03-11")]),
    ],
)
def test_time_family_the_nth_day_of_a_run_told_today(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the past", "the last" or "the previous" before a plural unit with no count is one stretch reaching
        # the present, valued as "recent years" (PAST_REF) and "recent weeks" (PXW) are; "in past years" too
        ("The village has shrunk over the past years.", [("the past years", "PAST_REF")]),
        ("Rents have doubled in the last decades.", [("the last decades", "PAST_REF")]),
        ("The river flooded twice in past years.", [("past years", "PAST_REF")]),
        ("Fuel prices have climbed over the past weeks.", [("the past weeks", "PXW")]),
        ("The mayor has kept quiet in the last months.", [("the last months", "PXM")]),
        # to come: "the next days" as "the coming days"
        ("A decision is expected in the next days.", [("the next days", "FUTURE_REF")]),
        ("The committee will meet often over the next months.", [("the next months", "FUTURE_REF")]),
    ],
)
def test_time_family_a_stretch_of_plural_units_without_a_count(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        "He wrote about the last days of the empire.",
        "The past years of war had left the town poor.",
        "They spent the next months of the trial abroad.",
    ],
)
def test_time_family_a_stretch_of_something_else_is_no_time(text):
    assert [m.text for m in tag(text, dct="2013-03-15")] == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        # "in some quarters", "from many quarters": among some people, no stretch of time
        "The plan drew criticism in some quarters.",
        "Support for the bill came from many quarters.",
    ],
)
def test_time_family_quarters_as_circles_of_people_are_no_time(text):
    assert [m.text for m in tag(text, dct="2013-03-15")] == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a named day whose last word is a weekday is the feast, not that weekday
        ("Shoppers queued outside the mall on Black Friday.", "2013-11-20", [("Black Friday", "2013-11-29")]),
        ("Online sales peaked on Cyber Monday.", "2013-12-05", [("Cyber Monday", "2013-12-02")]),
        ("The abbey rings its bells on Maundy Thursday.", "2013-03-15", [("Maundy Thursday", "2013-03-28")]),
        ("The fireworks are held on Canada Day.", "2013-06-20", [("Canada Day", "2013-07-01")]),
        # a feast's weekend is one expression, the weekend next to the feast (before a Monday feast)
        ("Roads were jammed over the Thanksgiving weekend.", "2013-12-02", [("the Thanksgiving weekend", "2013-W48-WE")]),
        ("Roads were jammed over Memorial Day weekend.", "2013-06-03", [("Memorial Day weekend", "2013-W21-WE")]),
        ("The family met over the Easter weekend.", "2013-04-05", [("the Easter weekend", "2013-W13-WE")]),
    ],
)
def test_time_family_feasts_and_their_weekends(text, dct, expected):
    assert [(m.text, m.value) for m in tag(text, dct=dct)] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "early", "late", "earlier", "later" stay in a part of today or last night, as in "late yesterday"
        ("The ferry docked early this morning.", [("early this morning", "2013-03-15TMO")]),
        ("The minister lands later this afternoon.", [("later this afternoon", "2013-03-15TAF")]),
        ("The fire broke out late last night.", [("late last night", "2013-03-14TNI")]),
        ("The result is due later tonight.", [("later tonight", "2013-03-15TNI")]),
    ],
)
def test_time_family_early_or_late_in_a_part_of_today(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fortnight is two weeks
        ("The strike lasted a fortnight.", [("a fortnight", "P2W")]),
        ("Prices rose over the past fortnight.", [("the past fortnight", "P2W")]),
    ],
)
def test_time_family_a_fortnight(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the past decade", "the next decade": ten years up to the time told or after it (TimeML P10Y)
        ("Bus fares have doubled over the past decade.", [("the past decade", "DURATION", "P10Y")]),
        ("The canal is to be widened during the next decade.", [("the next decade", "DURATION", "P10Y")]),
        ("Demand for water may double in the coming decade.", [("the coming decade", "DURATION", "P10Y")]),
        # a calendar decade stays one
        ("The mill closed earlier this decade.", [("earlier this decade", "DATE", "201")]),
    ],
)
def test_time_family_the_past_or_next_decade_is_ten_years(text, expected):
    assert [(m.text, m.type, m.value) for m in tag(text, dct="2013-05-02")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "will" or "would" after "that" is the reported clause's: the day of the saying is past
        ("The coach said in a long interview on Wednesday that the club will appeal.", [("Wednesday", "2013-01-23")]),
        ("Its founder told staff at a meeting Wednesday that the shop would move.", [("Wednesday", "2013-01-23")]),
        # no cue before the day: the "will" still tells its tense
        ("The ballot on Sunday that will settle the matter.", [("Sunday", "2013-01-27")]),
    ],
)
def test_time_family_a_cue_after_that_is_the_reported_clauses(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-01-24")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "since" a month or day without its year: the last one on or before the document date,
        # however near the next one is
        ("Ticket sales are at their weakest since February.", [("February", "2012-02")]),
        ("The bridge has been shut since Feb. 2.", [("Feb. 2", "2012-02-02")]),
        ("The pool has been closed since January.", [("January", "2013-01")]),
        # "from" may open a span ahead
        ("Parking fees go up from February.", [("February", "2013-02")]),
    ],
)
def test_time_family_since_a_month_looks_back(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-01-24")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page's stamp: the weekday, shortened or not, belongs to the date, and an hour told before
        # the date makes one expression with it (as "5 p.m. EST, Nov. 6")
        ("Posted Mon April 1, 2013", [("Mon April 1, 2013", "DATE", "2013-04-01")]),
        ("Last updated Thu 4 April 2013", [("Thu 4 April 2013", "DATE", "2013-04-04")]),
        ("updated 6:02 AM EDT, Tue April 2, 2013", [("6:02 AM EDT, Tue April 2, 2013", "TIME", "2013-04-02T06:02")]),
        ("updated 11:15 PM ET, Tuesday, April 2, 2013", [("11:15 PM ET, Tuesday, April 2, 2013", "TIME", "2013-04-02T23:15")]),
    ],
)
def test_time_family_page_stamps_with_weekday_and_hour(text, expected):
    assert [(m.text, m.type, m.value) for m in tag(text, dct="2013-04-04")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month whose name is no common word, with no preposition before it
        ("Car sales rose 4% compared with December.", [("December", "2012-12")]),
        ('"October\'s storms were the worst," she said.', [("October", "2012-10")]),
        ("Shops hope November will be busier.", [("November", "2013-11")]),
        # "May" and "March" may be verbs, "June" a first name
        ("Prices may rise. June Smith will march.", []),
        # a month inside a name
        ("He lives on November Hill Road.", []),
    ],
)
def test_time_family_a_month_alone(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-02-14")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quarters in a row are time, though "quarters of" may be a fraction
        ("The region has had two consecutive quarters of contraction.", [("two consecutive quarters", "P2Q")]),
        ("The bank posted five straight quarters of losses.", [("five straight quarters", "P5Q")]),
        ("Rents rose for three successive years.", [("three successive years", "P3Y")]),
        ("Two quarters of the budget went on roads.", []),
    ],
)
def test_time_family_quarters_in_a_row(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # decades to come, as "the coming years" and "the years ahead"
        ("Coastal towns may flood in the coming decades.", [("the coming decades", "FUTURE_REF")]),
        ("The dam should hold for the decades ahead.", [("the decades ahead", "PXY")]),
    ],
)
def test_time_family_decades_to_come(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-15")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a sentence dated years back, a month still to come is near the document date
        (
            "The museum opened in May 2009. It will close for repairs in October.",
            [("May 2009", "2009-05"), ("October", "2013-10")],
        ),
        # the backgrounder's story goes on in the past, or in a "would" of that past
        (
            "The museum opened in May 2009. In October it held its first show.",
            [("May 2009", "2009-05"), ("October", "2009-10")],
        ),
        (
            "The museum opened in May 2009. In October its director would quit.",
            [("May 2009", "2009-05"), ("October", "2009-10")],
        ),
    ],
)
def test_time_family_a_month_to_come_after_a_backgrounder(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-06-11")] == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of weekdays ends on or after the day it starts
        ("The book fair runs from Wednesday to Sunday.", [("Wednesday", "2013-03-13"), ("Sunday", "2013-03-17")]),
        ("Hearings will be held between Tuesday and Thursday.", [("Tuesday", "2013-03-19"), ("Thursday", "2013-03-21")]),
        ("The port was shut Friday through Monday.", [("Friday", "2013-03-08"), ("Monday", "2013-03-11")]),
        # two days in a list are no span
        ("It snowed on Friday and on Thursday.", [("Friday", "2013-03-08"), ("Thursday", "2013-03-14")]),
    ],
)
def test_time_family_a_span_of_weekdays_runs_forward(text, expected):
    assert [(m.text, m.value) for m in tag(text, dct="2013-03-14")] == expected
