"""``existence``: flag words, phrases or patterns that house style does not use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from .base import Finding, Rule
from .exceptions import LazyExceptions, compile_exceptions
from .lexicon import LARGE, Lexicon
from .wordlist import WordList, compile_wordlist


@dataclass(frozen=True, kw_only=True)
class Existence(Rule):
    """Each match of one of ``tokens`` is a violation, unless it lies inside an exception.

    A list of 2,000 tokens or more matched as whole words loads in seconds however long it
    is: each draft compiles only the tokens whose words it holds, and finds what the whole list
    would.
    """

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
        matcher: WordList | Lexicon
        if len(self.tokens) >= LARGE and self.wholeword:  # compiled per draft, as it needs
            matcher = Lexicon(self.tokens, (self.ignorecase,) * len(self.tokens))
        else:
            matcher = compile_wordlist(
                self.tokens, ignorecase=self.ignorecase, wholeword=self.wholeword
            )
        object.__setattr__(self, "_pattern", matcher)
        object.__setattr__(
            self, "_exceptions", compile_exceptions(self.exceptions, ignorecase=self.ignorecase)
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        matcher: WordList | Lexicon = self._pattern
        exceptions = LazyExceptions(self._exceptions, doc.view)
        if isinstance(matcher, Lexicon):
            matches: Iterator[Any] = (m for m, _ in matcher.matches(doc.view))
        else:
            matches = matcher.finditer(doc.view)
        for m in matches:
            start, end = m.span()
            if start == end or exceptions.covers(start, end):
                continue
            yield Finding(start, end)
