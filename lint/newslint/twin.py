"""Patterns with a faster twin for plain text.

The ``regex`` module knows Unicode properties, variable-length lookbehind and full case folding,
and newslint compiles its patterns with it; the standard ``re`` module scans several times
faster.  On text made only of :data:`SAFE_CLASS` characters, the two engines agree on what
``\\w``, ``\\s`` and ``\\b`` match and on which characters match each other ignoring case, so a
pattern that ``re`` compiles without a warning finds the same matches there.  A
:class:`TwinPattern` scans such text with ``re`` and any other text with ``regex``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .patterns import compiled

# ASCII (with NUL, the mask of masked text), Latin-1 but superscripts, fractions and sharp s,
# and the punctuation and currency blocks.  tests/test_wordlist.py checks the agreement of the
# two engines character by character.
SAFE_CLASS = (
    "\x00\t-\r -~\xa0-\xb1\xb4-\xb8\xba\xbb\xbf-\xde\xe0-\xff"
    "\u2010-\u2027\u2030-\u203e\u2041-\u2053\u2055-\u205e\u20a0-\u20bf"
)
SAFE = re.compile(f"[{SAFE_CLASS}]*")
UNSAFE = re.compile(f"[^{SAFE_CLASS}]")


def is_plain(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``text[pos:endpos]`` holds only characters of :data:`SAFE_CLASS`."""
    return UNSAFE.search(text, pos, len(text) if endpos is None else endpos) is None


def same_in_re(source: str, flags: int = 0) -> bool:
    """Whether ``re`` compiles ``source`` without an error or a warning (``re`` warns where
    ``regex`` would read nested sets or set operations) and it is written in safe characters."""
    if not SAFE.fullmatch(source):
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            re.compile(source, flags)
        except (re.error, Warning, RecursionError, OverflowError):
            return False
    return True


class TwinPattern:
    """A ``regex`` pattern and, when it means the same there, its ``re`` twin for plain text.

    ``flags`` are ``regex`` flags; only IGNORECASE carries over to the twin (patterns with other
    flags get no twin).  The twin is compiled when plain text first needs it.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.regex = compiled(source, flags)  # newslint's own patterns only
        self.pattern = source
        rest = flags & ~(regex.IGNORECASE | regex.V0 | regex.V1)
        self._re_flags = re.IGNORECASE if flags & regex.IGNORECASE else 0
        self._twin: Any = None
        self._has_twin: bool | None = None if not rest else False

    def _fast(self) -> Any:
        if self._has_twin is None:
            self._has_twin = same_in_re(self.pattern, self._re_flags)
            if self._has_twin:
                self._twin = re.compile(self.pattern, self._re_flags)
        return self._twin

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        end = len(text) if endpos is None else endpos
        if self._has_twin is not False and is_plain(text, pos, end):
            twin = self._fast()
            if twin is not None:
                return twin.finditer(text, pos, end)  # type: ignore[no-any-return]
        return self.regex.finditer(text, pos, end)  # type: ignore[no-any-return]


# --- patterns that ``re`` can run without a time limit ------------------------------------
#
# ``re`` cannot be interrupted, so a pattern from a rule file goes to it only when a static
# look at the pattern shows it cannot backtrack badly; anything else runs on ``regex`` with
# the rule's time limit.  The test is deliberately narrow: every repeat of more than one
# item repeats one character (a literal, a set, ``.`` or a class such as ``\w``), never a
# group; a repeat is followed, before any other repeat that could take the same characters,
# by a character it cannot take; and there are few optional parts.  That rules out nested
# quantifiers (``(a+)+``), overlapping neighbours (``\w+\w+``, ``\d+0\d+``) and long chains
# of options, whose work grows exponentially or as a high power of the text's length.  What
# is left grows at most with the square of the longest run of one repeat's characters, and
# :data:`RE_PATTERN_TEXT` bounds the text such patterns are run on.

#: The longest text on which a rule's patterns run on ``re``; longer text goes to ``regex``.
RE_PATTERN_TEXT = 20_000
_MOST_OPTIONS = 16


@cache
def _alphabet() -> tuple[str, ...]:
    """The characters of :data:`SAFE_CLASS`: the only ones ``re`` is given."""
    return tuple(ch for ch in map(chr, range(0x2100)) if SAFE.fullmatch(ch))


def backtracks_safely(source: str, flags: int = 0) -> bool:
    """Whether ``source`` (``re`` syntax, ``re`` flags) cannot backtrack badly; see above."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        tree = _parser.parse(source, flags)
    except Exception:
        return False
    checker = _Backtracking(bool(flags & re.IGNORECASE) or bool(tree.state.flags & re.I))
    return checker.sequence(list(tree)) and checker.options <= _MOST_OPTIONS


