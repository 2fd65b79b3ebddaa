"""Finding quotations: the spans of text inside quotation marks.

News copy quotes with straight ("), curly double (“ ”) and curly or straight single marks.  A
quotation that runs over several paragraphs leaves each paragraph but the last open and opens
the next with a quote mark, so an unclosed quotation runs to the end of its paragraph and the
next paragraph's opening mark starts a new one.  Plain-text copy often loses those paragraph
breaks, so an opening mark after the end of a sentence inside an open quotation also starts a
new span.  A span covers the text between the marks; the marks themselves are part of the
surrounding scope.

A straight double mark opens or closes by its context: after a space and before a word it
opens, after a word and before a space or punctuation it closes; only where the context says
neither do marks simply alternate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal

from .document import MASK, Document, Span, merge_spans
from .patterns import compiled

Role = Literal["open", "close", "either"]

_MARKS = re.compile(r"[\"“”‘’']")  # six characters: ``re`` finds them as ``regex`` would, faster
_OPENING_CONTEXT = frozenset(" \t\n([{/—–-" + MASK)
_SENTENCE_END = compiled(r"[.!?…][\"”’')\]]*[ \t]+$")


def _opens(view: str, i: int, start: int) -> bool:
    return i == start or view[i - 1] in _OPENING_CONTEXT


def _wordy(ch: str) -> bool:
    return ch.isalnum()


def straight_role(view: str, i: int, start: int, end: int) -> Role:
    """Whether the straight mark at ``i`` (in the paragraph ``start..end``) opens or closes."""
    before = _opens(view, i, start)
    nxt = view[i + 1] if i + 1 < end else " "
    after = nxt.isspace() or not (_wordy(nxt) or nxt in "‘'“(" + MASK)
    if before and not after:
        return "open"
    if after and not before:
        return "close"
    return "either"


def runs_on(view: str, i: int, start: int) -> bool:
    """True when the opening mark at ``i`` follows the end of a sentence, as when a quotation
    runs on into a new paragraph whose break the text has lost."""
    return _SENTENCE_END.search(view, max(start, i - 8), i) is not None


# A social-media post reproduced as text after its cue ("wrote on Twitter: ...", "tweeted: ...")
# is the author's words, as a quotation is, to the end of its paragraph.  A post that opens
# with a quotation mark is read as any quotation.
_POST_CUE = re.compile(
    r"\b(?:(?:wrote|said|posted|added)[ \t]+on[ \t]+(?:Twitter|Facebook|Instagram|X|Truth[ \t]+"
    r"Social|Weibo|Telegram)|tweeted|in[ \t]+a[ \t]+(?:tweet|post))"
    r"(?:[ \t]+on[ \t]+[A-Z][a-z]+)?:\Z"
)
_POST_START = re.compile(r"[ \t]+(?=[^\"“‘'\s])")


def _posts(view: str, start: int, end: int) -> Iterator[Span]:
    """Posts reproduced after their cue in the paragraph: each from after the cue's colon and
    space to the end of the paragraph.  Only colons are looked at, and the cue behind each."""
    i = view.find(":", start, end)
    while i >= 0:
        if _POST_CUE.search(view, max(start, i - 48), i + 1):
            m = _POST_START.match(view, i + 1, end)
            if m:
                yield m.end(), end
                return
        i = view.find(":", i + 1, end)


# A post set as its own paragraph, without a cue, shows itself by how it ends: with the
# signature a reproduced post carries ("— Jane Roe (@janeroe) March 3, 2025") or with a handle
# ("... see you there! @CityCouncil").  A handle in brackets ("tweeted Ann Lee (@annlee).") is
# the writer's attribution, not the end of a post.  A post that ends with a short link is read
# by the plain-text format, which sees the link that the view masks.
_POST_END = compiled(
    r"(?:[—–]|--?)[ \t]*[^\n()—–]{1,60}\(@\w{1,30}\)[ \t]+\p{Lu}\p{Ll}+\.?[ \t]+\d{1,2},"
    r"[ \t]+\d{4}\Z"
    r"|(?<![(\w@])@\w{1,30}\Z"
)
POST_LENGTH = 600  # a post and its signature; a longer paragraph is the writer's


def is_post(view: str, start: int, end: int) -> bool:
    """Whether the paragraph ``start..end`` is a social-media post set on its own."""
    if end - start > POST_LENGTH or view.find("@", max(start, end - 120), end) < 0:
        return False
    return _POST_END.search(view, max(start, end - 120), end) is not None


def find_quotes(view: str, paragraphs: Sequence[Span]) -> tuple[Span, ...]:
    """The quotations in ``view``: the spans inside quotation marks, posts after their cue, and
    posts set as their own paragraph, whole."""
    spans: list[Span] = []
    for start, end in paragraphs:
        spans.extend(paragraph_quotes(view, start, end))
    return merge_spans(spans)


class QuotedAt:
    """Whether an offset of ``doc`` is quoted, as :meth:`Document.in_quote` says, with the
    quotations read only in the paragraphs that hold the offsets asked about (none leaves its
    paragraph): for a caller that asks about a few offsets of a draft, most of whose
    paragraphs never need reading."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.read: dict[int, list[Span]] = {}  # paragraph index -> its quotations

    def __call__(self, offset: int) -> bool:
        doc = self.doc
        if any(start <= offset < end for start, end in doc.quoted):  # a block quote
            return True
        for j in doc.paragraphs_holding(offset):
            spans = self.read.get(j)
            if spans is None:
                start, end = doc.paragraphs[j]
                spans = self.read[j] = paragraph_quotes(doc.view, start, end)
            if any(a <= offset < b for a, b in spans):
                return True
        return False


