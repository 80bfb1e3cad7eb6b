"""What was fetched, kept on disk so that fetching an address again asks only whether it changed.

    <folder>/<sha256 of the URL>.json    {"url", "etag", "last_modified", "content_type", "fetched"}
    <folder>/<sha256 of the URL>.body    the body as received

Each file is written to a temporary name and renamed, the body before its record, so that a
record always names a whole body; an unreadable or mismatched entry counts as none. The
suffixes are not ones `annals add` reads, and the default folder next to a corpus is hidden,
so adding a folder never adds the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cache", "Cached", "cache_folder"]


def cache_folder(db: str | os.PathLike | None = None) -> Path:
    """Where fetched pages are kept: ANNALS_CACHE; next to a SQLite corpus (`.annals-cache`); else the XDG cache."""
    given = os.environ.get("ANNALS_CACHE")
    if given:
        return Path(given).expanduser()
    name = str(db) if db is not None else os.environ.get("ANNALS_DB") or "annals.db"
    if "://" not in name and name != ":memory:":
        return Path(name).expanduser().absolute().parent / ".annals-cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "annals" / "fetch"


@dataclass(frozen=True, slots=True)
class Cached:
    url: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


class Cache:
    """A folder of fetched bodies and their validators (ETag, Last-Modified), by URL."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> Cached | None:
        """The kept response of `url`, or None (nothing kept, or an entry that cannot be read)."""
        record, body = self._paths(url)
        try:
            meta = json.loads(record.read_text(encoding="utf-8"))
            data = body.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(data):
            return None
        return Cached(url, data, etag=meta.get("etag"), last_modified=meta.get("last_modified"),
                      content_type=meta.get("content_type"))

    def put(self, entry: Cached) -> None:
        """Keep a response (a cache that cannot be written is skipped: fetching does not need it)."""
        record, body = self._paths(entry.url)
        meta = {"url": entry.url, "etag": entry.etag, "last_modified": entry.last_modified,
                "content_type": entry.content_type, "size": len(entry.body),
                "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write(body, entry.body)
            _write(record, json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError:
            return


def _write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
