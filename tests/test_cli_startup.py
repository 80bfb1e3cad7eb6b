"""Start-up of the light commands (#15): `annals times` and `annals extract` import only what they need,
and their way around Typer (annals/entry.py) reads and prints exactly what the Typer commands do."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annals import entry
from annals.cli import app

ROOT = Path(__file__).resolve().parents[1]
DATED = "In May 1994 Azerbaijan joined NATO's Partnership for Peace programme.\n"
UNDATED = "Azerbaijan and NATO are partners.\n"

# Never imported by the light commands (the corpus, the server, the cluster, the columnar exports).
HEAVY = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg", "pyarrow", "dask", "distributed",
         "pandas", "icalendar", "trafilatura", "lxml", "annals.store.corpus", "annals.store.database", "annals.store.schema",
         "annals.store.adding", "annals.scale", "annals.api", "annals.export", "annals.query")
# Not imported where a command on that file does not need them.
TYPER = ("typer", "pydantic", "click")
PARSER = ("spacy", "thinc", "annals.parse")
EVENTS = ("annals.events", "annals.resolve", "annals.merge")

_RUN = """
import json, sys
sys.argv = ["annals", *json.loads(sys.argv[1])]
from annals.entry import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
with open({out!r}, "w") as handle:
    json.dump({{"code": code, "modules": sorted(sys.modules)}}, handle)
"""


def _imported(tmp_path: Path, args: list[str]) -> tuple[int, set[str]]:
    """Run `annals ARGS` in a fresh interpreter: its exit code and every module it imported."""
    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", _RUN.format(out=str(out)), json.dumps(args)], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    found = json.loads(out.read_text())
    return found["code"], set(found["modules"])


def _loaded(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in packages or m in packages
                  or any(m.startswith(p + ".") for p in packages))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    dated, undated = tmp_path / "dated.txt", tmp_path / "undated.txt"
    dated.write_text(DATED, encoding="utf-8")
    undated.write_text(UNDATED, encoding="utf-8")
    return {"dated": dated, "undated": undated}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("args", "absent"), [
    (["times", "{undated}"], HEAVY + TYPER + PARSER + EVENTS),
    (["times", "{dated}", "--format", "json"], HEAVY + TYPER + PARSER + EVENTS + ("rich",)),
    (["extract", "{undated}"], HEAVY + TYPER + PARSER + EVENTS),
    (["extract", "{undated}", "-f", "json"], HEAVY + TYPER + PARSER + EVENTS + ("rich",)),
    (["extract", "{dated}", "--format", "jsonl"], HEAVY),  # spaCy brings Click and Pydantic along
])
def test_cli_startup_light_commands_import_only_what_they_need(tmp_path, files, args, absent):
    code, modules = _imported(tmp_path, [a.format(**files) for a in args])
    assert code == 0
    assert _loaded(modules, absent) == []


@pytest.mark.issue(15)
def test_cli_startup_parser_loads_for_a_dated_sentence(tmp_path, files):
    code, modules = _imported(tmp_path, ["extract", str(files["dated"]), "--format", "json"])
    assert code == 0
    assert "spacy" in modules and "annals.events" in modules


def _typer_run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def _entry_run(args: list[str], capsys, monkeypatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["annals", *args])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        entry.main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [
    ["times", "{undated}"],
    ["times", "{dated}"],
    ["times", "{dated}", "-f", "json"],
    ["times", "--format=json", "--dct", "2020-01-02", "{dated}"],
    ["times", "-fjson", "{dated}"],
    ["times", "--dct", "2020", "{dated}"],
    ["times", "{missing}"],
    ["extract", "{dated}"],
    ["extract", "{undated}", "{dated}", "-f", "jsonl"],
    ["extract", "--reader", "text", "{dated}", "--format", "csv", "--raw-csv"],
    ["extract", "{dated}", "--format=json", "--dct=2021-03-04"],
    ["extract", "{undated}", "{missing}"],
])
def test_cli_startup_plain_arguments_print_what_typer_prints(tmp_path, files, capsys, monkeypatch, args):
    given = [a.format(missing=tmp_path / "missing.txt", **files) for a in args]
    assert entry.plain_arguments(given) is not None  # the way around Typer is taken
    assert _entry_run(given, capsys, monkeypatch) == _typer_run(given)


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [
    [], ["--version"], ["--help"], ["add", "x.txt"], ["times"], ["times", "--help"], ["times", "a.txt", "b.txt"],
    ["times", "-f", "xml", "a.txt"], ["times", "--dct", "a.txt"], ["times", "--", "a.txt"], ["times", "-f=json", "a.txt"],
    ["times", "-f", "json", "--format", "table", "a.txt"], ["times", "--format", "JSON", "a.txt"], ["times", "-"],
    ["times", "--dct=", "a.txt"], ["times", "--raw-csv", "a.txt"], ["extract"], ["extract", "--raw-csv=yes", "a.txt"],
    ["extract", "--reader", "--raw-csv", "a.txt"], ["extract", "-h", "a.txt"], ["Times", "a.txt"],
])
def test_cli_startup_anything_else_goes_to_typer(args):
    assert entry.plain_arguments(args) is None


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", ["times", "extract"])
def test_cli_startup_light_commands_declare_what_typer_declares(name):
    import typer.main

    command = typer.main.get_command(app).commands[name]
    light = entry._LIGHT[name]
    options, flags, arguments = {}, {}, []
    for param in command.params:
        if type(param).__name__ == "TyperArgument":
            arguments.append((param.name, param.nargs == -1))
        elif param.is_flag:
            assert param.secondary_opts == []
            flags.update({opt: param.name for opt in param.opts})
        else:
            assert param.nargs == 1 and not param.multiple and param.type_descriptor.case_sensitive
            choices = param.type_descriptor.choices
            options.update({opt: (param.name, tuple(c.value for c in choices) if choices else None)
                            for opt in param.opts})
        default = param.default.value if hasattr(param.default, "value") else param.default
        if type(param).__name__ != "TyperArgument":
            assert light.defaults[param.name] == default
    assert arguments == [(light.argument, light.many)]
    assert options == light.options
    assert flags == light.flags


@pytest.mark.issue(15)
def test_cli_startup_help_lists_every_command():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("times", "extract", "add", "remove", "events", "actors", "timeline", "export", "serve"):
        assert name in result.stdout


@pytest.mark.issue(15)
def test_cli_startup_console_script_and_module_take_the_light_way():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["annals"] == "annals.entry:main"
    assert "from annals.entry import main" in (ROOT / "annals" / "__main__.py").read_text(encoding="utf-8")
