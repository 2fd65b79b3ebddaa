"""Reading a draft's bytes: regular files only, up to a size limit.

Only regular files are read: a FIFO would wait for ever for a writer and a device such as
``/dev/zero`` never ends, so anything else named is skipped with a notice.  So is a draft
larger than the size limit (:data:`MAX_FILE_SIZE`, ``--max-file-size``).  Kept apart from the
rule engine, so that ``newslint suggest`` reads drafts without importing it.
"""

from __future__ import annotations

import os
import stat
import sys

from .errors import BinaryFileError, InputError

#: The largest draft read, in bytes, unless ``--max-file-size`` says otherwise (0: no limit).
MAX_FILE_SIZE = 10_000_000


def _unlistable(path: str) -> str:
    """Why a folder cannot be walked, when that is so (the walk yields such folders)."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return f" that cannot be listed: {(exc.strerror or str(exc)).lower()}"
    return ""


def read_bytes(path: str, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file (or of standard input, for ``-``), at most ``max_size`` of
    them (0: no limit); anything else is :class:`BinaryFileError` (skipped) or :class:`InputError`.
    """
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        # Not blocking: opening a FIFO for reading would wait for a writer.
        with open(path, "rb", opener=_without_blocking) as fh:
            fd = fh.fileno()
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise BinaryFileError(f"not a regular file ({_kind(info.st_mode)}); skipped", path)
            if max_size and info.st_size > max_size:
                raise BinaryFileError(too_large(info.st_size, max_size), path)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            # As many bytes as the file has, and one more to see whether it grew: a read of the
            # limit itself would set aside 10 MB for every draft of a few KB.
            data = fh.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew, or is a file whose size says nothing
                more = max_size + 1 - len(data) if max_size else -1
                data += fh.read(more) if more else b""
            if max_size and len(data) > max_size:  # it grew while being read
                raise BinaryFileError(too_large(len(data), max_size), path)
            return data
    except FileNotFoundError:
        raise InputError("no such file or directory", path) from None
    except IsADirectoryError:
        raise InputError(f"is a folder{_unlistable(path)}", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None


def _without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def too_large(size: int, limit: int) -> str:
    return (
        f"larger than {limit / 1e6:g} MB ({size / 1e6:.1f} MB); skipped "
        "(--max-file-size raises the limit)"
    )


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
