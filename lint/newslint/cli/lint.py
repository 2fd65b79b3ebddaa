"""The ``newslint`` command: arguments, files, report, exit status.

Exit status: 0 when no violation is at or above ``--fail-on``; 1 otherwise; 2 for a usage,
rule-file or input error (reported on standard error as ``newslint: ...``).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import IO

from .. import __version__
from ..checks.base import SEVERITY_RANK
from ..engine import pattern_timeout
from ..errors import NewslintError
from ..files import once_each
from ..fix import Fixed, diff_fixed, fix_path, write_fixed
from ..formats import FORMATS as INPUT_FORMATS
from ..output import FORMATS as OUTPUT_FORMATS
from ..output import HUMAN_FORMATS, make_formatter
from ..output.text import Statistics, plural, summary
from ..parallel import default_jobs, paired
from ..patterns import save as save_patterns
from ..project import Profile, Project
from ..runner import FileResult, lint_path
from ..source import MAX_FILE_SIZE
from .parser import Parser, add_project_options, project_from
from .status import EXIT_CLEAN, EXIT_ERROR, EXIT_VIOLATIONS, internal_error
from .subcommands import SUBCOMMAND_HELP, SUBCOMMANDS


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="newslint",
        description="Check news copy against a house style.",
        epilog="Subcommands (each has its own --help):\n"
        + "".join(
            f"  newslint {name:<10} {SUBCOMMAND_HELP.get(name, '')}\n" for name in SUBCOMMANDS
        )
        + "\nExit status: 0 clean, 1 violations at or above --fail-on (with --diff: changes to "
        "make), 2 errors.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    add_project_options(p)
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="report format")
    p.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="write the report to FILE (written whole, then renamed into place) instead of "
        "standard output; the exit status is the same",
    )
    p.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the config's exclude globs to files named on the command line too",
    )
    p.add_argument("--stdin-filename", metavar="NAME", help="name (and format) of stdin")
    p.add_argument("--input-format", choices=INPUT_FORMATS, help="read every file as this format")
    p.add_argument("--encoding", help="decode drafts with this encoding instead of detecting it")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: only on a terminal, and not with NO_COLOR set)",
    )
    fixing = p.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="apply every fix in place, then report what is left"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; write nothing"
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the summary of violations (text and full formats), nothing on a clean run",
    )
    p.add_argument("--statistics", action="store_true", help="count the violations of each rule")
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="lint files in N processes (default: the number of cores; at most 4 a core and "
        "one a draft); output is the same",
    )
    p.add_argument(
        "--max-file-size",
        type=_megabytes,
        default=MAX_FILE_SIZE,
        metavar="MB",
        help=f"skip drafts larger than this, with a notice (default {MAX_FILE_SIZE // 10**6}; "
        "0 for no limit)",
    )
    p.add_argument(
        "--fix-read-only",
        action="store_true",
        help="let --fix rewrite read-only drafts too (by default they are skipped with a notice)",
    )
    p.add_argument(
        "--across-files",
        action="store_true",
        default=None,
        help="apply the consistency rules to all drafts of the run as one (config: across-files)",
    )
    p.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where drafts are linted: here (with --jobs) or on a Dask cluster",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler (--executor dask)")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _megabytes(value: str) -> int:
    try:
        size = float(value)
    except ValueError:
        size = -1.0
    if not size >= 0 or size == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of megabytes, not {value!r}")
    return int(size * 10**6)


def _use_color(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and hasattr(out, "isatty") and out.isatty()


def run(args: argparse.Namespace) -> int:
    if not args.paths:
        raise NewslintError("no paths given (use - to read standard input)")
    pattern_timeout()  # a bad NEWSLINT_PATTERN_TIMEOUT stops the run before any draft is read
    project = project_from(args)
    if args.quiet and args.format not in HUMAN_FORMATS:
        raise NewslintError(f"--quiet goes with the text and full formats, not {args.format}")
    # Fixing standard input writes the fixed text to standard output, so the report moves.
    report = io.StringIO() if args.output_file else None
    out = report or (sys.stderr if args.fix and "-" in args.paths else sys.stdout)
    threshold = SEVERITY_RANK.get(project.profile(".").fail_on, 99)
    formatter = make_formatter(
        "quiet" if args.quiet or args.diff else args.format,
        out,
        color=_use_color(args.color, out),
        rules=project.rule,
        threshold=threshold,
    )
    statistics = Statistics()
    fixes = changed = 0
    failed = errors = 0
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    files = 0

    judged: Callable[[Profile], Profile] = _as_is  # with --across-files, the batch's judgement

    def profile_of(path: str) -> Profile:
        if "://" in path:  # its overrides match its path below the folder URL named
            from ..archive.urls import profile

            return judged(profile(project, args.paths, path))
        return judged(project.profile(path, args.stdin_filename if path == "-" else None))

    def check(path: str) -> tuple[FileResult, Fixed | None]:
        """Lint (or fix, writing nothing) one draft; runs in a worker with --jobs."""
        display = args.stdin_filename or "-" if path == "-" else path
        try:
            style = profile_of(path).style
            if args.fix or args.diff:
                return fix_path(
                    path,
                    style,
                    display=display,
                    format=args.input_format,
                    encoding=args.encoding,
                    max_size=args.max_file_size,
                    read_only=args.fix_read_only,
                )
            result = read_and_lint(
                path,
                style,
                display=display,
                format=args.input_format,
                encoding=args.encoding,
                max_size=args.max_file_size,
            )
        except (NewslintError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so for this draft, and go on with the others
            return FileResult(display, error=internal_error(exc, display)), None
        # The bytes are only for writing a fix back, and the text only for showing source
        # lines: a worker sends back no more than the report needs.
        keep_text = args.format == "full" and bool(result.violations)
        return replace(result, data=None, source=result.source if keep_text else None), None

    jobs = 1 if "-" in args.paths else args.jobs or default_jobs()
    read_and_lint: Callable[..., FileResult] = lint_path
    if any("://" in p for p in args.paths):  # drafts named by URL, listed and read by fsspec
        from ..archive import urls

        if args.fix or args.diff:
            raise NewslintError("drafts named by URL are read, never written: no --fix or --diff")
        read_and_lint = urls.lint_url
        listed = urls.drafts(project, args.paths, force_exclude=args.force_exclude)
    else:
        listed = project.drafts(args.paths, force_exclude=args.force_exclude)
    drafts: Iterable[str] = once_each(listed)
    if args.scheduler and args.executor != "dask":
        raise NewslintError("--scheduler goes with --executor dask")
    if args.executor == "dask" and "-" in args.paths:
        raise NewslintError("--executor dask reads drafts on its workers, so not standard input")
    if args.across_files or _across_in_config(project, args.paths):
        from ..archive.across import across_files  # a first pass over the drafts

        drafts, judged = across_files(drafts, profile_of, args, jobs)
    bar = sys.stderr.isatty() and not args.quiet  # a progress bar, for a long run
    if bar:
        from ..archive.progress import progress_bar

        drafts, shown = progress_bar(drafts, quiet=args.quiet)
    if args.executor == "dask":
        from ..archive.executors import dask_paired

        results = dask_paired(check, drafts, jobs, scheduler=args.scheduler)
    else:
        results = paired(check, drafts, jobs, prepare=profile_of)
    if bar:
        results = shown(results)
    formatter.start()
    for path, (result, fixed) in results:
        threshold = SEVERITY_RANK.get(profile_of(path).fail_on, 99)
        if result.skipped:
            sys.stderr.write(f"newslint: {result.skipped}\n")
            continue
        if result.error:
            sys.stderr.write(f"newslint: {result.error}\n")
            errors += 1
            continue
        if result.notice:
            sys.stderr.write(f"newslint: {result.notice}\n")
        if fixed is not None:
            try:
                _write_fix(path, result, fixed, diff=args.diff)
            except NewslintError as exc:
                sys.stderr.write(f"newslint: {exc}\n")
                errors += 1
                continue
            fixes += fixed.fixes
            changed += fixed.changed
        files += 1
        text = fixed.text if fixed else result.source.text if result.source else None
        formatter.file(result.path, list(result.violations), text)
        statistics.add(result.violations)
        for v in result.violations:
            counts[v.severity] += 1
            if SEVERITY_RANK[v.severity] >= threshold:
                failed += 1
    formatter.finish()
    out.flush()
    save_patterns()  # the next run loads newslint's own patterns compiled
    human = args.format in HUMAN_FORMATS
    if args.statistics:
        (out if human else sys.stderr).write(statistics.table())
    if report is not None:
        from ..writer import write_report

        write_report(args.output_file, report.getvalue().encode("utf-8"))
    if args.diff:
        sys.stderr.write(f"Would fix {plural(fixes, 'violation')} in {plural(changed, 'file')}.\n")
    elif human and (any(counts.values()) or (files > 0 and not fixes and not args.quiet)):
        # a run with violations ends with their count; a clean run says so, unless --quiet
        sys.stderr.write(summary(counts, files) + "\n")
    if args.fix and fixes:
        sys.stderr.write(f"Fixed {plural(fixes, 'violation')} in {plural(changed, 'file')}.\n")
    if errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_VIOLATIONS if changed else EXIT_CLEAN
    return EXIT_VIOLATIONS if failed else EXIT_CLEAN


def _as_is(profile: Profile) -> Profile:
    """A draft's profile as its config gives it (without --across-files)."""
    return profile


def _across_in_config(project: Project, paths: list[str]) -> bool:
    """Whether the config in force for the run (the first path's) sets ``across-files``."""
    config = project.config_for(paths[0])
    return bool(config and config.across_files)


def _write_fix(path: str, result: FileResult, fixed: Fixed, *, diff: bool) -> None:
    if diff:
        sys.stdout.write(diff_fixed(result, fixed))
    else:
        write_fixed(path, result, fixed, stdout=sys.stdout.buffer)
