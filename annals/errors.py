"""Errors that annals raises, each with a code and a one-line message.

    AnnalsError                  every error annals raises on purpose
    ├── InputError               a file or text that cannot be read
    │   ├── NotFound             E001 the path does not exist
    │   ├── NotAFile             E002 the path is a directory or a device
    │   ├── EmptyInput           E003 nothing to read
    │   ├── BinaryInput          E004 binary content, not text
    │   ├── DecodeError          E005 not valid UTF-8
    │   ├── TooLarge             E006 over the size limit
    │   └── FetchError           E007 an address that cannot be fetched (unreachable, refused, not a page)
    ├── UsageError               E010 an option or argument that makes no sense
    ├── DataError                E020 a data file (word list, rules) is malformed
    ├── MissingDependency        E030 an optional package is not installed
    └── OutputError              E050 an output that cannot be written (exit 73)

The CLI prints `str(error)` on one line and exits with `error.exit_code`.
`annals add` goes on past a file it cannot add and exits with EXIT_SOME_FAILED (3)
when some files failed and others were added, EXIT_ALL_FAILED (1) when all failed.
"""
from __future__ import annotations

__all__ = [
    "EXIT_ALL_FAILED",
    "EXIT_SOME_FAILED",
    "AnnalsError",
    "BinaryInput",
    "DataError",
    "DecodeError",
    "EmptyInput",
    "FetchError",
    "InputError",
    "MissingDependency",
    "NotAFile",
    "NotFound",
    "OutputError",
    "TooLarge",
    "UsageError",
]

EXIT_ALL_FAILED = 1  # `annals add`: no file could be added
EXIT_SOME_FAILED = 3  # `annals add`: some files could not be added, the others were


class AnnalsError(Exception):
    """Base of every error annals raises on purpose."""

    code = "E000"
    exit_code = 1

    def __str__(self) -> str:
        return f"{self.code} {super().__str__()}"


class InputError(AnnalsError):
    """A file or text that cannot be read."""

    code = "E000"
    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NotFound(InputError):
    code = "E001"


class NotAFile(InputError):
    code = "E002"


class EmptyInput(InputError):
    code = "E003"


class BinaryInput(InputError):
    code = "E004"


class DecodeError(InputError):
    code = "E005"


class TooLarge(InputError):
    code = "E006"


class FetchError(InputError):
    """An address (http/https) that cannot be fetched: unreachable, refused by robots.txt or the server, not a page."""

    code = "E007"


class UsageError(AnnalsError):
    code = "E010"
    exit_code = 2


class DataError(AnnalsError):
    """A data file that annals ships or loads is malformed."""

    code = "E020"


class MissingDependency(AnnalsError):
    code = "E030"

    def __init__(self, package: str, feature: str) -> None:
        super().__init__(f"{feature} needs the package {package!r}: pip install {package}")


class OutputError(AnnalsError):
    """An output (file, folder, device, pipe) that cannot be written; exit 73, sysexits' EX_CANTCREAT."""

    code = "E050"
    exit_code = 73

    def __init__(self, target: str, problem: str) -> None:
        self.target = target
        self.problem = problem
        super().__init__(f"{target}: {problem}")
