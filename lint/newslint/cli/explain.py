"""``newslint explain RULE``: one rule with its examples and what newslint reports for each."""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from ..checks import Rule
from ..errors import NewslintError
from ..examples import example_report
from ..project import origin
from ..refine import Refinement
from ..rulefile import builtin_packs, yaml_keys
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
    shown = f"  {json.dumps(text, ensure_ascii=False)}"
    return [shown, *(f"    {line}" for line in example_report(rule, text))]


def _shown(source: str, cwd: Path) -> str:
    path, _, line = source.rpartition(":")
    relative = os.path.relpath(path, cwd)
    return f"{path if relative.startswith('..') else relative}:{line}"


def _entry(value: Any) -> str:
    """One item of a list as a line: a person with the keys written for them, or the item."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = getattr(value, "name", "")
        rest = []
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name != "name" and item not in ("", (), None) and item != f.default:
                shown = ", ".join(item) if isinstance(item, tuple) else str(item)
                if isinstance(item, bool):
                    shown = shown.lower()  # as YAML writes it: "shared_surname: true"
                rest.append(f"{f.name}: {shown}")
        return f"{name} ({'; '.join(rest)})" if rest else str(name)
    return str(value)


def _written_in(raw: Any, item: Any) -> bool:
    """Whether the YAML value ``raw`` of a refinement wrote the list item or map key ``item``."""
    name = getattr(item, "name", item)
    if isinstance(raw, list):
        return any(r == name or (isinstance(r, Mapping) and r.get("name") == name) for r in raw)
    if isinstance(raw, Mapping):
        return name in raw
    return False


def merged(rule: Rule, refinements: Sequence[Refinement], base: str, cwd: Path) -> list[str]:
    """The keys the refinements change, as merged, each entry with the file it came from."""
    fields = yaml_keys(type(rule))
    keys = list(dict.fromkeys(k for r in refinements for k, _ in r.values if k != "examples"))
    lines = []
    for key in keys:
        value = getattr(rule, fields[key].name)
        if isinstance(value, (tuple, Mapping)):
            items = list(value.items()) if isinstance(value, Mapping) else list(value)
            lines.append(f"  {key}:")
            for item in items:
                what = item[0] if isinstance(value, Mapping) else item
                where = next(
                    (
                        _shown(r.source, cwd)
                        for r in reversed(refinements)
                        if _written_in(dict(r.values).get(key), what)
                    ),
                    base,
                )
                text = f"{item[0]} -> {item[1]}" if isinstance(value, Mapping) else _entry(item)
                lines.append(f"    {text}  [{where}]")
        else:
            where = next(
                _shown(r.source, cwd) for r in reversed(refinements) if key in dict(r.values)
            )
            lines.append(f"  {key}: {value}  [{where}]")
    return lines


def provenance(rule: Rule, refinements: Sequence[Refinement], cwd: Path) -> list[str]:
    """Where the rule comes from and, for a refined rule, what each file changed."""
    base = origin_of_base(rule, cwd)
    lines = [f"From: {base}"]
    for change in refinements:
        lines.append(f"Refined in {_shown(change.source, cwd)}: {change.describe()}")
    if refinements:
        lines += ["", "As merged (each entry with the file it comes from):"]
        lines += merged(rule, refinements, base, cwd)
    return [*lines, ""]


def origin_of_base(rule: Rule, cwd: Path) -> str:
    from ..style import Style

    return origin(Style((rule,)), rule, cwd)


def explain(rule: Rule, refinements: Sequence[Refinement] = (), cwd: Path | None = None) -> str:
    """The rule's reference: what it checks, where houses differ, and its examples checked;
    where it comes from, and for a refined rule what each refining file changed."""
    scope = ", ".join(rule.scope)
    lines = [f"{rule.name}  ({rule.type}, {rule.severity}; scope: {scope})", ""]
    lines += provenance(rule, refinements, cwd or Path(os.getcwd()))
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


def parser() -> Parser:
    p = Parser(
        prog="newslint explain",
        description="Show one rule as in force (merged with any refinements, each part with "
        "the file it came from), with its examples checked.",
    )
    p.add_argument("rule", metavar="RULE", help="a full rule id such as core.doubled-word")
    style_options(p)
    return p


def explain_command(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    style = style_of(args)
    rule = find_rule(style, args.rule)
    out.write(explain(rule, style.refined.get(rule.name, ()), Path(os.getcwd())))
    return 0
