"""The document model: the original text, its masked spans and its scopes.

Reading a format never rewrites the text.  It only records spans:

* ``masked`` spans are never checked (code, URLs, markup, front-matter keys);
* ``headline`` is the one span holding the headline, and ``headings`` the subheadings in the
  body, which are written as headlines are (in the ``headline`` scope);
* ``quotes`` are the spans inside quotation marks, and block quotes;
* ``paragraphs`` are the prose blocks, in order, and ``items`` those that are list items;
* ``directives`` are the spans of suppression comments (``<!-- newslint-disable -->``);
* ``references`` are spans read as other characters (HTML's ``&rsquo;``): a violation never
  splits one.

Checks match against :attr:`Document.view`, a copy of the text of the *same length* in which every
masked character except a line break is replaced by ``MASK`` (a NUL).  Offsets into the view are
therefore offsets into the original text, and :meth:`Document.position` turns an offset into a
1-based line and a 1-based column counted in Unicode code points.  A reference's decoded character
stands at the *last* offset of its span in the view, the rest of the span masked: ``don&rsquo;t``
is seen as ``don`` + masks + ``’t``, so an apostrophe still reads as one.

A no-break space (U+00A0, the narrow U+202F and the figure space U+2007, as CMS exports write
between "Mr" and a name, a number and its unit, a time and "AM") is a space in the view, so
checks read "Mr\u00a0Trump" as they read "Mr Trump"; the text keeps it.  So is a line break
inside a paragraph between two words, as a hard-wrapped draft has them ("5\nper cent"): a
break next to other white space (a Markdown hard break, an indented line) or before a list
item ("- more buses") is left as it is.  A zero-width space, a word joiner or a byte-order mark
inside the text is masked, as markup is.  An HTML line break (``<br>``) in prose stays masked,
but its last offset is a space in the view: the words on either side are two words.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Literal

Span = tuple[int, int]
Scope = Literal["headline", "body", "quote"]
SCOPES: tuple[Scope, ...] = ("headline", "body", "quote")

MASK = "\x00"
# No-break spaces read as spaces; invisible characters that copy pasted from the web carries
# (the zero-width space, the word joiner, a byte-order mark inside the text) are masked.
_NO_BREAK = "\u00a0\u2007\u202f"
_INVISIBLE = "\u200b\u2060\ufeff"
_READ_OTHERWISE = re.compile(f"[{_NO_BREAK}{_INVISIBLE}]")
_AS_READ = str.maketrans(_NO_BREAK + _INVISIBLE, " " * len(_NO_BREAK) + MASK * len(_INVISIBLE))


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line of ``text`` starts (the text uses ``\\n`` line breaks)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


class cycles_uncollected:  # a lower-case name: used as ``with cycles_uncollected(): ...``
    """Python's collector of reference cycles paused for the block.

    Reading and checking a draft makes millions of small objects (spans, matches) and no
    cycles; reference counting frees them.  The collector, though, walks every live object each
    time it runs, and runs more often the more there are, so on a draft of many megabytes its
    time grows faster than the draft: a third more a MB at 4 MB than at 1 MB.  Paused, the
    cost a MB stays flat; cycles made meanwhile are collected once it runs again.
    """

    __slots__ = ("_was",)

    def __enter__(self) -> None:
        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sort spans and merge those that overlap or touch; empty spans are dropped."""
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1][1] = end
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)


def complement(spans: Iterable[Span], length: int) -> list[Span]:
    """The parts of ``[0, length)`` that no span covers (a reader masks all but its prose)."""
    out = []
    pos = 0
    for start, end in sorted(spans):
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        out.append((pos, length))
    return out


