"""``existence``: flag words, phrases or patterns that house style does not use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from .base import Finding, Rule
from .wordlist import LazyExceptions, WordList, compile_exceptions, compile_wordlist


@dataclass(frozen=True, kw_only=True)
class Existence(Rule):
    """Each match of one of ``tokens`` is a violation, unless it lies inside an exception."""

    type_name = "existence"

    message: str = "Avoid '{found}'"
    tokens: tuple[str, ...]
    ignorecase: bool = False
    wholeword: bool = True
    exceptions: tuple[str, ...] = ()
    _pattern: Any = field(init=False, repr=False, compare=False)
    _exceptions: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.tokens:
            raise ValueError("'tokens' must list at least one word or pattern")
        object.__setattr__(
            self,
            "_pattern",
            compile_wordlist(self.tokens, ignorecase=self.ignorecase, wholeword=self.wholeword),
        )
        object.__setattr__(
            self, "_exceptions", compile_exceptions(self.exceptions, ignorecase=self.ignorecase)
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        pattern: WordList = self._pattern
        exceptions = LazyExceptions(self._exceptions, doc.view)
        for m in pattern.finditer(doc.view):
            start, end = m.span()
            if start == end or exceptions.covers(start, end):
                continue
            yield Finding(start, end)
