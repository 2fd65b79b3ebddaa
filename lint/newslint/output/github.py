"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=draft.md,line=3,col=19,endLine=3,endColumn=26,title=core.doubled-word::message``

Errors are ``::error``, warnings ``::warning`` and suggestions ``::notice``.  Values are escaped
as the runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties too.
"""

from __future__ import annotations

import os
from typing import IO

from ..violation import Violation

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """A message, escaped for the part after ``::``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), escaped for the part between the command and ``::``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(v: Violation) -> str:
    path = v.path.replace(os.sep, "/")
    properties = ",".join(
        [
            f"file={escape_property(path)}",
            f"line={v.line}",
            f"col={v.column}",
            f"endLine={v.end_line}",
            f"endColumn={v.end_column}",
            f"title={escape_property(v.rule)}",
        ]
    )
    return f"::{COMMANDS[v.severity]} {properties}::{escape_data(v.message)}"


class GithubFormatter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        for v in violations:
            self.out.write(command(v) + "\n")

    def finish(self) -> None:
        pass
