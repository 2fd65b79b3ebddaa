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
from typing import Any

import regex

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
        self.regex = regex.compile(source, flags)
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
