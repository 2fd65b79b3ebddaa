"""A violation: one rule broken at one place, with everything a report needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document

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
            replacement=replacement,
            start=start,
            end=end,
        )

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this violation, with exactly the documented keys."""
        return {key: getattr(self, key) for key in JSON_KEYS}
