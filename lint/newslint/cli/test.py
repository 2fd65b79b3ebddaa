"""``newslint test [PACK_OR_DIR...]``: run every rule's examples, as a desk's CI does.

A failing example must be reported by its rule, a passing one must not, and a failing example
that states its ``fixed`` text must be fixed to exactly that text, which no rule of its pack (core
and the pack) may flag.  With no pack given, the packs of the style in force are tested: the
config's, or ``--style``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from ..checks import Rule
from ..examples import ExampleProblem, check_examples, context_of
from ..rulefile import builtin_root, load_pack, resolve_pack
from .parser import Parser, split_list, style_of, style_options
from .status import EXIT_CLEAN, EXIT_VIOLATIONS


def _folders_in_force(rules: Sequence[Rule]) -> list[Path]:
    """The folders the rules of a style were loaded from, in load order."""
    folders: dict[Path, None] = {}
    for rule in rules:
        path, _, line = rule.source.rpartition(":")
        if path and line.isdigit():
            folders[Path(path).resolve().parent] = None
    return list(folders)


def _shown(problem: ExampleProblem) -> str:
    """The problem, its file named from the current folder when it lies below it."""
    text = str(problem)
    path = problem.rule.source.rpartition(":")[0]
    try:
        relative = Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return text
    return text.replace(path, str(relative), 1) if path else text


def run_examples(folders: Sequence[Path]) -> tuple[int, list[ExampleProblem]]:
    """The number of examples run in the packs at ``folders``, and those that do not hold."""
    core = load_pack(builtin_root() / "core")
    problems: list[ExampleProblem] = []
    count = 0
    for folder in folders:
        pack = load_pack(folder)
        context = context_of(pack, core)
        for rule in pack:
            count += len(rule.examples.fail) + len(rule.examples.pass_)
            problems.extend(check_examples(rule, context))
    return count, problems


def parser() -> Parser:
    p = Parser(
        prog="newslint test",
        description="Run every rule's examples: a failing example must be reported, a passing "
        "one must not, and a stated fixed text must be what --fix writes. Exit 0 when all hold, "
        "1 when one does not, 2 for a rule-file error.",
    )
    p.add_argument(
        "packs",
        nargs="*",
        metavar="PACK_OR_DIR",
        help="a built-in pack or a folder of YAML rules (default: the packs of the style in force)",
    )
    style_options(p)
    return p


def run_tests(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    if args.packs:
        folders = [resolve_pack(name) for name in split_list(args.packs)]
    else:
        folders = _folders_in_force(style_of(args).rules)
    count, problems = run_examples(list(dict.fromkeys(folders)))
    for problem in problems:
        out.write(f"{_shown(problem)}\n")
    failed = len({(p.rule.name, p.text) for p in problems})
    summary = f"{count} examples, {failed} failed" if failed else f"{count} examples hold"
    out.write(f"{summary} ({len(folders)} {'pack' if len(folders) == 1 else 'packs'})\n")
    return EXIT_VIOLATIONS if problems else EXIT_CLEAN
