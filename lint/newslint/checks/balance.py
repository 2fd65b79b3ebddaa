"""``balance``: opening and closing marks that must pair up within a paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document
from .base import Finding, Rule


@dataclass(frozen=True, kw_only=True)
class Balance(Rule):
    """Each of ``pairs`` is an opening and a closing mark (the same mark for straight quotes).

    A paragraph whose marks do not pair up is a violation at the mark left over.  News copy
    runs a quotation over several paragraphs by leaving each one open and opening the next with
    the same mark, so an unclosed quote followed by a paragraph that opens with that mark is
    not a violation.
    """

    type_name = "balance"

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
        continues = following is not None and view[following[0]] == opening
        if opening == closing:
            if view.count(opening, start, end) % 2 and not continues:
                last = view.rindex(opening, start, end)
                yield Finding(last, last + 1, params=(("other", closing),))
            return
        if opening not in view[start:end] and closing not in view[start:end]:
            return
        stack: list[int] = []
        for i in range(start, end):
            ch = view[i]
            if ch == opening:
                stack.append(i)
            elif ch == closing:
                if stack:
                    stack.pop()
                else:
                    yield Finding(i, i + 1, params=(("other", opening),))
        if stack and not continues:
            for i in stack:
                yield Finding(i, i + 1, params=(("other", closing),))
