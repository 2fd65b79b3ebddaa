"""Suppression directives in a draft, and the accepted terms of a style.

In Markdown and HTML a directive is a comment; in plain text it is a line of its own in square
brackets::

    <!-- newslint-disable core.doubled-word core.multiple-spaces -->
    <!-- newslint-enable -->
    <!-- newslint-disable-next-line core -->
    <!-- newslint-disable-file -->
    [newslint-disable-next-line uk-news.numbers]

Each names rules by full id (``core.doubled-word``) or by pack (``core``), separated by spaces
or commas; a directive that names none applies to every rule.  ``disable`` and ``enable`` take
effect from where they stand: for each violation the last directive before it that names its
rule (or its pack, or every rule) decides, so ``disable`` followed by ``enable core.x`` leaves
every rule but ``core.x`` off.  ``disable-next-line`` covers violations that start on the line
after the directive; ``disable-file`` covers the whole draft.

The format readers find the directives (``Document.directives``) and mask them, so a directive
inside a code block is just code.  A directive naming a rule or pack that the style does not
know, or a misspelt directive, is reported at the name as a warning of its own, like ruff's
RUF100: ``newslint.unknown-rule`` and ``newslint.unknown-directive``.  These are not rules of
any pack: they cannot be selected or disabled, only fixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from .document import Document, Span
from .patterns import compiled
from .violation import Violation

KINDS = ("disable", "enable", "disable-next-line", "disable-file")
UNKNOWN_RULE = "newslint.unknown-rule"
UNKNOWN_DIRECTIVE = "newslint.unknown-directive"

_COMMENT_DIRECTIVE = compiled(r"\s*newslint-[A-Za-z]")
# A plain-text directive: a line holding only [newslint-...].
TEXT_DIRECTIVE = compiled(r"^[ \t]*\[newslint-[A-Za-z][^\]\n]*\][ \t]*$", regex.MULTILINE)
_COMMENT = compiled(r"<!--(.*?)--!?>", regex.DOTALL)
_BODY = compiled(r"newslint-([A-Za-z-]*)")
_NAME = compiled(r"[^\s,]+")


def is_directive_comment(data: str) -> bool:
    """True when the text inside an HTML comment is a newslint directive."""
    return _COMMENT_DIRECTIVE.match(data) is not None


def comment_directives(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The spans of directive comments in ``text[start:end]`` (for readers of markup)."""
    stop = len(text) if end is None else end
    return [
        m.span() for m in _COMMENT.finditer(text, start, stop) if is_directive_comment(m.group(1))
    ]


def text_directives(text: str) -> list[Span]:
    """The spans of plain-text directive lines (without their line breaks)."""
    return [m.span() for m in TEXT_DIRECTIVE.finditer(text)]


@dataclass(frozen=True)
class Directive:
    kind: str
    names: tuple[tuple[str, Span], ...]  # each name with its span in the text
    span: Span  # the whole directive
    keyword: Span  # the ``newslint-...`` word

    def covers(self, rule: str) -> bool:
        """True when the directive applies to ``rule`` (a full id ``pack.id``)."""
        if not self.names:
            return True
        pack = rule.partition(".")[0]
        return any(name in (rule, pack) for name, _ in self.names)


def parse_directive(text: str, span: Span) -> Directive | None:
    """Read the directive at ``span`` (a comment or a bracketed line); ``None`` if it is none."""
    start, end = span
    if text.startswith("<!--", start):
        inner_start, inner_end = start + 4, end - (4 if text[end - 4 : end] == "--!>" else 3)
    else:
        inner_start = text.index("[", start) + 1
        inner_end = text.rindex("]", start, end)
    m = _BODY.search(text, inner_start, inner_end)
    if m is None:
        return None
    names = tuple((n.group(), n.span()) for n in _NAME.finditer(text, m.end(), inner_end))
    return Directive(m.group(1), names, span, m.span())


