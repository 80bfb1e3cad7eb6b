"""Schemathesis against /openapi.json: generated requests never get a 500, and answers match the schema.

Each operation gets a bounded Hypothesis run (schemathesis's strategies, driven here rather than through
its pytest plugin, which does not load under pytest 9).
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from test_api import build_corpus

from annals.api import create_app
from annals.store.corpus import Corpus

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 40
OPERATIONS = [(path, method) for path, methods in create_app(None).openapi()["paths"].items() for method in methods]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    corpus = Corpus(build_corpus(tmp_path_factory.mktemp("schema") / "corpus.db"))
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(corpus))
    corpus.close()


@pytest.mark.parametrize("path, method", OPERATIONS)
def test_api_schema_no_server_errors_and_conforming_answers(api_schema, path, method):
    operation = api_schema[path][method]

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()


def test_api_schema_lists_the_read_operations():
    assert {path for path, _ in OPERATIONS} >= {"/api/events", "/api/events/{event_id}", "/api/actors",
                                                "/api/documents", "/api/documents/{source}", "/api/timeline"}
