"""The one kind of user-facing error: what is wrong, and where."""

from __future__ import annotations

from .files import printable


class NewslintError(Exception):
    """A problem the user can fix: a bad rule file, config, path or input file.

    The command line prints it as ``newslint: <path>:<line>: <what>`` and exits 2; the path is
    made :func:`~newslint.files.printable`, so a newline in a file name cannot split the line.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            path = printable(self.path)
            where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        return where + self.message


class RuleFileError(NewslintError):
    """A rule pack or rule file that cannot be loaded."""


class InputError(NewslintError):
    """A draft that cannot be read: missing, unreadable, undecodable."""


class BinaryFileError(InputError):
    """A file that holds binary data rather than text; skipped with a notice."""
