"""Reading drafts: a file's bytes, then bytes to text, remembering what a fix must write back.

Only regular files are read (:func:`read_bytes`): a FIFO would wait for ever for a writer and a
device such as ``/dev/zero`` never ends, so anything else named is skipped with a notice.  So is
a draft larger than the size limit (:data:`MAX_FILE_SIZE`, ``--max-file-size``).

The text a check sees has ``\\n`` line breaks, whatever the file used, so CRLF and lone-CR files
give the same lines and columns as LF files.  The file's byte-order mark, encoding and each
line's own line ending are kept, so writing the text back changes nothing outside a fix.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass

from .errors import BinaryFileError, InputError

# UTF-32-LE's mark begins with UTF-16-LE's, so the UTF-32 marks are tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# An encoding named without its byte order: the mark decides it, else little-endian (as
# Windows writes it), and the file is written back in the same order, with or without a mark.
_ORDERED = {
    "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")),
    "utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
}


@dataclass(frozen=True)
class SourceText:
    """Decoded text with ``\\n`` line breaks, and how to encode it back to the same bytes."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    # One entry per line break when the file mixes line endings; empty otherwise.
    newlines: tuple[str, ...] = ()

    def encode(self, text: str) -> bytes:
        """Bytes of ``text`` (``\\n`` line breaks) in this file's encoding, BOM and endings."""
        return self.bom + self.with_endings(text).encode(self.encoding)

    def with_endings(self, text: str) -> str:
        """``text`` (``\\n`` line breaks) with the file's own line endings.

        In a file that mixes them, each line that a fix kept keeps its own ending, whether or
        not the fix changed the number of lines; a new line takes the ending of the line it
        was made from (or of the line before it).
        """
        if self.newlines:
            endings = self.newlines
            if text.count("\n") != len(endings):
                endings = _carried_endings(self.text, text, endings)
            parts = text.split("\n")
            out = [parts[0]]
            for ending, part in zip(endings, parts[1:], strict=True):
                out.append(ending)
                out.append(part)
            return "".join(out)
        if self.newline != "\n":
            return text.replace("\n", self.newline)
        return text


def _carried_endings(before: str, after: str, endings: tuple[str, ...]) -> tuple[str, ...]:
    """The ending of each line break of ``after``, carried over from ``before``'s lines."""
    from difflib import SequenceMatcher

    old, new = before.split("\n"), after.split("\n")
    common = max(set(endings), key=lambda e: (endings.count(e), e))
    out: list[str] = []
    last = common
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                last = endings[i] if i < len(endings) else last
                out.append(last)
        elif tag != "delete":  # replaced or inserted lines: the endings of those replaced
            taken = endings[i1 : min(i2, len(endings))]
            for k in range(j2 - j1):
                last = taken[k] if k < len(taken) else last
                out.append(last)
    return tuple(out[: len(new) - 1])


def decode(data: bytes, path: str, encoding: str | None = None) -> SourceText:
    """Decode a draft; binary data and bytes invalid in the encoding are :class:`InputError`."""
    bom = b""
    detected = encoding or "utf-8"
    if encoding is None:
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, detected = mark, name
                break
    try:
        name = codecs.lookup(detected).name
    except LookupError:
        raise InputError(f"unknown encoding '{encoding}'", path) from None
    if encoding is not None and name in _ORDERED:
        detected = _ORDERED[name][0][1]
        for mark, ordered in _ORDERED[name]:
            if data.startswith(mark):
                bom, detected = mark, ordered
                break
    body = data[len(bom) :]
    wide = name.startswith(("utf-16", "utf-32"))  # NUL bytes are part of the characters
    if not wide and b"\x00" in body:
        raise BinaryFileError("binary file (it holds NUL bytes); skipped", path)
    try:
        text = body.decode(detected)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        raise InputError(
            f"not valid {detected}: byte 0x{body[exc.start]:02x} at offset {offset} "
            f"(use --encoding to name the file's encoding)",
            path,
        ) from None
    if wide and "\x00" in text:
        raise BinaryFileError("binary file (it holds NUL characters); skipped", path)
    return normalise_newlines(text, encoding=detected, bom=bom)


def normalise_newlines(text: str, encoding: str = "utf-8", bom: bytes = b"") -> SourceText:
    if "\r" not in text:
        return SourceText(text, encoding, bom)
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = (crlf > 0) + (lone_cr > 0) + (lf > 0)
    if kinds == 1:
        newline = "\r\n" if crlf else "\r"
        return SourceText(text.replace(newline, "\n"), encoding, bom, newline)
    endings: list[str] = []
    out: list[str] = []
    i = 0
    n = len(text)
    start = 0
    while i < n:
        ch = text[i]
        if ch == "\r":
            ending = "\r\n" if i + 1 < n and text[i + 1] == "\n" else "\r"
        elif ch == "\n":
            ending = "\n"
        else:
            i += 1
            continue
        out.append(text[start:i])
        endings.append(ending)
        i += len(ending)
        start = i
    out.append(text[start:])
    return SourceText("\n".join(out), encoding, bom, "\n", tuple(endings))


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
