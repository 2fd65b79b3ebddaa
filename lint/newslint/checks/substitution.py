"""``substitution``: a word, phrase or pattern and the house's replacement for it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from ..document import Document
from .base import (
    Finding,
    Rule,
    compile_pattern,
    fullmatch,
    is_literal,
    match_case,
    token_pattern,
)
from .exceptions import LazyExceptions, compile_exceptions
from .lexicon import LARGE, Lexicon
from .wordlist import WordList, compile_wordlist

_SURROGATE = regex.compile("[\ud800-\udfff]")
_REFERENCE = regex.compile(r"\\(?:\d+|g<[^>]*>)")  # a group reference in a replacement


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
        # Patterns compile now, so that a bad one is reported; literal keys when first needed.
        singles = {key: self._compile_single(key) for key in keys if not is_literal(key)}
        object.__setattr__(self, "_singles", singles)
        flags = [bool(self.key_flags(key)) for key in keys]
        matcher: WordList | Lexicon
        if len(keys) >= LARGE and self.wholeword:  # compiled per draft, as far as it needs
            matcher = Lexicon(keys, flags)
        else:
            matcher = compile_wordlist(keys, ignorecase=flags, wholeword=self.wholeword)
        for key, value in self.swap.items():
            if key == value:
                raise ValueError(f"'{key}' is swapped for itself")
            self._check_replacement(key, value)
            for n in matcher.candidates(value):
                other = keys[n]
                if self._single(other).fullmatch(value) and (
                    match_case(value, self.swap[other]) != value
                ):
                    cycle = " (a cycle)" if other == key or self.swap[other] == key else ""
                    raise ValueError(
                        f"the replacement '{value}' of '{key}' would itself be replaced "
                        f"by '{self.swap[other]}'{cycle}"
                    )
        object.__setattr__(self, "_pattern", matcher)
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(
            self,
            "_exceptions",
            compile_exceptions(self.exceptions, ignorecase=bool(self.ignorecase)),
        )

    def _check_replacement(self, key: str, value: str) -> None:
        """A replacement must be text a draft can hold: no lone surrogate (``\\uD800``, which
        no output can encode), written or made by a pattern key's escapes, and a pattern key's
        group references must name its groups."""
        expanded = value
        if not is_literal(key):
            single = self._single(key)
            names = {n: name for name, n in single.groupindex.items()}
            groups = "".join(
                f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, single.groups + 1)
            )
            try:
                expanded = regex.compile(groups).fullmatch("").expand(value)
            except (regex.error, IndexError) as exc:
                raise ValueError(f"the replacement '{value}' of '{key}': {exc}") from None
        if _SURROGATE.search(expanded):
            shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
            raise ValueError(
                f"the replacement '{shown}' of '{key}' holds a lone surrogate (U+D800 to "
                "U+DFFF), which is not a character: write the character itself"
            )

    def _compile_single(self, key: str) -> regex.Pattern[str]:
        return compile_pattern(token_pattern(key, wholeword=False), self.key_flags(key))

    def _single(self, key: str) -> regex.Pattern[str]:
        single: regex.Pattern[str] | None = self._singles.get(key)
        if single is None:
            single = self._singles[key] = self._compile_single(key)
        return single

    def key_flags(self, key: str) -> int:
        """The regex flags ``key`` matches with: IGNORECASE or none."""
        ignore = self.ignorecase if self.ignorecase is not None else key == key.lower()
        return regex.IGNORECASE if ignore else 0

    def decided_forms(self) -> Mapping[str, str]:
        return {key: value for key, value in self.swap.items() if is_literal(key)}

    def giving_way(self, terms: frozenset[str]) -> Substitution | None:
        if not terms & self.swap.keys():
            return self
        swap = {key: value for key, value in self.swap.items() if key not in terms}
        return replace(self, swap=swap) if swap else None

    def check(self, doc: Document) -> Iterator[Finding]:
        exceptions = LazyExceptions(self._exceptions, doc.view)
        for m, n in self._matches(doc.view):
            start, end = m.span()
            if start == end or exceptions.covers(start, end):
                continue
            finding = self.finding(doc, start, end, self._keys[n])
            if finding is not None:
                yield finding

    def _matches(self, view: str) -> Iterator[tuple[Any, int]]:
        """Each match of a key in ``view``, with the key's index."""
        matcher: WordList | Lexicon = self._pattern
        if isinstance(matcher, Lexicon):
            return matcher.matches(view)
        return ((m, matcher.index(m)) for m in matcher.finditer(view))

    def finding(self, doc: Document, start: int, end: int, key: str) -> Finding | None:
        """The finding for a match of ``key`` at ``[start, end)``; none if it reads right."""
        value = self.swap[key]
        found = doc.read(start, end)  # as it reads: markup and references left out
        if not is_literal(key):
            single = fullmatch(self._single(key), doc.view, start, end)
            if single is not None:
                own = _REFERENCE.sub("", value)  # the replacement's text but its groups
                value = single.expand(value)
                if own == own.lower() and _shouted(found):
                    value = value.upper()  # "APOLOGIZE" gives "APOLOGISE", not "APOLOGisE"
        replacement = match_case(found, value)
        if replacement == found:
            return None
        return Finding(start, end, replacement)


def _shouted(found: str) -> bool:
    """Whether ``found`` is in capitals: more than one letter, all of them capitals."""
    letters = [c for c in found if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
