"""The data files that drive annals: documented, valid, and loud when broken."""
from __future__ import annotations

from importlib import resources

import pytest

from annals.data import check_keys
from annals.errors import DataError
from annals.time.lexicon import Lexicon

DATA_FILES = sorted(
    str(p.relative_to(resources.files("annals.data")))
    for p in resources.files("annals.data").rglob("*")  # type: ignore[attr-defined]
    if p.suffix in (".yaml", ".tsv", ".txt")
)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_opens_with_its_format(name):
    text = resources.files("annals.data").joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("# FORMAT"), f"{name} must open with a '# FORMAT' comment"


@pytest.mark.parametrize(
    ("entry", "message"),
    [({"pattern": "x", "type": "DATE", "nme": "typo"}, "unknown key"), ({"pattern": "x"}, "missing")],
)
def test_data_check_keys_rejects_malformed_entries(entry, message):
    with pytest.raises(DataError, match=message):
        check_keys("rules.yaml:x", entry, required={"pattern", "type"}, allowed={"name"})


def test_data_lexicon_rejects_an_unknown_list():
    with pytest.raises(DataError, match="unknown list"):
        Lexicon({"month": {"case": "title", "words": {"May": 5}}}).expand("%nosuchlist")


def test_data_yaml_keeps_words_that_yaml_would_turn_into_booleans():
    from annals.data import load

    starters = load("segment/abbreviations.yaml")["starters"]
    assert "On" in starters and "No" in load("segment/abbreviations.yaml")["before_number"]
