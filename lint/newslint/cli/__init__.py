"""The ``newslint`` command line: the linting command in ``lint``, one module per subcommand.

A first argument naming a subcommand runs it (a draft so named is given as ``./rules``). Each
subcommand's module is imported only when it runs, so the linting command never pays for them.
"""

from __future__ import annotations

from .lint import build_parser, internal_error, main
from .subcommands import SUBCOMMANDS, run_subcommand

__all__ = ["SUBCOMMANDS", "build_parser", "internal_error", "main", "run_subcommand"]
