"""A rule's exceptions read near each of its matches, not from the start of a long draft.

Whether an exception covers a match is decided by one scan of the draft for the exceptions,
left to right, each span where the last left off (see :class:`~.exceptions.LazyExceptions`).  A
scan read as far as a rule's last match reads, in a long draft with matches all through it,
the whole draft, which an article with no match never pays.

A character that no exception can match (a full stop, where the exceptions are words) is a
place the scan is known to cross between two spans: every span that starts before it ends
there at the latest.  So the spans starting after it are the ones a scan begun just after it
finds, and whether a match is covered is known from a scan of the text between the last such
character before the match and the match itself, tried place by place.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from typing import Any

from .base import time_left

#: Characters that may serve as places the scan crosses: punctuation that ends or splits a
#: sentence, the mask of markup and a line break.
CANDIDATES = '.,;:!?()[]"“”\x00\n'
#: How far before a place a stop character is looked for; without one, the scan from the
#: start of the draft decides.
LOOK_BACK = 1_000
#: Unicode properties read as ``\w`` (they hold only word characters); any other reads as
#: any character.
_WORDLY = frozenset(
    [
        "l",
        "lu",
        "ll",
        "lt",
        "lm",
        "lo",
        "letter",
        "alpha",
        "alphabetic",
        "n",
        "nd",
        "number",
        "l&",
        "lc",
        "cased_letter",
    ]
)
_PROPERTY = re.compile(r"\\([pP])(?:\{\^?([^}]*)\}|([A-Za-z]))|\\N\{[^}]*\}|\\X")
# Syntax ``re`` reads otherwise than ``regex`` or not at all: fuzzy matching ("{e<=1}").
_FUZZY = re.compile(r"\{(?![\d,])")


def stop_characters(source: str, *, ahead: bool = False) -> str:
    """The characters of :data:`CANDIDATES` that no match of the ``regex`` pattern ``source``
    takes in (look-arounds read them, which does not matter); ``""`` when that cannot be told.
    With ``ahead``, also those that no look-ahead matches: an attempt to match reads no
    further than the first of them after its start.

    The pattern is read by ``re``'s parser with each Unicode property read as a class that
    holds it (``\\w`` for the letters and numbers, else any character), so what it may take in
    is never less than what ``source`` may; a pattern ``re`` reads otherwise, or with a property
    in a negated class, tells nothing.
    """
    converted = _as_re(source)
    if converted is None or _FUZZY.search(converted):
        return ""
    from re import _parser  # type: ignore[attr-defined]

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            tree = _parser.parse(converted)
        except (re.error, Warning, RecursionError, OverflowError, ValueError):
            return ""
    return "".join(ch for ch in CANDIDATES if not _takes(tree, ch, ahead=ahead))


def _as_re(source: str) -> str | None:
    """``source`` with each property as a class that holds it; ``None`` where that fails."""
    out: list[str] = []
    i = 0
    in_class = negated = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            m = _PROPERTY.match(source, i)
            if m is not None:
                if in_class and negated:
                    return None
                name = (m.group(2) or m.group(3) or "").lower().replace(" ", "_")
                if name.startswith(("gc=", "general_category=")):
                    name = name.split("=", 1)[1]
                wordly = m.group(1) == "p" and "^" not in m.group() and name in _WORDLY
                cls = r"\w" if wordly else r"\s\S"
                out.append(cls if in_class else f"[{cls}]")
                i = m.end()
                continue
            out.append(source[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            negated = source.startswith("^", i + 1)
            out.append("[^" if negated else "[")
            i += 2 if negated else 1
            if source.startswith("]", i):  # "[]...]" holds a "]"
                out.append("]")
                i += 1
            continue
        if ch == "[" and in_class:
            return None  # a nested set, which ``re`` does not read as ``regex`` does
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _forms(ch: str) -> set[str]:
    return {ch, ch.lower(), ch.upper(), ch.casefold()}


def _takes(tree: Any, ch: str, *, ahead: bool = False) -> bool:
    """Whether some item of the parsed pattern ``tree`` outside look-arounds (with ``ahead``,
    outside look-behinds) may take in ``ch`` (in any case: flags are not followed)."""
    from re import _constants as c  # type: ignore[attr-defined]

    forms = _forms(ch)
    stack = list(tree)
    while stack:
        op, av = stack.pop()
        if op in (c.ASSERT, c.ASSERT_NOT):
            if ahead and av[0] > 0:
                stack.extend(av[1])
            elif ahead and _looks_ahead(av[1]):
                return True  # a look-ahead in a look-behind: it may read anywhere
            continue
        if op is c.AT:
            continue
        if op in _groups(c):
            stack.extend(children(op, av))
        elif op is c.GROUPREF:
            continue  # it matches what its group matched, counted there
        elif op is c.LITERAL:
            if forms & _forms(chr(av)):
                return True
        elif op is c.NOT_LITERAL:
            if not forms <= _forms(chr(av)):
                return True
        elif op is c.IN:
            if _in_set(av, forms):
                return True
        else:  # ANY, a category alone, or anything not known: it may
            return True
    return False


def _looks_ahead(tree: Any) -> bool:
    """Whether the parsed pattern ``tree`` holds a look-ahead."""
    from re import _constants as c  # type: ignore[attr-defined]

    return any(op in (c.ASSERT, c.ASSERT_NOT) and av[0] > 0 for op, av in _items(tree))


def _items(tree: Any) -> list[Any]:
    """Every item of the parsed pattern ``tree``, nested ones included."""

    out = []
    stack = list(tree)
    while stack:
        op, av = stack.pop()
        out.append((op, av))
        stack.extend(children(op, av))
    return out


def _groups(c: Any) -> tuple[Any, ...]:
    """The items of a parsed pattern that nest others, look-arounds aside."""
    return (
        c.SUBPATTERN,
        c.MAX_REPEAT,
        c.MIN_REPEAT,
        c.POSSESSIVE_REPEAT,
        c.BRANCH,
        c.ATOMIC_GROUP,
        c.GROUPREF_EXISTS,
    )


def children(op: Any, av: Any) -> list[Any]:
    """The items nested in one item ``(op, av)`` of a parsed ``re`` pattern: a group's, a
    repeat's, every branch's, a look-around's; ``[]`` for an item that nests none."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op in (c.ASSERT, c.ASSERT_NOT):
        return list(av[1])
    if op is c.SUBPATTERN:
        return list(av[3])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return list(av[2])
    if op is c.BRANCH:
        return [item for part in av[1] for item in part]
    if op is c.ATOMIC_GROUP:
        return list(av)
    if op is c.GROUPREF_EXISTS:
        return [item for part in av[1:] if part is not None for item in part]
    return []


