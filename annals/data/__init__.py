"""Word lists and rules that annals reads, kept as data beside the code.

Each YAML file opens with a FORMAT comment that says what its entries mean.
`load(path)` reads one and fails loudly (DataError) on anything malformed.

Parsing YAML (and importing the parser) is most of what a short command like
`annals times` spends on data, so what a file parsed to is kept beside the
files, as Python keeps its bytecode: in `__pycache__/`, one marshal file per
data file named by the sha256 of its text (an edited file is parsed again; a
cache that cannot be read or written is ignored; PYTHONDONTWRITEBYTECODE
writes none).
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from annals.errors import DataError

__all__ = ["check_keys", "load", "remember", "text_of"]


def _loader():
    """A safe YAML loader where only true/false are booleans: "No", "On" stay words."""
    import re

    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
    return Loader


_CACHE = Path(__file__).with_name("__pycache__")
_CACHE_FORMAT = 1  # raised when what the cache holds for a text changes (the loader's rules)


def _cache_path(name: str, text: str) -> Path:
    key = hashlib.sha256(f"{_CACHE_FORMAT}\0{marshal.version}\0{text}".encode()).hexdigest()[:24]
    return _CACHE / f"{name.replace('/', '.')}.{key}.marshal"


def _cached(path: Path) -> Any:
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _keep(path: Path, data: Any) -> None:
    """Write what a file parsed to (atomically), and drop what its earlier texts parsed to."""
    if sys.dont_write_bytecode:
        return
    try:
        payload = marshal.dumps(data)
    except ValueError:  # a value marshal cannot hold: parse this file each time
        return
    stem = path.name.rsplit(".", 2)[0]
    try:
        _CACHE.mkdir(exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(payload)
        os.replace(temporary, path)
        for old in _CACHE.glob(f"{stem}.*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return


@cache
def text_of(name: str) -> str:
    """The text of the data file `name` (a path relative to annals/data, e.g. "time/rules.yaml")."""
    try:
        return resources.files("annals.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {name} is missing") from exc


@cache
def load(name: str) -> Any:
    """Parse the data file `name` (a path relative to annals/data, e.g. "time/rules.yaml")."""
    text = text_of(name)
    return remember(name, text, lambda: _parse(name, text))


def remember(name: str, key: str, build: Callable[[], Any]) -> Any:
    """What `build()` gives, kept in the cache under `name` for as long as `key` (all it depends on) is the same."""
    cache_path = _cache_path(name, key)
    data = _cached(cache_path)
    if data is None:
        data = build()
        _keep(cache_path, data)
    return data


def _parse(name: str, text: str) -> Any:
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        raise DataError(f"data file {name} is not valid YAML: {exc}") from exc
    if data is None:
        raise DataError(f"data file {name} is empty")
    return data


def check_keys(where: str, entry: dict, *, required: set[str], allowed: set[str]) -> None:
    """Reject an entry with missing or unknown keys (a typo must not pass silently)."""
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing = required - entry.keys()
    unknown = entry.keys() - allowed - required
    if missing:
        raise DataError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown:
        raise DataError(f"{where}: unknown key {', '.join(sorted(unknown))}")
