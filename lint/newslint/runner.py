"""Linting one file: read, decode, parse, check.  Errors are results, not exceptions."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from .document import Document
from .engine import lint_document
from .errors import BinaryFileError, InputError
from .formats import format_for, parse
from .source import SourceText, decode
from .style import Style
from .violation import Violation


@dataclass(frozen=True)
class FileResult:
    path: str
    violations: tuple[Violation, ...] = ()
    source: SourceText | None = None
    data: bytes | None = None
    error: str | None = None
    skipped: str | None = None


def _unlistable(path: str) -> str:
    """Why a folder cannot be walked, when that is so (the walk yields such folders)."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return f" that cannot be listed: {(exc.strerror or str(exc)).lower()}"
    return ""


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file or directory", path) from None
    except IsADirectoryError:
        raise InputError(f"is a folder{_unlistable(path)}", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None


def lint_bytes(
    data: bytes,
    display: str,
    style: Style,
    *,
    format: str | None = None,
    encoding: str | None = None,
) -> tuple[SourceText, Document, list[Violation]]:
    source = decode(data, display, encoding)
    doc = parse(source.text, format or format_for(display), display)
    return source, doc, lint_document(doc, style)


def lint_path(
    path: str,
    style: Style,
    *,
    display: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> FileResult:
    shown = display or path
    try:
        data = read_bytes(path)
        source, _, violations = lint_bytes(data, shown, style, format=format, encoding=encoding)
    except BinaryFileError as exc:
        return FileResult(shown, skipped=str(exc))
    except InputError as exc:
        return FileResult(shown, error=str(exc))
    return FileResult(shown, tuple(violations), source, data)