class _Backtracking:
    def __init__(self, ignorecase: bool) -> None:
        self.ignorecase = ignorecase
        self.options = 0

    def sequence(self, items: list[Any]) -> bool:
        """Whether one sequence of parsed items (and everything inside it) is safe."""
        from re import _constants as c  # type: ignore[attr-defined]

        flat: list[tuple[str, frozenset[str] | None, bool]] = []  # kind, chars, required
        for op, av in self._flatten(items):
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                low, high, body = av
                chars = self._chars(list(body))
                if high == low:
                    if not self.sequence(list(body)):
                        return False
                    flat.append(("one", chars, low > 0))
                elif high == 1:
                    self.options += 1
                    if not self.sequence(list(body)):
                        return False
                    flat.append(("option", chars, False))
                elif chars is None:  # a group, not one character, is repeated
                    return False
                else:
                    flat.append(("repeat", chars, low > 0))
            elif op in (c.AT,):
                continue
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if not self.sequence(list(av[1])):
                    return False
            elif op in (c.BRANCH, c.GROUPREF_EXISTS):
                parts = av[1] if op is c.BRANCH else [p for p in av[1:] if p is not None]
                if not all(self.sequence(list(p)) for p in parts):
                    return False
                chars, repeats = self._leaves(list(self._flatten([(op, av)])))
                flat.append(("repeat" if repeats else "one", chars, False))
            elif op is c.ATOMIC_GROUP:
                if not self.sequence(list(av)):
                    return False
                flat.append(("one", None, False))
            else:
                flat.append(("one", self._chars([(op, av)]), True))
        return self._sealed(flat)

    def _flatten(self, items: list[Any]) -> list[Any]:
        from re import _constants as c  # type: ignore[attr-defined]

        out = []
        for op, av in items:
            if op is c.SUBPATTERN:
                out.extend(self._flatten(list(av[3])))
            else:
                out.append((op, av))
        return out

    def _leaves(self, items: list[Any]) -> tuple[frozenset[str] | None, bool]:
        """Every character any part of ``items`` may take (None: unknown), and whether a
        part repeats."""
        from re import _constants as c  # type: ignore[attr-defined]

        chars: set[str] = set()
        repeats = False
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                repeats = repeats or av[0] != av[1]
                inner, more = self._leaves(list(self._flatten(list(av[2]))))
            elif op is c.BRANCH:
                found = [self._leaves(self._flatten(list(p))) for p in av[1]]
                more = any(r for _, r in found)
                inner = (
                    None
                    if any(f is None for f, _ in found)
                    else frozenset().union(*(f for f, _ in found if f is not None))
                )
            elif op is c.GROUPREF_EXISTS:
                found = [self._leaves(self._flatten(list(p))) for p in av[1:] if p is not None]
                more = any(r for _, r in found)
                inner = (
                    None
                    if any(f is None for f, _ in found)
                    else frozenset().union(*(f for f, _ in found if f is not None))
                )
            else:
                inner, more = self._chars([(op, av)]), False
            repeats = repeats or more
            if inner is None:
                return None, repeats
            chars |= inner
        return frozenset(chars), repeats

    def _sealed(self, flat: list[tuple[str, frozenset[str] | None, bool]]) -> bool:
        """Whether each repeat meets a character it cannot take before a repeat that could
        take the same characters (branches count as repeats of anything: they may hold one)."""
        for i, (kind, chars, _) in enumerate(flat):
            if kind != "repeat":
                continue
            for other, other_chars, required in flat[i + 1 :]:
                overlaps = chars is None or other_chars is None or bool(chars & other_chars)
                if other in ("repeat", "branch") and overlaps:
                    return False
                if required and not overlaps:
                    break
        return True

    def _chars(self, items: list[Any]) -> frozenset[str] | None:
        """The characters of the alphabet that one single-character item takes, else None."""
        if len(items) != 1:
            return None
        op, av = items[0]
        from re import _constants as c  # type: ignore[attr-defined]

        if op is c.SUBPATTERN:
            return self._chars(list(av[3]))
        if op not in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            return None
        source = _item_source(op, av)
        if source is None:
            return None
        return _takes(source, self.ignorecase)


@cache
def _takes(source: str, ignorecase: bool) -> frozenset[str]:
    """The characters of the alphabet that the one-character pattern ``source`` matches."""
    one = re.compile(source, (re.IGNORECASE if ignorecase else 0) | re.DOTALL)
    return frozenset(filter(one.fullmatch, _alphabet()))


def _item_source(op: Any, av: Any) -> str | None:
    """The ``re`` source of one parsed single-character item."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.LITERAL:
        return re.escape(chr(av))
    if op is c.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op is c.ANY:
        return "[\\s\\S]"
    categories = {
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_NOT_DIGIT: r"\D",
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W",
    }
    parts = []
    for kind, value in av:
        if kind is c.NEGATE:
            parts.append("^")
        elif kind is c.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is c.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind is c.CATEGORY and value in categories:
            parts.append(categories[value])
        else:
            return None
    return "[" + "".join(parts) + "]"
