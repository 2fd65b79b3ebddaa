"""Applying fixes to text: every violation with exactly one replacement."""

from __future__ import annotations

from collections.abc import Iterable

from .violation import Violation


def fixable(violations: Iterable[Violation]) -> list[Violation]:
    """The violations whose fix would be applied, in text order, without overlaps.

    Where two fixes overlap, the one that starts first wins (then the longer, then the rule id),
    so the choice is the same on every run; the other is left for the next run to report.
    """
    chosen: list[Violation] = []
    pos = -1
    candidates = [v for v in violations if v.replacement is not None]
    candidates.sort(key=lambda v: (v.start, -(v.end - v.start), v.rule))
    for v in candidates:
        if v.start < pos or (v.start == pos and v.end == v.start and chosen):
            continue
        chosen.append(v)
        pos = max(pos, v.end)
    return chosen


def apply_fixes(text: str, violations: Iterable[Violation]) -> tuple[str, int]:
    """The text with every non-overlapping fix applied, and how many were applied."""
    chosen = fixable(violations)
    parts: list[str] = []
    pos = 0
    for v in chosen:
        parts.append(text[pos : v.start])
        parts.append(v.replacement or "")
        pos = v.end
    parts.append(text[pos:])
    return "".join(parts), len(chosen)
