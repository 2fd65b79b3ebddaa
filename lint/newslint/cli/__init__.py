"""The ``newslint`` command line: the linting command in ``lint``, one module per subcommand.

A first argument naming a subcommand runs it (a draft so named is given as ``./rules``). Each
subcommand's module is imported only when it runs, so the linting command never pays for them;
and the linting command's modules (the rule engine, the report formats) are imported only when
it runs, so the subcommands do not pay for it either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .main import main
from .status import internal_error
from .subcommands import SUBCOMMANDS, run_subcommand

if TYPE_CHECKING:
    from .lint import build_parser

__all__ = ["SUBCOMMANDS", "build_parser", "internal_error", "main", "run_subcommand"]


def __getattr__(name: str) -> Any:
    if name == "build_parser":  # the linting command's: loaded with it
        from .lint import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
