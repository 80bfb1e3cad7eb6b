"""Load a file's bytes as text (UTF-8, or UTF-16/UTF-32 with a byte-order mark), refusing what is not text."""
from __future__ import annotations

import codecs
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


# Byte-order marks of the encodings read besides UTF-8 (UTF-32 first: its little-endian mark begins like UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding that `data`'s byte-order mark names, or None."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _utf16_without_mark(data: bytes) -> str | None:
    """The UTF-16 of text without a byte-order mark (NULs at every other byte, as ASCII gives), or None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if zeros.count(0) >= 0.4 * len(zeros) and other.count(0) <= 0.05 * len(other):
            return name
    return None


def decode(data: bytes, source: str) -> str:
    """Bytes as text: UTF-8 (a byte-order mark is dropped), or UTF-16/UTF-32 with a byte-order mark; never binary.

    The whole file is checked: a NUL byte anywhere makes it binary (UTF-16 without a byte-order mark
    is named as such, so that it can be converted).
    """
    encoding = _encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"is not valid {encoding.upper()} (byte {exc.start} cannot be decoded)") from None
        if "\x00" in text:
            raise BinaryInput(source, f"is a binary file, not text (a NUL character in its {encoding.upper()} text)")
    else:
        if b"\x00" in data:
            guess = _utf16_without_mark(data)
            if guess is not None:
                raise DecodeError(source, f"is {guess} text without a byte-order mark: convert it to UTF-8 "
                                          f"(iconv -f {guess} -t UTF-8)")
            raise BinaryInput(source, f"is a binary file, not text (a NUL byte at byte {data.index(0)})")
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
