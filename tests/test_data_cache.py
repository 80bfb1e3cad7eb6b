"""The parsed-data cache of annals/data (#15): the same values as parsing the YAML, never a stale one."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annals import data

NAMES = sorted(str(p.relative_to(Path(data.__file__).parent)) for p in Path(data.__file__).parent.rglob("*.yaml"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(data, "_CACHE", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "__pycache__"


def _text(name: str) -> str:
    return (Path(data.__file__).parent / name).read_text(encoding="utf-8")


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", NAMES)
def test_data_cache_gives_what_the_yaml_parses_to(cache, name):
    parsed = data._parse(name, _text(name))
    first = data.load.__wrapped__(name)  # parses and keeps
    assert data._cache_path(name, _text(name)).exists()
    second = data.load.__wrapped__(name)  # read from the cache
    assert first == parsed and second == parsed


@pytest.mark.issue(15)
def test_data_cache_is_keyed_by_the_text(cache):
    name = "time/rules.yaml"
    assert data._cache_path(name, "rules: []\n") != data._cache_path(name, "rules: [] \n")
    data._keep(data._cache_path(name, "old: 1\n"), {"old": 1})
    data.load.__wrapped__(name)
    kept = sorted(p.name for p in cache.iterdir())
    assert kept == [data._cache_path(name, _text(name)).name]  # the older text's entry is gone


@pytest.mark.issue(15)
def test_data_cache_unreadable_entry_is_parsed_again(cache):
    name = "segment/layout.yaml"
    path = data._cache_path(name, _text(name))
    cache.mkdir()
    path.write_bytes(b"\x00 not marshal")
    assert data.load.__wrapped__(name) == data._parse(name, _text(name))


@pytest.mark.issue(15)
def test_data_cache_none_written_without_bytecode(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    data.load.__wrapped__("time/rules.yaml")
    assert not cache.exists()
