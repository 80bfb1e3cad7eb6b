"""The development documents, scored by ../shared/eval/score.py as the issue measures them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EVAL, doc_for, gold_files, requires_eval

pytestmark = requires_eval


@pytest.mark.parametrize("gold", gold_files(), ids=[g.stem for g in gold_files()])
def test_extract_gold_scores_above_the_bar(tmp_path, gold):
    predicted = tmp_path / "pred.json"
    run = subprocess.run([sys.executable, "-m", "annals", "extract", str(doc_for(gold)), "--format", "json"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    predicted.write_text(run.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(predicted), "--json"],
                            capture_output=True, text=True, timeout=60, check=False)
    result = json.loads(scored.stdout)
    assert result["f1"] >= 0.92, result
    # Types now come from the predicate's parse and a general lexicon, not from triggers tuned on
    # these documents (issue 11): 0.88 over the set when this bar was set; the goal is 0.95.
    assert result["type_accuracy"] >= 0.70, result
    assert result["actor_recall"] >= 0.85, result
