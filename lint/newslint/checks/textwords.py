"""The words of a draft, as the rules read them: its runs of word characters case-folded, its
distinct words, its pieces with the words of each, and its lower-cased text, each kept for the
next rule that asks about the same draft.  Many rule types read them, not word lists alone."""

from __future__ import annotations

import re
from typing import Any

from ..twin import UNSAFE

_UNSAFE = UNSAFE  # see ..twin
_RUN = re.compile(r"\w+")

# The words of the last text seen (see text_words): every rule of a style asks about the same
# document in turn, so one entry is enough.  Each entry is one tuple, replaced whole, so that
# threads linting different drafts never read one draft's words for another's.
_last_words: tuple[Any, list[str] | None, frozenset[str] | None] = (None, None, None)
_last_lower: tuple[Any, str] = (None, "")


def _folded_word_byte(b: int) -> int:
    """The Latin-1 byte ``b`` as :func:`text_runs` sees it: a word character case-folded,
    anything else a space.  SAFE text is Latin-1 but for punctuation and currency signs, which
    are not word characters and become "?" (so a space) when encoded; "µ" folds to a Greek
    letter outside Latin-1, so a text holding it takes the pattern instead ("ß", folding to
    "ss", is not SAFE)."""
    folded = chr(b).casefold()
    if _RUN.fullmatch(chr(b)) and len(folded) == 1 and ord(folded) < 256:
        return ord(folded)
    return 32  # not a word character ("µ" and "ß" never reach the table)


_FOLDED_WORD_BYTES = bytes(_folded_word_byte(b) for b in range(256))


def text_runs(view: str) -> list[str] | None:
    """The runs of word characters of ``view`` in order, case-folded; ``None`` when it has a
    character not SAFE.  (On SAFE text case-folding keeps each character one character, and a
    word character one, so the runs of the folded text are the folded runs.)"""
    global _last_words
    last = _last_words
    if last[0] is not view:
        last = _last_words = (view, runs_of(view), None)
    return last[1]


def runs_of(text: str) -> list[str] | None:
    """:func:`text_runs` of ``text``, not kept for the next rule (a part of a draft)."""
    if _UNSAFE.search(text) is not None:
        return None
    # Without "µ", the same runs are found byte by byte in C: about twice as fast.
    return _RUN.findall(text.casefold()) if "µ" in text else _folded_words(text).split()


def _folded_words(view: str) -> str:
    """SAFE ``view`` with its word characters case-folded and every other one a space."""
    return view.encode("latin-1", "replace").translate(_FOLDED_WORD_BYTES).decode("latin-1")


def text_words(view: str) -> frozenset[str] | None:
    """The distinct words of ``view``, case-folded; ``None`` when it has a character not SAFE."""
    global _last_words
    runs = text_runs(view)
    if runs is None:
        return None
    last = _last_words
    if last[0] is view and last[2] is not None:
        return last[2]
    words = frozenset(runs)
    _last_words = (view, runs, words)
    return words


#: A long text is read in pieces of about this many characters (see :func:`text_pieces`).
PIECE = 4_000
_WHITE = re.compile(r"\s")
_last_pieces: tuple[Any, list[tuple[int, int, frozenset[str] | None]]] = (None, [])


def text_pieces(view: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """``view`` cut at the first white space past every :data:`PIECE` characters, each piece
    ``(start, end, words)`` with the distinct words of its text as :func:`text_words` finds
    them, or ``None`` for a piece with a character not SAFE: one such character leaves the
    other pieces their words.  No word spans two pieces."""
    global _last_pieces
    last = _last_pieces
    if last[0] is view:
        return last[1]
    plain = text_runs(view) is not None
    # As in text_runs; case-folding keeps every SAFE character one character long, and the
    # Latin-1 encoding makes any other character one "?".
    mu = "µ" in view
    folded = view.casefold() if mu and plain else _folded_words(view)
    pieces: list[tuple[int, int, frozenset[str] | None]] = []
    start = 0
    while start < len(view):
        space = _WHITE.search(view, start + PIECE)
        end = space.start() if space else len(view)
        words: frozenset[str] | None
        if not plain and _UNSAFE.search(view, start, end) is not None:
            words = None
        elif mu and plain:
            words = frozenset(_RUN.findall(folded, start, end))
        elif mu:
            words = frozenset(_RUN.findall(view[start:end].casefold()))
        else:
            words = frozenset(folded[start:end].split())
        pieces.append((start, end, words))
        start = end
    _last_pieces = (view, pieces)
    return pieces


def text_lower(view: str) -> str:
    """``view.lower()``, kept for the next rule that asks about the same text."""
    global _last_lower
    last = _last_lower
    if last[0] is not view:
        last = _last_lower = (view, view.lower())
    return last[1]
