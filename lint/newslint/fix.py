"""Applying fixes: every violation with exactly one replacement, safely and deterministically.

A fix is applied only where it cannot damage what newslint does not check: never on a span that
overlaps masked text (code, URLs, markup), and inside a quotation only when the rule's scope
includes ``quote``.  Overlapping fixes are resolved the same way on every run; the loser is left
for the next pass, and fixing repeats until nothing is left to fix (or a pass would undo an
earlier one), so a second ``--fix`` changes nothing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO

from .document import MASK, Document
from .engine import lint_document, safe
from .errors import BinaryFileError, InputError
from .files import printable
from .formats import format_for, parse
from .runner import FileResult
from .source import MAX_FILE_SIZE, decode, read_bytes
from .style import Style
from .violation import Violation

MAX_PASSES = 10


def fixable(
    violations: Iterable[Violation], doc: Document | None = None, style: Style | None = None
) -> list[Violation]:
    """The violations whose fix would be applied, in text order, without overlaps.

    Where two fixes overlap, the one that starts first wins (then the longer, then the rule id),
    so the choice is the same on every run; the other is left for the next pass.  Given the
    document, fixes that are not :func:`safe` are left out.
    """
    chosen: list[Violation] = []
    pos = -1
    # A replacement holding the mask character was built from the view, not the text: never
    # written (Violation.at rebuilds replacements from the text; this is the last guard).
    candidates = [v for v in violations if v.replacement is not None and MASK not in v.replacement]
    if doc is not None:
        candidates = [v for v in candidates if safe(v, doc, style)]
    candidates.sort(key=lambda v: (v.start, -(v.end - v.start), v.rule))
    for v in candidates:
        if v.start < pos or (v.start == pos and v.end == v.start and chosen):
            continue
        chosen.append(v)
        pos = max(pos, v.end)
    return chosen


def apply_fixes(
    text: str,
    violations: Iterable[Violation],
    doc: Document | None = None,
    style: Style | None = None,
) -> tuple[str, int]:
    """The text with every non-overlapping (and, given ``doc``, safe) fix applied, and how many
    of them changed it (a fix that writes what is already there is not counted)."""
    chosen = fixable(violations, doc, style)
    parts: list[str] = []
    pos = changes = 0
    for v in chosen:
        parts.append(text[pos : v.start])
        parts.append(v.replacement or "")
        changes += text[v.start : v.end] != v.replacement
        pos = v.end
    parts.append(text[pos:])
    return "".join(parts), changes


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing a text: the fixed text, and what is left to report in it."""

    original: str
    text: str
    fixes: int
    document: Document
    violations: tuple[Violation, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original


#: Lints a text: its document and its violations.
Linter = Callable[[str], tuple[Document, list[Violation]]]


def fix_with(text: str, lint: Linter, style: Style | None, max_passes: int = MAX_PASSES) -> Fixed:
    """Fix ``text`` until nothing fixable is left (or ``max_passes``); ``lint`` reads it.

    ``fixes`` counts the changes written.  Fixes that undo each other (rules whose patterns
    disagree) would bring back a text an earlier pass had: fixing stops at that text, the one
    the circle starts from, so that a second run settles on the same text.
    """
    doc, violations = lint(text)
    current, total = text, 0
    passes: dict[str, int] = {text: 0}  # each text fixing has made, and the fixes up to it
    for _ in range(max_passes):
        fixed, applied = apply_fixes(current, violations, doc, style)
        if not applied:
            break
        if fixed in passes:
            current, total = fixed, passes[fixed]
            doc, violations = lint(current)
            break
        current, total = fixed, total + applied
        passes[current] = total
        doc, violations = lint(current)
    return Fixed(text, current, total, doc, tuple(violations))


def fix_document(
    text: str,
    style: Style,
    *,
    format: str | None = None,
    path: str = "<text>",
    max_passes: int = MAX_PASSES,
) -> Fixed:
    """Fix a draft's text with ``style``, then lint the result."""
    kind = format or format_for(path)

    def lint(current: str) -> tuple[Document, list[Violation]]:
        doc = parse(current, kind, path)
        return doc, lint_document(doc, style)

    return fix_with(text, lint, style, max_passes)


def _lines(text: str) -> list[str]:
    """Lines with their ``\\n`` kept; only ``\\n`` breaks a line (not U+2028 and the like)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of two texts (``\\n`` line breaks), marking a missing final newline."""
    import difflib

    out: list[str] = []
    lines = difflib.unified_diff(_lines(before), _lines(after), path, path)
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def is_read_only(path: str) -> bool:
    """True when ``path`` is a file whose owner may not write it (mode 444 or the like)."""
    if path == "-":
        return False
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False


def diff_fixed(result: FileResult, fixed: Fixed) -> str:
    """The unified diff of what ``--fix`` would write: lines keep the file's own endings (a
    CRLF line shows its ``\\r``, as ``git diff`` does), so the diff is exactly the change."""
    source = result.source
    if source is None:
        return unified_diff(fixed.original, fixed.text, result.path)
    before, after = source.with_endings(fixed.original), source.with_endings(fixed.text)
    return unified_diff(before, after, result.path)


def fix_path(
    path: str,
    style: Style,
    *,
    display: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    max_size: int = MAX_FILE_SIZE,
    read_only: bool = False,
) -> tuple[FileResult, Fixed | None]:
    """Read and fix one file (nothing is written).

    The result's violations are those left in the fixed text; its ``source`` and ``data`` are
    the file as read, for writing back with :func:`write_fixed`.  A read-only draft (its owner
    may not write it: mode 444) says "do not change me": it is only linted, with a notice,
    unless ``read_only`` is true (``--fix-read-only``).
    """
    shown = display or path
    try:
        data = read_bytes(path, max_size)
        source = decode(data, shown, encoding)
    except BinaryFileError as exc:
        return FileResult(shown, skipped=str(exc)), None
    except InputError as exc:
        return FileResult(shown, error=str(exc)), None
    if not read_only and is_read_only(path):
        doc = parse(source.text, format or format_for(shown), shown)
        violations = tuple(lint_document(doc, style))
        notice = f"{printable(shown)}: read-only; not fixed (--fix-read-only fixes it)"
        return FileResult(shown, violations, source, data, notice=notice), None
    fixed = fix_document(source.text, style, format=format, path=shown)
    return FileResult(shown, fixed.violations, source, data), fixed


def write_fixed(path: str, result: FileResult, fixed: Fixed, *, stdout: IO[bytes]) -> None:
    """Write the fixed text over ``path`` (to ``stdout`` for ``-``), in the file's own encoding,
    byte-order mark and line endings.  Raises :class:`InputError` when it cannot be done safely.
    """
    assert result.source is not None and result.data is not None
    try:
        data = result.source.encode(fixed.text)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"a fix needs '{exc.object[exc.start : exc.end]}', which {exc.encoding} cannot "
            "hold; not fixed",
            result.path,
        ) from None
    if path == "-":
        stdout.write(data)
        stdout.flush()
        return
    if fixed.changed:
        from .writer import write_atomic

        write_atomic(path, data, expected=result.data)
