"""``newslint server``: the language server, over standard input and output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from ..errors import NewslintError
from .parser import Parser

INSTALL = "pip install 'newslint[server]'"


def parser() -> Parser:
    p = Parser(
        prog="newslint server",
        description="Speak the Language Server Protocol over standard input and output, so "
        "that an editor shows newslint's findings as you write (docs/editors.md).",
    )
    # Editors' clients often pass --stdio; standard input and output is the only transport.
    p.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the default)")
    return p


def server_command(argv: Sequence[str], out: IO[str]) -> int:
    parser().parse_args(argv)
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise NewslintError(f"the language server needs the 'server' extra: {INSTALL}") from None
    from ..server.app import serve

    return serve()
