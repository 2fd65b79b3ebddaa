"""``newslint rules``: list the rules in force."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO

from .parser import Parser, style_of, style_options


def summary_line(text: str) -> str:
    """The first sentence of a description, on one line."""
    text = " ".join(text.split())
    cut = text.find(". ")
    return text[: cut + 1] if cut != -1 else text


def parser() -> Parser:
    p = Parser(prog="newslint rules", description="List the rules in force.")
    style_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="list format")
    return p


def rules_command(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    rules = sorted(style_of(args).rules, key=lambda r: r.name)
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
        out.write(f"{row}{summary_line(r.description)}".rstrip() + "\n")
    return 0
