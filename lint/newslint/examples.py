"""Checking a rule against its own examples, as tests, ``newslint explain`` and ``newslint
test`` do.

Every example runs under the same time limit as a draft (``NEWSLINT_PATTERN_TIMEOUT``, see
:func:`newslint.engine.pattern_timeout`): a house rule's pattern that backtracks for ever is
stopped here too, and reported as a ``newslint.rule-timeout`` violation instead of its findings.
"""

from __future__ import annotations

from .checks import Rule
from .checks.base import time_limit
from .document import Document, make_document
from .engine import check_rule, pattern_timeout, rule_time_limit, timed_out
from .formats.inline import url_spans
from .formats.plaintext import paragraph_spans
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
