"""The hover of a flagged span: the rule as ``newslint explain`` shows it, in Markdown."""

from __future__ import annotations

import json

from ..checks import Rule
from ..examples import example_report
from ..violation import Violation


def _example(rule: Rule, text: str) -> list[str]:
    shown = f"- {json.dumps(text, ensure_ascii=False)}"
    return [shown, *(f"  {line}" for line in example_report(rule, text))]


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
