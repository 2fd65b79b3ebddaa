"""Report formats.  Each formatter receives violations file by file and writes as it goes."""

from __future__ import annotations

from typing import IO, Protocol

from ..violation import Violation


class Formatter(Protocol):
    def start(self) -> None: ...

    def file(self, path: str, violations: list[Violation], text: str | None) -> None: ...

    def finish(self) -> None: ...


def make_formatter(name: str, out: IO[str], *, color: bool = False) -> Formatter:
    if name == "json":
        from .json import JsonFormatter

        return JsonFormatter(out)
    from .text import TextFormatter

    return TextFormatter(out, color=color)


FORMATS = ("text", "json")
