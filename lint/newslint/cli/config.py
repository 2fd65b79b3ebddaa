"""``newslint config [PATH]``: the configuration in force for a draft or folder."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from ..project import describe
from .parser import Parser, add_project_options, project_from


def parser() -> Parser:
    p = Parser(
        prog="newslint config",
        description="Print the configuration in force for a draft or folder, as YAML: the "
        "config file, packs, rules with their severities and where each comes from.",
    )
    p.add_argument("path", nargs="?", default=".", metavar="PATH", help="a draft or folder")
    add_project_options(p)
    return p


def config_command(argv: Sequence[str], out: IO[str]) -> int:
    """``newslint config [PATH]``: print the effective configuration for a path, as YAML."""
    import yaml

    args = parser().parse_args(argv)
    project = project_from(args)
    out.write(yaml.safe_dump(describe(project, args.path), sort_keys=False, allow_unicode=True))
    return 0
