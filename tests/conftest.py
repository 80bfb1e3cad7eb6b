"""Shared fixtures: paths to the evaluation data (read from ../shared, never copied)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
EXAMPLE = ROOT / "examples" / "azerbaijan-nato.txt"


def gold_files() -> list[Path]:
    return sorted((EVAL / "gold").glob("*.jsonl"))


def load_gold(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return rows


def doc_for(gold: Path) -> Path:
    return EVAL / "docs" / f"{gold.stem}.txt"


def pytest_configure(config):
    config.addinivalue_line("markers", "issue(n): regression test for an issue")


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


requires_eval = pytest.mark.skipif(not (EVAL / "gold").is_dir(), reason="../shared/eval is not present")
