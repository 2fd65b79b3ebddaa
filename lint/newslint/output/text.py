"""``text``: ``path:line:column: severity rule-id message``, one violation a line."""

from __future__ import annotations

from typing import IO

from ..violation import Violation

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"


class TextFormatter:
    def __init__(self, out: IO[str], *, color: bool = False) -> None:
        self.out = out
        self.color = color

    def start(self) -> None:
        pass

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        write = self.out.write
        for v in violations:
            if self.color:
                write(
                    f"{_BOLD}{v.path}:{v.line}:{v.column}:{_RESET} "
                    f"{_COLORS[v.severity]}{v.severity}{_RESET} {_BOLD}{v.rule}{_RESET} "
                    f"{v.message}\n"
                )
            else:
                write(f"{v.path}:{v.line}:{v.column}: {v.severity} {v.rule} {v.message}\n")

    def finish(self) -> None:
        pass
