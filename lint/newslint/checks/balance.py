"""``balance``: opening and closing marks that must pair up within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..document import Document
from ..quotes import Role, runs_on, straight_role
from .base import Finding, Rule

QUOTE_MARKS = frozenset('"“‘«„‹')


@cache
def _marks(opening: str, closing: str) -> re.Pattern[str]:
    """A pattern for either mark: the paragraph's marks are found without looking at each
    character in turn."""
    return re.compile(f"[{re.escape(opening + closing)}]")


def _stands_alone(view: str, i: int, start: int) -> bool:
    """Whether the closing bracket at ``i`` pairs with nothing by design: it ends a list marker
    ("1) ", "b) ") at the start of the paragraph or after a sentence or a colon, or it is the
    mouth of a smiley (":-)")."""
    if view[i] != ")":
        return False
    if view[max(start, i - 2) : i].endswith((":", ";", ":-", ";-")):
        return True
    j = i
    while j > max(start, i - 2) and view[j - 1].isalnum():
        j -= 1
    label = view[j:i]
    if not (label.isdigit() or (len(label) == 1 and label.isalpha())):
        return False
    if view[i + 1 : i + 2] not in (" ", "\t", "\n"):
        return False
    k = j
    while k > start and view[k - 1] in " \t":
        k -= 1
    return k == start or view[k - 1] in ".:;!?"


@dataclass(frozen=True, kw_only=True)
class Balance(Rule):
    """Each of ``pairs`` is an opening and a closing mark (the same mark for straight quotes).

    A paragraph whose marks do not pair up is a violation at the mark left over.  News copy
    runs a quotation over several paragraphs by leaving each one open and opening the next with
    the same mark, so an unclosed quote followed by a paragraph that opens with that mark is
    not a violation.
    """

    type_name = "balance"
    placeholders = ("other",)

    message: str = "'{found}' is not matched by '{other}' in this paragraph"
    pairs: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        for pair in self.pairs:
            if len(pair) != 2 or not all(len(mark) == 1 for mark in pair):
                raise ValueError(
                    f"each entry of 'pairs' must be two single characters; got {list(pair)}"
                )

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        paragraphs = doc.paragraphs
        for n, (start, end) in enumerate(paragraphs):
            following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            for opening, closing in self.pairs:
                yield from self._paragraph(view, start, end, opening, closing, following)

    def _paragraph(
        self,
        view: str,
        start: int,
        end: int,
        opening: str,
        closing: str,
        following: tuple[int, int] | None,
    ) -> Iterator[Finding]:
        if view.find(opening, start, end) < 0 and view.find(closing, start, end) < 0:
            return
        continues = following is not None and view[following[0]] == opening
        if opening in QUOTE_MARKS:
            yield from self._quotes(view, start, end, opening, closing, continues)
            return
        if opening == closing:
            if view.count(opening, start, end) % 2 and not continues:
                last = view.rindex(opening, start, end)
                yield Finding(last, last + 1, params=(("other", closing),))
            return
        stack: list[int] = []
        for m in _marks(opening, closing).finditer(view, start, end):
            i = m.start()
            if view[i] == opening:
                stack.append(i)
            elif stack:  # a closing mark
                stack.pop()
            elif not _stands_alone(view, i, start):
                yield Finding(i, i + 1, params=(("other", opening),))
        if stack and not continues:
            for i in stack:
                yield Finding(i, i + 1, params=(("other", closing),))

    @staticmethod
    def _quotes(
        view: str, start: int, end: int, opening: str, closing: str, continues: bool
    ) -> Iterator[Finding]:
        """Quotation marks do not nest: a mark opens, the next one closes.

        A straight mark opens or closes by its context.  An opening mark inside an open
        quotation that follows the end of a sentence starts the next paragraph of a quotation
        whose paragraph break the text has lost; any other is left over.  A straight mark
        closing nothing after a digit is an inch mark.
        """
        open_at: int | None = None
        for m in _marks(opening, closing).finditer(view, start, end):
            i = m.start()
            ch = view[i]
            role: Role = "open" if ch == opening else "close"
            if opening == closing:
                role = straight_role(view, i, start, end)
            if open_at is None:
                if role != "close":
                    open_at = i
                elif not (ch == '"' and view[i - 1].isdigit()):
                    yield Finding(i, i + 1, params=(("other", opening),))
            elif role == "open":
                if not runs_on(view, i, start):
                    yield Finding(open_at, open_at + 1, params=(("other", closing),))
                open_at = i
            else:
                open_at = None
        if open_at is not None and not continues:
            yield Finding(open_at, open_at + 1, params=(("other", closing),))
