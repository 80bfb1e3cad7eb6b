"""The `annals` command as a user runs it: a real process, real files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE

ANNALS = [sys.executable, "-m", "annals"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ANNALS, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
                          check=False)


def test_cli_times_json_lists_every_expression():
    result = run("times", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first = data["times"][0]
    assert set(first) >= {"text", "start", "end", "type", "value", "edtf"}
    text = EXAMPLE.read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["text"] for t in data["times"])
    assert {"1994-05-04", "2003-08-15/2008-12-07", "2009-02/..", "../2008-05"} <= {t["edtf"] for t in data["times"]}


def test_cli_times_table_is_readable():
    result = run("times", str(EXAMPLE))
    assert result.returncode == 0
    assert "30 September-1 October 1998" in result.stdout


def test_cli_times_dct_resolves_news_dates(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("The minister resigned yesterday.\n", encoding="utf-8")
    data = json.loads(run("times", str(path), "--dct", "2013-03-22", "--format", "json").stdout)
    assert [t["value"] for t in data["times"]] == ["2013-03-21"]


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in 1999".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"In 1999 it began. " * 1000)
    (tmp_path / "folder").mkdir()
    return {
        "missing": ([str(tmp_path / "nope.txt")], "no such file"),
        "empty": ([str(tmp_path / "empty.txt")], "is empty"),
        "binary": ([str(tmp_path / "binary.bin")], "binary"),
        "invalid utf-8": ([str(tmp_path / "latin1.txt")], "not valid UTF-8"),
        "directory": ([str(tmp_path / "folder")], "is a directory"),
        "too large": ([str(tmp_path / "big.txt")], "over the"),
        "bad dct": ([str(EXAMPLE), "--dct", "yesterday"], "YYYY-MM-DD"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "invalid utf-8", "directory", "too large", "bad dct"])
def test_cli_times_bad_input_is_one_line_and_nonzero(tmp_path, case):
    args, words = _bad_inputs(tmp_path)[case]
    result = run("times", *args, env={"ANNALS_MAX_BYTES": "10000"})
    assert result.returncode != 0
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_cli_times_fifty_megabyte_file_is_refused_by_name(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = run("times", str(path))
    assert result.returncode == 2
    assert "huge.txt" in result.stderr and "50.0 MB" in result.stderr


def test_cli_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("annals ")