def masked_view(text: str, masked: Sequence[Span]) -> str:
    """The text with every masked character but ``\\n`` replaced by ``MASK``; same length."""
    if not masked:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in masked:
        parts.append(text[pos:start])
        chunk = text[start:end]
        if "\n" in chunk:
            parts.append("\n".join(MASK * len(piece) for piece in chunk.split("\n")))
        else:
            parts.append(MASK * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _put(view: str, placed: Iterable[tuple[int, str]]) -> str:
    """``view`` with one character put at each offset of ``placed`` (in order, each offset
    once); same length."""
    parts: list[str] = []
    pos = 0
    for offset, char in placed:
        parts.append(view[pos:offset])
        parts.append(char)
        pos = offset + 1
    if not parts:
        return view
    parts.append(view[pos:])
    return "".join(parts)


def substitute(view: str, substitutions: Iterable[tuple[int, str]]) -> str:
    """``view`` with single characters put in at unmasked offsets; same length."""
    kept: list[tuple[int, str]] = []
    for offset, char in sorted(substitutions):
        if (kept and offset <= kept[-1][0]) or view[offset] == MASK or view[offset] == "\n":
            continue
        kept.append((offset, char))
    return _put(view, kept)


def _spaces_at(view: str, offsets: Iterable[int]) -> str:
    """``view`` with a space at each of ``offsets``; same length."""
    return _put(view, ((offset, " ") for offset in sorted(set(offsets))))


@dataclass(frozen=True)
class Notice:
    """What a reader wants the report to say about a whole draft (a fallback it took)."""

    rule: str
    message: str
    severity: str = "warning"


@dataclass(frozen=True)
class Document:
    """A draft ready for checking.  Build it with :func:`make_document`."""

    text: str
    view: str
    path: str = "<text>"
    format: str = "text"
    headline: Span | None = None
    paragraphs: tuple[Span, ...] = ()
    quoted: tuple[Span, ...] = ()  # block quotes: quotations without quotation marks
    masked: tuple[Span, ...] = ()
    directives: tuple[Span, ...] = ()
    references: tuple[Span, ...] = ()
    items: tuple[Span, ...] = ()  # paragraphs that are list items
    headings: tuple[Span, ...] = ()  # subheadings: headings in the body, read as headlines
    lines: tuple[int, ...] = field(default=(0,), repr=False)
    notices: tuple[Notice, ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column (in code points) of ``offset``."""
        index = bisect_right(self.lines, offset) - 1
        return index + 1, offset - self.lines[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.lines[line - 1]
        end = self.lines[line] - 1 if line < len(self.lines) else len(self.text)
        return self.text[start:end]

    def read(self, start: int, end: int) -> str:
        """``text[start:end]`` as the checks read it: markup left out, HTML references as their
        characters, and no-break spaces and soft line breaks as spaces.  A check that compares
        what is written with the house form does so on this, so "13&nbsp;February 2025" is the
        house's "13 February 2025"; messages quote it ("Mr <b>Whitlock</b>" reads "Mr Whitlock").
        """
        seen = self.view[start:end]
        return seen.replace(MASK, "") if MASK in seen else seen

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` grown so that it does not split a reference."""
        refs = self.references
        i = bisect_right(refs, (start, float("inf"))) - 1
        if i >= 0 and refs[i][0] < start < refs[i][1]:
            start = refs[i][0]
        j = bisect_right(refs, (end, float("inf"))) - 1
        if j >= 0 and refs[j][0] < end < refs[j][1]:
            end = refs[j][1]
        return start, end

    @cached_property
    def quotes(self) -> tuple[Span, ...]:
        """The quotations (see :mod:`.quotes`) and the block quotes, merged, in order.  Found
        when first asked for: a draft with nothing for a check to report in its quotations, or
        an archive's draft without a courtesy title, never needs them."""
        from .quotes import find_quotes

        quotes = find_quotes(self.view, self.paragraphs)
        return merge_spans([*quotes, *self.quoted]) if self.quoted else quotes

    def in_quote(self, offset: int) -> bool:
        quotes = self.quotes
        i = bisect_right(quotes, (offset, float("inf"))) - 1
        return i >= 0 and quotes[i][0] <= offset < quotes[i][1]

    def paragraphs_holding(self, offset: int) -> Iterator[int]:
        """The indices of the paragraphs that hold ``offset``, in order (a list item inside a
        block quote is a paragraph inside another), found by halving."""
        paras = self.paragraphs
        i = bisect_right(paras, (offset, float("inf"))) - 1
        if i < 0:
            return
        for j in range(bisect_right(self._paragraph_reach, offset, 0, i + 1), i + 1):
            if offset < paras[j][1]:
                yield j

    def in_headline(self, offset: int) -> bool:
        return self.headline is not None and self.headline[0] <= offset < self.headline[1]

    def in_heading(self, offset: int) -> bool:
        """In the headline or a subheading: copy written as a headline is."""
        if self.in_headline(offset):
            return True
        headings = self.headings
        i = bisect_right(headings, (offset, float("inf"))) - 1
        return i >= 0 and headings[i][0] <= offset < headings[i][1]

    def paragraph_start(self, offset: int) -> int:
        """The start of the first paragraph (in order) that holds ``offset``; where none does,
        that of the last one starting before it, and 0 where none does.  Found by halving, not
        by reading the paragraphs before: a check asks it for each finding of a long draft."""
        paras = self.paragraphs
        i = bisect_right(paras, (offset, float("inf"))) - 1
        if i < 0:
            return 0
        j = bisect_right(self._paragraph_reach, offset, 0, i + 1)  # the first ending past it
        return paras[j][0] if j <= i else paras[i][0]

    @cached_property
    def _paragraph_reach(self) -> tuple[int, ...]:
        """The furthest end of the paragraphs up to each one."""
        return tuple(accumulate((end for _, end in self.paragraphs), max))

    def same_paragraph(self, a: int, b: int) -> bool:
        """True when offsets ``a <= b`` lie in one paragraph (or in the headline)."""
        if self.in_headline(a):
            return self.in_headline(b)
        paras = self.paragraphs
        i = bisect_right(paras, (a, float("inf"))) - 1
        return i >= 0 and paras[i][0] <= a and b < paras[i][1]

    def scope_at(self, offset: int) -> Scope:
        """The scope of one offset: ``quote`` wins over ``headline`` (the headline and the
        subheadings), which wins over ``body``."""
        if self.in_quote(offset):
            return "quote"
        if self.in_heading(offset):
            return "headline"
        return "body"

    def sections(self, scopes: Iterable[Scope]) -> list[Span]:
        """The paragraphs (and headline) whose start lies in one of ``scopes``."""
        wanted = set(scopes)
        out = []
        if self.headline is not None and "headline" in wanted:
            out.append(self.headline)
        for span in self.paragraphs:
            if span == self.headline:
                continue
            if "body" in wanted or ("quote" in wanted and self.in_quote(span[0])):
                out.append(span)
        return out


# A line of plain text that starts a list item: its line break is the item's end, not a wrap.
_LIST_ITEM = re.compile(r"(?:[-*+•–—]|\d{1,3}[.)])[ \t]")


def _soft_breaks_as_spaces(view: str, paragraphs: Sequence[Span]) -> str:
    """``view`` with each line break inside a paragraph, between two characters that are not
    white space, read as a space ("rose 5\nper cent" as "rose 5 per cent"); a line that starts
    a list item ("- more buses") keeps its break."""
    breaks = []
    for start, end in paragraphs:
        i = view.find("\n", start, end)
        while i >= 0:
            if (
                view[i - 1] not in " \t\n"
                and view[i + 1] not in " \t\n"
                and _LIST_ITEM.match(view, i + 1) is None
            ):
                breaks.append(i)
            i = view.find("\n", i + 1, end)
    return _spaces_at(view, breaks)  # each once: a headline may also be a paragraph


def make_document(
    text: str,
    *,
    path: str = "<text>",
    format: str = "text",
    masked: Iterable[Span] = (),
    headline: Span | None = None,
    paragraphs: Iterable[Span] = (),
    directives: Iterable[Span] = (),
    references: Iterable[tuple[Span, str]] = (),
    spaces: Iterable[int] = (),
    items: Iterable[Span] = (),
    quoted: Iterable[Span] = (),
    headings: Iterable[Span] = (),
) -> Document:
    """Build a :class:`Document`: merge the masks and build the view (the quotations are
    found when first asked for, see :attr:`Document.quotes`).

    ``references`` pairs a span of the text with the characters it stands for (no more of them
    than the span is long): the view holds them at the end of the span and masks the rest.
    ``spaces`` are masked offsets the view shows as a space, though they stay masked (so no
    fix rewrites them): the last character of an HTML line break, ``<br>``, between two words.
    ``quoted`` are paragraphs that are quotations without quotation marks: a block quote.
    """
    masks = merge_spans(masked)
    refs = sorted(references)
    if refs:  # a reference is not masked text (a fix may replace it whole), only seen as one
        hidden = merge_spans([*masks, *((s, e - len(chars)) for (s, e), chars in refs)])
        subs = [(e - len(chars) + i, c) for (s, e), chars in refs for i, c in enumerate(chars)]
        view = substitute(masked_view(text, hidden), subs)
    else:
        view = masked_view(text, masks)
    if _READ_OTHERWISE.search(view) is not None:
        view = view.translate(_AS_READ)
    if spaces:
        view = _spaces_at(view, spaces)
    paras = tuple(sorted(p for p in paragraphs if p[1] > p[0]))
    view = _soft_breaks_as_spaces(view, paras)
    return Document(
        text=text,
        view=view,
        path=path,
        format=format,
        headline=headline,
        paragraphs=paras,
        quoted=tuple(sorted(quoted)),
        masked=masks,
        directives=tuple(sorted(directives)),
        references=tuple(span for span, _ in refs),
        items=tuple(sorted(items)),
        headings=tuple(sorted(headings)),
        lines=line_starts(text),
    )
