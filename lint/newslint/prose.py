"""Sentences and words within a document's prose, found on the masked view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .document import MASK, Span
from .patterns import compiled
from .twin import is_plain

WORD = compiled(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rev",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "hon",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "v",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "approx",
        "dept",
        "est",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "plc",
        "llc",
        "llp",
    ]
)

# Abbreviations that end a name or a time rather than open one ("Acme Inc.", "Tom Smith Jr.",
# "in the U.S.", "at 9 a.m."): their full stop does not end a sentence before a name ("Acme Inc.
# President Jane Roe"), but it does before a word that opens sentences ("Acme Inc. The firm").
TRAILING = frozenset(["inc", "ltd", "co", "corp", "jr", "sr", "etc", "u.s", "u.k", "u.n"])
TRAILING |= {"a.m", "p.m", "plc", "llc", "llp"}
OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here
    but and or so yet then if when while as after before since although though because in on at
    by for from with without under over among between during until to of about most many some
    several few all both each every no not none one two three four five six seven eight nine ten
    others other another such what who which where why how asked also still instead meanwhile
    however shares sales analysts officials police last next earlier later""".split()  # noqa: SIM905
)

# A sentence ends at a closing mark (".", "!", "?", "…", with the quotes, brackets or markup that
# close after it) before a capital or a figure, markup perhaps opening first ("He left.* *Then",
# "left.</i> <b>Police"), an HTML reference perhaps being the space ("left.&nbsp;Then").  In
# wire copy a sentence also opens after its closing mark with a bracketed reference code or short
# link ("[nX1Y2Z3]", "(bit.ly/x1)"), a social-media handle, or a list item ("- ", "* ", "** ").
#
# Copy that lost its line and paragraph breaks also ends sentences where it runs them together
# ("said.The"; core.missing-space reports the join), where it glues a reference code to a full
# stop ("said.[nX1Y2Z3] The"), after a colon before a list item ("named: - Ann Lee"), at the
# asterisk of a bullet run on ("... Ann Lee, a judge * Tom Roe, ..."; the asterisk closes the
# item before it) and at a wire dateline ("CITY (Agency) - ", or "(Agency) - " opening a
# paragraph), which is no part of the story's first sentence.
#
# Every alternative opens with one of the marks of the pattern's first class, so that ``re``
# leaps from one mark to the next (a look-behind first would have it try every character).
_ENDS = (
    r"[.!?…:*(](?:(?<=[.!?…])[.!?…]*[\"”’')\]\x00]*"
    r"(?=\x00*\s[\s\x00]*(?:[\"“‘'(\[]?\x00*[{cap}]|[\[(][^\s\[\]()]{{2,}}[\])]"
    r"|@[A-Za-z0-9_]|(?:[-•–]|\*{{1,2}})[ \t]))"
    r"|(?<=[a-z][a-z]\.)(?=[A-Z][a-z])|(?<=[.!?])\[[^\s\[\]()]{{2,30}}\](?=[ \t]+[A-Z])"
    r"|(?<=:)(?=[ \t]+[-*•][ \t]+[{cap}])|(?<=[^.!?:][ \t]\*)(?=\*?[ \t]+[{cap}])"
    r"|(?<=\()(?:(?<![^\n\x00]\()|(?<=[A-Z.][ \t]\())[A-Z][A-Za-z ]{{0,30}}\)[ \t]+[-–—](?=[ \t]))"
)
_END = compiled(_ENDS.format(cap=r"\p{Lu}\p{N}"))
# ``_END`` for ``re``, which scans faster, on plain text (see .twin): there ``\s`` reads the
# same, and the capitals and digits are A-Z, 0-9 and the capitals of Latin-1
# (tests/test_sentences.py checks every plain character).
_END_PLAIN = re.compile(_ENDS.format(cap=r"A-Z0-9\xc0-\xd6\xd8-\xde"))
# More than the widest look-behind of ``_ENDS`` ("(?<=[a-z][a-z]\.)" reads three characters).
_ENDS_BEHIND = 8


# A line break after a line that ends without punctuation, before a list item or a capital:
# the line was a list item or a heading of its own, not part of a sentence running on.
_LINE_BREAK = compiled(
    r"(?<=[\p{L}\p{N}%)\x00])[ \t]*\n(?=[ \t\x00]*(?:[-*•–]\s|\p{Lu}|\p{N}))"
    r"|(?<![ \t])[ \t]*\n(?=[ \t\x00]*[-*•–][ \t])"
)
# ``_LINE_BREAK`` for ``re`` on plain text, as ``_END_PLAIN`` is for ``_END``: there the letters
# and digits are the word characters but "_", and the capitals and digits as in ``_END_PLAIN``.
_LINE_BREAK_PLAIN = re.compile(
    r"(?<=[^\W_]|[%)\x00])[ \t]*\n(?=[ \t\x00]*(?:[-*•–]\s|[A-Z0-9\xc0-\xd6\xd8-\xde]))"
    r"|(?<![ \t])[ \t]*\n(?=[ \t\x00]*[-*•–][ \t])"
)
LEADING_MARKS = compiled(r"[\"“‘'(\[\s\x00]+")


