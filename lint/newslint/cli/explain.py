"""``newslint explain RULE``: one rule with its examples and what newslint reports for each."""

from __future__ import annotations

import difflib
import json
import textwrap
from collections.abc import Sequence
from typing import IO

from ..checks import Rule
from ..errors import NewslintError
from ..examples import check_example
from ..output.full import describe_fix
from ..rulefile import builtin_packs
from ..style import Style, load_style
from .parser import Parser, style_of, style_options

WIDTH = 88


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
        for example in rule.examples.failing:
            lines += _example(rule, example.text)
            if example.fixed is not None:
                lines.append(f"    fixed: {json.dumps(example.fixed, ensure_ascii=False)}")
        lines.append("")
    if rule.examples.pass_:
        lines.append("Keeps to it:")
        for text in rule.examples.pass_:
            lines += _example(rule, text)
        lines.append("")
    return "\n".join(lines)


def explain_command(argv: Sequence[str], out: IO[str]) -> int:
    p = Parser(prog="newslint explain", description="Show one rule, with its examples.")
    p.add_argument("rule", metavar="RULE", help="a full rule id such as core.doubled-word")
    style_options(p)
    args = p.parse_args(argv)
    out.write(explain(find_rule(style_of(args), args.rule)))
    return 0
