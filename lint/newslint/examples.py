"""Checking a rule against its own examples, as tests and ``newslint explain`` do."""

from __future__ import annotations

from .checks import Rule
from .document import Document, make_document
from .engine import check_rule
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
    """The rule's violations in ``text`` read as an example (see :func:`example_document`)."""
    return check_rule(example_document(rule, text), rule)
