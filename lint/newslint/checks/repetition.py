"""``repetition``: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress, count, islice
from operator import eq
from typing import Any

import regex

from ..document import Document
from ..patterns import compiled
from ..twin import TwinPattern
from .base import Finding, Rule
from .textwords import runs_of, text_runs

# A word, then spaces or one line break (not a blank line), then the same word.  After the line
# break, masked characters may stand for a container's marker ("> " in a Markdown quote); before
# a space, for the rest of an HTML reference ("the&nbsp;the").
# The word's repeats are possessive (a shorter word would leave a letter before the space) and
# the leading \b only says early what the look-behind implies: the same matches, twice as fast.
_DOUBLED = TwinPattern(  # scanned with re on plain text: the same matches, faster
    r"\b(?<![\w'’-])(\w++(?:['’]\w++)?)(\x00*[ \t]+\n?[ \t\x00]*|\n[ \t\x00]*)(\1)(?![\w'’-])"
)
_DOUBLED_I = TwinPattern(_DOUBLED.pattern, regex.IGNORECASE)
# What may stand between the two words in the original text, HTML references read as their
# characters, for the fix to drop: space, one line break, and the markers of block quotes that
# continue on the next line.  Other markup between them ("the <b>the</b>") is reported without
# a fix, unless it breaks the line ("the<br>the" reads as two lines).
_SEPARATOR = compiled(r"[ \t]*(?:\n[ \t>]*)?")
_LINE_BREAK_TAG = compiled(r"(?i)<(?:br|hr|/?p|/?div|/?li|/?t[dhr])\b")

# A ticker or company code after the word: "ABB.N", "XYZ.UL".
_CODE = compiled(r"\.\p{Lu}{1,2}\b")


def _may_double(runs: list[str]) -> bool:
    """Whether a text whose runs of word characters (case-folded) are ``runs`` may hold a
    match of _DOUBLED: its word is one run, or two joined by an apostrophe, and only spaces
    and masks stand between the two, so the runs show a word twice in a row, or a pair of
    words twice in a row."""
    if any(map(eq, runs, islice(runs, 1, None))):
        return True
    for i in compress(count(), map(eq, runs, islice(runs, 2, None))):
        if i + 3 < len(runs) and runs[i + 1] == runs[i + 3]:
            return True
    return False


@dataclass(frozen=True, kw_only=True)
class Repetition(Rule):
    """A word followed by the same word, within a paragraph.

    Numbers are left alone ("10 10" is usually a score or a typo the eye catches), and so are the
    pairs listed in ``exceptions`` that English allows ("had had", "that that").  A capitalised
    word written the same way twice is a name or a title ("Duran Duran", "Bafana Bafana"), not
    a slip, and so is a lower-case word followed by its capitalised twin ("the senior law lord
    Lord Smith": a description, then a title).  A word and its twin in capitals ("at AT&T",
    "TRADE Trade" after a line of capitals) and a word before a currency or a ticker of the same
    letters ("a A$20 bill", "ABB ABB.N") and initials without full stops ("W W Grainger") are
    left alone too.  The fix drops the second word and the space before it.  A word doubled
    across inline markup ("<b>the</b> the", "*the* the") is reported without a fix: dropping
    either word would break the markup.
    """

    type_name = "repetition"
    placeholders = ("word",)

    message: str = "'{word}' is repeated"
    ignorecase: bool = True
    exceptions: tuple[str, ...] = ()
    _exceptions: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_exceptions", frozenset(e.lower() for e in self.exceptions))

    def check(self, doc: Document) -> Iterator[Finding]:
        runs = text_runs(doc.view)
        if runs is not None and not _may_double(runs):
            return
        pattern = _DOUBLED_I if self.ignorecase else _DOUBLED
        for m in _doubled(pattern, doc.view):
            word = m.group(1)
            if word.isdigit() or word.lower() in self._exceptions:
                continue
            second = m.group(3)
            if second[0].isupper() and not second.isupper() and (word == second or word.islower()):
                # "Duran Duran" is a name; "law lord Lord Bingham" a description then a title.
                continue
            if len(word) == 1 and word.isupper():
                continue  # "W W Grainger": initials written without full stops
            if (word.isupper() != second.isupper()) and len(word) > 1 and len(second) > 1:
                # "TRADE Trade", "at AT&T": a line of capitals, then copy; a word, then a name.
                continue
            if doc.view[m.end(3) : m.end(3) + 1] in ("$", "&") or _CODE.match(doc.view, m.end(3)):
                continue  # "a A$20 million", "ABB ABB.N": a currency or a ticker, not the word
            start, end = m.start(), m.end()
            between = _as_written(doc, m.end(1), m.start(3))
            fix: str | None = m.group(1)
            if not _SEPARATOR.fullmatch(between):
                # Inline markup around one word ("<b>the</b> the", "*the* the"): the page
                # still shows the word twice, but dropping one would cut through the markup.
                if _LINE_BREAK_TAG.search(between) or not doc.same_paragraph(start, m.start(3)):
                    continue
                fix = None
            yield Finding(start, end, fix, params=(("word", doc.text[m.start(3) : end]),))


# Characters no match of _DOUBLED takes in; its look-arounds read one character either side.
_STOPS = re.compile(r"[.,;:!?()\[\]\"“”]")
_SEGMENT = 4_000  # characters of a long draft searched at a time, up to a stop character


def _doubled(pattern: TwinPattern, view: str) -> Iterator[Any]:
    """``pattern.finditer(view)``; a long view is searched a segment at a time, each ending
    just past a stop character and passed over when its runs show no word doubled (see
    :func:`_may_double`), on ``re`` where it is plain.  No match takes in a stop character, so
    none crosses the end of a segment, and the look-arounds read no further than the stop
    characters either side (plain characters, read alike by both engines)."""
    if len(view) <= 2 * _SEGMENT:
        yield from pattern.finditer(view)
        return
    start = 0
    while start < len(view):
        stop = _STOPS.search(view, start + _SEGMENT)
        end = stop.end() if stop else len(view)
        runs = runs_of(view[start:end])
        if runs is None or _may_double(runs):
            yield from pattern.finditer(view, start, end)
        start = end


def _as_written(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` with each HTML reference in it as the character it stands for
    (the view holds that character at the reference's last offset)."""
    text = doc.text[start:end]
    if not doc.references or "&" not in text:
        return text
    parts = []
    at = start
    for ref_start, ref_end in doc.references:
        if ref_end <= at or ref_start >= end:
            continue
        parts.append(doc.text[at:ref_start])
        parts.append(doc.view[ref_end - 1])
        at = ref_end
    parts.append(doc.text[at:end])
    return "".join(parts)
