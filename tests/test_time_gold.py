"""Every date of the development gold files is found, in its sentence, with one of its values."""
from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import EXAMPLE, doc_for, gold_files, load_gold, requires_eval

from annals.pipeline import times

pytestmark = requires_eval


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"))
    return re.sub(r"\s+", " ", text).strip().casefold()


CASES = [(gold.stem, row) for gold in gold_files() for row in load_gold(gold)]


@pytest.fixture(scope="module")
def documents():
    return {gold.stem: times(doc_for(gold)) for gold in gold_files()}


@pytest.mark.parametrize(("name", "row"), CASES, ids=[f"{n}:{r['evidence'][:40]}" for n, r in CASES])
def test_time_gold_date_is_found_in_its_sentence(documents, name, row):
    doc = documents[name]
    fragment = norm(row["evidence"])
    sentences = [s for s in doc.sentences if fragment in norm(doc.text[s.start:s.end])]
    assert sentences, f"no sentence holds {row['evidence']!r}"
    values = set()
    for sentence in sentences:
        for m in doc.times:
            if sentence.start <= m.start < sentence.end:
                values.add(m.edtf)
                values.add(m.value)
    assert values & set(row["date"]), f"{row['date']} not among {sorted(v for v in values if v)}"


@pytest.mark.parametrize(
    "phrase", ["34 servicemen", "64 km^{2}", "19+1", "4th Mechanized Infantry Company", "NAC+Azerbaijan", "950 tonnes", "3 stages"]
)
def test_time_gold_example_non_times_are_not_tagged(phrase):
    doc = times(EXAMPLE)
    at = doc.text.index(phrase)
    assert not [m for m in doc.times if m.start < at + len(phrase) and at < m.end]
