"""Writing a fixed draft back without ever losing text, or what the file system knows about it.

The new bytes go to a temporary file in the draft's own folder, which is flushed to disk, given
the draft's permission bits, owner (where allowed) and extended attributes (``user.*``, and the
POSIX ACLs, which are stored as ``system.posix_acl_*`` attributes), and then renamed over the
draft, so a reader sees either the old file or the new one, never half of one.  Before writing,
the draft is read again: if its bytes are not those that were linted, someone changed it
meanwhile and nothing is written; just before the rename its size, time and inode are compared
once more, so a save in the meantime is not overwritten either.  A symlink is followed, so the
file it points to is the one replaced.

A draft with other hard links cannot be renamed over without breaking them (the other names
would keep the old text), so it is written in place instead, once the temporary file holds the
new bytes and has been read back; if that write fails the old bytes are put back.

The temporary file is named ``.<draft>.<pid>-<random>.newslint``.  It is removed whatever stops
the write, a signal included (the command turns SIGTERM and SIGHUP into an exception); only
SIGKILL can leave one, and the next run that writes into the folder removes those whose process
is gone.  The copy kept for an in-place write ends in ``.newslint-copy`` and is never removed
by a later run: if a SIGKILL cut that write short, it holds the fixed text.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from contextlib import suppress

from .errors import InputError
from .files import printable

TEMP_SUFFIX = ".newslint"
COPY_SUFFIX = ".newslint-copy"
# The temporary files of a run: ".<draft>.<pid>-<random>.newslint".
_TEMP = re.compile(r"\..+\.(\d+)-[A-Za-z0-9_]+\.newslint")
_swept: set[str] = set()  # folders whose stale temporary files this process has removed


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
    remove_stale(folder)
    in_place = info.st_nlink > 1
    fd, temp = _temporary(real, COPY_SUFFIX if in_place else TEMP_SUFFIX, path, "cannot write")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if in_place:
            _write_in_place(real, temp, data, info, expected, path)
            return
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp):
            with suppress(OSError):
                os.chown(temp, info.st_uid, info.st_gid)
        copy_xattrs(real, temp, path)
        if _changed(real, info):  # saved by someone else while the new bytes were written
            raise InputError("changed on disk since it was read; not fixed", path)
        os.replace(temp, real)
    except OSError as exc:
        with suppress(OSError):
            os.unlink(temp)
        raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
    except BaseException as exc:
        if not isinstance(exc, _CopyKept):
            with suppress(OSError):
                os.unlink(temp)
        raise
    _sync_folder(folder)


def write_report(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (new or replaced) the same way: a temporary file beside it,
    flushed and renamed over it, so a reader never sees half a report."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    remove_stale(folder)
    fd, temp = _temporary(real, TEMP_SUFFIX, path, "cannot write the report")
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


def _temporary(real: str, suffix: str, path: str, what: str) -> tuple[int, str]:
    """A new temporary file beside ``real``, named so that a later run knows it for its own
    (:func:`remove_stale`): ``.<name>.<pid>-<random><suffix>``."""
    try:
        return tempfile.mkstemp(
            prefix=f".{os.path.basename(real)}.{os.getpid()}-",
            suffix=suffix,
            dir=os.path.dirname(real) or ".",
        )
    except OSError as exc:
        raise InputError(f"{what}: {exc.strerror or exc}", path) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _CopyKept(InputError):
    """An in-place write failed and the old text could not be put back: the copy stays."""


def _write_in_place(
    real: str, temp: str, data: bytes, info: os.stat_result, old: bytes, path: str
) -> None:
    """Write ``data`` over the draft's own inode (it has other hard links), after checking that
    the temporary copy holds it; on failure the old bytes are written back."""
    with open(temp, "rb") as fh:
        if fh.read() != data:
            raise InputError("cannot write: the temporary copy did not read back", path)
    if _changed(real, info):
        raise InputError("changed on disk since it was read; not fixed", path)
    try:
        _overwrite(real, data)
    except BaseException as exc:
        try:
            _overwrite(real, old)
        except BaseException:  # the copy is kept: it is the only whole text left
            raise _CopyKept(
                f"cannot write, and the old text could not be put back; the fixed text is in "
                f"{printable(temp)}",
                path,
            ) from None
        os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
        raise
    os.unlink(temp)


def _overwrite(path: str, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def copy_xattrs(source: str, target: str, path: str) -> None:
    """Give ``target`` the extended attributes of ``source`` (POSIX ACLs among them).

    An attribute that cannot be kept stops the fix (:class:`InputError`), except ``security.*``
    ones, which the system sets on a new file itself (an SELinux label).
    """
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(source)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.ENOSYS):
            return
        raise
    for name in names:
        try:
            os.setxattr(target, name, os.getxattr(source, name))
        except OSError as exc:
            if name.startswith("security."):
                continue
            raise InputError(
                f"cannot keep its extended attribute '{name}' "
                f"({(exc.strerror or str(exc)).lower()}); not fixed",
                path,
            ) from None


def remove_stale(folder: str) -> None:
    """Remove the temporary files that a killed run left in ``folder``: those named as this
    module names them whose process is gone.  Each folder is looked at once per run."""
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        with os.scandir(folder) as listing:
            names = [e.name for e in listing if e.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        match = _TEMP.fullmatch(name)
        if match is not None and not _alive(int(match.group(1))):
            with suppress(OSError):
                os.unlink(os.path.join(folder, name))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and belongs to someone else
        return True
    return True


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
