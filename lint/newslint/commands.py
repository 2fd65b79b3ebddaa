"""The subcommands: ``newslint rules`` lists the rules in force, ``newslint explain RULE``
shows one with its examples and what newslint reports for each.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import IO

from .checks import Rule
from .cli import _Parser, add_project_options, project_from
from .errors import NewslintError
from .examples import check_example
from .output.full import describe_fix
from .project import config_command
from .rulefile import builtin_packs
from .style import Style, load_style

WIDTH = 88


def _style_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--path",
        default=".",
        metavar="PATH",
        help="the draft or folder whose configured style to use (default: the current folder)",
    )
    add_project_options(p)


def _style(args: argparse.Namespace) -> Style:
    """The style in force for ``--path``: its config (unless ``--isolated``), then the options."""
    return project_from(args).profile(args.path).style


def _summary(text: str) -> str:
    """The first sentence of a description, on one line."""
    text = " ".join(text.split())
    cut = text.find(". ")
    return text[: cut + 1] if cut != -1 else text


# --- newslint rules ----------------------------------------------------------------------------


def rules_command(argv: Sequence[str], out: IO[str]) -> int:
    p = _Parser(prog="newslint rules", description="List the rules in force.")
    _style_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    rules = sorted(_style(args).rules, key=lambda r: r.name)
    if args.format == "json":
        rows = [
            {
                "rule": r.name,
                "type": r.type,
                "severity": r.severity,
                "scope": list(r.scope),
                "description": " ".join(r.description.split()),
            }
            for r in rules
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rules:
        return 0
    name_width = max(len(r.name) for r in rules)
    type_width = max(len(r.type) for r in rules)
    for r in rules:
        row = f"{r.name:<{name_width}}  {r.type:<{type_width}}  {r.severity:<10}  "
        out.write(f"{row}{_summary(r.description)}".rstrip() + "\n")
    return 0


# --- newslint explain --------------------------------------------------------------------------


def find_rule(style: Style, name: str) -> Rule:
    """A rule of ``style`` by full id (or bare id when only one pack has it); a full id naming
    a built-in pack outside the style loads that pack.
    """
    rule = style.get(name)
    if rule is not None:
        return rule
    matches = [r for r in style.rules if r.id == name]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        names = ", ".join(r.name for r in matches)
        raise NewslintError(f"'{name}' is in several packs ({names}): give the full id")
    pack = name.partition(".")[0]
    if "." in name and pack in builtin_packs():
        rule = load_style([pack]).get(name)
        if rule is not None:
            return rule
    known = [r.name for r in style.rules]
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise NewslintError(f"unknown rule '{name}'{hint}; `newslint rules` lists them")


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
    )


def _example(rule: Rule, text: str) -> list[str]:
    lines = [f"  {json.dumps(text, ensure_ascii=False)}"]
    found = check_example(rule, text)
    if not found:
        lines.append("    reports nothing")
    for v in found:
        fix = describe_fix(v)
        fix = f" (fix: {fix})" if fix else ""
        lines.append(f"    {v.line}:{v.column}: {v.severity} {v.message}{fix}")
    return lines


def explain(rule: Rule) -> str:
    """The rule's reference: what it checks, where houses differ, and its examples checked."""
    scope = ", ".join(rule.scope)
    lines = [f"{rule.name}  ({rule.type}, {rule.severity}; scope: {scope})", ""]
    if rule.description.strip():
        lines += [_wrap(rule.description), ""]
    if rule.note.strip():
        lines += [_wrap("Note: " + rule.note), ""]
    if rule.link:
        lines += [f"See: {rule.link}", ""]
    if rule.examples.fail:
        lines.append("Breaks the rule:")
        for text in rule.examples.fail:
            lines += _example(rule, text)
        lines.append("")
    if rule.examples.pass_:
        lines.append("Keeps to it:")
        for text in rule.examples.pass_:
            lines += _example(rule, text)
        lines.append("")
    return "\n".join(lines)


def explain_command(argv: Sequence[str], out: IO[str]) -> int:
    p = _Parser(prog="newslint explain", description="Show one rule, with its examples.")
    p.add_argument("rule", metavar="RULE", help="a full rule id such as core.doubled-word")
    _style_options(p)
    args = p.parse_args(argv)
    out.write(explain(find_rule(_style(args), args.rule)))
    return 0


COMMANDS: dict[str, Callable[[Sequence[str], IO[str]], int]] = {
    "rules": rules_command,
    "explain": explain_command,
    "config": config_command,
}


def run_command(name: str, argv: Sequence[str]) -> int:
    command = COMMANDS.get(name)
    if command is None:
        raise NewslintError(f"the '{name}' subcommand is not available in this version")
    return command(argv, sys.stdout)
