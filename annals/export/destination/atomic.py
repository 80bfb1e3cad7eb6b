"""Replace a regular file (or make a new one) all at once: write a temporary file beside it, then rename.

    replace_with(path, chunks)     `path` holds the old bytes until every chunk is written, then the new

The temporary file is `.NAME.XXXXXXXX.part` in the same folder (so the rename
is atomic): a new name each time, created exclusively, so it is never someone
else's file and two exports to one path do not collide. It has the mode of
the file it replaces (a new file: the umask's), is locked (flock) while it is
written, and is removed on any exception, Ctrl-C included. A process killed
outright (SIGKILL, an unhandled SIGTERM, a crash) cannot remove it, but its lock
dies with it: the next export to the same path removes such unlocked
leftovers, and only those (the exact name pattern, regular files, unlocked).
(Linux's O_TMPFILE, a file the OS removes, was not chosen: linking it into
place goes through /proc and fails on some systems, and it is Linux only.)
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterable

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks, so leftovers are not cleaned up
    fcntl = None

__all__ = ["replace_with"]


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{8}}\.part\Z")


def _locked(fd: int) -> bool | None:
    """Take the lock of `fd`: True, or False if someone holds it, None where the file system has no locks."""
    if fcntl is None:  # pragma: no cover
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # e.g. ENOLCK on some network file systems: no proof that a writer died
        return None
    return True


def _is(path: str, fd: int) -> bool:
    """Whether `path` still names the file open as `fd`."""
    try:
        return os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def _remove_leftovers(folder: str, name: str) -> None:
    """Remove the temporary files of exports to `name` that died (nobody holds their lock)."""
    if fcntl is None:  # pragma: no cover
        return
    pattern = _pattern(name)
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not pattern.match(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    if _locked(fd) is True and _is(entry.path, fd):
                        os.unlink(entry.path)
                finally:
                    os.close(fd)


def _create(folder: str, name: str, old: os.stat_result | None) -> tuple[int, str]:
    """A new, locked temporary file beside `name`, with the mode (and, if allowed, owner) of `old`."""
    for _ in range(100):
        temp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600 if old else 0o666)
        except FileExistsError:
            continue
        if _locked(fd) is not False and _is(temp, fd):  # else another export's clean-up took it
            break
        os.close(fd)
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name beside it")
    try:
        if old is not None:
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
            if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, old.st_uid, old.st_gid)
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    return fd, temp


def replace_with(path: str, chunks: Iterable[bytes]) -> None:
    """Write `chunks` to the regular file or new path `path`, which changes only once they are all written."""
    folder, name = os.path.split(path)
    folder = folder or "."
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    _remove_leftovers(folder, name)
    fd, temp = _create(folder, name, old)
    with open(fd, "wb") as handle:  # closed (and unlocked) only after the rename
        try:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
