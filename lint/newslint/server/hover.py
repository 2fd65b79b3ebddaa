"""The hover of a flagged span: the rule as ``newslint explain`` shows it, in Markdown."""

from __future__ import annotations

import json

from ..checks import Rule
from ..examples import check_example
from ..output.full import describe_fix
from ..violation import Violation


def _example(rule: Rule, text: str) -> list[str]:
    lines = [f"- {json.dumps(text, ensure_ascii=False)}"]
    found = check_example(rule, text)
    if not found:
        lines.append("  reports nothing")
    for v in found:
        fix = describe_fix(v)
        lines.append(f"  {v.line}:{v.column}: {v.message}" + (f" (fix: {fix})" if fix else ""))
    return lines


def explain(rule: Rule) -> str:
    """The rule's description, the house's note and one fail and one pass example, checked."""
    scope = ", ".join(rule.scope)
    lines = [f"**{rule.name}** ({rule.type}, {rule.severity}; scope: {scope})", ""]
    if rule.description.strip():
        lines += [" ".join(rule.description.split()), ""]
    if rule.note.strip():
        lines += ["Note: " + " ".join(rule.note.split()), ""]
    if rule.link:
        lines += [f"See: {rule.link}", ""]
    if rule.examples.fail_texts:
        lines += ["Breaks the rule:", "", *_example(rule, rule.examples.fail_texts[0]), ""]
    if rule.examples.pass_:
        lines += ["Keeps to it:", "", *_example(rule, rule.examples.pass_[0]), ""]
    return "\n".join(lines).rstrip() + "\n"


def describe(v: Violation, rule: Rule | None) -> str:
    """The hover of one violation: its message, then its rule explained."""
    head = f"{v.severity} {v.rule}: {v.message}"
    return head + "\n\n" + explain(rule) if rule is not None else head + "\n"