@dataclass(frozen=True)
class Suppressions:
    """The directives of one document, ready to ask whether a violation is suppressed."""

    events: tuple[tuple[int, Directive], ...]  # disable/enable, by offset
    next_line: dict[int, tuple[Directive, ...]]  # line number -> directives covering it
    whole_file: tuple[Directive, ...]

    def unsuppressed(self, violations: Sequence[Violation]) -> list[Violation]:
        """``violations`` less the suppressed ones, in the same order.

        One sweep through the directives in order of offset, over the violations in order of
        start, keeping for each name the last ``disable`` or ``enable`` naming it: time linear
        in the number of directives and violations (less the sort), however many there are.
        """
        by_start = sorted(range(len(violations)), key=lambda n: violations[n].start)
        last: dict[str | None, tuple[int, Directive]] = {}  # name (None: every rule) -> event
        events = self.events
        e = 0
        hidden = [False] * len(violations)
        for n in by_start:
            v = violations[n]
            while e < len(events) and events[e][0] <= v.start:
                directive = events[e][1]
                for name in directive.names or ((None, (0, 0)),):
                    last[name[0]] = (e, directive)
                e += 1
            hidden[n] = self._suppressed(v, last)
        return [v for v, h in zip(violations, hidden, strict=True) if not h]

    def _suppressed(self, v: Violation, last: dict[str | None, tuple[int, Directive]]) -> bool:
        if any(d.covers(v.rule) for d in self.whole_file):
            return True
        if any(d.covers(v.rule) for d in self.next_line.get(v.line, ())):
            return True
        pack = v.rule.partition(".")[0]
        deciding = [last[k] for k in (None, v.rule, pack) if k in last]
        if not deciding:
            return False
        return max(deciding, key=lambda event: event[0])[1].kind == "disable"


def read_suppressions(doc: Document) -> tuple[Suppressions, list[Directive]]:
    """The suppressions of ``doc`` and every directive read (for checking the names)."""
    events: list[tuple[int, Directive]] = []
    next_line: dict[int, list[Directive]] = {}
    whole: list[Directive] = []
    directives = []
    for span in doc.directives:
        d = parse_directive(doc.text, span)
        if d is None:
            continue
        directives.append(d)
        if d.kind in ("disable", "enable"):
            events.append((span[0], d))
        elif d.kind == "disable-next-line":
            line = doc.position(span[1])[0] + 1
            next_line.setdefault(line, []).append(d)
        elif d.kind == "disable-file":
            whole.append(d)
    events.sort(key=lambda e: e[0])
    table = {line: tuple(ds) for line, ds in next_line.items()}
    return Suppressions(tuple(events), table, tuple(whole)), directives


def _warning(doc: Document, span: Span, rule: str, message: str) -> Violation:
    return Violation.at(doc, span[0], span[1], rule=rule, severity="warning", message=message)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def directive_warnings(
    doc: Document, directives: Sequence[Directive], known: frozenset[str]
) -> list[Violation]:
    """A warning for each misspelt directive and each name the style does not know."""
    out = []
    for d in directives:
        if d.kind not in KINDS:
            word = f"newslint-{d.kind}"
            hint = _did_you_mean(word, [f"newslint-{k}" for k in KINDS])
            out.append(
                _warning(doc, d.keyword, UNKNOWN_DIRECTIVE, f"unknown directive '{word}'{hint}")
            )
            continue
        for name, span in d.names:
            if name not in known:
                message = f"newslint-{d.kind} names an unknown rule or pack '{name}'"
                out.append(_warning(doc, span, UNKNOWN_RULE, message + _did_you_mean(name, known)))
    return out


def filter_violations(
    doc: Document,
    violations: list[Violation],
    *,
    accept: frozenset[str] = frozenset(),
    known: frozenset[str] = frozenset(),
) -> list[Violation]:
    """``violations`` without the accepted terms and the suppressed ones, plus directive warnings.

    An accepted term drops a violation whose found text equals it exactly (case and all),
    unless the fix keeps that text and adds to it: "Zelenskyy" -> "Mr Zelenskyy" is about the
    courtesy title, not the accepted spelling.
    """
    kept = [v for v in violations if not _accepted(v, accept)] if accept else violations
    if not doc.directives:
        return kept
    suppressions, directives = read_suppressions(doc)
    kept = suppressions.unsuppressed(kept)
    kept.extend(directive_warnings(doc, directives, known))
    return kept


def _accepted(v: Violation, accept: frozenset[str]) -> bool:
    if v.found not in accept:
        return False
    fix = v.replacement
    return fix is None or fix == v.found or v.found not in fix
