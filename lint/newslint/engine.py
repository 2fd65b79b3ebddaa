"""Running a style's rules over a document and turning findings into violations."""

from __future__ import annotations

import string
from typing import Any

from .checks import Finding, Rule
from .document import Document
from .style import Style
from .violation import Violation


class _Placeholders(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def render_message(template: str, found: str, finding: Finding) -> str:
    values = _Placeholders(found=found, replacement=finding.replacement or "")
    values.update(finding.params)
    try:
        return _FORMATTER.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


def violation(doc: Document, rule: Rule, finding: Finding) -> Violation:
    start, end = finding.start, finding.end
    if doc.references:  # a span never splits an HTML character reference
        start, end = doc.widen(start, end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    found = doc.text[start:end]
    message = render_message(finding.message or rule.message, found, finding)
    return Violation(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.name,
        severity=rule.severity,
        message=message,
        found=found,
        replacement=finding.replacement,
        start=start,
        end=end,
    )


def check_rule(doc: Document, rule: Rule) -> list[Violation]:
    """One rule's violations in the rule's scopes."""
    scopes = rule.scope
    out = []
    for finding in rule.check(doc):
        if doc.scope_at(finding.start) in scopes:
            out.append(violation(doc, rule, finding))
    return out


def lint_document(doc: Document, style: Style) -> list[Violation]:
    """Every violation of ``style`` in ``doc``, sorted by line, column and rule.

    Accepted terms and violations suppressed by the draft's directives are left out.
    """
    found: list[Violation] = []
    for rule in style.rules:
        found.extend(check_rule(doc, rule))
    if doc.directives or style.accept:
        from .suppress import filter_violations

        found = filter_violations(doc, found, accept=style.accept, known=style.names)
    found.sort(key=Violation.sort_key)
    return found