def sentences_by_line(view: str, start: int, end: int) -> Iterator[Span]:
    """Sentences, also ending where a line without closing punctuation ends (list items)."""
    if view.find("\n", start, end) < 0:  # every break ends on a "\n": none in a single line
        yield from sentences(view, start, end)
        return
    pos = start
    plain_here = plain(view) or is_plain(view, max(0, start - 1), end)  # one look-behind
    for m in (_LINE_BREAK_PLAIN if plain_here else _LINE_BREAK).finditer(view, start, end):
        yield from sentences(view, pos, m.start())
        pos = m.end()
    yield from sentences(view, pos, end)


def sentences(view: str, start: int, end: int) -> Iterator[Span]:
    """The sentences of the paragraph ``view[start:end]``, each trimmed of surrounding space."""
    return iter(_split(view, start, end))


# The last view split: whether it is plain text (see .twin), and its sentences by paragraph.  A
# style's rules split the same paragraphs of a draft in turn (long sentences, then each number
# rule), and a split depends on nothing but the view and the span, so the second asks get the
# first answer.  The triple is replaced whole, never changed in place but for adding a span's
# answer.
_memo: list[tuple[str, bool, dict[Span, tuple[Span, ...]]]] = [("", True, {})]


def _memo_of(view: str) -> tuple[str, bool, dict[Span, tuple[Span, ...]]]:
    memo = _memo[0]
    if memo[0] is not view:
        memo = (view, is_plain(view), {})
        _memo[0] = memo
    return memo


def plain(view: str) -> bool:
    """``twin.is_plain(view)``, found once for the rules that split the view's sentences."""
    return _memo_of(view)[1]


def _split(view: str, start: int, end: int) -> tuple[Span, ...]:
    _, is_plain_view, split = _memo_of(view)
    found = split.get((start, end))
    if found is None:
        # A paragraph of plain text, and the few characters before it that a look-behind of
        # ``_ENDS`` reads, is split on ``re`` in a view that is not all plain.
        plain_here = is_plain_view or is_plain(view, max(0, start - _ENDS_BEHIND), end)
        ends = _END_PLAIN if plain_here else _END
        found = split[start, end] = tuple(_sentences(view, start, end, ends))
    return found


def _sentences(view: str, start: int, end: int, ends: Any) -> Iterator[Span]:
    pos = start
    for m in ends.finditer(view, start, end):
        if (
            view[m.start()] == "."
            and _is_abbreviation(view, pos, m.start())
            and not ends_after_abbreviation(view, pos, m.start(), m.end())
        ):
            continue
        span = trimmed(view, pos, m.end())
        if span is not None:
            yield span
        pos = m.end()
    span = trimmed(view, pos, end)
    if span is not None:
        yield span


# The longest abbreviation: a word before a full stop is read no further back than one letter past
# it, since a word that long is neither an abbreviation nor a single capital, whatever precedes.
_LONGEST = max(len(word) for word in ABBREVIATIONS) + 1


def _is_abbreviation(view: str, start: int, dot: int) -> bool:
    i = dot
    floor = max(start, dot - _LONGEST)
    while i > floor and (view[i - 1].isalpha() or view[i - 1] == "."):
        i -= 1
    word = view[i:dot].lower()
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and view[i].isupper())


def ends_after_abbreviation(view: str, start: int, dot: int, end: int) -> bool:
    """Whether the abbreviation whose full stop is at ``dot`` ends its sentence all the same: a
    reference code, handle or list item follows, or a trailing abbreviation ("Inc.", "Jr.",
    "U.S.") stands before a word that opens sentences ("Acme Inc. The firm ...")."""
    i = end
    while i < len(view) and (view[i].isspace() or view[i] in "\x00\"“‘'(["):
        i += 1
    if i >= len(view) or not view[i].isalnum() or view[i].islower():
        return True  # a code, link, handle or list item: what the pattern admits but capitals
    j = dot
    while j > start and (view[j - 1].isalpha() or view[j - 1] == "."):
        j -= 1
    if view[j:dot].lower() not in TRAILING:
        return False
    k = i
    while k < len(view) and view[k].isalpha():
        k += 1
    return view[i:k].lower() in OPENERS


# The characters ``str.isspace`` holds for, and the mask: what :func:`trimmed` takes off.
_BLANKS = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + MASK


def trimmed(view: str, start: int, end: int) -> Span | None:
    """``view[start:end]`` without the white space and masks at either end; ``None`` when
    nothing is left."""
    blanks = _BLANKS
    if start < end and (view[start] in blanks or view[end - 1] in blanks):
        chunk = view[start:end]  # stripped in C: a run of blanks may be long
        kept = chunk.lstrip(blanks)
        start, end = start + len(chunk) - len(kept), end - len(kept) + len(kept.rstrip(blanks))
    return (start, end) if end > start else None


def words(view: str, start: int, end: int) -> list[Span]:
    return [m.span() for m in WORD.finditer(view, start, end)]


def char_count(view: str, start: int, end: int) -> int:
    """Characters of prose in the span: masked characters and line breaks do not count."""
    chunk = view[start:end]
    return len(chunk) - chunk.count(MASK) - chunk.count("\n")
