"""The Python API: annals.extract on paths and text, stages in order, to_pandas."""
from __future__ import annotations

import pytest
from conftest import EXAMPLE

import annals
from annals.errors import NotFound
from annals.pipeline import stages


def test_pipeline_extract_accepts_a_path_or_text():
    from_path = annals.extract(EXAMPLE)
    from_str_path = annals.extract(str(EXAMPLE))
    from_text = annals.extract(EXAMPLE.read_text(encoding="utf-8"))
    assert [e.to_dict() for e in from_path.events] == [e.to_dict() for e in from_text.events]
    assert len(from_str_path.events) == len(from_path.events)


def test_pipeline_missing_path_is_an_error_not_text():
    with pytest.raises(NotFound):
        annals.extract("no-such-article.txt")


def test_pipeline_stages_declare_what_they_need_and_add():
    names = [s.name for s in stages()]
    assert names == ["segment", "times", "parse", "events"]
    produced = {"lines"}
    for stage in stages():
        assert set(stage.requires) <= produced
        produced |= set(stage.assigns)


def test_pipeline_to_pandas_has_one_row_per_event():
    pytest.importorskip("pandas")
    doc = annals.extract(EXAMPLE)
    frame = doc.to_pandas()
    assert len(frame) == len(doc.events)
    assert {"date", "type", "actors", "evidence"} <= set(frame.columns)
