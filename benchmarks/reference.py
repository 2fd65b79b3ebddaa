"""A straightforward engine to check the optimised one against.

Every token of every word-list rule is its own regular expression and its own pass over the
text (with ``overlapped=True``, so every place a token matches is seen).  The matches are then
resolved the way one alternation of all the tokens (longest literal first, then patterns) would
resolve them: scanning left to right, at each place the first token in that order wins and the
scan goes on from the end of its match.  Rules of other types run their own ``check``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from newslint.checks import Rule
from newslint.checks.base import Finding, is_literal, token_pattern
from newslint.checks.existence import Existence
from newslint.checks.substitution import Substitution
from newslint.document import Document
from newslint.engine import fixes_marked, one_report_per_change, violation
from newslint.style import Style
from newslint.violation import Violation


def _priority(tokens: Sequence[str]) -> list[int]:
    return sorted(range(len(tokens)), key=lambda n: (not is_literal(tokens[n]), -len(tokens[n])))


def naive_matches(
    tokens: Sequence[str], flags: Sequence[int], view: str, *, wholeword: bool = True
) -> Iterator[tuple[int, int, int]]:
    """``(start, end, token index)`` as one alternation of ``tokens`` would find them."""
    found: dict[int, tuple[int, int, int]] = {}  # start -> (rank, end, index)
    for rank, n in enumerate(_priority(tokens)):
        single = regex.compile(token_pattern(tokens[n], wholeword=wholeword), regex.V1 | flags[n])
        for m in single.finditer(view, overlapped=True):
            best = found.get(m.start())
            if best is None or rank < best[0]:
                found[m.start()] = (rank, m.end(), n)
    pos = 0
    for start in sorted(found):
        if start < pos:
            continue
        _, end, n = found[start]
        yield start, end, n
        pos = max(end, start + 1)


class _Spans:
    """The spans the exceptions match, all found up front; ``covers`` asks whether one holds a
    match (the engine reads the same spans lazily, as far as its matches need)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)


def _exceptions(tokens: Sequence[str], ignorecase: bool, view: str) -> _Spans | None:
    if not tokens:
        return None
    flag = regex.IGNORECASE if ignorecase else 0
    return _Spans([(s, e) for s, e, _ in naive_matches(tokens, [flag] * len(tokens), view)])


def reference_findings(rule: Rule, doc: Document) -> Iterator[Finding]:
    view = doc.view
    if isinstance(rule, Existence):
        flags = [regex.IGNORECASE if rule.ignorecase else 0] * len(rule.tokens)
        exceptions = _exceptions(rule.exceptions, rule.ignorecase, view)
        for start, end, _ in naive_matches(rule.tokens, flags, view, wholeword=rule.wholeword):
            if start == end or (exceptions and exceptions.covers(start, end)):
                continue
            yield Finding(start, end)
        return
    if isinstance(rule, Substitution):
        keys = list(rule.swap)
        flags = [rule.key_flags(key) for key in keys]
        exceptions = _exceptions(rule.exceptions, bool(rule.ignorecase), view)
        for start, end, n in naive_matches(keys, flags, view, wholeword=rule.wholeword):
            if start == end or (exceptions and exceptions.covers(start, end)):
                continue
            finding = rule.finding(doc, start, end, keys[n])
            if finding is not None:
                yield finding
        return
    yield from rule.check(doc)


def reference_lint(doc: Document, style: Style) -> list[Violation]:
    """Every violation, found rule by rule and token by token, sorted as the engine sorts."""
    out = []
    for rule in style.rules:
        for finding in reference_findings(rule, doc):
            if doc.scope_at(finding.start) in rule.scope:
                out.append(violation(doc, rule, finding))
    out.sort(key=Violation.sort_key)
    return fixes_marked(one_report_per_change(doc.text, out), doc, style)
