"""Files that the readers used to misname (issue 14): UTF-16 text, a NUL byte past the first 64 KB, HTML nested
deeper than lxml's default limit. Real files, and the command as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annals.errors import BinaryInput, DecodeError, EmptyInput
from annals.read import read

GEORGIA = "Georgia joined the United Nations on 31 July 1992. Its capital is Tbilisi.\n"

pytestmark = pytest.mark.issue(14)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32"])
def test_read_hostile_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, encoding):
    data = {"utf-16": GEORGIA.encode("utf-16"),
            "utf-16-le-bom": b"\xff\xfe" + GEORGIA.encode("utf-16-le"),
            "utf-16-be-bom": b"\xfe\xff" + GEORGIA.encode("utf-16-be"),
            "utf-32": GEORGIA.encode("utf-32")}[encoding]
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    doc = read(path)
    assert doc.text == GEORGIA


def test_read_hostile_utf16_file_gives_its_dates_on_the_command_line(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(GEORGIA.encode("utf-16"))
    result = subprocess.run([sys.executable, "-m", "annals", "times", str(path), "--format", "json"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert [t["value"] for t in json.loads(result.stdout)["times"]] == ["1992-07-31"]


@pytest.mark.parametrize(("encoding", "name"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_read_hostile_utf16_without_a_byte_order_mark_is_named(tmp_path, encoding, name):
    path = tmp_path / "nomark.txt"
    path.write_bytes(GEORGIA.encode(encoding))
    with pytest.raises(DecodeError, match=rf"is {name} text without a byte-order mark: convert it to UTF-8"):
        read(path)


@pytest.mark.parametrize("where", [65536, 65537, 1_000_000])
def test_read_hostile_a_nul_byte_anywhere_is_binary(tmp_path, where):
    data = bytearray((GEORGIA * (where // len(GEORGIA) + 2)).encode())
    data[where] = 0
    path = tmp_path / "late.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(BinaryInput, match=f"NUL byte at byte {where}"):
        read(path)


def nested(depth: int, inner: str) -> str:
    return ("<!doctype html><html><head><title>Deep</title></head><body>" + "<div>" * depth + inner
            + "</div>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [300, 1500, 5000, 50_000])
@pytest.mark.timeout(60)
def test_read_hostile_deeply_nested_html_is_read(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(nested(depth, "<h2>History</h2><p>Georgia joined the United Nations on 31 July 1992.</p>"
                                  "<script>var hidden = 1;</script><p>Tbilisi is its capital.</p>"), encoding="utf-8")
    doc = read(path)
    assert doc.title == "Deep"
    assert doc.text.split("\n") == ["History", "Georgia joined the United Nations on 31 July 1992.", "",
                                    "Tbilisi is its capital.", ""]


def test_read_hostile_deeply_nested_html_without_text_says_why(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(nested(5000, "<img src='x.png'>"), encoding="utf-8")
    with pytest.raises(EmptyInput, match="nest deeper than 2048 levels"):
        read(path)
