"""Linting one file: read, decode, parse, check.  Errors are results, not exceptions.

Drafts are read by :func:`newslint.source.read_bytes`: regular files only, up to a size limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .document import Document
from .engine import lint_document
from .errors import BinaryFileError, InputError
from .formats import format_for, parse
from .source import MAX_FILE_SIZE, SourceText, decode, read_bytes
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
    notice: str | None = None  # said on standard error; the file is still reported


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
    max_size: int = MAX_FILE_SIZE,
    read: Callable[[str, int], bytes] | None = None,
) -> FileResult:
    """Read and lint one draft: its violations, or why it was skipped or could not be read.
    ``read`` takes the draft's bytes (default :func:`read_bytes`, a local file)."""
    shown = display or path
    try:
        data = (read or read_bytes)(path, max_size)
        source, _, violations = lint_bytes(data, shown, style, format=format, encoding=encoding)
    except BinaryFileError as exc:
        return FileResult(shown, skipped=str(exc))
    except InputError as exc:
        return FileResult(shown, error=str(exc))
    return FileResult(shown, tuple(violations), source, data)
