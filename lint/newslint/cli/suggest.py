"""``newslint suggest PATH...``: propose a house-style pack from an archive of published copy."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import IO

from ..errors import NewslintError
from ..output.text import plural
from ..parallel import default_jobs
from ..project import Project
from .parser import Parser
from .status import EXIT_CLEAN


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0.5 < share <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a share above 0.5 and at most 1, not {value!r}")
    return share


def _count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="newslint suggest",
        description="Propose a house-style pack from an archive: for each family of forms "
        "(spellings of a name, compounds, date and time formats...), the form the archive uses "
        "most, where it has enough of the uses.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders of the archive")
    p.add_argument(
        "--base",
        metavar="PACK_OR_DIR",
        help="a pack the house already uses: its choices are not proposed again, and where the "
        "archive disagrees the summary says so",
    )
    p.add_argument("--output", metavar="DIR", help="write the proposed pack to this folder")
    p.add_argument(
        "--min-share",
        type=_share,
        default=0.8,
        metavar="SHARE",
        help="the share of a family's uses its dominant form needs (default 0.8)",
    )
    p.add_argument(
        "--min-count",
        type=_count,
        default=5,
        metavar="N",
        help="the uses a family needs (default 5)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    p.add_argument("--input-format", choices=("text", "markdown", "html"))
    p.add_argument("--encoding", help="decode drafts with this encoding instead of detecting it")
    p.add_argument(
        "--jobs",
        "-j",
        type=_count,
        default=None,
        metavar="N",
        help="count in N processes (default: the number of cores); the result is the same",
    )
    p.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="count here (with --jobs) or on a Dask cluster",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler (--executor dask)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--config", metavar="FILE", help="the config whose `files` globs apply")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    return p


def suggest_command(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    from ..archive.suggest import run_suggest

    project = Project(config=args.config, isolated=args.isolated)
    result = run_suggest(
        project,
        args.paths,
        base=args.base,
        min_share=args.min_share,
        min_count=args.min_count,
        format=args.input_format,
        encoding=args.encoding,
        jobs=args.jobs or default_jobs(),
        executor=args.executor,
        scheduler=args.scheduler,
        quiet=args.quiet,
        output=args.output,
    )
    if args.format == "json":
        import json

        out.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(result.table())
    for rule, why in result.built.left_out.items():
        sys.stderr.write(f"newslint: rule '{rule}' left out of the pack: {why}\n")
    if result.errors:
        raise NewslintError(f"{plural(result.errors, 'draft')} could not be read")
    return EXIT_CLEAN
