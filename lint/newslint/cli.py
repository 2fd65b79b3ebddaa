"""The ``newslint`` command: arguments, files, report, exit status.

Exit status: 0 when no violation is at or above ``--fail-on``; 1 otherwise; 2 for a usage,
rule-file or input error (reported on standard error as ``newslint: ...``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, NoReturn

from . import __version__
from .checks.base import SEVERITY_RANK
from .errors import NewslintError
from .files import discover
from .formats import FORMATS as INPUT_FORMATS
from .output import FORMATS as OUTPUT_FORMATS
from .output import make_formatter
from .runner import lint_path
from .style import Style, load_style, select_rules

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newslint: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newslint",
        description="Check news copy against a house style.",
        epilog="Exit status: 0 clean, 1 violations at or above --fail-on, 2 errors.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    p.add_argument(
        "--style",
        action="append",
        default=[],
        metavar="PACK_OR_DIR",
        help="a built-in pack or a folder of YAML rules (repeatable; default: core)",
    )
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="report format")
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "suggestion", "never"),
        default="error",
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    p.add_argument("--select", action="append", default=[], metavar="RULE_OR_PACK")
    p.add_argument("--ignore", action="append", default=[], metavar="RULE_OR_PACK")
    p.add_argument("--stdin-filename", metavar="NAME", help="name (and format) of stdin")
    p.add_argument("--input-format", choices=INPUT_FORMATS, help="read every file as this format")
    p.add_argument("--encoding", help="decode drafts with this encoding instead of detecting it")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: only on a terminal, and not with NO_COLOR set)",
    )
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _split(values: Sequence[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _use_color(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return "NO_COLOR" not in os.environ and hasattr(out, "isatty") and out.isatty()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except NewslintError as exc:
        sys.stderr.write(f"newslint: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


def run(args: argparse.Namespace) -> int:
    if not args.paths:
        raise NewslintError("no paths given (use - to read standard input)")
    style: Style = load_style(args.style or None)
    style = select_rules(style, _split(args.select), _split(args.ignore))
    out = sys.stdout
    formatter = make_formatter(args.format, out, color=_use_color(args.color, out))
    threshold = SEVERITY_RANK.get(args.fail_on, 99)
    failed = errors = 0
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    files = 0
    formatter.start()
    for path in discover(args.paths):
        display = args.stdin_filename or "-" if path == "-" else path
        result = lint_path(
            path, style, display=display, format=args.input_format, encoding=args.encoding
        )
        if result.skipped:
            sys.stderr.write(f"newslint: {result.skipped}\n")
            continue
        if result.error:
            sys.stderr.write(f"newslint: {result.error}\n")
            errors += 1
            continue
        files += 1
        formatter.file(result.path, list(result.violations), None)
        for v in result.violations:
            counts[v.severity] += 1
            if SEVERITY_RANK[v.severity] >= threshold:
                failed += 1
    formatter.finish()
    out.flush()
    total = sum(counts.values())
    if args.format == "text" and total:
        parts = [f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n]
        sys.stderr.write(
            f"Found {total} violation{'s' if total != 1 else ''} "
            f"({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}.\n"
        )
    if errors:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if failed else EXIT_CLEAN
