"""A rule's exceptions: compiled as one word list, and their spans in a document read lazily,
only as far as the rule's matches need them, in one scan shared by the rules with the same
exceptions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from .base import _DEADLINE, finditer
from .nearby import LOOK_BACK, Nearby
from .wordlist import WordList, compile_wordlist

NEAR = 1_000  # characters past a scan of exceptions read by it rather than near a place
PLACE_COST = 20  # characters a scan reads in the time a place is tried near a match


def compile_exceptions(tokens: Sequence[str], *, ignorecase: bool) -> WordList | None:
    """A rule's ``exceptions`` as one word list (``None`` for none): it finds what
    :func:`~newslint.checks.base.compile_tokens` would, with the word list's shortcuts (a draft
    without what the exceptions need is not scanned)."""
    return compile_wordlist(tokens, ignorecase=ignorecase) if tokens else None


class LazyExceptions:
    """A rule's exception spans in one document, searched only as far as its matches need:
    most documents hold no match of most rules, and a scan for exceptions stops at the last
    match it is asked about.  ``matcher`` is a :class:`WordList` (see
    :func:`compile_exceptions`) or a compiled pattern.

    The spans come from one ``finditer`` over the whole view, read lazily, so they are the ones
    a full scan finds.  They do not overlap and come in order, so whether one covers
    ``[start, end)`` is known once the scan has passed ``start``: only the last span starting
    at or before ``start`` can cover it.  Rules with the same exceptions (a pack's spelling
    rules share theirs) read one scan of a document, however far each needs it.
    """

    def __init__(self, matcher: Any, view: str) -> None:
        self.matcher = matcher
        self.view = view
        self._scan = None if matcher is None else _shared_scan(matcher, view)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [] if self._scan is None else self._scan.spans

    def covers(self, start: int, end: int) -> bool:
        scan = self._scan
        if scan is None:
            return False
        spans = scan.spans
        if not scan.done and (not spans or spans[-1][0] <= start):
            nearby = scan.nearby() if start < end else None
            resume = spans[-1][1] if spans else 0
            if nearby is not None and start - resume > NEAR:
                sync = nearby.sync_before(start, max(resume, start - LOOK_BACK))
                # Tried place by place, a character costs what some tens do in one scan.
                if sync > 0 and start - resume > NEAR + PLACE_COST * (start - sync):
                    try:
                        return nearby.covers(start, end, sync)
                    except ValueError:  # an empty match: the scan from the start decides
                        scan.far_only()
            scan.advance_past(start)
        i = bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][1] >= end


class _Scan:
    """One exception matcher's spans in one view, found as far as some rule needed them.

    Each rule searches within its own time limit (see :func:`~.base.time_limit`): a word
    list's scan gives each search the time left to the rule reading it; a pattern's scan is
    taken up by each rule with a search of its own.  A search stopped by a rule's time limit is
    begun again from there by the next rule.
    """

    __slots__ = ("_deadline", "_found", "_nearby", "done", "matcher", "spans", "view")

    def __init__(self, matcher: Any, view: str) -> None:
        self.matcher, self.view = matcher, view
        self.spans: list[tuple[int, int]] = []
        self._found: Iterator[Any] | None = None
        self._deadline: float | None = None
        self._nearby: Nearby | Literal[False] | None = None  # False: none; None: not yet made
        self.done = False

    def nearby(self) -> Nearby | None:
        """The spans around a place (see :mod:`.nearby`), for a word list whose exceptions
        have stop characters; ``None`` otherwise."""
        made = self._nearby
        if made is None:
            stops = self.matcher.stops() if isinstance(self.matcher, WordList) else ""
            made = self._nearby = Nearby(self.matcher.pattern, self.view, stops) if stops else False
        return made or None

    def far_only(self) -> None:
        """Read the scan from the start from now on (an empty match was met near a place)."""
        self._nearby = False

    def advance_past(self, start: int) -> None:
        """Find the spans up to the first that starts after ``start`` (or that there is none)."""
        deadline = _DEADLINE.get() if not isinstance(self.matcher, WordList) else None
        if self._found is None or deadline != self._deadline:
            self._found, self._deadline = self._resumed(), deadline
        spans = self.spans
        try:
            for found in self._found:
                spans.append(found.span())
                if found.start() > start:
                    return
        except BaseException:
            self._found = None
            raise
        self.done = True

    def _resumed(self) -> Iterator[Any]:
        """The matches after the spans found so far.  A scan taken up after a match goes on
        as the whole scan would; after an empty match it is begun again and the spans found
        are passed over."""
        spans = self.spans
        pos = spans[-1][1] if spans and spans[-1][0] < spans[-1][1] else 0
        if isinstance(self.matcher, WordList):
            found = self.matcher.finditer(self.view, pos)
        else:
            found = finditer(self.matcher, self.view, pos)
        if spans and pos == 0:
            for _ in spans:
                next(found)
        return found


# The exception scans of the last view (see LazyExceptions), replaced whole for a new view.
_last_scans: tuple[Any, dict[Any, _Scan]] = (None, {})


def _shared_scan(matcher: Any, view: str) -> _Scan:
    global _last_scans
    last = _last_scans
    if last[0] is not view:
        last = _last_scans = (view, {})
    scan = last[1].get(matcher)
    if scan is None:
        scan = last[1][matcher] = _Scan(matcher, view)
    return scan
