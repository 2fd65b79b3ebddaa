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
    "test": ("test", "run_tests"),
    "init": ("init", "init_command"),
    "completion": ("completion", "completion_command"),
    "suggest": ("suggest", "suggest_command"),
    "server": ("server", "server_command"),
}

# What each does, for ``newslint --help``.
SUBCOMMAND_HELP: dict[str, str] = {
    "rules": "list the rules in force",
    "explain": "RULE: show one rule, where it comes from, and its examples checked",
    "config": "[PATH]: print the configuration in force for a draft or folder",
    "init": "[--style PACK]: write a commented newslint.yaml to start from",
    "completion": "bash|zsh|fish: print a shell completion script",
    "test": "[PACK_OR_DIR...]: run every rule's examples (fail, pass, fixed)",
    "suggest": "PATH...: propose a house-style pack from an archive of copy",
    "server": "run the language server on standard input and output (the 'server' extra)",
}


def run_subcommand(name: str, argv: Sequence[str]) -> int:
    module, function = SUBCOMMANDS[name]
    command = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    status: int = command(argv, sys.stdout)
    return status
