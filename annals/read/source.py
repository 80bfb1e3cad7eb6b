"""Load a file's bytes as text, refusing what is not readable text."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from annals.errors import BinaryInput, DecodeError, EmptyInput, InputError, NotAFile, NotFound, TooLarge

__all__ = ["DEFAULT_MAX_BYTES", "load_file", "max_bytes", "sha256"]

_MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * _MB


def max_bytes() -> int:
    """The size limit: ANNALS_MAX_BYTES, or 20 MB."""
    try:
        return int(os.environ.get("ANNALS_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, source: str) -> str:
    """Bytes as text: UTF-8 (a byte-order mark is dropped), never binary."""
    if b"\x00" in data[:65536]:
        raise BinaryInput(source, "is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"is not valid UTF-8 (byte {exc.start} cannot be decoded)") from None
    if not text.strip():
        raise EmptyInput(source, "is empty")
    return text


def load_file(path: str | os.PathLike, *, limit: int | None = None) -> tuple[str, bytes]:
    """The text of a file and its bytes; an InputError names the file and the problem."""
    source = str(path)
    file = Path(path)
    limit = max_bytes() if limit is None else limit
    try:
        info = file.stat()
    except FileNotFoundError:
        raise NotFound(source, "no such file") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    if file.is_dir():
        raise NotAFile(source, "is a directory, not a file")
    if not file.is_file():
        raise NotAFile(source, "is not a regular file")
    if info.st_size > limit:
        raise TooLarge(
            source,
            f"is {info.st_size / _MB:.1f} MB, over the {limit / _MB:g} MB limit (set ANNALS_MAX_BYTES to raise it)",
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise EmptyInput(source, "is empty")
    return decode(data, source), data
