"""Readers: a file or a string in, a `Document` (text, lines, sections) out."""
from __future__ import annotations

import os
from pathlib import Path

from annals.errors import EmptyInput, UsageError
from annals.model import Document
from annals.read.plaintext import read_plaintext
from annals.read.source import decode, load_file, sha256

__all__ = ["read", "read_text", "READERS", "choose_reader"]

READERS = ("auto", "text")


def choose_reader(text: str, *, name: str = "") -> str:
    """The reader for this content: by what it looks like, then by its name."""
    return "text"


def read_text(text: str, *, source: str = "<text>", reader: str = "auto", data: bytes | None = None) -> Document:
    """A Document from text already in memory."""
    if reader not in READERS:
        raise UsageError(f"unknown reader {reader!r}: choose one of {', '.join(READERS)}")
    if not text.strip():
        raise EmptyInput(source, "is empty")
    chosen = choose_reader(text, name=source) if reader == "auto" else reader
    digest = sha256(data if data is not None else text.encode("utf-8"))
    return read_plaintext(text, source=source, sha256=digest, reader=chosen)


def read(path: str | os.PathLike, *, reader: str = "auto") -> Document:
    """Read a file; an InputError names the file and what is wrong with it."""
    text, data = load_file(path)
    return read_text(text, source=Path(path).name, reader=reader, data=data)


def read_bytes(data: bytes, *, source: str, reader: str = "auto") -> Document:
    return read_text(decode(data, source), source=source, reader=reader, data=data)
