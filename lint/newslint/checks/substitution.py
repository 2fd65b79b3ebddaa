"""``substitution``: a word, phrase or pattern and the house's replacement for it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from ..document import Document
from .base import (
    ExceptionSpans,
    Finding,
    Rule,
    compile_pattern,
    compile_tokens,
    is_literal,
    match_case,
    token_pattern,
)

_GROUP = "newslint_key_"


@dataclass(frozen=True, kw_only=True)
class Substitution(Rule):
    """Each match of a ``swap`` key is a violation whose fix is the key's value.

    Matching ignores case when ``ignorecase`` is true, or, when it is not set, for keys written
    all in lower case ("colour" also matches "Colour"); a key with capitals ("Kiev", "NATO")
    matches only as written.  The replacement takes the match's capitalisation.  A match that
    already reads as its replacement is not a violation.  Keys that are patterns may use
    ``\\1``-style group references in their replacement.
    """

    type_name = "substitution"

    message: str = "Use '{replacement}' rather than '{found}'"
    swap: Mapping[str, str]
    ignorecase: bool | None = None
    wholeword: bool = True
    exceptions: tuple[str, ...] = ()
    _pattern: Any = field(init=False, repr=False, compare=False)
    _keys: Any = field(init=False, repr=False, compare=False)
    _singles: Any = field(init=False, repr=False, compare=False)
    _exceptions: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.swap:
            raise ValueError("'swap' must map at least one word to its replacement")
        keys = list(self.swap)
        singles = {
            key: compile_pattern(token_pattern(key, wholeword=False), self._flags(key))
            for key in keys
        }
        for key, value in self.swap.items():
            if key == value:
                raise ValueError(f"'{key}' is swapped for itself")
            for other, single in singles.items():
                if single.fullmatch(value) and match_case(value, self.swap[other]) != value:
                    cycle = " (a cycle)" if other == key or self.swap[other] == key else ""
                    raise ValueError(
                        f"the replacement '{value}' of '{key}' would itself be replaced "
                        f"by '{self.swap[other]}'{cycle}"
                    )
        # One named group per key, so a match says which key it was.
        branches = []
        for n, key in enumerate(keys):
            inline = "?i" if self._flags(key) else "?-i"
            token = token_pattern(key, wholeword=self.wholeword)
            branches.append(f"(?P<{_GROUP}{n}>({inline}:{token}))")
        order = sorted(range(len(keys)), key=lambda n: (not is_literal(keys[n]), -len(keys[n])))
        pattern = compile_pattern("|".join(branches[n] for n in order), regex.V1)
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_singles", singles)
        object.__setattr__(
            self,
            "_exceptions",
            compile_tokens(self.exceptions, ignorecase=bool(self.ignorecase)),
        )

    def _flags(self, key: str) -> int:
        ignore = self.ignorecase if self.ignorecase is not None else key == key.lower()
        return regex.IGNORECASE if ignore else 0

    def _key_of(self, m: regex.Match[str]) -> str:
        name = m.lastgroup
        if name is None or not name.startswith(_GROUP):
            name = next(k for k, v in m.groupdict().items() if k.startswith(_GROUP) and v)
        return str(self._keys[int(name[len(_GROUP) :])])

    def check(self, doc: Document) -> Iterator[Finding]:
        exceptions = ExceptionSpans(self._exceptions, doc.view) if self._exceptions else None
        for m in self._pattern.finditer(doc.view):
            start, end = m.span()
            if start == end or (exceptions and exceptions.covers(start, end)):
                continue
            key = self._key_of(m)
            value = self.swap[key]
            found = doc.text[start:end]
            if not is_literal(key):
                single = self._singles[key].fullmatch(doc.view, start, end)
                value = single.expand(value) if single else value
            replacement = match_case(found, value)
            if replacement == found:
                continue
            yield Finding(start, end, replacement)
