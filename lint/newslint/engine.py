"""Running a style's rules over a document and turning findings into violations."""

from __future__ import annotations

import math
import os
import re
import string
import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .checks import Finding, Rule
from .checks.base import time_limit
from .document import MASK, Document, Span, cycles_uncollected
from .errors import NewslintError
from .style import Style
from .violation import Violation

#: Seconds of CPU time a rule's patterns may search one draft (per MB of a longer one); 0 for
#: no limit.
PATTERN_TIMEOUT = "NEWSLINT_PATTERN_TIMEOUT"
DEFAULT_PATTERN_TIMEOUT = 2.0
RULE_TIMEOUT = "newslint.rule-timeout"


class _Placeholders(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def render_message(template: str, found: str, finding: Finding) -> str:
    """The message with its placeholders filled, on one line: text found across a line break
    reads with a space there, so that a report keeps one violation to a line."""
    values = _Placeholders(found=found, replacement=(finding.replacement or "").replace(MASK, ""))
    values.update(finding.params)
    try:
        message = _FORMATTER.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        message = template
    return _LINE_BREAK.sub(" ", message) if "\n" in message or "\r" in message else message


_LINE_BREAK = re.compile(r"[^\S\n\r]*[\n\r]+\s*")


def violation(doc: Document, rule: Rule, finding: Finding) -> Violation:
    start, end = finding.start, finding.end
    if doc.references:  # a span never splits an HTML character reference
        start, end = doc.widen(start, end)
    message = render_message(finding.message or rule.message, doc.read(start, end), finding)
    return Violation.at(
        doc,
        start,
        end,
        rule=rule.name,
        severity=rule.severity,
        message=message,
        replacement=finding.replacement,
    )


def pattern_timeout() -> float | None:
    """The time limit from ``NEWSLINT_PATTERN_TIMEOUT`` (default 2 s); ``None`` for none."""
    value = os.environ.get(PATTERN_TIMEOUT, "").strip()
    if not value:
        return DEFAULT_PATTERN_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not math.isfinite(seconds) or seconds < 0:
        raise NewslintError(
            f"{PATTERN_TIMEOUT} must be a number of seconds (0 for no limit), not '{value}'"
        )
    return seconds or None


def rule_time_limit(doc: Document, seconds: float | None) -> float | None:
    """A rule's time on ``doc``: ``seconds``, and as much again for each MB past the first."""
    if seconds is None:
        return None
    return seconds * max(1.0, len(doc.text) / 1_000_000)


def notice(doc: Document, rule: str, severity: str, message: str) -> Violation:
    """A violation about the whole draft, reported at its first character."""
    return Violation.at(doc, 0, 0, rule=rule, severity=severity, message=message)


def timed_out(doc: Document, rule: Rule, seconds: float) -> Violation:
    message = (
        f"rule '{rule.name}' was stopped after {seconds:g} seconds searching this draft: "
        f"simplify its patterns (or raise {PATTERN_TIMEOUT})"
    )
    return notice(doc, RULE_TIMEOUT, "error", message)


def checked_in_time(
    doc: Document, rule: Rule, limit: float | None, started: tuple[float, float] | None = None
) -> list[Violation] | None:
    """:func:`check_rule` within ``limit`` seconds of CPU time, or ``None`` when the rule's
    patterns use them up.

    ``regex`` stops a search after a time on the clock, which a busy machine stretches: a rule
    that needs a tenth of its limit on an idle machine may see the clock run out while it
    waits for the processor.  So the time that counts is the CPU time of the thread: when the
    clock runs out first, the rule is checked again (a check changes nothing) with the clock
    time that its CPU time left comes to at the pace it has had.  A rule's result therefore
    depends on its work, not on the load, and a runaway pattern is still stopped, after at
    most about twice its limit of CPU time.

    ``started`` is the thread's CPU time and the clock when the draft's first rule began: the
    engine reads the CPU time (a system call) once a draft rather than once a rule, and only
    when a rule's clock runs out does it count the rule's share, at least all the CPU time
    since then less the clock's time for the rules before (they used no more than that).  From
    there it goes on as though the thread had the processor to itself, and then at the pace
    measured from there.
    """
    if limit is None:
        return check_rule(doc, rule)
    clock_start = time.monotonic()
    exact = started is None
    if started is None:
        started = (time.thread_time(), clock_start)
    cpu_start = started[0] + (clock_start - started[1])  # the rule's start, or later
    seconds = limit
    while True:
        try:
            with time_limit(seconds):
                return check_rule(doc, rule)
        except TimeoutError:  # only a rule's own patterns have a time limit
            cpu_now, clock_now = time.thread_time(), time.monotonic()
            cpu = max(0.0, cpu_now - cpu_start)
            if cpu >= limit * 0.95:
                return None
            if exact:
                pace = (clock_now - clock_start) / max(cpu, 0.001)
            else:  # measured from here, the time before counted as though at full pace
                pace, exact = 1.0, True
                cpu_start, clock_start = cpu_now - cpu, clock_now - cpu
            seconds = (limit - cpu) * pace


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

    Accepted terms and violations suppressed by the draft's directives are left out.  A rule
    whose patterns run out of time (see :func:`pattern_timeout` and :func:`checked_in_time`) is
    reported as a violation of ``newslint.rule-timeout`` instead of its findings, and the other
    rules go on.
    """
    with cycles_uncollected():  # see there: it keeps a long draft's cost a MB flat
        return _lint_document(doc, style)


def _lint_document(doc: Document, style: Style) -> list[Violation]:
    found = [notice(doc, n.rule, n.severity, n.message) for n in doc.notices]
    limit = rule_time_limit(doc, pattern_timeout())
    started = None if limit is None else (time.thread_time(), time.monotonic())
    for rule in style.rules:
        checked = checked_in_time(doc, rule, limit, started)
        if checked is not None:
            found.extend(checked)
        else:
            assert limit is not None
            found.append(timed_out(doc, rule, limit))
    if doc.directives or style.accept:
        from .suppress import filter_violations

        found = filter_violations(doc, found, accept=style.accept, known=style.names)
    found.sort(key=Violation.sort_key)
    return fixes_marked(one_report_per_change(doc.text, found), doc, style)


def fixes_marked(violations: list[Violation], doc: Document, style: Style) -> list[Violation]:
    """``violations``, each whose fix ``--fix`` leaves marked so (``fix_applies``, see
    :func:`safe`): the reports say it is the writer's to make."""
    return [
        v if v.replacement is None or safe(v, doc, style) else replace(v, fix_applies=False)
        for v in violations
    ]


def _overlaps(spans: Sequence[Span], start: int, end: int) -> bool:
    """True when ``[start, end)`` shares a character with one of the sorted, disjoint ``spans``.

    An empty span (an insertion) overlaps a span it falls strictly inside.
    """
    i = bisect_right(spans, start, key=lambda span: span[1])  # first span ending after start
    if i == len(spans):
        return False
    first = spans[i][0]
    return first < end if end > start else first < start


def safe(v: Violation, doc: Document, style: Style | None) -> bool:
    """True when ``v``'s fix touches neither masked text nor, unless allowed, a quotation."""
    if _overlaps(doc.masked, v.start, v.end):
        return False
    rule = style.get(v.rule) if style is not None else None
    if rule is not None and "quote" not in rule.scope:
        return not _overlaps(doc.quotes, v.start, v.end)
    return True


def one_report_per_change(text: str, found: list[Violation]) -> list[Violation]:
    """``found`` less each violation whose fix makes the very change another's does.

    "defence secretary" may be flagged for its spelling ("defence") and as a job title ("defence
    secretary" -> "defense secretary"): one change, so one report, and the narrower one, which
    shows where the change is.  Of two reports of one span with one fix, the first is kept.
    """
    fixes = sorted(
        (v for v in found if v.replacement is not None),
        key=lambda v: (v.start, -v.end, v.sort_key()),
    )
    dropped: set[int] = set()
    for i, outer in enumerate(fixes):
        for j in range(i + 1, len(fixes)):  # not a slice: a copy of the rest for each
            inner = fixes[j]
            if inner.start >= outer.end and (outer.end > outer.start or inner.start > outer.end):
                break
            if inner.end > outer.end or id(inner) in dropped:
                continue
            inside = f"{inner.replacement}"
            if text[outer.start : inner.start] + inside + text[inner.end : outer.end] == (
                outer.replacement
            ):
                same_span = (inner.start, inner.end) == (outer.start, outer.end)
                dropped.add(id(inner) if same_span else id(outer))
                if not same_span:
                    break
    if not dropped:
        return found
    return [v for v in found if id(v) not in dropped]
