"""The document model: the original text, its masked spans and its scopes.

Reading a format never rewrites the text.  It only records spans:

* ``masked`` spans are never checked (code, URLs, markup, front-matter keys);
* ``headline`` is the one span holding the headline;
* ``quotes`` are the spans inside quotation marks;
* ``paragraphs`` are the prose blocks, in order.

Checks match against :attr:`Document.view`, a copy of the text of the *same length* in which every
masked character except a line break is replaced by ``MASK`` (a NUL).  Offsets into the view are
therefore offsets into the original text, and :meth:`Document.position` turns an offset into a
1-based line and a 1-based column counted in Unicode code points.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
Scope = Literal["headline", "body", "quote"]
SCOPES: tuple[Scope, ...] = ("headline", "body", "quote")

MASK = "\x00"


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line of ``text`` starts (the text uses ``\\n`` line breaks)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


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


@dataclass(frozen=True)
class Document:
    """A draft ready for checking.  Build it with :func:`make_document`."""

    text: str
    view: str
    path: str = "<text>"
    format: str = "text"
    headline: Span | None = None
    quotes: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    masked: tuple[Span, ...] = ()
    lines: tuple[int, ...] = field(default=(0,), repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column (in code points) of ``offset``."""
        index = bisect_right(self.lines, offset) - 1
        return index + 1, offset - self.lines[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.lines[line - 1]
        end = self.lines[line] - 1 if line < len(self.lines) else len(self.text)
        return self.text[start:end]

    def in_quote(self, offset: int) -> bool:
        quotes = self.quotes
        i = bisect_right(quotes, (offset, float("inf"))) - 1
        return i >= 0 and quotes[i][0] <= offset < quotes[i][1]

    def in_headline(self, offset: int) -> bool:
        return self.headline is not None and self.headline[0] <= offset < self.headline[1]

    def scope_at(self, offset: int) -> Scope:
        """The scope of one offset: ``quote`` wins over ``headline``, which wins over ``body``."""
        if self.in_quote(offset):
            return "quote"
        if self.in_headline(offset):
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


def make_document(
    text: str,
    *,
    path: str = "<text>",
    format: str = "text",
    masked: Iterable[Span] = (),
    headline: Span | None = None,
    paragraphs: Iterable[Span] = (),
) -> Document:
    """Build a :class:`Document`: merge the masks, build the view, find the quotations."""
    from .quotes import find_quotes

    masks = merge_spans(masked)
    view = masked_view(text, masks)
    paras = tuple(sorted(p for p in paragraphs if p[1] > p[0]))
    quotes = find_quotes(view, paras)
    return Document(
        text=text,
        view=view,
        path=path,
        format=format,
        headline=headline,
        quotes=quotes,
        paragraphs=paras,
        masked=masks,
        lines=line_starts(text),
    )
