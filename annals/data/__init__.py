"""Word lists and rules that annals reads, kept as data beside the code.

Each YAML file opens with a FORMAT comment that says what its entries mean.
`load(path)` reads one and fails loudly (DataError) on anything malformed.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from annals.errors import DataError

__all__ = ["check_keys", "load"]


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


@cache
def load(name: str) -> Any:
    """Parse the data file `name` (a path relative to annals/data, e.g. "time/rules.yaml")."""
    import yaml

    try:
        text = resources.files("annals.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {name} is missing") from exc
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
