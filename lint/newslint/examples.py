"""Checking a rule against its own examples, as tests, ``newslint explain`` and ``newslint
test`` do.

Every example runs under the same time limit as a draft (``NEWSLINT_PATTERN_TIMEOUT``, see
:func:`newslint.engine.pattern_timeout`): a house rule's pattern that backtracks for ever is
stopped here too, and reported as a ``newslint.rule-timeout`` violation instead of its findings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from .checks import Rule
from .checks.base import time_limit
from .document import Document, make_document
from .engine import check_rule, pattern_timeout, rule_time_limit, timed_out
from .fix import fix_with
from .formats.inline import url_spans
from .formats.plaintext import paragraph_spans
from .output.full import describe_fix
from .style import Style
from .violation import Violation


def headline_only(rule: Rule) -> bool:
    return tuple(rule.scope) == ("headline",) or getattr(rule, "unit", None) == "headline"


def example_document(rule: Rule, text: str) -> Document:
    """``text`` read as a plain-text draft of body copy (every paragraph is body), unless the
    rule checks only headlines, in which case the example's first line is the headline.
    """
    paragraphs = paragraph_spans(text)
    headline = paragraphs[0] if headline_only(rule) and paragraphs else None
    return make_document(
        text,
        path="<example>",
        masked=url_spans(text),
        headline=headline,
        paragraphs=paragraphs,
    )


def check_example(rule: Rule, text: str) -> list[Violation]:
    """The rule's violations in ``text`` read as an example (see :func:`example_document`),
    within the rule's time limit; a rule that runs out of time gives one
    ``newslint.rule-timeout`` violation instead."""
    doc = example_document(rule, text)
    return check_rule_timed(doc, rule)


def check_rule_timed(doc: Document, rule: Rule) -> list[Violation]:
    """:func:`~newslint.engine.check_rule` within the time limit a draft gets."""
    limit = rule_time_limit(doc, pattern_timeout())
    try:
        with time_limit(limit):
            return check_rule(doc, rule)
    except TimeoutError:
        assert limit is not None
        return [timed_out(doc, rule, limit)]


def example_report(rule: Rule, text: str) -> list[str]:
    """What newslint reports for ``text`` read as the rule's example, a line a violation
    (``1:5: warning ... (fix: replace 'a' with 'b')``), or ``reports nothing``: as
    ``newslint explain`` and the language server's hover show an example."""
    found = check_example(rule, text)
    if not found:
        return ["reports nothing"]
    lines = []
    for v in found:
        fix = describe_fix(v)
        lines.append(
            f"{v.line}:{v.column}: {v.severity} {v.message}" + (f" (fix: {fix})" if fix else "")
        )
    return lines


# --- checking every example of a rule ---------------------------------------------------------


@dataclass(frozen=True)
class ExampleProblem:
    """An example that does not hold: the rule, the example's text and what is wrong."""

    rule: Rule
    text: str
    what: str

    @property
    def where(self) -> str:
        """``path:line`` of the example's item in its rule file (of the rule when the line of
        the example is not known), or the rule's pack."""
        path, _, _ = self.rule.source.rpartition(":")
        line = self.rule.examples.line_of(self.text)
        if path and line is not None:
            return f"{path}:{line}"
        return self.rule.source or self.rule.pack

    def __str__(self) -> str:
        text = json.dumps(self.text, ensure_ascii=False)
        return f"{self.where}: {self.rule.name}: {self.what}: {text}"


def fix_example(rule: Rule, text: str) -> str:
    """What ``--fix`` makes of ``text``, read as the rule's example, with the rule alone."""

    def lint(current: str) -> tuple[Document, list[Violation]]:
        doc = example_document(rule, current)
        return doc, check_rule_timed(doc, rule)

    return fix_with(text, lint, Style((rule,))).text


def check_examples(
    rule: Rule, context: Sequence[Rule] = (), *, require_fixed: bool = False
) -> list[ExampleProblem]:
    """What does not hold of ``rule``'s examples: a failing example must be reported, a
    passing one not; a stated ``fixed`` text must be exactly what ``--fix`` makes of its example,
    and clean under every rule of ``context`` (the rules it is used beside, the rule among them).
    With ``require_fixed``, a failing example that the rule offers to fix must state its fixed
    text (the built-in packs do).
    """
    problems: list[ExampleProblem] = []
    for example in rule.examples.failing:
        found = check_example(rule, example.text)
        if not found:
            problems.append(ExampleProblem(rule, example.text, "a failing example reports nothing"))
            continue
        fixes = any(v.replacement is not None for v in found)
        if example.fixed is None:
            if fixes and require_fixed:
                fixed = json.dumps(fix_example(rule, example.text), ensure_ascii=False)
                what = f"the rule fixes this example, which does not say to what (fixed: {fixed})"
                problems.append(ExampleProblem(rule, example.text, what))
            continue
        made = fix_example(rule, example.text)
        if made != example.fixed:
            what = (
                f"--fix makes {json.dumps(made, ensure_ascii=False)}, not the stated fixed text "
                f"{json.dumps(example.fixed, ensure_ascii=False)}"
            )
            problems.append(ExampleProblem(rule, example.text, what))
            continue
        doc = example_document(rule, made)  # read as the example was: body or headline
        for other in context or (rule,):
            for v in check_rule_timed(doc, other):
                what = f"its fixed text is flagged by {v.rule} at column {v.column}: {v.message}"
                problems.append(ExampleProblem(rule, example.text, what))
    for text in rule.examples.pass_:
        for v in check_example(rule, text):
            what = f"a passing example is flagged at column {v.column}: {v.message}"
            problems.append(ExampleProblem(rule, text, what))
    return problems


def context_of(pack: Sequence[Rule], core: Sequence[Rule]) -> tuple[Rule, ...]:
    """The rules a pack's fixed examples must be clean under: ``core``'s, then the pack's own
    (a pack that extends core wins where the two disagree), or the pack's alone for core."""
    own = {rule.name for rule in pack}
    base = [] if any(rule.name in own for rule in core) else list(core)
    return Style((*base, *pack)).rules
