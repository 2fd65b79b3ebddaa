"""Generate the rule reference, ``docs/rules.md``, from the built-in packs.

    python -m newslint.docgen > docs/rules.md

The packs are the one source: each rule's id, type, severity, scopes, description, note and
examples (with the text ``--fix`` makes of a failing one, where the example states it) are printed
as written in its YAML file.  A test fails when the committed file differs
from what this prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping

from .checks import Rule
from .checks.base import is_literal
from .rulefile import builtin_packs, builtin_root, load_pack

COMMAND = "python -m newslint.docgen > docs/rules.md"

PACK_INTROS: Mapping[str, str] = {
    "core": "The default style: checks every house shares (the style used when none is given).",
    "uk-news": "British newsroom conventions: -ise and British spellings, Nato, US without "
    "stops, 13 February 2025, one to nine in words, courtesy titles at second reference.",
    "us-news": "American wire (AP) conventions: -ize and American spellings, NATO, U.S. in "
    "text, Feb. 13, 2025, 8:28 a.m., no courtesy titles outside quotations.",
}


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _example(text: str) -> str:
    return _code(" ¶ ".join(part for part in text.split("\n") if part))


def _plain(text: str) -> str:
    """One paragraph of prose from a folded YAML string."""
    return " ".join(text.split())


def _swaps(rule: Rule) -> Iterator[str]:
    swap: Mapping[str, str] | None = getattr(rule, "swap", None)
    if not swap:
        return
    words = [f"{_code(k)} → {_code(v)}" for k, v in swap.items() if is_literal(k)]
    patterns = [f"{_code(k)} → {_code(v)}" for k, v in swap.items() if not is_literal(k)]
    if words:
        yield f"- **Replaces** ({len(words)}): " + ", ".join(words)
    if patterns:
        yield f"- **Patterns** ({len(patterns)}):"
        yield from (f"  - {p}" for p in patterns)


def rule_section(rule: Rule) -> Iterator[str]:
    yield f"### `{rule.name}`"
    yield ""
    yield f"- **Type:** {rule.type} · **Severity:** {rule.severity} · **Scope:** " + ", ".join(
        rule.scope
    )
    yield from _swaps(rule)
    yield ""
    yield _plain(rule.description) or "(no description)"
    if rule.note.strip():
        yield ""
        yield f"*House note:* {_plain(rule.note)}"
    if rule.link:
        yield ""
        yield f"See: <{rule.link}>"
    if rule.examples.fail:
        yield ""
        yield "Flagged:"
        yield ""
        for example in rule.examples.failing:
            fixed = f" → {_example(example.fixed)}" if example.fixed is not None else ""
            yield f"- {_example(example.text)}{fixed}"
    if rule.examples.pass_:
        yield ""
        yield "Not flagged:"
        yield ""
        yield from (f"- {_example(text)}" for text in rule.examples.pass_)
    yield ""


def render() -> str:
    """The whole reference, as Markdown."""
    packs = builtin_packs()
    lines = [
        "# Rule reference",
        "",
        f"Generated from the built-in packs by `{COMMAND}`; do not edit by hand.",
        "A rule's full id is `<pack>.<id>`. Examples are body copy unless the rule checks",
        "only headlines; ¶ marks a paragraph break.",
        "",
    ]
    rules = {pack: load_pack(builtin_root() / pack) for pack in packs}
    for pack in packs:
        lines.append(f"- [{pack}](#{pack}) ({len(rules[pack])} rules)")
    lines.append("")
    for pack in packs:
        lines.append(f"## {pack}")
        lines.append("")
        if pack in PACK_INTROS:
            lines.extend([PACK_INTROS[pack], ""])
        for rule in rules[pack]:
            lines.extend(rule_section(rule))
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
