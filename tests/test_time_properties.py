"""Properties: generated date phrases normalise to their values; no text makes the tagger fail or crawl."""
from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annals.time.tagger import tag

MONTHS = list(calendar.month_name)[1:]
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31))


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


FORMATS = [
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"the {ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
]


@given(day=dates, form=st.sampled_from(FORMATS))
def test_time_property_full_dates_normalise(day, form):
    (mention,) = tag(f"It was signed on {form(day)}.")
    assert mention.edtf == day.isoformat()


@given(day=dates)
def test_time_property_month_year(day):
    (mention,) = tag(f"It was signed in {MONTHS[day.month - 1]} {day.year}.")
    assert mention.edtf == f"{day.year:04d}-{day.month:02d}"


@given(first=dates, days=st.integers(min_value=1, max_value=3000))
def test_time_property_spans(first, days):
    last = first + dt.timedelta(days=days)
    if last.year > 2099:
        return
    text = f"from {first.day} {MONTHS[first.month - 1]} {first.year} until {last.day} {MONTHS[last.month - 1]} {last.year}"
    (mention,) = tag(text)
    assert mention.edtf == f"{first.isoformat()}/{last.isoformat()}"


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(text=st.text(max_size=300))
def test_time_property_arbitrary_text_never_raises(text):
    for mention in tag(text):
        assert 0 <= mention.start < mention.end <= len(text)


@settings(max_examples=100)
@given(text=st.text(alphabet="0123456789 -–/.,:'May JuneThe ofinsince", max_size=400), dct=dates)
def test_time_property_date_like_noise_never_raises(text, dct):
    tag(text, dct=dct.isoformat())


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["1999-", "12-", "2008–2010 ", "1 May ", "May 2, ", "'9"])
def test_time_property_a_megabyte_line_stays_linear(unit):
    # A hang guard for catastrophic backtracking (dateparser #1335): one long line
    # of digits and dashes must finish; the timeout is a bound, not a benchmark.
    text = unit * (1_000_000 // len(unit))
    tag(text)
