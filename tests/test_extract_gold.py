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
    # Types come from the predicate's parse and a general lexicon (issue 11), not from triggers
    # tuned on these documents.
    assert result["type_accuracy"] >= 0.90, result
    assert result["actor_recall"] >= 0.85, result


@pytest.mark.issue(11)
def test_extract_dev2_set_scores_above_the_bar():
    """The second development set, micro-averaged: F1 and type accuracy at least 0.95 (issue 11)."""
    import importlib.util

    import annals

    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = predicted = matched = typed = 0
    for path in sorted((EVAL / "dev2" / "gold").glob("*.jsonl")):
        doc = annals.extract(EVAL / "dev2" / "docs" / f"{path.stem}.txt")
        result, matches, _, _ = score.score(score.load_gold(path), doc.to_dict())
        gold += result["gold"]
        predicted += result["predicted"]
        matched += result["matched"]
        typed += sum(1 for g, p in matches if score.type_ok(g, p))
    precision, recall = matched / predicted, matched / gold
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert typed / matched >= 0.95