def _in_set(items: Any, forms: set[str]) -> bool:
    """Whether the set ``items`` (a parsed ``[...]``) may take in one of ``forms``."""
    from re import _constants as c  # type: ignore[attr-defined]

    negate = any(op is c.NEGATE for op, _ in items)
    held = set()
    for op, av in items:
        if op is c.NEGATE:
            continue
        if op is c.LITERAL:
            held |= forms & _forms(chr(av))
        elif op is c.RANGE:
            held |= {f for f in forms if len(f) == 1 and av[0] <= ord(f) <= av[1]}
        elif op is c.CATEGORY and str(av) in _CATEGORIES:
            pattern = re.compile(_CATEGORIES[str(av)])
            held |= {f for f in forms if pattern.fullmatch(f)}
        else:
            return True
    return held != forms if negate else bool(held)


class Nearby:
    """The spans of one exception pattern in one view around the places asked about: each
    from a scan begun after the last stop character (see :func:`stop_characters`) before the
    place, tried place by place with ``pattern.match``.

    Places are asked about in order for the most part; the scan asked for last goes on from
    where it stopped when the next place lies ahead of it.
    """

    __slots__ = ("_from", "_spans", "_to", "pattern", "stops", "view")

    def __init__(self, pattern: Any, view: str, stops: str) -> None:
        self.pattern, self.view, self.stops = pattern, view, stops
        self._from = self._to = -1  # the scan read exactly from ``_from`` up to ``_to``
        self._spans: list[tuple[int, int]] = []

    def sync_before(self, start: int, lo: int) -> int:
        """Just past the last stop character in ``view[lo:start]``, or -1 if there is none."""
        view = self.view
        return max(view.rfind(ch, lo, start) for ch in self.stops) + 1 or -1

    def covers(self, start: int, end: int, sync: int) -> bool:
        """Whether a span of the scan covers ``[start, end)`` (``start < end``; ``sync`` is
        just past a stop character before ``start``).  Raises :class:`ValueError` on an
        empty match, after which a scan reads on otherwise than from a place."""
        if not (self._from <= start and sync <= self._to):
            self._from = self._to = sync
            self._spans = []
        spans = self._spans
        x = self._to
        match, view = self.pattern.match, self.view
        try:
            while x <= start:
                m = match(view, x, timeout=time_left())
                if m is None:
                    x += 1
                    continue
                if m.end() == x:
                    raise ValueError("an empty match")
                spans.append(m.span())
                x = m.end()
        finally:  # out of time: the next rule reads on from here
            self._to = x
        # A span starting before ``_from`` ends before it, so before ``start``.
        i = bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][1] >= end
