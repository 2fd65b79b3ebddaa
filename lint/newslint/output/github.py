"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=draft.md,line=3,col=19,endLine=3,endColumn=26,title=core.doubled-word::message``

Errors are ``::error``, warnings ``::warning`` and suggestions ``::notice``.  Values are escaped
as the runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties too; the
runner turns them back, so a file name holding a newline still names its file.  The workflow
commands have no escape for the rest, so in a file name another control character is written as
its backslash escape (``\\t``, ``\\x1b``), as the text format writes it, and a byte that is not
UTF-8 as ``\\xe9``: the output stays one line per violation, in UTF-8.
"""

from __future__ import annotations

import os
import re
from typing import IO

from ..files import printable
from ..violation import Violation

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """A message, escaped for the part after ``::``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), escaped for the part between the command and ``::``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape reads it


def file_name(path: str) -> str:
    """A file name for the ``file`` property, before :func:`escape_property`: ``/`` between
    folders, control characters but CR and LF as backslash escapes, bytes that are not UTF-8 as
    ``\\xNN``."""
    path = path.replace(os.sep, "/")
    if path.isprintable():
        return path
    return printable(_BYTE.sub(_byte, path), keep="\r\n")


def _byte(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()) - 0xDC00:02x}"


def command(v: Violation) -> str:
    properties = ",".join(
        [
            f"file={escape_property(file_name(v.path))}",
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
