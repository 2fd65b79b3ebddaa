"""Reading drafts: bytes to text, remembering what a fix must write back.

The text a check sees has ``\\n`` line breaks, whatever the file used, so CRLF and lone-CR files
give the same lines and columns as LF files.  The file's byte-order mark, encoding and each
line's own line ending are kept, so writing the text back changes nothing outside a fix.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import BinaryFileError, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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
        if self.newlines and text.count("\n") == len(self.newlines):
            parts = text.split("\n")
            out = [parts[0]]
            for ending, part in zip(self.newlines, parts[1:], strict=True):
                out.append(ending)
                out.append(part)
            text = "".join(out)
        elif self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> SourceText:
    """Decode a draft; binary data and bytes invalid in the encoding are :class:`InputError`."""
    bom = b""
    detected = encoding
    if encoding is None:
        detected = "utf-8"
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, detected = mark, name
                break
    elif encoding.lower().replace("_", "-") in ("utf-8-sig",):
        detected = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            bom = codecs.BOM_UTF8
    assert detected is not None
    body = data[len(bom) :]
    if not detected.startswith("utf-16") and b"\x00" in body[:8192]:
        raise BinaryFileError("binary file (it holds NUL bytes); skipped", path)
    try:
        text = body.decode(detected)
    except LookupError:
        raise InputError(f"unknown encoding '{encoding}'", path) from None
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        raise InputError(
            f"not valid {detected}: byte 0x{body[exc.start]:02x} at offset {offset} "
            f"(use --encoding to name the file's encoding)",
            path,
        ) from None
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
