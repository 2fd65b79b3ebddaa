"""A violation: one rule broken at one place, with everything a report needs.

Checks match against the document's view, where markup is masked and a character reference
is read as its character, so a replacement a check builds from what it matched (``\\1isation``
from ``civil&shy;ization``) may hold the mask character.  :func:`from_original` rebuilds it
from the original text, so a report and a fix never carry a NUL: only the part the check
changed is taken from the replacement, the rest is the draft's own text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .document import MASK, Document

JSON_KEYS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "severity",
    "message",
    "found",
    "replacement",
)


@dataclass(frozen=True, slots=True)
class Violation:
    """Lines and columns are 1-based; columns count Unicode code points; the end is exclusive.

    ``start`` and ``end`` are the same span as offsets into the document's text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    found: str
    replacement: str | None
    start: int
    end: int
    # Whether ``--fix`` applies the replacement: not where it would change masked text (markup,
    # code, a URL) or, for a rule whose scope leaves quotations out, a quotation; such a fix is
    # shown, to be made by hand (see :func:`newslint.engine.safe`).  Not a JSON key.
    fix_applies: bool = True

    @classmethod
    def at(
        cls,
        doc: Document,
        start: int,
        end: int,
        *,
        rule: str,
        severity: str,
        message: str,
        replacement: str | None = None,
    ) -> Violation:
        """The violation of ``rule`` at ``[start, end)`` of ``doc``, with its line and column."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return cls(
            path=doc.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule,
            severity=severity,
            message=message,
            found=doc.text[start:end],
            replacement=from_original(doc, start, end, replacement),
            start=start,
            end=end,
        )

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this violation, with exactly the documented keys."""
        return {key: getattr(self, key) for key in JSON_KEYS}


def from_original(doc: Document, start: int, end: int, replacement: str | None) -> str | None:
    """``replacement`` for ``[start, end)`` of ``doc``, built from the original text.

    The replacement is compared with the view of the span: the common beginning and end are
    the draft's own text (references and markup kept as written), and only the part between
    them comes from the replacement.  When that part covers a character reference in part, the
    reference is rewritten whole, as the characters it stands for; when it still holds a mask
    character, or it would rewrite masked text, there is no safe fix and ``None`` is returned
    (a masked span without a mask in the replacement keeps it: the fix is shown, and
    :func:`newslint.engine.safe` never applies it).
    """
    if replacement is None:
        return None
    seen = doc.view[start:end]
    if MASK not in seen:
        return None if MASK in replacement else replacement
    n = min(len(seen), len(replacement))
    head = 0
    while head < n and seen[head] == replacement[head]:
        head += 1
    tail = 0
    while tail < n - head and seen[-1 - tail] == replacement[-1 - tail]:
        tail += 1
    lo, hi = start + head, end - tail
    middle = replacement[head : len(replacement) - tail]
    if doc.references:
        wide_lo, wide_hi = doc.widen(lo, hi)
        middle = doc.read(wide_lo, lo) + middle + doc.read(hi, wide_hi)
        lo, hi = wide_lo, wide_hi
    if MASK in middle or _touches(doc.masked, lo, hi):
        return None if MASK in replacement else replacement
    return doc.text[start:lo] + middle + doc.text[hi:end]


def _touches(spans: tuple[tuple[int, int], ...], lo: int, hi: int) -> bool:
    """True when ``[lo, hi)`` shares a character with one of the sorted, disjoint ``spans`` (an
    insertion, when it falls strictly inside one)."""
    i = bisect_right(spans, lo, key=lambda span: span[1])  # the first span ending after lo
    return i < len(spans) and spans[i][0] < (hi if hi > lo else lo)
