"""What the command and its subcommands share: the parser, the options that choose the style,
and the project those options ask for."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..project import Choices, Project
from ..style import Style
from .status import EXIT_ERROR


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are usage errors: ``newslint: ...`` and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newslint: {message}\n")
        raise SystemExit(EXIT_ERROR)


def add_project_options(p: argparse.ArgumentParser) -> None:
    """The options that choose the style in force, shared by the command and its subcommands."""
    p.add_argument(
        "--style",
        action="append",
        default=[],
        metavar="PACK_OR_DIR",
        help="a built-in pack or a folder of YAML rules (repeatable or comma-separated; "
        "uk-news and us-news bring core; default: the config's, else core)",
    )
    p.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE_OR_PACK",
        help="keep only these rules, by full id (core.doubled-word) or pack (core); "
        "repeatable or comma-separated",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE_OR_PACK",
        help="drop these rules, by full id or pack; repeatable or comma-separated",
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "suggestion", "never"),
        help="lowest severity that makes the exit status 1 (default: the config's, else error)",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="use this config for every draft (default: the newslint.yaml, .newslint.yaml or "
        "pyproject.toml [tool.newslint] found walking up from each draft)",
    )
    p.add_argument("--isolated", action="store_true", help="ignore every config file")


def project_from(args: argparse.Namespace) -> Project:
    """The project (config lookup, styles) that the project options ask for."""
    return Project(
        config=args.config,
        isolated=args.isolated,
        choices=Choices(
            style=tuple(split_list(args.style)),
            select=tuple(split_list(args.select)),
            ignore=tuple(split_list(args.ignore)),
            fail_on=args.fail_on,
        ),
    )


def split_list(values: Sequence[str]) -> list[str]:
    """Items of repeatable, comma-separated options: ``--select a,b --select c``."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def style_options(p: argparse.ArgumentParser) -> None:
    """``--path`` and the project options, for subcommands that act on the style in force."""
    p.add_argument(
        "--path",
        default=".",
        metavar="PATH",
        help="the draft or folder whose configured style to use (default: the current folder)",
    )
    add_project_options(p)


def style_of(args: argparse.Namespace) -> Style:
    """The style in force for ``--path``: its config (unless ``--isolated``), then the options."""
    return project_from(args).profile(args.path).style
