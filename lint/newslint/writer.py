"""Writing a fixed draft back without ever losing text.

The new bytes go to a temporary file in the draft's own folder, which is flushed to disk, given
the draft's permission bits (and owner, where allowed) and then renamed over the draft, so a
reader sees either the old file or the new one, never half of one.  Before writing, the draft is
read again: if its bytes are not those that were linted, someone changed it meanwhile and
nothing is written; just before the rename its size, time and inode are compared once more, so
a save in the meantime is not overwritten either.  A symlink is followed, so the file it points
to is the one replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import suppress

from .errors import InputError


def write_atomic(path: str, data: bytes, *, expected: bytes) -> None:
    """Replace the file at ``path`` with ``data`` if it still holds ``expected``."""
    real = os.path.realpath(path)
    try:
        with open(real, "rb") as fh:
            info = os.fstat(fh.fileno())  # before reading: a later write changes it
            current = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read back before writing: {exc.strerror or exc}", path) from None
    if current != expected:
        raise InputError("changed on disk since it was read; not fixed", path)
    folder = os.path.dirname(real)
    try:
        fd, temp = tempfile.mkstemp(
            prefix=f".{os.path.basename(real)}.", suffix=".newslint", dir=folder
        )
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp):
            with suppress(OSError):
                os.chown(temp, info.st_uid, info.st_gid)
        if _changed(real, info):  # saved by someone else while the new bytes were written
            raise InputError("changed on disk since it was read; not fixed", path)
        os.replace(temp, real)
    except OSError as exc:
        with suppress(OSError):
            os.unlink(temp)
        raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def write_report(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (new or replaced) the same way: a temporary file beside it,
    flushed and renamed over it, so a reader never sees half a report."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    try:
        fd, temp = tempfile.mkstemp(
            prefix=f".{os.path.basename(real)}.", suffix=".newslint", dir=folder
        )
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, real)
    except OSError as exc:
        with suppress(OSError):
            os.unlink(temp)
        raise InputError(f"cannot write the report: {exc.strerror or exc}", path) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _changed(path: str, before: os.stat_result) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return True
    fields = ("st_ino", "st_dev", "st_size", "st_mtime_ns")
    return any(getattr(now, f) != getattr(before, f) for f in fields)


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _sync_folder(folder: str) -> None:
    """Flush the rename to disk where the platform allows opening a folder."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