def paragraph_quotes(view: str, start: int, end: int) -> list[Span]:
    """The quotations of one paragraph, unmerged: none leaves the paragraph, so whether an
    offset is quoted can be told from the paragraphs that hold it alone."""
    if is_post(view, start, end):
        return [(start, end)]
    spans = _paragraph_quotes(view, start, end)
    spans.extend(_posts(view, start, end))
    return spans


def _paragraph_quotes(view: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    double: int | None = None  # offset just after an open double quote
    single: int | None = None  # offset just after an open single quote
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(view, start, end)]
    last_closer = _last_closer(view, marks, end)
    for n, (i, mark) in enumerate(marks):
        nxt = view[i + 1] if i + 1 < end else " "
        prev = view[i - 1] if i > start else " "
        if mark in '"“”':
            role: Role = "open" if mark == "“" else "close" if mark == "”" else "either"
            if mark == '"':
                role = straight_role(view, i, start, end)
            if double is None:
                if role != "close":
                    double = i + 1
            elif role == "open" and runs_on(view, i, start):
                spans.append((double, i))
                double = i + 1
                single = None
            elif role != "open" or mark == '"':
                spans.append((double, i))
                double = None
                single = None
        elif mark == "‘":
            if single is None and _opens(view, i, start):
                single = i + 1
        elif mark == "’":
            if single is not None and not _wordy(nxt):
                spans.append((single, i))
                single = None
        else:  # straight single quote: a quote mark only where it opens and later closes
            if single is None:
                if _opens(view, i, start) and _wordy(nxt) and n < last_closer:
                    single = i + 1
            elif not prev.isspace() and not _wordy(nxt):
                spans.append((single, i))
                single = None
    if single is not None:
        spans.append((single, end))
    if double is not None:
        spans.append((double, end))
    return spans


def _last_closer(view: str, marks: list[tuple[int, str]], end: int) -> int:
    """The index in ``marks`` of the last straight single mark that could close a quotation
    (after a non-space, before a non-word), or -1: a mark before it has a closer later on."""
    for n in range(len(marks) - 1, -1, -1):
        i, mark = marks[n]
        if mark == "'" and not view[i - 1].isspace():
            nxt = view[i + 1] if i + 1 < end else " "
            if not _wordy(nxt):
                return n
    return -1
