"""The subcommands by name, each imported only when it runs."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# name -> (module in this package, function taking the arguments and the output stream)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "rules": ("rules", "rules_command"),
    "explain": ("explain", "explain_command"),
    "config": ("config", "config_command"),
    "suggest": ("suggest", "suggest_command"),
}


def run_subcommand(name: str, argv: Sequence[str]) -> int:
    module, function = SUBCOMMANDS[name]
    command = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    status: int = command(argv, sys.stdout)
    return status
