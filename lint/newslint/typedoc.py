"""Generate the rule-type reference, ``docs/rule-types.md``, from the rule types themselves.

    python -m newslint.typedoc > docs/rule-types.md

Each rule type's dataclass is the one source: its YAML keys, their types and defaults, and its
docstrings.  A test fails when the committed file differs from what this prints.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import types
import typing
from collections.abc import Iterator
from typing import Any

import regex

from .checks import RULE_TYPES, Examples, Rule
from .rulefile import yaml_keys

COMMAND = "python -m newslint.typedoc > docs/rule-types.md"


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None)) + " (optional)"
    if origin is tuple:
        return f"list of {_type_name(args[0])}"
    if origin is not None and args and len(args) == 2:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return f"mapping ({', '.join(f'`{k}`' for k in yaml_keys(hint))})"
    return {str: "string", int: "whole number", float: "number", bool: "true/false"}.get(
        hint, getattr(hint, "__name__", str(hint))
    )


def _default(f: dataclasses.Field[Any]) -> str:
    if f.default is not dataclasses.MISSING:
        value = f.default
    elif f.default_factory is not dataclasses.MISSING:
        value = f.default_factory()
    else:
        return "required"
    if value is None or value == "" or value == () or value == {}:
        return "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, tuple):
        if len(value) > 4:
            return f"{len(value)} entries"
        return "`[" + ", ".join(str(v) for v in value) + "]`"
    if dataclasses.is_dataclass(value):
        return "—"
    return f"`{value}`"


def _keys(cls: type[Rule], skip: set[str]) -> Iterator[str]:
    hints = typing.get_type_hints(cls)
    yield "| key | type | default |"
    yield "|---|---|---|"
    for key, f in yaml_keys(cls).items():
        if key in skip:
            continue
        yield f"| `{key}` | {_type_name(hints[f.name])} | {_default(f)} |"


def render() -> str:
    lines = [
        "# Rule types",
        "",
        f"Generated from the rule types by `{COMMAND}`; do not edit by hand.",
        "",
        "## Keys every rule has",
        "",
        *_keys(Rule, set()),
        "",
        "### `examples`",
        "",
        inspect.cleandoc(Examples.__doc__ or ""),
        "",
    ]
    lines += ["## Refining a rule of another pack (`refines`)", "", _refine_doc(), ""]
    common = set(yaml_keys(Rule)) - {"message"}
    for name, cls in RULE_TYPES.items():
        module = sys.modules[cls.__module__]
        lines += [f"## `{name}`", ""]
        for doc in (module.__doc__, cls.__doc__):
            text = inspect.cleandoc(doc or "")
            if text:
                lines += [text, ""]
        lines += [*_keys(cls, common), ""]
    return "\n".join(lines)


def _refine_doc() -> str:
    """The merge rules, from the docstring of :mod:`newslint.refine`, its reST made Markdown."""
    from . import refine

    text = inspect.cleandoc(refine.__doc__ or "").split("\n", 1)[1].strip()
    text = regex.sub(r":\w+:`~?(?:[\w.]+\.)?(\w+)`", r"`\1`", text).replace("``", "`")
    out: list[str] = []
    block = False
    for line in text.splitlines():
        if block and line and not line.startswith("    "):
            out += ["```", ""]
            block = False
        if line.endswith("::"):
            out += [line[:-1], "", "```yaml"]
            block = True
        elif block:
            if line:
                out.append(line[4:])
        else:
            out.append(line)
    return "\n".join(out)


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
