"""Errors that annals raises, each with a code and a one-line message.

    AnnalsError                  every error annals raises on purpose
    ├── InputError               a file or text that cannot be read
    │   ├── NotFound             E001 the path does not exist
    │   ├── NotAFile             E002 the path is a directory or a device
    │   ├── EmptyInput           E003 nothing to read
    │   ├── BinaryInput          E004 binary content, not text
    │   ├── DecodeError          E005 not valid UTF-8
    │   └── TooLarge             E006 over the size limit
    ├── UsageError               E010 an option or argument that makes no sense
    ├── DataError                E020 a data file (word list, rules) is malformed
    └── MissingDependency        E030 an optional package is not installed

The CLI prints `str(error)` on one line and exits with `error.exit_code`.
"""
from __future__ import annotations

__all__ = [
    "AnnalsError",
    "BinaryInput",
    "DataError",
    "DecodeError",
    "EmptyInput",
    "InputError",
    "MissingDependency",
    "NotAFile",
    "NotFound",
    "TooLarge",
    "UsageError",
]


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
