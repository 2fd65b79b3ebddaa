"""How every ``newslint`` command ends: its exit status, and the message for a bug."""

from __future__ import annotations

import os

from .. import __version__
from ..files import printable

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def internal_error(exc: BaseException, path: str | None = None) -> str:
    """The message for an error in newslint itself; NEWSLINT_DEBUG=1 adds the traceback."""
    where = f"{printable(path)}: " if path else ""
    text = (
        f"{where}internal error ({type(exc).__name__}: {exc}); this is a bug in newslint "
        f"{__version__}, please report it with the draft and the command"
    )
    if os.environ.get("NEWSLINT_DEBUG"):
        import traceback

        text += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return text
