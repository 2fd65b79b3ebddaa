"""``text``: ``path:line:column: severity rule-id message``, one violation a line.

Also the summary and the ``--statistics`` table that the human formats end with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import IO

from ..files import printable
from ..violation import Violation


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
BOLD = "\033[1m"
RESET = "\033[0m"
SEVERITY_ORDER = ("error", "warning", "suggestion")


def header(v: Violation, color: bool = False) -> str:
    """The one-line report of a violation."""
    path = printable(v.path)
    if color:
        return (
            f"{BOLD}{path}:{v.line}:{v.column}:{RESET} "
            f"{COLORS[v.severity]}{v.severity}{RESET} {BOLD}{v.rule}{RESET} {v.message}"
        )
    return f"{path}:{v.line}:{v.column}: {v.severity} {v.rule} {v.message}"


class TextFormatter:
    def __init__(self, out: IO[str], *, color: bool = False) -> None:
        self.out = out
        self.color = color

    def start(self) -> None:
        pass

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        write = self.out.write
        for v in violations:
            write(header(v, self.color) + "\n")

    def finish(self) -> None:
        pass


def summary(counts: Mapping[str, int], files: int) -> str:
    """``Found 3 violations (1 error, 2 warnings) in 2 files.``, or that none were found."""
    total = sum(counts.values())
    if not total:
        return f"No violations in {plural(files, 'file')}."
    parts = [plural(counts[sev], sev) for sev in SEVERITY_ORDER if counts.get(sev)]
    return f"Found {plural(total, 'violation')} ({', '.join(parts)}) in {plural(files, 'file')}."


class Statistics:
    """Counts per rule, for ``--statistics``: how many, how severe, how many fixable."""

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()
        self.severity: dict[str, str] = {}

    def add(self, violations: Iterable[Violation]) -> None:
        for v in violations:
            self.count[v.rule] += 1
            self.severity[v.rule] = v.severity
            if v.replacement is not None and v.fix_applies:  # what --fix would do
                self.fixable[v.rule] += 1

    def table(self) -> str:
        """One line a rule, most frequent first: count, severity, rule id, fixable count."""
        if not self.count:
            return ""
        width = len(str(max(self.count.values())))
        rows = sorted(self.count.items(), key=lambda item: (-item[1], item[0]))
        lines = []
        for rule, n in rows:
            fixable = self.fixable[rule]
            note = f"  ({fixable} fixable)" if fixable else ""
            lines.append(f"{n:>{width}}  {self.severity[rule]:<10}  {rule}{note}")
        return "\n".join(lines) + "\n"
